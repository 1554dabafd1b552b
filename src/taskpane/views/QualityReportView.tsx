// The monthly quality report (procedure step 5, "Act"): for the cases created in a month (the previous one by
// default) or any from–to range, the counts and each step's median and 90th percentile in business hours, for
// the whole institution, per requesting unit and per audience; a chart, and an export that opens in Excel.
// Computed from the case records the dashboard reads (useDashboard): no request per case.
import { Button, Field, Input, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { toLocalDate } from "../../domain/dates";
import type { DateRange, ReportStep, ReportSummary } from "../../domain/report";
import { REPORT_STEPS, monthRange, qualityReport, qualityReportCsv } from "../../domain/report";
import type { MessageKey } from "../../i18n/catalogue";
import { audienceLabels } from "../../workflow/audienceLabels";
import { calendarOf } from "../../workflow/context";
import { ErrorBar } from "../components/ErrorBar";
import { reportCsvLabels } from "../components/reportCsvLabels";
import { downloadText } from "../download";
import { useDashboard } from "../hooks/useDashboard";
import { useI18n } from "../I18nContext";
import { lazyView } from "../lazyView";
import { useServices } from "../ServicesContext";

// The chart is its own chunk: the report's figures and table show without it.
const ReportChart = lazyView(() =>
  import(/* webpackChunkName: "report-chart" */ "./ReportChart").then((m) => m.ReportChart),
);

const STEP_KEYS: Record<ReportStep, MessageKey> = {
  forward: "report.step.forward",
  send: "report.step.send",
  confirm: "report.step.confirm",
  close: "report.step.close",
  total: "report.step.total",
};

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  // A wide table scrolls inside its own box, never the pane (320 px).
  scroll: { overflowX: "auto", maxWidth: "100%" },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    "& th, & td": {
      textAlign: "start",
      paddingBlock: tokens.spacingVerticalXS,
      paddingInline: tokens.spacingHorizontalS,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      verticalAlign: "top",
      // The pane lets long addresses break anywhere; in a table that shrinks each column to a letter or two
      // ("Me|dia|na"). Cells break only between words: the table scrolls in its own box when it must.
      overflowWrap: "normal",
    },
    "& td": { fontVariantNumeric: "tabular-nums" },
  },
  groupTable: { "& th, & td": { overflowWrap: "normal", whiteSpace: "nowrap" } },
});

/** The month before the one `today` (YYYY-MM-DD) falls in. */
function previousMonth(today: string): DateRange {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  return month === 1 ? monthRange(year - 1, 12) : monthRange(year, month - 1);
}

const isDate = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v);

