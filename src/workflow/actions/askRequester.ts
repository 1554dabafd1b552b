// "Ask the requester": a reply to the request asking the unit for what it left out (the message text, the send
// date…), in the request's own language. It goes out once per case, through the one send-exactly-once pipeline,
// carries the case id (subject tag, x- header, kind property) like every other message about the case, and leaves an
// "asked" entry in the history; the state stays `received`.
import { requireAddress } from "../../domain/address";
import type { Claim } from "../../domain/claim";
import { AppError } from "../../domain/errors";
import type { RequiredField } from "../../domain/intake/types";
import { recordAsk, recordSentAsk } from "../../domain/lifecycle";
import { askRequesterTemplate } from "../../domain/templates";
import type { Case, Lang } from "../../domain/types";
import type { MailboxId, SentResult } from "../../ports/mailService";
import { caseClaimHome, updateCase } from "../caseStore";
import type { UpdateResult } from "../caseStore";
import { actorOfClaim, recordClaimDraft, releasing } from "../claims";
import type { ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { findSent } from "../sentCopy";
import { sendOnce } from "../sendOnce";
import { claimEvidence, sendExactlyOnce } from "../sendPipeline";
import { relayRecipient } from "./relayToRequester";

export interface AskRequesterInput {
  /** The language the request is written in (the intake's reading): the reply speaks it. */
  lang: Lang;
  /** What the request left out, as the form shows it. */
  missing: readonly RequiredField[];
  /** The request's own subject, which the reply answers. */
  requestSubject: string;
}

/** The history note of an ask: what was asked for, as stable field keys (the pane localizes them). */
export function askNote(missing: readonly RequiredField[]): string {
  return missing.join(", ");
}

export function askRequester(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  input: AskRequesterInput,
  options: ClaimOptions = {},
): Promise<Case> {
  if (input.missing.length === 0) {
    return Promise.reject(new AppError("badRequest", "Nothing to ask the requester for"));
  }
  const home = caseClaimHome(ctx, mailbox, messageId);
  const note = askNote(input.missing);
  const asked = (c: Case) => c.history.some((h) => h.action === "asked");
  // The domain refuses an ask once the case went to IT, and a second one.
  const guard = (c: Case) => void recordAsk(c, { at: ctx.now().toISOString(), by: ctx.user });
  return sendExactlyOnce<Case, SentResult, Case>(ctx, {
    key: `ask:${messageId}`,
    home,
    options,
    check: (record) => {
      if (asked(record)) return record;
      requireAddress(relayRecipient(record).address, "requester");
      guard(record);
      return undefined;
    },
    claim: (record) => ({
      step: "ask",
      mail: { mailbox, caseId: record.id, kind: "ask" },
      isDone: asked,
    }),
    done: (record) => record,
    sentByClaim: () => ({}),
    guard,
    alreadySent: async (current) => {
      const already = await findSent(ctx, mailbox, current.id, "ask");
      return already
        ? { sentItemId: already.id, internetMessageId: already.internetMessageId, sentAt: already.sentAt }
        : undefined;
    },
    send: (claim, current) => {
      const template = askRequesterTemplate({
        lang: input.lang,
        caseId: current.id,
        subject: input.requestSubject,
        missing: input.missing,
      });
      return sendOnce(ctx, mailbox, current.id, "ask", () =>
        ctx.mail.reply(mailbox, messageId, {
          to: [relayRecipient(current)],
          subject: template.subject,
          commentHtml: template.html,
          caseId: current.id,
          kind: "ask",
          beforeSend: (draft) => recordClaimDraft(home, claim.token, draft),
        }),
      );
    },
    sentUnderClaim: claimEvidence,
    record: async (claim, sent) => (await recordAsked(ctx, mailbox, messageId, claim, sent, note)).case,
  });
}

/**
 * The ask's record write (an "asked" entry), which also clears the claim it was sent under. Also what reopening
 * does with a claimed ask whose draft left Drafts (workflow/reconcile.ts); `note` is unknown there.
 */
export function recordAsked(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  claim: Claim,
  sent: SentResult,
  note?: string,
): Promise<UpdateResult> {
  const home = caseClaimHome(ctx, mailbox, messageId);
  return updateCase(ctx, mailbox, messageId, (c) =>
    releasing(
      home,
      recordSentAsk(c, {
        at: sent.sentAt ?? ctx.now().toISOString(),
        ...actorOfClaim(ctx, mailbox, claim),
        ...(note ? { note } : {}),
        evidence: {
          messageId: sent.sentItemId,
          internetMessageId: sent.internetMessageId ?? claim.internetMessageId,
        },
      }),
      claim.token,
    ),
  );
}
