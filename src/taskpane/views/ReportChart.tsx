// The quality report's chart: median and 90th percentile business hours per step, as horizontal bars. Its own
// chunk, fetched when the report is first shown. Drawn as plain SVG with Fluent's colour tokens (no charting
// library is installed yet): one image with the figures in its accessible name; the table beside it is the
// accessible equivalent, so the bars themselves are hidden from screen readers.
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { useI18n } from "../I18nContext";

export interface ChartStep {
  label: string;
  median: number | undefined;
  p90: number | undefined;
}

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  svg: { width: "100%", height: "auto", display: "block" },
  legend: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalM },
  key: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS },
  swatchMedian: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    backgroundColor: tokens.colorBrandBackground,
  },
  swatchP90: {
    display: "inline-block",
    width: "12px",
    height: "12px",
    backgroundColor: tokens.colorPaletteMarigoldBackground3,
  },
});

// The drawing's own units; the SVG scales to the pane's width (320 px and up) through its viewBox.
const WIDTH = 300;
const LABEL_HEIGHT = 14;
const BAR = 10;
const GAP = 3;
const STEP_HEIGHT = LABEL_HEIGHT + 2 * BAR + GAP + 10;
const VALUE_ROOM = 48;

export function ReportChart({ steps }: { steps: readonly ChartStep[] }) {
  const styles = useStyles();
  const { t, fmt } = useI18n();
  const hours = (v: number | undefined) =>
    v === undefined ? t("report.noValue") : fmt.number(Math.round(v * 10) / 10);
  const max = Math.max(1, ...steps.flatMap((s) => [s.median ?? 0, s.p90 ?? 0]));
  const scale = (v: number | undefined) => ((v ?? 0) / max) * (WIDTH - VALUE_ROOM);
  const figures = steps
    .map((s) => t("report.chartFigure", { step: s.label, median: hours(s.median), p90: hours(s.p90) }))
    .join("; ");
  const height = steps.length * STEP_HEIGHT;

  return (
    <div className={styles.root}>
      <svg
        className={styles.svg}
        role="img"
        aria-label={t("report.chartLabel", { figures })}
        viewBox={`0 0 ${WIDTH} ${height}`}
        preserveAspectRatio="xMinYMin meet"
      >
        <g aria-hidden="true">
          {steps.map((s, i) => {
            const top = i * STEP_HEIGHT;
            const medianY = top + LABEL_HEIGHT;
            const p90Y = medianY + BAR + GAP;
            return (
              <g key={s.label}>
                <text x={0} y={top + 10} fontSize={10} fill={tokens.colorNeutralForeground1}>
                  {s.label}
                </text>
                <rect
                  x={0}
                  y={medianY}
                  width={scale(s.median)}
                  height={BAR}
                  fill={tokens.colorBrandBackground}
                />
                <text
                  x={scale(s.median) + 4}
                  y={medianY + BAR - 1}
                  fontSize={9}
                  fill={tokens.colorNeutralForeground2}
                >
                  {hours(s.median)}
                </text>
                <rect
                  x={0}
                  y={p90Y}
                  width={scale(s.p90)}
                  height={BAR}
                  fill={tokens.colorPaletteMarigoldBackground3}
                />
                <text
                  x={scale(s.p90) + 4}
                  y={p90Y + BAR - 1}
                  fontSize={9}
                  fill={tokens.colorNeutralForeground2}
                >
                  {hours(s.p90)}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
      <div className={styles.legend} aria-hidden="true">
        <span className={styles.key}>
          <span className={styles.swatchMedian} />
          <Text size={200}>{t("report.chartLegendMedian")}</Text>
        </span>
        <span className={styles.key}>
          <span className={styles.swatchP90} />
          <Text size={200}>{t("report.chartLegendP90")}</Text>
        </span>
      </div>
    </div>
  );
}
