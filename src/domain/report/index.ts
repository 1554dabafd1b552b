// The procedure's quality report: counts and business-hour durations per step, and its CSV export.
export type { BusinessHours } from "./businessHours";
export { DEFAULT_BUSINESS_HOURS, businessHoursBetween, localClock } from "./businessHours";
export { median, nearestRankPercentile } from "./percentile";
export type {
  DateRange,
  GroupSummary,
  QualityReport,
  ReportOptions,
  ReportStep,
  ReportSummary,
  StepStats,
} from "./qualityReport";
export { REPORT_STEPS, monthRange, qualityReport, stepHours, stepTimes, wasOverdue } from "./qualityReport";
export type { ReportCsvLabels } from "./reportCsv";
export { qualityReportCsv } from "./reportCsv";
