// The $filter parser on its own: the tree it builds, and the syntax it refuses.
import { GraphError } from "../../src/emulator/errors";
import { parseFilter } from "../../src/emulator/odata/filter-parser";

function codeOf(text: string): string {
  try {
    parseFilter(text);
    return "parsed";
  } catch (error) {
    return error instanceof GraphError ? error.code : "other";
  }
}

describe("parseFilter", () => {
  it("builds and/or with and binding tighter, left to right", () => {
    const tree = parseFilter("isDraft eq false or isRead eq true and subject eq 'x'");
    expect(tree.kind).toBe("or");
    if (tree.kind !== "or") return;
    expect(tree.right.kind).toBe("and");
  });

  it("parses lambdas with range variables, nested boolean logic and functions", () => {
    const tree = parseFilter(
      "receivedDateTime ge 1900-01-01T00:00:00Z and singleValueExtendedProperties/Any(ep: ep/id eq 'String {x} Name a' and (ep/value eq 'b' or startswith(ep/value,'c')))",
    );
    expect(tree.kind).toBe("and");
    if (tree.kind !== "and") return;
    expect(tree.left).toEqual({
      kind: "compare",
      op: "ge",
      left: { kind: "property", path: ["receivedDateTime"], variable: null },
      right: { kind: "literal", type: "datetime", value: "1900-01-01T00:00:00Z" },
    });
    expect(tree.right.kind).toBe("lambda");
    if (tree.right.kind !== "lambda") return;
    expect(tree.right.variable).toBe("ep");
    expect(tree.right.collection.path).toEqual(["singleValueExtendedProperties"]);
  });

  it("reads string escapes, numbers, null and not", () => {
    expect(parseFilter("subject eq 'let''s meet'")).toMatchObject({ right: { value: "let's meet" } });
    expect(parseFilter("size gt -5")).toMatchObject({ right: { type: "number", value: -5 } });
    expect(parseFilter("not (from/emailAddress/address eq null)")).toMatchObject({ kind: "not" });
  });

  it.each([
    ["subject eq", "BadRequest"],
    ["subject eq 'open", "BadRequest"],
    ["(isRead eq true", "BadRequest"],
    ["isRead eq true )", "BadRequest"],
    ["subject eq 'a' $ 1", "BadRequest"],
    ["2026-13-45 eq receivedDateTime", "BadRequest"],
    ["categories/any(c: c eq 'a'", "BadRequest"],
    ["subject in ('a','b')", "ErrorInvalidUrlQueryFilter"],
    ["tolower(subject) eq 'a'", "ErrorInvalidUrlQueryFilter"],
    ["size add 1 eq 2", "ErrorInvalidUrlQueryFilter"],
  ])("refuses %s with %s", (text, code) => {
    expect(codeOf(text)).toBe(code);
  });
});
