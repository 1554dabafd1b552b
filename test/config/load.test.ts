import { configError, loadConfig, parseConfig } from "../../src/config/load";
import type { ConfigProblem } from "../../src/config/problems";
import { ConfigFetchError } from "../../src/config/fetchText";
import { TEMPLATE_CLIENT_ID, TEMPLATE_TENANT_ID } from "../../src/config/schema";
import template from "../../src/config/pregon.config.json";
import demo from "../../src/demo/demo.config.json";

type Json = Record<string, unknown>;

/** A fresh, valid config to break one field at a time. */
function valid(): Json {
  return structuredClone(demo) as Json;
}

function problemsOf(json: unknown): ConfigProblem[] {
  const result = parseConfig(json);
  if (result.ok) throw new Error("expected the config to be rejected");
  return result.problems;
}

function only(json: unknown): ConfigProblem {
  const problems = problemsOf(json);
  expect(problems).toHaveLength(1);
  return problems[0] as ConfigProblem;
}

function section(json: Json, key: string): Json {
  return json[key] as Json;
}

describe("shipped files", () => {
  it.each([
    ["template", template],
    ["demo", demo],
  ])("the %s config validates", (_name, json) => {
    const result = parseConfig(json);
    expect(result.ok).toBe(true);
  });

  it("the template uses the documented placeholder client id, the demo its own", () => {
    expect(template.auth.clientId).toBe(TEMPLATE_CLIENT_ID);
    expect(demo.auth.clientId).not.toBe(TEMPLATE_CLIENT_ID);
  });

  it("the template asks for a tenant GUID (single-tenant registration, docs/ADMIN.md), not organizations", () => {
    expect(template.auth.tenantId).toBe(TEMPLATE_TENANT_ID);
    expect(template.$comment).toContain(TEMPLATE_TENANT_ID);
  });

  it("the demo allows the senders that appear in the request fixtures", () => {
    const result = parseConfig(demo);
    if (!result.ok) throw new Error("demo config invalid");
    expect(result.config.allowedSenders.map((s) => s.address)).toEqual(
      expect.arrayContaining([
        "decanatura.fiet@universidad.example",
        "vicebienestar@universidad.example",
        "talentohumano@universidad.example",
        "rectoria@universidad.example",
        "relaciones.internacionales@universidad.example",
        "secretaria.general@universidad.example",
      ]),
    );
  });
});

describe("loadConfig", () => {
  it("fetches the default file name and returns the config", async () => {
    const fetchText = jest.fn(async () => JSON.stringify(demo));
    const result = await loadConfig(fetchText);
    expect(fetchText).toHaveBeenCalledWith("pregon.config.json");
    expect(result.ok && result.config.institution.name).toBe("Universidad (demo)");
  });

  it("reports a missing file (404) with its status", async () => {
    const result = await loadConfig(async () => {
      throw new ConfigFetchError("HTTP 404", 404);
    }, "demo.config.json");
    expect(result).toEqual({
      ok: false,
      problems: [
        expect.objectContaining({
          path: "",
          kind: "fileUnavailable",
          details: { url: "demo.config.json", status: 404 },
        }),
      ],
    });
  });

  it("reports a network failure as an unavailable file without a status", async () => {
    const result = await loadConfig(async () => {
      throw new TypeError("Failed to fetch");
    });
    expect(!result.ok && result.problems[0]).toMatchObject({
      kind: "fileUnavailable",
      details: { url: "pregon.config.json" },
    });
  });

  it("reports text that is not JSON, with line and column", async () => {
    const text = '{\n  "$schemaVersion": 1,\n  "institution": {\n    "name": "U",\n  }\n}';
    const result = await loadConfig(async () => text);
    const problem = !result.ok ? result.problems[0] : undefined;
    expect(problem).toMatchObject({ path: "", kind: "invalidJson" });
    expect(problem?.details).toMatchObject({ line: 5, column: 3 });
  });

  it("reports an empty file as not JSON", async () => {
    const result = await loadConfig(async () => "");
    expect(!result.ok && result.problems[0]?.kind).toBe("invalidJson");
  });

  it("accepts a file saved with a byte-order mark", async () => {
    const result = await loadConfig(async () => `\uFEFF${JSON.stringify(demo)}`);
    expect(result.ok).toBe(true);
  });
});

