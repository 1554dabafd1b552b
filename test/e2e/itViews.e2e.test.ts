// The IT pane's views under axe (light and dark) and in screenshots (es/en, 320/450 px): a forwarded case
// before preparing, the review step after preparing, the send dialog (schedule first while the requested time
// is ahead), and IT's open cases. The seed holds the forwards of two cases under way, so IT has something to open
// without driving Communications first.
import AxeBuilder from "@axe-core/playwright";
import type { Demo, Lang, Theme } from "./helpers";
import { ON_TIME_CASE, disconnect, openDemo, resultPath, selectMessage, sendTrigger, t } from "./helpers";

afterAll(disconnect);

type ItView = "itCase" | "itReview" | "itSendDialog" | "itOpenCases";

async function showItView(d: Demo, view: ItView): Promise<void> {
  const pane = d.itPane;
  if (view === "itOpenCases") {
    await pane
      .getByRole("button", { name: t(d.lang, "it.openCases"), exact: true })
      .first()
      .click();
    await pane.getByRole("list", { name: t(d.lang, "it.openCases") }).waitFor();
    return;
  }
  await selectMessage(d, "it", ON_TIME_CASE.id);
  await pane.getByRole("heading", { name: t(d.lang, "it.title", { id: ON_TIME_CASE.id }) }).waitFor();
  // The member counts come from the directory; wait for the total to include them.
  await pane
    .getByText(/18[.,]432/)
    .first()
    .waitFor();
  if (view === "itReview" || view === "itSendDialog") {
    await pane.getByRole("button", { name: t(d.lang, "it.prepare") }).click();
    await sendTrigger(pane, d.lang).waitFor();
  }
  if (view === "itSendDialog") {
    await sendTrigger(pane, d.lang).click();
    await d.page.getByRole("alertdialog").waitFor();
  }
}

const AXE_CASES = (["light", "dark"] as Theme[]).flatMap((theme) =>
  (["itCase", "itReview", "itOpenCases"] as ItView[]).map((view) => [view, theme] as const),
);

test.each(AXE_CASES)("axe: IT %s view, %s theme, has no violations", async (view, theme) => {
  const demo = await openDemo({ theme });
  await showItView(demo, view);
  const results = await new AxeBuilder({ page: demo.page }).include('[data-testid="pane-it"]').analyze();
  expect(results.passes.length).toBeGreaterThan(0);
  expect(
    results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
});

const SHOT_CASES = (["es", "en"] as Lang[]).flatMap((lang) =>
  ([320, 450] as const).map((pane) => [lang, pane] as const),
);

test.each(SHOT_CASES)("screenshots of the IT pane: %s, %i px", async (lang, pane) => {
  const saved: string[] = [];
  for (const theme of ["light", "dark"] as Theme[]) {
    for (const view of ["itCase", "itReview", "itSendDialog", "itOpenCases"] as ItView[]) {
      const demo = await openDemo({ lang, theme, pane, viewport: { width: 1600, height: 1400 } });
      await showItView(demo, view);
      const file = resultPath("screenshots", `${view}-${lang}-${theme}-${pane}.png`);
      // The send dialog is a modal over the whole page, outside the pane's element.
      const target = view === "itSendDialog" ? demo.page.getByRole("alertdialog") : demo.itPane;
      await target.screenshot({ path: file, animations: "disabled" });
      saved.push(file);
    }
  }
  expect(saved).toHaveLength(8);
});
