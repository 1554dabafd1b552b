// Policy warnings are data; this says them in the user's language.
import type { PolicyWarning } from "../../domain/policy";
import type { I18n } from "../I18nContext";
import { fieldLabel } from "./fieldLabels";

export function warningText(w: PolicyWarning, { t, fmt, lang }: I18n): string {
  switch (w.code) {
    case "missingFields":
      return t("warning.missing", { fields: w.fields.map((f) => fieldLabel(f, t)).join(", ") });
    case "requestedDateInvalid":
      return t("warning.invalidDate", { value: w.value });
    case "requestedDatePast":
      return t("warning.past");
    case "requestedDateHoliday":
      return t("warning.holiday", {
        name: w.holidays.map((h) => (lang === "es" ? h.nameEs : h.nameEn)).join(", "),
      });
    case "requestedDateWeekend":
      return t("warning.weekend");
    case "requestedDateClosed":
      return t("warning.closedDay");
    case "shortLeadTime":
      return t("warning.shortLead", {
        available: fmt.number(w.businessDaysAvailable),
        required: fmt.number(w.leadTimeDays),
      });
    case "imageOnly":
      return t("warning.imageOnly");
    case "deceptiveLink":
      return t("warning.deceptiveLink", { text: w.shownHost, host: w.targetHost ?? "?" });
  }
}