export function QualityReportView({ onBack }: { onBack(): void }) {
  const styles = useStyles();
  const i18n = useI18n();
  const { t, fmt, lang } = i18n;
  const { config, now } = useServices();
  const calendar = useMemo(() => calendarOf(config), [config]);
  const dashboard = useDashboard(config.communicationsMailbox);
  const [range, setRange] = useState<DateRange>(() => previousMonth(toLocalDate(now(), calendar.timeZone)));
  const valid = isDate(range.from) && isDate(range.to) && range.from <= range.to;
  const cases = useMemo(() => dashboard.rows.map((r) => r.case), [dashboard.rows]);
  const report = useMemo(
    () => (valid ? qualityReport(cases, range, { calendar, asOf: now() }) : undefined),
    // Open cases are overdue or not as of when the rows or the range last changed.
    [cases, range, valid, calendar, now],
  );
  // The month picker shows a month only while the range is exactly that month.
  const whole = monthRange(Number(range.from.slice(0, 4)), Number(range.from.slice(5, 7)));
  const monthValue = whole.from === range.from && whole.to === range.to ? range.from.slice(0, 7) : "";

  const hours = (v: number | undefined) =>
    v === undefined ? t("report.noValue") : fmt.number(Math.round(v * 10) / 10);
  const clock = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
  const csvLabels = reportCsvLabels(i18n, audienceLabels(config));

  const exportCsv = () => {
    if (!report) return;
    const csv = qualityReportCsv(report, lang, csvLabels);
    downloadText(
      csv,
      t("report.fileName", { from: report.range.from, to: report.range.to }),
      "text/csv;charset=utf-8",
    );
  };

  const groupTable = (
    id: string,
    title: MessageKey,
    column: MessageKey,
    groups: readonly { key: string; name: string; summary: ReportSummary }[],
  ) => (
    <div>
      <Text block as="h3" id={id} weight="semibold" size={300}>
        {t(title)}
      </Text>
      <div className={styles.scroll} role="region" aria-labelledby={id} tabIndex={0}>
        <table className={`${styles.table} ${styles.groupTable}`} aria-labelledby={id}>
          <thead>
            <tr>
              <th scope="col">{t(column)}</th>
              <th scope="col">{t("report.requests")}</th>
              <th scope="col">{t("report.sent")}</th>
              <th scope="col">{t("report.cancelled")}</th>
              <th scope="col">{t("report.overdue")}</th>
              {REPORT_STEPS.map((s) => (
                <th scope="col" key={s}>
                  {t("report.medianP90", { step: t(STEP_KEYS[s]) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">{g.name}</th>
                <td>{fmt.number(g.summary.requests)}</td>
                <td>{fmt.number(g.summary.sent)}</td>
                <td>{fmt.number(g.summary.cancelled)}</td>
                <td>{fmt.number(g.summary.overdue)}</td>
                {g.summary.steps.map((st) => (
                  <td key={st.step}>
                    {st.measured === 0
                      ? t("report.noValue")
                      : `${hours(st.medianHours)} / ${hours(st.p90Hours)}`}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );

  return (
    <section className={styles.root} aria-labelledby="report-title">
      <Text block as="h2" id="report-title" weight="semibold" size={400}>
        {t("report.title")}
      </Text>
      <div className={styles.controls}>
        <Field label={t("report.month")}>
          <Input
            type="month"
            value={monthValue}
            onChange={(_, d) => {
              const m = /^(\d{4})-(\d{2})$/.exec(d.value);
              if (m) setRange(monthRange(Number(m[1]), Number(m[2])));
            }}
          />
        </Field>
        <Field label={t("report.from")}>
          <Input
            type="date"
            value={range.from}
            onChange={(_, d) => setRange((r) => ({ ...r, from: d.value }))}
          />
        </Field>
        <Field label={t("report.to")}>
          <Input type="date" value={range.to} onChange={(_, d) => setRange((r) => ({ ...r, to: d.value }))} />
        </Field>
      </div>
      {valid ? null : (
        <Text role="alert" style={{ color: tokens.colorPaletteRedForeground1 }}>
          {t("report.badRange")}
        </Text>
      )}
      {dashboard.isLoading ? <Spinner size="tiny" label={t("report.loading")} /> : null}
      {dashboard.error ? <ErrorBar error={dashboard.error} onRetry={dashboard.reload} /> : null}
      {report ? (
        <>
          <Text role="status" size={200}>
            {t("report.period", {
              from: fmt.date(report.range.from),
              to: fmt.date(report.range.to),
              opens: clock(report.businessHours.opensAt),
              closes: clock(report.businessHours.closesAt),
            })}
          </Text>
          <div>
            <Text block as="h3" id="report-summary" weight="semibold" size={300}>
              {t("report.summary")}
            </Text>
            <div className={styles.scroll}>
              <table className={styles.table} aria-labelledby="report-summary">
                <thead>
                  <tr>
                    <th scope="col">{t("report.figure")}</th>
                    <th scope="col">{t("report.count")}</th>
                  </tr>
                </thead>
                <tbody>
                  {(
                    [
                      ["report.requests", report.all.requests],
                      ["report.sent", report.all.sent],
                      ["report.cancelled", report.all.cancelled],
                      ["report.overdue", report.all.overdue],
                    ] as const
                  ).map(([key, value]) => (
                    <tr key={key}>
                      <th scope="row">{t(key)}</th>
                      <td>{fmt.number(value)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          {report.all.requests === 0 ? (
            <Text>{t("report.none")}</Text>
          ) : (
            <>
              <div>
                <Text block as="h3" id="report-steps" weight="semibold" size={300}>
                  {t("report.steps")}
                </Text>
                <div className={styles.scroll} role="region" aria-labelledby="report-steps" tabIndex={0}>
                  <table className={styles.table} aria-labelledby="report-steps">
                    <thead>
                      <tr>
                        <th scope="col">{t("report.stepColumn")}</th>
                        <th scope="col">{t("report.measured")}</th>
                        <th scope="col">{t("report.median")}</th>
                        <th scope="col">{t("report.p90")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.all.steps.map((st) => (
                        <tr key={st.step}>
                          <th scope="row">{t(STEP_KEYS[st.step])}</th>
                          <td>{fmt.number(st.measured)}</td>
                          <td>{hours(st.medianHours)}</td>
                          <td>{hours(st.p90Hours)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
              <div>
                <Text block as="h3" id="report-chart" weight="semibold" size={300}>
                  {t("report.chartTitle")}
                </Text>
                <ReportChart
                  steps={report.all.steps.map((st) => ({
                    label: t(STEP_KEYS[st.step]),
                    median: st.medianHours,
                    p90: st.p90Hours,
                  }))}
                />
              </div>
              {groupTable(
                "report-units",
                "report.byUnit",
                "report.unit",
                report.byUnit.map((g) => ({ ...g, name: g.key })),
              )}
              {groupTable(
                "report-audiences",
                "report.byAudience",
                "report.audience",
                report.byAudience.map((g) => ({ ...g, name: csvLabels.audience(g.key) })),
              )}
            </>
          )}
        </>
      ) : null}
      <div className={styles.controls}>
        <Button onClick={exportCsv} disabled={!report || dashboard.isLoading}>
          {t("report.export")}
        </Button>
        <Button appearance="subtle" onClick={onBack}>
          {t("report.back")}
        </Button>
      </div>
    </section>
  );
}
