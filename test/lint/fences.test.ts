// The layer fences are lint rules; this proves they bite: each forbidden import or global, placed in the folder
// it is forbidden in, is reported by the project's own ESLint configuration, in every folder of the README's diagram
// and in .tsx files too; each allowed probe lints with no message at all.
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
  // Every folder of the README's diagram is fenced, .tsx files too.
  [
    "src/domain/fence-probe.tsx",
    'import { App } from "../taskpane/App";\nexport const x = App;\n',
    "no-restricted-imports",
  ],
  ["src/domain/fence-probe.ts", "export const x = () => window.location;\n", "no-restricted-globals"],
  [
    "src/ports/fence-probe.ts",
    'import { GraphMailService } from "../graph";\nexport const x = GraphMailService;\n',
    "no-restricted-imports",
  ],
  [
    "src/ports/fence-probe.ts",
    'import { openItem } from "../workflow/openItem";\nexport const x = openItem;\n',
    "no-restricted-imports",
  ],
  [
    "src/workflow/fence-probe.ts",
    'import { useState } from "react";\nexport const x = useState;\n',
    "no-restricted-imports",
  ],
  [
    "src/workflow/fence-probe.ts",
    'import { es } from "../i18n/es";\nexport const x = es;\n',
    "no-restricted-imports",
  ],
  [
    "src/workflow/it/fence-probe.ts",
    'import { GraphMailService } from "../../graph";\nexport const x = GraphMailService;\n',
    "no-restricted-imports",
  ],
  ["src/workflow/fence-probe.ts", 'export const x = () => fetch("/");\n', "no-restricted-globals"],
  [
    "src/taskpane/views/fence-probe.tsx",
    'import { sanitizeHtml } from "../../sanitize/sanitizeHtml";\nexport const x = sanitizeHtml;\n',
    "no-restricted-imports",
  ],
  [
    "src/taskpane/fence-probe.tsx",
    "export const X = () => <p>{Office.context.diagnostics.version}</p>;\n",
    "no-restricted-globals",
  ],
  [
    "src/office/fence-probe.ts",
    'import { GraphMailService } from "../graph";\nexport const x = GraphMailService;\n',
    "no-restricted-imports",
  ],
  [
    "src/office/fence-probe.ts",
    'import { useState } from "react";\nexport const x = useState;\n',
    "no-restricted-imports",
  ],
  [
    "src/graph/fence-probe.tsx",
    'import { openItem } from "../workflow/openItem";\nexport const x = openItem;\n',
    "no-restricted-imports",
  ],
  [
    "src/auth/fence-probe.ts",
    'import { openDialogAuth } from "../office/dialogAuth";\nexport const x = openDialogAuth;\n',
    "no-restricted-imports",
  ],
  [
    "src/config/fence-probe.ts",
    'import { openItem } from "../workflow/openItem";\nexport const x = openItem;\n',
    "no-restricted-imports",
  ],
  [
    "src/i18n/fence-probe.ts",
    'import { useState } from "react";\nexport const x = useState;\n',
    "no-restricted-imports",
  ],
  [
    "src/i18n/fence-probe.ts",
    'import { loadConfig } from "../config/load";\nexport const x = loadConfig;\n',
    "no-restricted-imports",
  ],
  [
    "src/sanitize/fence-probe.ts",
    'import { GraphMailService } from "../graph";\nexport const x = GraphMailService;\n',
    "no-restricted-imports",
  ],
  [
    "src/emulator/fence-probe.ts",
    'import { AppError } from "../domain/errors";\nexport const x = AppError;\n',
    "no-restricted-imports",
  ],
  [
    "src/emulator/routes/fence-probe.tsx",
    'import { useState } from "react";\nexport const x = useState;\n',
    "no-restricted-imports",
  ],
  [
    "src/demo/fence-probe.tsx",
    'import { openDialogAuth } from "../office/dialogAuth";\nexport const x = openDialogAuth;\n',
    "no-restricted-imports",
  ],
  [
    "src/demo/fence-probe.ts",
    'import { PublicClientApplication } from "@azure/msal-browser";\nexport const x = PublicClientApplication;\n',
    "no-restricted-imports",
  ],
  [
    "src/app/fence-probe.ts",
    'import { createTenant } from "../emulator";\nexport const x = createTenant;\n',
    "no-restricted-imports",
  ],
  [
    "src/app/fence-probe.tsx",
    'import { DemoApp } from "../demo/DemoApp";\nexport const x = DemoApp;\n',
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
  // What each folder may use, including names that only look like a layer (state/config, taskpane/App).
  ["src/domain/fence-probe.ts", 'import { z } from "zod";\nexport const x = z;\n', "no-restricted-imports"],
  [
    "src/ports/fence-probe.ts",
    'import type { Case } from "../domain/types";\nexport type X = Case;\n',
    "no-restricted-imports",
  ],
  [
    "src/workflow/it/fence-probe.ts",
    'import { isOpen } from "../../domain/lifecycle";\nimport type { MailService } from "../../ports/mailService";\nimport type { PregonConfig } from "../../config/schema";\nexport const x = isOpen;\nexport type X = [MailService, PregonConfig];\n',
    "no-restricted-imports",
  ],
  [
    "src/taskpane/views/fence-probe.tsx",
    'import { useState } from "react";\nimport { openItem } from "../../workflow/openItem";\nexport const x = openItem;\nexport function X() {\n  const [v] = useState(0);\n  return <p>{v}</p>;\n}\n',
    "no-restricted-imports",
  ],
  [
    "src/office/fence-probe.ts",
    'import type { MailHost } from "../ports/mailHost";\nexport type X = MailHost;\n',
    "no-restricted-imports",
  ],
  [
    "src/auth/fence-probe.ts",
    'import { parseDialogMessage } from "../ports/dialogAuth";\nexport const x = parseDialogMessage;\n',
    "no-restricted-imports",
  ],
  [
    "src/config/fence-probe.ts",
    'import { AppError } from "../domain/errors";\nexport const x = AppError;\n',
    "no-restricted-imports",
  ],
  [
    "src/i18n/fence-probe.ts",
    'import type { CaseState } from "../domain/types";\nexport type X = CaseState;\n',
    "no-restricted-imports",
  ],
  [
    "src/sanitize/fence-probe.ts",
    'import DOMPurify from "dompurify";\nexport const x = DOMPurify;\n',
    "no-restricted-imports",
  ],
  [
    "src/emulator/mail/fence-probe.ts",
    'import { http } from "msw";\nimport * as config from "../state/config";\nexport const x = [http, config];\n',
    "no-restricted-imports",
  ],
  [
    "src/demo/fence-probe.tsx",
    'import { App } from "../taskpane/App";\nimport { GraphMailService } from "../graph";\nimport * as emulator from "../emulator";\nexport const x = [App, GraphMailService, emulator];\n',
    "no-restricted-imports",
  ],
  [
    "src/app/fence-probe.ts",
    'import { openDialogAuth } from "../office/dialogAuth";\nimport { GraphMailService } from "../graph";\nimport { PublicClientApplication } from "@azure/msal-browser";\nexport const x = [openDialogAuth, GraphMailService, PublicClientApplication];\n',
    "no-restricted-imports",
  ],
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

  // An allowed probe must lint clean altogether: a parse error ("fatal") or any other rule would hide the point.
  it.each(allowed.map((c, i) => [...c, i] as const))(
    "%s may: %s (and lints clean)",
    (_file, _code, rule, i) => {
      expect(permitted[i]).not.toContain(rule);
      expect(permitted[i]).toEqual([]);
    },
  );
});
