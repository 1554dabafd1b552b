// Sending mail exactly once over an unreliable connection. A send whose answer was lost (503, timeout, dropped
// connection) may or may not have happened: look in Sent Items for the case's copy of this kind before any
// resend. Only when it is not there is the send tried again — and when the failed attempt left its draft behind
// (details.draftId), that same draft is sent, so no second draft stays in Drafts for someone to send later.
// For mail a case can send several times (reminders), `isThisSend` tells this send's copy from earlier ones.
//
// Exchange files the Sent Items copy seconds after the send is accepted, so "not in Sent Items" does not prove
// "not sent". The kept draft decides instead: a sent draft leaves Drafts at once (Graph answers 404 for its id),
// so sending it again either sends it (it had not gone) or answers 404 (it had) — never a second copy. What the
// draft said of its mail (its internetMessageId, in details.internetMessageId) is the evidence until the copy is
// filed.
import { AppError } from "../domain/errors";
import type { MailboxId, MailMessage, MessageKind, SentResult } from "../ports/mailService";
import type { WorkflowContext } from "./context";
import { findSent } from "./sentCopy";

function fromSentItem(sent: MailMessage | undefined): SentResult {
  if (!sent) return {};
  return {
    sentItemId: sent.id,
    internetMessageId: sent.internetMessageId,
    conversationId: sent.conversationId,
    sentAt: sent.sentAt,
  };
}

function isAmbiguous(e: unknown): boolean {
  return e instanceof AppError && (e.code === "unavailable" || e.code === "network");
}

/** A fact an unclear send's error carries (the draft it kept, that draft's internetMessageId). */
function detailOf(e: unknown, key: "draftId" | "internetMessageId" | "claimDraftId"): string | undefined {
  const value = e instanceof AppError ? e.details?.[key] : undefined;
  return typeof value === "string" && value !== "" ? value : undefined;
}

/** The Sent Items copy when it is already filed; else what the kept draft said its mail would carry. */
function evidenceOf(sent: MailMessage | undefined, draftInternetMessageId: string | undefined): SentResult {
  if (sent) return fromSentItem(sent);
  return draftInternetMessageId ? { internetMessageId: draftInternetMessageId } : {};
}

const MAX_SENDS = 3;

export async function sendOnce(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  caseId: string,
  kind: MessageKind,
  send: () => Promise<SentResult>,
  isThisSend: (sent: MailMessage) => boolean = () => true,
): Promise<SentResult> {
  const lookUp = async () => {
    const sent = await findSent(ctx, mailbox, caseId, kind);
    return sent && isThisSend(sent) ? sent : undefined;
  };
  let keptDraft: string | undefined;
  let keptMessageId: string | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      if (keptDraft === undefined) return await send();
      await ctx.mail.sendDraft(mailbox, keptDraft);
      return evidenceOf(await lookUp(), keptMessageId);
    } catch (e) {
      // The kept draft is gone: its earlier send went through after all (a sent draft leaves Drafts at once,
      // while its Sent Items copy may still be on its way).
      if (keptDraft !== undefined && e instanceof AppError && e.code === "notFound")
        return evidenceOf(await lookUp(), keptMessageId);
      // Writing the draft into the claim failed unclearly: the claim may name it, so only the claim's holder can
      // settle it (claims.ts underClaim); a second draft would be left behind in Drafts.
      if (!isAmbiguous(e) || attempt >= MAX_SENDS || detailOf(e, "claimDraftId")) throw e;
      const sent = await lookUp();
      if (sent) return fromSentItem(sent);
      // Not found may only mean "not filed yet": resend the kept draft, never a new one, when there is one.
      keptDraft = detailOf(e, "draftId") ?? keptDraft;
      keptMessageId = detailOf(e, "internetMessageId") ?? keptMessageId;
    }
  }
}
