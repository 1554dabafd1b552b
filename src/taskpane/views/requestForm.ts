// The editable form behind "Create case", seeded from the intake proposal.
import { checkAddress } from "../../domain/address";
import type { AddressProblem } from "../../domain/address";
import type { RequestProposal, RequiredField } from "../../domain/intake/types";
import type { AudienceKey, CaseFields, MailAddress, Urgency } from "../../domain/types";

export interface RequestForm {
  /** The requester's address, where the final confirmation goes; editable because intake may not have it. */
  requester: string;
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
    requester: p.requester.address,
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

/** What is wrong with the requester's address as typed, or null when a case can be created with it. */
export function requesterProblemInForm(form: RequestForm): AddressProblem | null {
  return checkAddress(form.requester);
}

/** The requester to record: the address as typed (trimmed), with the name intake found. */
export function requesterFromForm(form: RequestForm, p: RequestProposal): MailAddress {
  const address = form.requester.trim();
  return p.requester.name ? { name: p.requester.name, address } : { address };
}
