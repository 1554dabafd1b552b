// Screenshots for people, not assertions: each taskpane view in Spanish and English, light and dark, at the two
// pane widths (URL parameters lang, theme, pane), saved under test-results/screenshots/ as
// <view>-<lang>-<theme>-<width>.png (the Communications pane alone) and demo-<lang>-<theme>-<width>.png (the
// whole demo page, both mailboxes).
import type { Lang, Theme } from "./helpers";
import { VIEWS, disconnect, openDemo, resultPath, showView } from "./helpers";

afterAll(disconnect);

const COMBOS = (["es", "en"] as Lang[]).flatMap((lang) =>
  (["light", "dark"] as Theme[]).flatMap((theme) =>
    ([320, 450] as const).map((pane) => [lang, theme, pane] as const),
  ),
);

test.each(COMBOS)("screenshots: %s, %s theme, %i px pane", async (lang, theme, pane) => {
  const demo = await openDemo({ lang, theme, pane, viewport: { width: 1600, height: 1400 } });
  const saved: string[] = [];
  for (const view of VIEWS) {
    await showView(demo, view);
    const file = resultPath("screenshots", `${view}-${lang}-${theme}-${pane}.png`);
    await demo.commsPane.screenshot({ path: file, animations: "disabled" });
    saved.push(file);
    if (view === "case") {
      const page = resultPath("screenshots", `demo-${lang}-${theme}-${pane}.png`);
      await demo.page.screenshot({ path: page, animations: "disabled" });
      saved.push(page);
    }
  }
  expect(saved).toHaveLength(VIEWS.length + 1);
});
