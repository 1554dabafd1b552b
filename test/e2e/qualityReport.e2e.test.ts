// The quality report in the demo, on its seeded cases, in a 320 px pane: reached from the dashboard's header,
// its figures for November 2026 match the hand-computed ones, its tables scroll inside their own boxes (never the
// pane), and its export is a CSV with the same counts.
//
// The demo seeds two cases, both created in November 2026 (src/demo/seedMessages.ts), Bogotá time (UTC−5),
// business hours 08:00–17:00:
//   CM-2611-H7QK  Biblioteca Central, students + faculty. Created Tue 17 10:00, forwarded 11:10: 7/6 h ≈ 1.17 h.
//                 Due Fri 20 November, never sent: overdue.
//   CM-2611-R4WD  Vicerrectoría de Investigaciones, faculty. Created Fri 27 09:00, forwarded 10:30: 1.5 h.
//                 Due Wed 9 December, never sent: overdue only once the demo's clock (the browser's real one) is
//                 past 9 December in Bogotá.
// November: requests 2, sent 0, cancelled 0; forward measured 2, median (7/6 + 1.5) / 2 = 4/3 ≈ 1.3 h,
// p90 the 2nd of 2 = 1.5 h; no later step measured. Faculty has both requests, students one.
import { readFileSync } from "node:fs";
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { MessageKey } from "../../src/i18n/catalogue";
import type { Theme } from "./helpers";
import { resultPath, t, demoPerTest } from "./helpers";

const demos = demoPerTest();

/** Today in Bogotá, as the demo's pane sees it (it runs on the browser's real clock). */
function bogotaToday(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Bogota" }).format(new Date());
}

