// Issue 15, point 3, in the configuration: every configured address (the two mailboxes, the audiences' groups,
// the allowed and institutional senders) passes the add-in's one address rule (domain/address.ts), and a problem
// says what is wrong and how to fix it, in Spanish and English.
import { parseConfig } from "../../src/config/load";
import type { ConfigProblem } from "../../src/config/problems";
import demo from "../../src/demo/demo.config.json";
import { problemText } from "../../src/taskpane/ConfigErrorScreen";

type Json = Record<string, unknown>;

function valid(): Json {
  return structuredClone(demo) as Json;
}

function problemsOf(json: unknown): ConfigProblem[] {
  const result = parseConfig(json);
  if (result.ok) throw new Error("expected the config to be rejected");
  return result.problems;
}

describe("configured addresses", () => {
  it.each([
    ["communicationsMailbox", (j: Json, v: string) => (j.communicationsMailbox = v)],
    ["itMailbox", (j: Json, v: string) => (j.itMailbox = v)],
    ["audiences[0].group", (j: Json, v: string) => (((j.audiences as Json[])[0] as Json).group = v)],
    [
      "allowedSenders[0].address",
      (j: Json, v: string) => (((j.allowedSenders as Json[])[0] as Json).address = v),
    ],
    ["institutionalSender.address", (j: Json, v: string) => ((j.institutionalSender as Json).address = v)],
  ])("%s: a malformed address is named with what is wrong", (path, set) => {
    const json = valid();
    set(json, "tic.universidad.example");
    const [problem, ...rest] = problemsOf(json);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ path, kind: "invalidEmail", details: { problem: "noAt" } });
    expect(problemText(problem as ConfigProblem, "es")).toBe(
      "No es una dirección de correo válida: le falta la arroba (@). Escriba la dirección completa, p. ej. nombre@universidad.edu.co.",
    );
    expect(problemText(problem as ConfigProblem, "en")).toContain("the at sign (@) is missing");
  });

  it.each([
    ["tic@@universidad.example", "manyAt"],
    ["tic @universidad.example", "spaces"],
    ["tic@universidad..example", "badDomain"],
    ["tic..ops@universidad.example", "badLocal"],
    ["TIC <tic@universidad.example>", "withName"],
  ])("refuses %s as %s", (address, kind) => {
    const json = valid();
    json.itMailbox = address;
    expect(problemsOf(json)).toEqual([
      expect.objectContaining({ path: "itMailbox", kind: "invalidEmail", details: { problem: kind } }),
    ]);
  });

  it("takes an address with spaces around it, trimmed", () => {
    const json = valid();
    const address = String(json.itMailbox);
    json.itMailbox = `  ${address} `;
    const result = parseConfig(json);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.config.itMailbox).toBe(address);
  });
});
