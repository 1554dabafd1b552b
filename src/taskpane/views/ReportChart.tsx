// The quality report's chart: median and 90th percentile business hours per step, as horizontal bars drawn by
// Fluent v9's own charting package (@fluentui/react-charts: axes, legend and colours from the theme's tokens, so
// light and dark follow the pane). The pane is tall and narrow, so the steps run down the vertical axis, each
// name whole on its own row (under vertical bars five long names were wrapped into each other at 320 px). The
// package has no grouped horizontal chart and stacks the points that share a row, so each step has two rows:
// its median's, labelled with the step's name, and its 90th percentile's just below it.
// Its own chunk, fetched when the report is first shown: neither the package nor d3 weigh on the first screen.
// The chart is one image whose accessible name carries every figure, and the steps table above it is the full
// text equivalent; the drawing itself is inert. The package's own keyboard stops and screen-reader strings
// (bars, legend buttons) are English-only and would repeat the table, so they are kept out of the tab order
// and the accessibility tree.
import { HorizontalBarChartWithAxis } from "@fluentui/react-charts";
import type { HorizontalBarChartWithAxisDataPoint } from "@fluentui/react-charts";
import { makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../I18nContext";

export interface ChartStep {
  label: string;
  median: number | undefined;
  p90: number | undefined;
}

const useStyles = makeStyles({
  // The chart measures its container's width: it must never be wider than the pane (320 px and up).
  root: { width: "100%", minWidth: 0, overflow: "hidden" },
});

/** Height in px of one step: its two bars and the gap before the next (the chart grows with the steps). */
const STEP_HEIGHT = 60;
/** Room for the hours axis below the bars; the left margin is fitted by the package to the longest name. */
const MARGINS = { top: 8, bottom: 32, right: 12 };

/** The smallest 1, 2 or 5 × 10ⁿ at or above v. */
function roundUp(v: number): number {
  if (!(v > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((f) => f * power).find((end) => end >= v) ?? 10 * power;
}

export function ReportChart({ steps }: { steps: readonly ChartStep[] }) {
  const styles = useStyles();
  const { t, fmt, lang } = useI18n();
  const hours = (v: number | undefined) =>
    v === undefined ? t("report.noValue") : fmt.number(Math.round(v * 10) / 10);
  const figures = steps
    .map((s) => t("report.chartFigure", { step: s.label, median: hours(s.median), p90: hours(s.p90) }))
    .join("; ");
  const median = t("report.chartLegendMedian");
  const p90 = t("report.chartLegendP90");
  // One row per bar, keyed by the step's index: "0m" (its median, the row that shows the step's name), "0p";
  // between two steps an empty row "1s" (a zero bar, in the median's legend entry) sets each pair apart.
  const medianBar = { legend: median, color: tokens.colorBrandBackground };
  const data: HorizontalBarChartWithAxisDataPoint[] = steps.flatMap((s, i) => [
    ...(i > 0 ? [{ y: `${i}s`, x: 0, ...medianBar }] : []),
    { y: `${i}m`, x: s.median ?? 0, ...medianBar },
    { y: `${i}p`, x: s.p90 ?? 0, legend: p90, color: tokens.colorPaletteMarigoldBackground3 },
  ]);
  // The package lays the first category at the bottom: list them last to first so the steps read downwards.
  const rows = data.map((d) => String(d.y)).reverse();
  const stepName = (row: string) => (row.endsWith("m") ? (steps[Number.parseInt(row, 10)]?.label ?? "") : "");
  // The hours axis runs from 0 to the longest bar. At 320 px the bars get about a third of the pane, where the
  // package's own tick spacing keeps only the 0: two or three round ticks instead (0, 1 for 1.5 h; 0, 20 for 37 h).
  const longest = Math.max(0, ...steps.map((s) => Math.max(s.median ?? 0, s.p90 ?? 0)));
  const step = roundUp(longest / 2);
  const ticks = Array.from({ length: Math.floor(longest / step) + 1 }, (_, i) => i * step);

  return (
    <div className={styles.root} role="img" aria-label={t("report.chartLabel", { figures })}>
      <div inert>
        <HorizontalBarChartWithAxis
          data={data}
          height={steps.length * STEP_HEIGHT + MARGINS.top + MARGINS.bottom}
          culture={lang}
          hideLabels
          hideTooltip
          showYAxisLables
          yAxisCategoryOrder={rows}
          yAxisTickFormat={stepName}
          yAxisPadding={0.25}
          tickValues={ticks}
          margins={MARGINS}
        />
      </div>
    </div>
  );
}
