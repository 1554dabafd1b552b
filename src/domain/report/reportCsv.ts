// The quality report as CSV for Excel: one row for the whole period, then one per requesting unit and one per
// audience, each with the counts and, per step, how many cases were measured and the median and 90th percentile
// in business hours. The caller gives the headings in the user's language (the domain holds no UI text).
import Papa from "papaparse";
import type { AudienceKey, Lang } from "../types";
import type { QualityReport, ReportStep, ReportSummary } from "./qualityReport";
import { REPORT_STEPS } from "./qualityReport";

export interface ReportCsvLabels {
  period: string;
  group: string;
  value: string;
  requests: string;
  sent: string;
  cancelled: string;
  overdue: string;
  measured: string;
  median: string;
  p90: string;
  /** The "group" cell of the whole period's row, and its "value". */
  all: string;
  byUnit: string;
  byAudience: string;
  step: Record<ReportStep, string>;
  audience(key: AudienceKey): string;
}

/** A cell Excel would run as a formula (=, +, -, @, tab, CR) is prefixed with an apostrophe (as register.ts). */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Excel opens a CSV with the separators of the computer's regional settings. Spanish (Colombia) settings use the
 * comma as the decimal mark, so the list separator there is the semicolon; English ones use the point and the
 * comma. Hours are written with two decimals in that convention, without thousands separators (Excel would read
 * "1.234" as 1,234 in one and 1.234 in the other). An empty cell is a step no case of the group finished.
 */
function csvFormat(lang: Lang): { delimiter: string; decimal: string } {
  return lang === "es" ? { delimiter: ";", decimal: "," } : { delimiter: ",", decimal: "." };
}

/**
 * The report as a CSV text: UTF-8 with a byte-order mark (so Excel reads "Vicerrectoría" right), CRLF line ends,
 * every cell quoted, the delimiter and decimal mark of the language (csvFormat).
 */
export function qualityReportCsv(report: QualityReport, lang: Lang, labels: ReportCsvLabels): string {
  const { delimiter, decimal } = csvFormat(lang);
  const hours = (v: number | undefined) => (v === undefined ? "" : v.toFixed(2).replace(".", decimal));
  const period = `${report.range.from} – ${report.range.to}`;
  const header = [
    labels.period,
    labels.group,
    labels.value,
    labels.requests,
    labels.sent,
    labels.cancelled,
    labels.overdue,
    ...REPORT_STEPS.flatMap((s) => [
      `${labels.step[s]}: ${labels.measured}`,
      `${labels.step[s]}: ${labels.median}`,
      `${labels.step[s]}: ${labels.p90}`,
    ]),
  ];
  const row = (group: string, value: string, s: ReportSummary) => [
    period,
    group,
    value,
    String(s.requests),
    String(s.sent),
    String(s.cancelled),
    String(s.overdue),
    ...s.steps.flatMap((st) => [String(st.measured), hours(st.medianHours), hours(st.p90Hours)]),
  ];
  const rows = [
    row(labels.all, labels.all, report.all),
    ...report.byUnit.map((g) => row(labels.byUnit, g.key, g.summary)),
    ...report.byAudience.map((g) => row(labels.byAudience, labels.audience(g.key), g.summary)),
  ];
  const csv = Papa.unparse(
    [header, ...rows].map((r) => r.map(safeCell)),
    {
      delimiter,
      newline: "\r\n",
      quotes: true,
    },
  );
  return `\uFEFF${csv}`;
}
