// Finding IT's confirmation of a case (and IT's answers to reminders) in the Communications mailbox: a message from the IT mailbox whose
// subject carries the case id and whose x-pregon-evidence header says what was sent. Matching by case id in the
// subject first (conversation ids change when the subject does).
import { findCaseId } from "../domain/caseId";
import { decodeEvidenceHeader, EVIDENCE_HEADER } from "../domain/evidenceHeader";
import type { EvidenceHeader } from "../domain/evidenceHeader";
import { decodeItStatusHeader, IT_STATUS_HEADER } from "../domain/itStatus";
import type { ItStatusHeader } from "../domain/itStatus";
import type { Instant } from "../domain/types";
import type { MailboxId, MailMessage } from "../ports/mailService";
import type { WorkflowContext } from "./context";

export interface FoundConfirmation {
  caseId: string;
  message: MailMessage;
  evidence: EvidenceHeader;
}

/** IT's answer to a reminder (x-pregon-it-status), found in the Communications mailbox. */
export interface FoundAnswer {
  caseId: string;
  message: MailMessage;
  status: ItStatusHeader;
}

export interface ItReplies {
  /** Per case id, the earliest confirmation. */
  confirmations: Map<string, FoundConfirmation>;
  /** Per case id, IT's answers to reminders, in the order listed (newest first). */
  answers: Map<string, FoundAnswer[]>;
}

/** Confirmations from IT received since `since`, keyed by case id (the earliest one wins). */
export async function findConfirmations(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  since: Instant,
  caseIds?: ReadonlySet<string>,
): Promise<Map<string, FoundConfirmation>> {
  return (await findItReplies(ctx, mailbox, since, caseIds)).confirmations;
}

/**
 * IT's mail about cases received since `since`, in one pass over the list: confirmations (x-pregon-evidence)
 * and answers to reminders (x-pregon-it-status). The list carries each message's headers ($select
 * internetMessageHeaders, as the IT dashboard's list does), so no candidate is read again on its own.
 */
export async function findItReplies(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  since: Instant,
  caseIds?: ReadonlySet<string>,
): Promise<ItReplies> {
  const confirmations = new Map<string, FoundConfirmation>();
  const answers = new Map<string, FoundAnswer[]>();
  let page = await ctx.mail.listCases(mailbox, {
    folder: "inbox",
    from: ctx.config.itMailbox,
    receivedSince: since,
    top: 50,
    withHeaders: true,
  });
  for (;;) {
    for (const candidate of page.items) {
      const caseId = findCaseId(candidate.subject);
      if (!caseId || (caseIds && !caseIds.has(caseId)) || confirmations.has(caseId)) continue;
      const evidence = decodeEvidenceHeader(candidate.headers?.[EVIDENCE_HEADER]);
      if (evidence) {
        confirmations.set(caseId, { caseId, message: candidate, evidence });
        continue;
      }
      const status = decodeItStatusHeader(candidate.headers?.[IT_STATUS_HEADER]);
      if (status)
        answers.set(caseId, [...(answers.get(caseId) ?? []), { caseId, message: candidate, status }]);
    }
    if (!page.next) return { confirmations, answers };
    page = await ctx.mail.nextPage(page.next);
  }
}
