import type { MessageKey } from "../../i18n/catalogue";

const LABELS: Record<string, MessageKey> = {
  requestingUnit: "field.requestingUnit",
  desiredSender: "field.desiredSender",
  subject: "field.subject",
  message: "field.message",
  audiences: "field.audiences",
  requestedDate: "field.requestedDate",
  urgency: "field.urgency",
  attachments: "field.attachments",
};

/** The form label of a field name used by the domain (missing fields, warnings). */
export function fieldLabelKey(field: string): MessageKey {
  return LABELS[field] ?? "field.message";
}
