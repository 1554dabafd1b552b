// The editable form behind "Create case", seeded from the intake proposal.
import type { RequestProposal, RequiredField } from "../../domain/intake/types";
import type { AudienceKey, CaseFields, Urgency } from "../../domain/types";

export interface RequestForm {
  requestingUnit: string;
  desiredSender: string;
  subject: string;
  audiences: AudienceKey[];
  requestedDate: string;
  urgency: Urgency;
  attachmentIds: string[];
}

export function formFromProposal(p: RequestProposal): RequestForm {
  return {
    requestingUnit: p.requestingUnit.value ?? "",
    desiredSender: p.desiredSender.value ?? "",
    subject: p.subject.value ?? "",
    audiences: p.audiences.value ?? [],
    requestedDate: p.requestedDate.value ?? "",
    urgency: p.urgency.value ?? "normal",
    attachmentIds: (p.attachments.value ?? []).map((a) => a.id),
  };
}

/** Required fields still empty; the message cannot be edited here, so it counts as the proposal found it. */
export function missingInForm(form: RequestForm, p: RequestProposal): RequiredField[] {
  const missing: RequiredField[] = [];
  if (form.desiredSender.trim() === "") missing.push("desiredSender");
  if (form.subject.trim() === "") missing.push("subject");
  if (p.message.source === "missing") missing.push("message");
  if (form.audiences.length === 0) missing.push("audiences");
  if (form.requestedDate === "") missing.push("requestedDate");
  return missing;
}

export function fieldsFromForm(form: RequestForm): CaseFields {
  return {
    requestingUnit: form.requestingUnit.trim(),
    desiredSender: form.desiredSender.trim(),
    subject: form.subject.trim(),
    audiences: form.audiences,
    requestedDate: form.requestedDate === "" ? undefined : form.requestedDate,
    urgency: form.urgency,
    attachmentIds: form.attachmentIds,
  };
}
