// The layer fences are lint rules; this proves they bite: each forbidden import or global, placed in the folder
// it is forbidden in, is reported by the project's own ESLint configuration.
// ESLint loads its flat config with a dynamic import, which jest's module sandbox cannot do, so the probes are
// linted in one child Node process with ESLint's API and the rule ids come back as JSON.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..", "..");

const LINT_SCRIPT = `
const { ESLint } = await import("eslint");
const probes = JSON.parse(await new Promise((r) => { let s = ""; process.stdin.on("data", (d) => (s += d)); process.stdin.on("end", () => r(s)); }));
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [file, code] of probes) {
  const [result] = await eslint.lintText(code, { filePath: file });
  out.push(result.messages.map((m) => m.ruleId ?? "fatal"));
}
process.stdout.write(JSON.stringify(out));
`;

function lintAll(probes: readonly (readonly [string, string])[]): string[][] {
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", LINT_SCRIPT], {
    cwd: root,
    input: JSON.stringify(probes.map(([file, code]) => [path.join(root, file), code])),
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(`eslint probe failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as string[][];
}

const cases: [string, string, string][] = [
  [
    "src/domain/fence-probe.ts",
    'import { useState } from "react";\nexport const x = useState;\n',
    "no-restricted-imports",
  ],
  [
    "src/domain/fence-probe.ts",
    'import { Client } from "@microsoft/microsoft-graph-client";\nexport const x = Client;\n',
    "no-restricted-imports",
  ],
  [
    "src/domain/fence-probe.ts",
    'import { AppError } from "../taskpane/hooks/asyncState";\nexport const x = AppError;\n',
    "no-restricted-imports",
  ],
  [
    "src/taskpane/fence-probe.ts",
    'import { GraphMailService } from "../graph";\nexport const x = GraphMailService;\n',
    "no-restricted-imports",
  ],
  ["src/taskpane/fence-probe.ts", 'export const x = () => fetch("/");\n', "no-restricted-globals"],
  ["src/workflow/fence-probe.ts", "export const x = () => Office.context;\n", "no-restricted-globals"],
  [
    "src/workflow/fence-probe.ts",
    'import { PublicClientApplication } from "@azure/msal-browser";\nexport const x = PublicClientApplication;\n',
    "no-restricted-imports",
  ],
  [
    "src/graph/fence-probe.ts",
    'import { PublicClientApplication } from "@azure/msal-browser";\nexport const x = PublicClientApplication;\n',
    "no-restricted-imports",
  ],
  [
    "src/taskpane/fence-probe.ts",
    'import { http } from "msw";\nexport const x = http;\n',
    "no-restricted-imports",
  ],
];

const allowed: [string, string, string][] = [
  [
    "src/graph/fence-probe.ts",
    'import { Client } from "@microsoft/microsoft-graph-client";\nexport const x = Client;\n',
    "no-restricted-imports",
  ],
  [
    "src/auth/fence-probe.ts",
    'import { PublicClientApplication } from "@azure/msal-browser";\nexport const x = PublicClientApplication;\n',
    "no-restricted-imports",
  ],
  ["src/office/fence-probe.ts", "export const x = () => Office.context;\n", "no-restricted-globals"],
];

describe("layer fences", () => {
  let refused: string[][] = [];
  let permitted: string[][] = [];
  beforeAll(() => {
    const results = lintAll([...cases, ...allowed].map(([file, code]) => [file, code] as const));
    refused = results.slice(0, cases.length);
    permitted = results.slice(cases.length);
  }, 60_000);

  it.each(cases.map((c, i) => [...c, i] as const))("%s: %s is refused", (_file, _code, rule, i) => {
    expect(refused[i]).toContain(rule);
  });

  it.each(allowed.map((c, i) => [...c, i] as const))("%s may: %s", (_file, _code, rule, i) => {
    expect(permitted[i]).not.toContain(rule);
  });
});
