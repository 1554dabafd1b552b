import type { RequiredField } from "../../domain/intake/types";
import type { MessageKey } from "../../i18n/catalogue";

/** Fields the form names in "missing" notes and warnings: the intake's required fields and the unit. */
export type NamedField = RequiredField | "requestingUnit" | "requester" | "relayTo";

const LABELS: Record<NamedField, MessageKey> = {
  requester: "field.requester",
  relayTo: "field.relayTo",
  requestingUnit: "field.requestingUnit",
  desiredSender: "field.desiredSender",
  subject: "field.subject",
  message: "field.message",
  audiences: "field.audiences",
  requestedDate: "field.requestedDate",
};

function isNamedField(field: string): field is NamedField {
  return field in LABELS;
}

/** The form label of a field the domain names; an unknown name is shown as it is rather than mislabelled. */
export function fieldLabel(field: string, t: (key: MessageKey) => string): string {
  return isNamedField(field) ? t(LABELS[field]) : field;
}
