// What the first screen can fetch (issue 11: at most 165 KiB gzip; `npm run bench:budgets` measures the build):
// the modules the entry and the pane's frame import statically. Dynamic import() is a chunk of its own, and
// `import type` is erased. This walks those imports from the source, so that a static import that would drag
// zod, MSAL, the Graph client, DOMPurify, the intake, CSV or English into the first screen fails here at once,
// before anyone measures a build.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOT = resolve(__dirname, "../..");
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^"';]*?\s+from\s+)?["']([^"']+)["']/gm;

function resolveSource(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, "index.ts"),
    join(base, "index.tsx"),
  ]) {
    if (existsSync(candidate) && !candidate.endsWith("/") && /\.(tsx?|json)$/.test(candidate))
      return candidate;
  }
  return undefined;
}

/** Every source file and package the given entries reach through static imports. */
function staticGraph(entries: string[]): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = entries.map((e) => join(ROOT, e));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (file.endsWith(".json")) continue;
    const text = readFileSync(file, "utf8");
    for (const [, spec] of text.matchAll(STATIC_IMPORT)) {
      if (!spec) continue;
      if (spec.startsWith(".")) {
        const target = resolveSource(file, spec);
        if (!target) throw new Error(`${relative(ROOT, file)}: cannot resolve ${spec}`);
        queue.push(target);
      } else {
        packages.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
      }
    }
  }
  return { files, packages };
}

describe("the first screen's modules (entry + the pane's frame)", () => {
  const { files, packages } = staticGraph(["src/app/main.tsx", "src/app/pane.tsx"]);
  const sources = [...files].map((f) => relative(ROOT, f));

  it("reach the pane's frame (the walk itself works)", () => {
    expect(sources).toEqual(expect.arrayContaining(["src/taskpane/Pane.tsx", "src/config/fastCheck.ts"]));
    expect([...packages]).toEqual(expect.arrayContaining(["react-dom", "@fluentui/react-components"]));
  });

  it.each([
    "zod",
    "@azure/msal-browser",
    "@microsoft/microsoft-graph-client",
    "dompurify",
    "htmlparser2",
    "papaparse",
    "@fluentui/react-charts",
  ])("leave %s to a later chunk", (pkg) => {
    expect([...packages]).not.toContain(pkg);
  });

  it.each([
    "src/i18n/en.ts",
    "src/graph/index.ts",
    "src/config/schema.ts",
    "src/domain/intake/index.ts",
    "src/workflow/openItem.ts",
    "src/taskpane/CommunicationsPane.tsx",
    "src/taskpane/ItPane.tsx",
    "src/taskpane/views/DashboardView.tsx",
    "src/taskpane/components/PaneMenu.tsx",
    "src/taskpane/views/QualityReportView.tsx",
    "src/taskpane/views/ReportChart.tsx",
  ])("leave %s to a later chunk", (source) => {
    expect(sources).not.toContain(source);
  });
});

describe("the quality report's chunk", () => {
  // The charting package and d3 are the chart's own chunk: the report's tables show without waiting for them.
  const { files, packages } = staticGraph(["src/taskpane/views/QualityReportView.tsx"]);
  const chart = staticGraph(["src/taskpane/views/ReportChart.tsx"]);

  it("draws its chart with Fluent's charting package, from the chart's own chunk", () => {
    expect([...chart.packages]).toContain("@fluentui/react-charts");
    expect([...packages]).not.toContain("@fluentui/react-charts");
    expect([...files].map((f) => relative(ROOT, f))).not.toContain("src/taskpane/views/ReportChart.tsx");
  });
});

describe("the chunks that bring zod", () => {
  const chunkEntries = [
    "src/app/graphServices.ts",
    ...readdirSync(join(ROOT, "src/taskpane/chunks")).map((f) => `src/taskpane/chunks/${f}`),
  ];

  it.each(chunkEntries)("%s switches on zod's CSP-safe mode before anything else", (entry) => {
    const first = [...readFileSync(join(ROOT, entry), "utf8").matchAll(STATIC_IMPORT)][0]?.[1];
    expect(first).toMatch(/domain\/zodConfig$/);
  });
});
