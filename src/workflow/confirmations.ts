// Finding IT's confirmation of a case in the Communications mailbox: a message from the IT mailbox whose
// subject carries the case id and whose x-pregon-evidence header says what was sent. Matching by case id in the
// subject first (conversation ids change when the subject does).
import { findCaseId } from "../domain/caseId";
import { decodeEvidenceHeader, EVIDENCE_HEADER } from "../domain/evidenceHeader";
import type { EvidenceHeader } from "../domain/evidenceHeader";
import type { Instant } from "../domain/types";
import type { MailboxId, MailMessage } from "../ports/mailService";
import type { WorkflowContext } from "./context";

export interface FoundConfirmation {
  caseId: string;
  message: MailMessage;
  evidence: EvidenceHeader;
}

/** Confirmations from IT received since `since`, keyed by case id (the earliest one wins). */
export async function findConfirmations(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  since: Instant,
  caseIds?: ReadonlySet<string>,
): Promise<Map<string, FoundConfirmation>> {
  const found = new Map<string, FoundConfirmation>();
  let page = await ctx.mail.listCases(mailbox, {
    folder: "inbox",
    from: ctx.config.itMailbox,
    receivedSince: since,
    top: 50,
  });
  for (;;) {
    for (const candidate of page.items) {
      const caseId = findCaseId(candidate.subject);
      if (!caseId || (caseIds && !caseIds.has(caseId)) || found.has(caseId)) continue;
      const withHeaders = await ctx.mail.getMessage(mailbox, candidate.id, { withHeaders: true });
      const evidence = decodeEvidenceHeader(withHeaders.headers?.[EVIDENCE_HEADER]);
      if (evidence) found.set(caseId, { caseId, message: withHeaders, evidence });
    }
    if (!page.next) return found;
    page = await ctx.mail.nextPage(page.next);
  }
}
