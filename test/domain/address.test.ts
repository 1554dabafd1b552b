import { checkAddress, isValidAddress } from "../../src/domain/address";
import type { AddressProblem } from "../../src/domain/address";

describe("checkAddress: the one address rule (practical RFC 5321/5322 subset)", () => {
  it.each([
    "laura.gomez@universidad.edu.co",
    "comunicaciones@universidad.example",
    "x@y.co",
    "first.last+tag@sub.domain-with-hyphen.org",
    "o'neil@unit.example",
    "a!#$%&'*+/=?^_`{|}~-z@x.example",
    "  padded@universidad.edu.co  ",
    "ESTUDIANTES@UNIVERSIDAD.EDU.CO",
  ])("accepts %s", (address) => {
    expect(checkAddress(address)).toBeNull();
    expect(isValidAddress(address)).toBe(true);
  });

  const refused: Array<[string | null | undefined, AddressProblem]> = [
    ["", "missing"],
    ["   ", "missing"],
    [null, "missing"],
    [undefined, "missing"],
    ["Laura Gómez <laura@universidad.edu.co>", "withName"],
    ["laura gomez@universidad.edu.co", "spaces"],
    ["laura@universidad .edu.co", "spaces"],
    ["laura\u00a0@universidad.edu.co", "spaces"],
    ["laura\t@universidad.edu.co", "spaces"],
    ["laura.universidad.edu.co", "noAt"],
    ["Vicerrectoría de Investigación", "spaces"],
    ["vicerrectoria", "noAt"],
    ["laura@@universidad.edu.co", "manyAt"],
    ["laura@universidad@edu.co", "manyAt"],
    ["@universidad.edu.co", "emptyLocal"],
    ["laura@", "emptyDomain"],
    [".laura@universidad.edu.co", "badLocal"],
    ["laura.@universidad.edu.co", "badLocal"],
    ["laura..gomez@universidad.edu.co", "badLocal"],
    ['"laura gomez"@universidad.edu.co', "spaces"],
    ['"laura"@universidad.edu.co', "badLocal"],
    ["laura,gomez@universidad.edu.co", "badLocal"],
    ["laura;otra@universidad.edu.co", "badLocal"],
    ["lauragómez@universidad.edu.co", "badLocal"],
    ["laura@universidad", "badDomain"],
    ["laura@universidad.", "badDomain"],
    ["laura@.universidad.edu.co", "badDomain"],
    ["laura@universidad..edu.co", "badDomain"],
    ["laura@-universidad.edu.co", "badDomain"],
    ["laura@universidad-.edu.co", "badDomain"],
    ["laura@universidad_edu.co", "badDomain"],
    ["laura@[10.0.0.1]", "badDomain"],
    ["laura@10.0.0.1", "badDomain"],
    ["laura@universidád.edu.co", "badDomain"],
    [`${"a".repeat(65)}@universidad.edu.co`, "tooLong"],
    [`laura@${"a".repeat(250)}.co`, "tooLong"],
  ];
  it.each(refused)("refuses %p as %s", (address, problem) => {
    expect(checkAddress(address)).toBe(problem);
    expect(isValidAddress(address)).toBe(false);
  });

  it("takes 64 characters of local part and a 63-character label, not one more", () => {
    expect(checkAddress(`${"a".repeat(64)}@x.example`)).toBeNull();
    expect(checkAddress(`a@${"b".repeat(63)}.example`)).toBeNull();
    expect(checkAddress(`a@${"b".repeat(64)}.example`)).toBe("badDomain");
  });
});