test("quality report on the demo's seeded cases, in a 320 px pane", async () => {
  const d = await demos.open({ lang: "es", pane: 320 });
  const pane = d.commsPane;
  await pane.getByRole("button", { name: t("es", "nav.dashboard"), exact: true }).click();
  await pane.getByRole("button", { name: t("es", "report.open"), exact: true }).click();
  await pane.getByRole("heading", { level: 2, name: t("es", "report.title"), exact: true }).waitFor();

  await pane.getByLabel(t("es", "report.from"), { exact: true }).fill("2026-11-01");
  await pane.getByLabel(t("es", "report.to"), { exact: true }).fill("2026-11-30");
  await pane.getByText(t("es", "report.loading")).waitFor({ state: "detached", timeout: 30_000 });
  expect(await pane.getByLabel(t("es", "report.month"), { exact: true }).inputValue()).toBe("2026-11");

  const cells = async (table: MessageKey, row: string) =>
    pane
      .getByRole("table", { name: t("es", table), exact: true })
      .getByRole("row")
      .filter({ has: d.page.getByRole("rowheader", { name: row, exact: true }) })
      .getByRole("cell")
      .allTextContents();

  const overdue = bogotaToday() > "2026-12-09" ? 2 : 1;
  expect(await cells("report.summary", t("es", "report.requests"))).toEqual(["2"]);
  expect(await cells("report.summary", t("es", "report.sent"))).toEqual(["0"]);
  expect(await cells("report.summary", t("es", "report.cancelled"))).toEqual(["0"]);
  expect(await cells("report.summary", t("es", "report.overdue"))).toEqual([String(overdue)]);
  expect(await cells("report.steps", t("es", "report.step.forward"))).toEqual(["2", "1,3", "1,5"]);
  expect(await cells("report.steps", t("es", "report.step.send"))).toEqual([
    "0",
    t("es", "report.noValue"),
    t("es", "report.noValue"),
  ]);
  expect((await cells("report.byUnit", "Biblioteca Central")).slice(0, 4)).toEqual(["1", "0", "0", "1"]);
  expect((await cells("report.byUnit", "Vicerrectoría de Investigaciones")).slice(0, 3)).toEqual([
    "1",
    "0",
    "0",
  ]);
  expect((await cells("report.byAudience", "Docentes")).slice(0, 4)).toEqual([
    "2",
    "0",
    "0",
    String(overdue),
  ]);
  expect((await cells("report.byAudience", "Estudiantes")).slice(0, 4)).toEqual(["1", "0", "0", "1"]);

  // The chart (its own chunk) is one image named with the figures.
  const chart = pane.getByRole("img", { name: /Horas hábiles por paso/ });
  await chart.waitFor();
  expect(await chart.getAttribute("aria-label")).toContain(
    `${t("es", "report.step.forward")}: mediana 1,3 h, percentil 90 1,5 h`,
  );

  // At 320 px the wide tables scroll inside their own box; the pane itself never scrolls sideways.
  const paneOverflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(paneOverflow).toBeLessThanOrEqual(0);
  const unitsBox = pane.getByRole("region", { name: t("es", "report.byUnit"), exact: true });
  const box = await unitsBox.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(box.client).toBeLessThanOrEqual(320);
  expect(box.scroll).toBeGreaterThan(box.client);

  const [download] = await Promise.all([
    d.page.waitForEvent("download"),
    pane.getByRole("button", { name: t("es", "report.export"), exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("pregon-informe-calidad-2026-11-01-a-2026-11-30.csv");
  const file = resultPath("downloads", "informe-calidad.csv");
  await download.saveAs(file);
  const text = readFileSync(file, "utf8");
  expect(text.startsWith("\uFEFF")).toBe(true);
  const allRow = text.split("\r\n")[1]?.split(";");
  // Period, group, value, requests, sent, cancelled, overdue, then forward: measured, median, p90.
  expect(allRow?.slice(3, 10)).toEqual(['"2"', '"0"', '"0"', `"${overdue}"`, '"2"', '"1,33"', '"1,50"']);
});

/** "#0f6cbd" → "rgb(15, 108, 189)", as getComputedStyle reports a colour. */
function rgb(hex: string): string {
  const n = Number.parseInt(hex.slice(1), 16);
  return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
}

test.each([
  ["es", "light", 320],
  ["es", "dark", 320],
  ["en", "light", 450],
] as const)(
  "the report's chart (Fluent's charting package) in %s, %s theme, in a %d px pane",
  async (lang, theme: Theme, width) => {
    const d = await demos.open({ lang, theme, pane: width });
    const pane = d.commsPane;
    await pane.getByRole("button", { name: t(lang, "nav.dashboard"), exact: true }).click();
    await pane.getByRole("button", { name: t(lang, "report.open"), exact: true }).click();
    await pane.getByLabel(t(lang, "report.from"), { exact: true }).fill("2026-11-01");
    await pane.getByLabel(t(lang, "report.to"), { exact: true }).fill("2026-11-30");
    await pane.getByText(t(lang, "report.loading")).waitFor({ state: "detached", timeout: 30_000 });

    const chart = pane.getByRole("img", { name: t(lang, "report.chartLabel", { figures: "" }).trim() });
    await chart.waitFor();
    // November measured only the forward step (median 1.3 h, p90 1.5 h): its two bars are the only ones drawn
    // (the unmeasured steps keep their row, empty), in the theme's brand and marigold colours, the 90th
    // percentile's the longer. The steps run down the vertical axis, so a bar's length is its width.
    const bars = chart.locator("svg rect[role=option]");
    await chart.locator('svg rect[role=option]:not([width="0"])').first().waitFor();
    const drawn = (
      await bars.evaluateAll((rects) =>
        rects.map((r) => {
          const box = r.getBoundingClientRect();
          const { width, height, top, left } = box;
          return { fill: getComputedStyle(r).fill, width, height, top, left };
        }),
      )
    )
      .filter((b) => b.width > 0)
      .sort((a, b) => a.top - b.top);
    const palette = theme === "dark" ? webDarkTheme : webLightTheme;
    expect(drawn.map((b) => b.fill)).toEqual([
      rgb(palette.colorBrandBackground),
      rgb(palette.colorPaletteMarigoldBackground3),
    ]);
    expect(drawn[1]!.width).toBeGreaterThan(drawn[0]!.width);
    expect(drawn[0]!.height).toBeGreaterThan(0);
    // Horizontal bars: the median's sits above the 90th percentile's, on rows of their own.
    expect(drawn[1]!.top).toBeGreaterThanOrEqual(drawn[0]!.top + drawn[0]!.height);
    // Every step's name is drawn whole on its own row (none dropped or cut, none reaching into the bars), and no
    // two rows overlap.
    const steps = (["forward", "send", "confirm", "close", "total"] as const).map((k) =>
      t(lang, `report.step.${k}` as MessageKey),
    );
    const labels = await chart.locator("svg text").evaluateAll(
      (texts, names) =>
        texts
          .filter((el) => names.includes(el.textContent ?? ""))
          .map((el) => {
            const box = el.getBoundingClientRect();
            return {
              text: el.textContent,
              top: box.top,
              bottom: box.bottom,
              left: box.left,
              right: box.right,
            };
          })
          .sort((a, b) => a.top - b.top),
      steps,
    );
    expect(labels.map((l) => l.text)).toEqual(steps);
    const chartBox = await chart.boundingBox();
    for (const [i, l] of labels.entries()) {
      expect(l.left).toBeGreaterThanOrEqual(chartBox!.x);
      expect(l.right).toBeLessThanOrEqual(drawn[0]!.left);
      if (i > 0) expect(l.top).toBeGreaterThanOrEqual(labels[i - 1]!.bottom);
    }
    // The axis and legend text use the theme's foreground: readable on the pane's background.
    const legend = chart.getByText(t(lang, "report.chartLegendMedian"), { exact: true });
    expect(await legend.evaluate((el) => getComputedStyle(el).color)).toBe(
      rgb(palette.colorNeutralForeground1),
    );

    // The drawing fits the pane: neither it nor the pane scrolls sideways.
    const paneBox = await pane.boundingBox();
    expect(chartBox!.width).toBeLessThanOrEqual(paneBox!.width);
    expect(await pane.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

    const section = pane
      .getByRole("heading", { name: t(lang, "report.chartTitle"), exact: true })
      .locator("..");
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({
      path: resultPath("screenshots", `report-chart-${lang}-${theme}-${width}.png`),
      animations: "disabled",
    });
  },
);
