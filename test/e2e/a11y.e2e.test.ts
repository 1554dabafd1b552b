// Accessibility: axe-core on each taskpane view (request form, case card, dashboard, the "other" view), in the
// light and the dark theme. Every rule axe runs by default applies; a violation fails the test with a readable
// list (rule, impact, elements, axe's own explanation), and the full results are kept in test-results/axe/.
import { writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import type { Result } from "axe-core";
import type { Theme, View } from "./helpers";
import { disconnect, openDemo, resultPath, showView } from "./helpers";

afterAll(disconnect);

const VIEW_NAMES: Partial<Record<View, string>> = {
  request: "request form",
  case: "case card",
  dashboard: "dashboard",
  other: '"other" view',
};

function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => {
          const summary = (n.failureSummary ?? "").replace(/\s*\n\s*/g, " ").trim();
          return `      at ${n.target.join(" ")}\n        ${n.html.slice(0, 200)}\n        ${summary}`;
        })
        .join("\n");
      return `  - ${v.id} (${v.impact ?? "?"}): ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join("\n");
}

const CASES = (["light", "dark"] as Theme[]).flatMap((theme) =>
  (["request", "case", "dashboard", "other"] as View[]).map((view) => [view, theme] as const),
);

test.each(CASES)("axe: %s view, %s theme, has no violations", async (view, theme) => {
  const demo = await openDemo({ theme });
  await showView(demo, view);
  const results = await new AxeBuilder({ page: demo.page })
    .include('[data-testid="pane-communications"]')
    .analyze();
  writeFileSync(
    resultPath("axe", `${view}-${theme}.json`),
    `${JSON.stringify(results.violations, null, 2)}\n`,
  );
  expect(results.passes.length).toBeGreaterThan(0);
  if (results.violations.length > 0) {
    throw new Error(
      `axe found ${results.violations.length} violation(s) in the ${VIEW_NAMES[view]} (${theme} theme):\n` +
        describeViolations(results.violations),
    );
  }
});
