// What the professional does in the pane, as plain steps: open a request, accept the proposal (filling in what
// the request left out), create the case. Shared by the workflow tests.
import type { RequestProposal } from "../../src/domain/intake/types";
import type { Case, CaseFields } from "../../src/domain/types";
import { createCaseFromRequest } from "../../src/workflow/actions/createCase";
import { openItem } from "../../src/workflow/openItem";
import type { OpenedItem } from "../../src/workflow/openItem";
import type { Actor, World } from "./world";

export type OpenedRequest = Extract<OpenedItem, { kind: "request" }>;
export type OpenedCase = Extract<OpenedItem, { kind: "case" }>;

/** The proposal's values, and for each missing one what a professional fills in after asking the unit. */
export function fieldsFromProposal(proposal: RequestProposal, fallbackSubject: string): CaseFields {
  const unit = proposal.requestingUnit.value ?? proposal.requester.name ?? "Unidad solicitante";
  return {
    requestingUnit: unit,
    desiredSender: proposal.desiredSender.value ?? unit,
    subject: proposal.subject.value ?? fallbackSubject,
    audiences: proposal.audiences.value ?? ["estudiantes"],
    requestedDate: proposal.requestedDate.value ?? undefined,
    urgency: proposal.urgency.value ?? "normal",
    attachmentIds: (proposal.attachments.value ?? []).map((a) => a.id),
  };
}

export async function openRequest(actor: Actor, messageId: string): Promise<OpenedRequest> {
  const opened = await openItem(actor.ctx, actor.select(messageId));
  if (opened.kind !== "request") throw new Error(`Expected a request, got ${opened.kind}`);
  return opened;
}

export async function openCase(actor: Actor, messageId: string): Promise<OpenedCase> {
  const opened = await openItem(actor.ctx, actor.select(messageId));
  if (opened.kind !== "case") throw new Error(`Expected a case, got ${opened.kind}`);
  return opened;
}

/** Delivers a fixture to comunicaciones@, opens it and creates its case. */
export async function newCase(
  world: World,
  fixture: string | Record<string, unknown>,
  overrides: Partial<CaseFields> = {},
): Promise<{ messageId: string; case: Case; opened: OpenedRequest }> {
  const messageId = world.deliverRequest(fixture);
  const opened = await openRequest(world.comms, messageId);
  const fields = { ...fieldsFromProposal(opened.proposal, opened.message.subject), ...overrides };
  const created = await createCaseFromRequest(world.comms.ctx, {
    mailbox: world.comms.mailbox,
    messageId,
    requester: opened.proposal.requester,
    fields,
  });
  return { messageId, case: created, opened };
}
