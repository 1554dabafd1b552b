// The quality report CSV's headings in the user's language (the domain's CSV takes them as data).
import type { ReportCsvLabels } from "../../domain/report";
import type { AudienceLabel } from "../../domain/templates";
import type { I18n } from "../I18nContext";

export function reportCsvLabels(
  { t, lang }: Pick<I18n, "t" | "lang">,
  audiences: readonly AudienceLabel[],
): ReportCsvLabels {
  return {
    period: t("report.csv.period"),
    group: t("report.csv.group"),
    value: t("report.csv.value"),
    requests: t("report.csv.requests"),
    sent: t("report.csv.sent"),
    cancelled: t("report.csv.cancelled"),
    overdue: t("report.csv.overdue"),
    measured: t("report.csv.measured"),
    median: t("report.csv.median"),
    p90: t("report.csv.p90"),
    all: t("report.csv.all"),
    byUnit: t("report.csv.byUnit"),
    byAudience: t("report.csv.byAudience"),
    step: {
      forward: t("report.step.forward"),
      send: t("report.step.send"),
      confirm: t("report.step.confirm"),
      close: t("report.step.close"),
      total: t("report.step.total"),
    },
    audience: (key) => {
      const label = audiences.find((a) => a.key === key);
      return label ? (lang === "es" ? label.labelEs : label.labelEn) : key;
    },
  };
}
