// Policy warnings are data; this says them in the user's language.
import type { PolicyWarning } from "../../domain/policy";
import type { MailAddress } from "../../domain/types";
import type { SenderChoice } from "../../workflow/it/senders";
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
    case "imageWithoutAlt":
      return t("warning.imageWithoutAlt", { where: w.where });
    case "vagueLinkText":
      return t("warning.vagueLinkText", { where: w.where });
    case "lowContrast":
      return t("warning.lowContrast", {
        where: w.where,
        foreground: w.foreground,
        background: w.background,
        ratio: fmt.number(w.ratio),
        required: fmt.number(w.required),
      });
    case "heavySend":
      return t("warning.heavySend", {
        where: w.where,
        size: megabytes(w.bytes, fmt),
        recipients: fmt.number(w.recipients),
        gigabytes: fmt.number(w.gigabytes),
        threshold: fmt.number(w.thresholdGigabytes),
      });
    case "shoutingSubject":
      return t("warning.shoutingSubject", { where: w.where });
  }
}

/** A size in decimal megabytes with one decimal ("1,3 MB"), as the heavy-send finding states it. */
function megabytes(bytes: number, fmt: I18n["fmt"]): string {
  return `${fmt.number(Math.round(bytes / 100_000) / 10)} MB`;
}

/**
 * How to fix a content finding, in the user's language; undefined for the other warnings (dates, missing fields),
 * whose text already says what to do.
 */
export function warningFix(w: PolicyWarning, { t, fmt }: I18n): string | undefined {
  switch (w.code) {
    case "imageOnly":
    case "imageWithoutAlt":
    case "vagueLinkText":
    case "deceptiveLink":
    case "heavySend":
    case "shoutingSubject":
      return t(`warningFix.${w.code}`);
    case "lowContrast":
      return t("warningFix.lowContrast", { required: fmt.number(w.required) });
    default:
      return undefined;
  }
}

/**
 * Why the mass mail goes out from another sender than the one the request asked for, or undefined when it goes
 * from the one asked for (or none was asked for). One sentence for IT's review and for the reach summary.
 */
export function senderFallbackText(
  sender: SenderChoice,
  asked: { desiredSender: string; requester: MailAddress },
  t: I18n["t"],
): string | undefined {
  const requested = asked.desiredSender.trim();
  if (!sender.fallback || !sender.reason || requested === "") return undefined;
  if (sender.reason === "noAddress") {
    const { name, address } = asked.requester;
    return t("it.senderFallbackName", { requested, requester: name ? `${name} <${address}>` : address });
  }
  return t("it.senderFallback", { requested, address: sender.asked ?? "—" });
}
