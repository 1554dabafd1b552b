// The quality report's chart: median and 90th percentile business hours per step, as grouped bars drawn by
// Fluent v9's own charting package (@fluentui/react-charts: axes, legend and colours from the theme's tokens, so
// light and dark follow the pane). Its own chunk, fetched when the report is first shown: neither the package
// nor d3 weigh on the first screen. The chart is one image whose accessible name carries every figure, and the
// steps table above it is the full text equivalent; the drawing itself is inert. The package's own keyboard
// stops and screen-reader strings (bars, legend buttons, "category 1 of 4") are English-only and would repeat
// the table, so they are kept out of the tab order and the accessibility tree.
import { GroupedVerticalBarChart } from "@fluentui/react-charts";
import type { GroupedVerticalBarChartData } from "@fluentui/react-charts";
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

/** The chart area's height in px (axes included; the legend comes below it). */
const HEIGHT = 260;
const MARGINS = { top: 16, bottom: 40, left: 36, right: 8 };

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
  const data: GroupedVerticalBarChartData[] = steps.map((s) => ({
    name: s.label,
    series: [
      {
        key: "median",
        legend: median,
        data: s.median ?? 0,
        color: tokens.colorBrandBackground,
      },
      {
        key: "p90",
        legend: p90,
        data: s.p90 ?? 0,
        color: tokens.colorPaletteMarigoldBackground3,
      },
    ],
  }));

  return (
    <div className={styles.root} role="img" aria-label={t("report.chartLabel", { figures })}>
      <div inert>
        <GroupedVerticalBarChart
          data={data}
          height={HEIGHT}
          culture={lang}
          hideLabels
          hideTooltip
          // Every step's name, wrapped under its bars (the package would otherwise drop those that overlap at
          // 320 px); whole-number hour ticks, with room on the left for them.
          wrapXAxisLables
          hideTickOverlap={false}
          roundedTicks
          margins={MARGINS}
          yAxisTickFormat={(v: number) => fmt.number(v)}
        />
      </div>
    </div>
  );
}
