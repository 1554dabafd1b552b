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
  /**
   * Who gets the final confirmation when the request arrived forwarded: the person who wrote to Communications
   * ("writer", the default) or the original requester found in the forwarded chain ("original").
   */
  relayChoice: RelayChoice;
  /** The message text typed or pasted on the form, for a request that carries none. */
  messageText: string;
}

export type RelayChoice = "writer" | "original";

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
    relayChoice: "writer",
    messageText: "",
  };
}

/** Required fields still empty; a request without a message has one once the professional types it. */
export function missingInForm(form: RequestForm, p: RequestProposal): RequiredField[] {
  const missing: RequiredField[] = [];
  if (form.desiredSender.trim() === "") missing.push("desiredSender");
  if (form.subject.trim() === "") missing.push("subject");
  if (needsMessageText(p) && form.messageText.trim() === "") missing.push("message");
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

/** The request carries no message text: the form offers a field to type it (and asking the requester). */
export function needsMessageText(p: RequestProposal): boolean {
  return p.message.source === "missing";
}

/** The typed message text to store in the case, when the request needs one and it was typed. */
export function messageTextFromForm(form: RequestForm, p: RequestProposal): string | undefined {
  const text = form.messageText.trim();
  return needsMessageText(p) && text !== "" ? text : undefined;
}

/**
 * The person who wrote to Communications, when that is someone else than the original requester (the request
 * arrived forwarded): then the form offers a choice of who gets the confirmation. Undefined otherwise.
 */
export function writerOf(p: RequestProposal): MailAddress | undefined {
  const by = p.forwardedBy;
  if (!by || by.address.trim() === "") return undefined;
  return by.address.trim().toLowerCase() === p.requester.address.trim().toLowerCase() ? undefined : by;
}

/**
 * Who will get the final confirmation: for a forwarded request, the person who wrote to Communications unless the
 * professional chose the original requester; otherwise the requester as typed on the form.
 */
export function relayToFromForm(form: RequestForm, p: RequestProposal): MailAddress {
  const writer = writerOf(p);
  return writer && form.relayChoice === "writer" ? writer : requesterFromForm(form, p);
}

/** What is wrong with the confirmation's address, or null when it can get it. */
export function relayToProblemInForm(form: RequestForm, p: RequestProposal): AddressProblem | null {
  return checkAddress(relayToFromForm(form, p).address);
}