describe("parseConfig problems name the field and what is expected", () => {
  it("a missing required field", () => {
    const json = valid();
    delete json["itMailbox"];
    expect(only(json)).toMatchObject({ path: "itMailbox", kind: "missing", expected: "string" });
  });

  it("a missing nested field", () => {
    const json = valid();
    delete section(json, "institution")["defaultLanguage"];
    expect(only(json)).toMatchObject({ path: "institution.defaultLanguage", kind: "missing" });
  });

  it("a field of the wrong type", () => {
    const json = valid();
    json["leadTimeDays"] = "3";
    expect(only(json)).toMatchObject({ path: "leadTimeDays", kind: "wrongType", expected: "number" });
  });

  it("a non-integer lead time", () => {
    const json = valid();
    json["leadTimeDays"] = 2.5;
    expect(only(json)).toMatchObject({ path: "leadTimeDays", kind: "wrongType", expected: "integer" });
  });

  it("a bad e-mail address inside a list", () => {
    const json = valid();
    const audiences = json["audiences"] as Json[];
    (audiences[1] as Json)["group"] = "docentes@";
    expect(only(json)).toMatchObject({
      path: "audiences[1].group",
      kind: "invalidEmail",
      expected: "email address",
    });
  });

  it("a date that does not exist", () => {
    const json = valid();
    json["closedDays"] = ["2026-12-24", "2026-02-30"];
    expect(only(json)).toMatchObject({ path: "closedDays[1]", kind: "invalidDate", expected: "YYYY-MM-DD" });
  });

  it("a date in another format", () => {
    const json = valid();
    json["closedDays"] = ["24/12/2026"];
    expect(only(json)).toMatchObject({ path: "closedDays[0]", kind: "invalidDate" });
  });

  it("an unknown time zone", () => {
    const json = valid();
    section(json, "institution")["timeZone"] = "America/Popayan";
    expect(only(json)).toMatchObject({ path: "institution.timeZone", kind: "invalidTimeZone" });
  });

  it("a UTC offset instead of a zone name", () => {
    const json = valid();
    section(json, "institution")["timeZone"] = "-05:00";
    expect(only(json)).toMatchObject({ path: "institution.timeZone", kind: "invalidTimeZone" });
  });

  it("a duplicate audience key, at the repeating entry", () => {
    const json = valid();
    const audiences = json["audiences"] as Json[];
    (audiences[2] as Json)["key"] = "estudiantes";
    expect(only(json)).toMatchObject({ path: "audiences[2].key", kind: "duplicate" });
  });

  it("a duplicate allowed sender, whatever its case", () => {
    const json = valid();
    json["allowedSenders"] = [
      { name: "Rectoría", address: "rectoria@universidad.example" },
      { name: "Rectoría (otra)", address: "Rectoria@universidad.example" },
    ];
    expect(only(json)).toMatchObject({ path: "allowedSenders[1].address", kind: "duplicate" });
  });

  it("an audience key that is not one of the three", () => {
    const json = valid();
    const audiences = json["audiences"] as Json[];
    (audiences[0] as Json)["key"] = "egresados";
    expect(only(json)).toMatchObject({
      path: "audiences[0].key",
      kind: "invalidChoice",
      expected: "estudiantes | docentes | administrativos",
    });
  });

  it("no audiences at all", () => {
    const json = valid();
    json["audiences"] = [];
    expect(only(json)).toMatchObject({ path: "audiences", kind: "tooFew", details: { min: 1 } });
  });

  it("an unknown key (a typo) with a suggestion", () => {
    const json = valid();
    const institution = section(json, "institution");
    institution["timezone"] = institution["timeZone"];
    delete institution["timeZone"];
    const problems = problemsOf(json);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          path: "institution.timezone",
          kind: "unknownKey",
          expected: "timeZone",
          details: { suggestion: "timeZone" },
        }),
        expect.objectContaining({ path: "institution.timeZone", kind: "missing" }),
      ]),
    );
  });

  it("an unknown top-level key with no likely match lists the allowed keys", () => {
    const json = valid();
    json["colour"] = "blue";
    const problem = only(json);
    expect(problem).toMatchObject({ path: "colour", kind: "unknownKey" });
    expect(problem.expected).toContain("leadTimeDays");
    expect(problem.details).toBeUndefined();
  });

  it.each([-1, 31])("leadTimeDays %p is out of range", (value) => {
    const json = valid();
    json["leadTimeDays"] = value;
    expect(only(json)).toMatchObject({ path: "leadTimeDays", kind: "outOfRange", expected: "0..30" });
  });

  it("the all-zero client id is not configured", () => {
    const json = valid();
    section(json, "auth")["clientId"] = "00000000-0000-0000-0000-000000000000";
    expect(only(json)).toMatchObject({ path: "auth.clientId", kind: "notConfigured", expected: "GUID" });
  });

  it("the all-zero tenant id is not configured", () => {
    const json = valid();
    section(json, "auth")["tenantId"] = "00000000-0000-0000-0000-000000000000";
    expect(only(json)).toMatchObject({ path: "auth.tenantId", kind: "notConfigured" });
  });

  it("a client id that is not a GUID", () => {
    const json = valid();
    section(json, "auth")["clientId"] = "my-app";
    expect(only(json)).toMatchObject({ path: "auth.clientId", kind: "invalidGuid", expected: "GUID" });
  });

  it("a tenant that is neither a GUID nor organizations", () => {
    const json = valid();
    section(json, "auth")["tenantId"] = "common";
    expect(only(json)).toMatchObject({ path: "auth.tenantId", kind: "invalidGuid" });
  });

  it.each([
    "http://addin.universidad.example/dialog.html",
    "//evil.example/x.html",
    "javascript:alert(1)",
    "../x.html",
  ])("a dialog URL %p is refused", (dialogUrl) => {
    const json = valid();
    section(json, "auth")["dialogUrl"] = dialogUrl;
    expect(only(json)).toMatchObject({ path: "auth.dialogUrl", kind: "invalidUrl" });
  });

  it.each([
    "dialog.html",
    "auth/dialog.html",
    "/auth/dialog.html",
    "https://addin.universidad.example/dialog.html",
  ])("a dialog URL %p is accepted", (dialogUrl) => {
    const json = valid();
    section(json, "auth")["dialogUrl"] = dialogUrl;
    expect(parseConfig(json).ok).toBe(true);
  });

  it("a newer $schemaVersion is unsupported", () => {
    const json = valid();
    json["$schemaVersion"] = 2;
    expect(only(json)).toMatchObject({ path: "$schemaVersion", kind: "unsupportedVersion", expected: "1" });
  });

  it("a blank name is empty", () => {
    const json = valid();
    section(json, "institution")["name"] = "   ";
    expect(only(json)).toMatchObject({ path: "institution.name", kind: "empty" });
  });

  it("a file that is not an object is reported at the root", () => {
    expect(only([])).toMatchObject({ path: "", kind: "wrongType", expected: "object" });
  });

  it("reports every problem at once, each with a developer message", () => {
    const json = valid();
    json["itMailbox"] = "tic";
    json["leadTimeDays"] = 99;
    const problems = problemsOf(json);
    expect(problems.map((p) => p.path)).toEqual(["itMailbox", "leadTimeDays"]);
    for (const p of problems) expect(p.message).toContain(p.path);
  });
});

describe("configError", () => {
  it("summarises the problems in an AppError that sends the user to an administrator", () => {
    const error = configError(problemsOf({ ...valid(), leadTimeDays: 99 }));
    expect(error).toMatchObject({
      code: "config",
      nextStep: "contactAdmin",
      details: { count: 1, firstPath: "leadTimeDays", firstKind: "outOfRange" },
    });
  });
});
