// The case protocol between the mailboxes, Communications' side: the x-pregon-case header each message about a
// case carries (domain/caseHeader.ts), and the notices (cancellation, update) that go on the forward's thread
// under a claim, like reminders.
import { CASE_HEADER, encodeCaseHeader, nextVersion } from "../domain/caseHeader";
import type { CancelNotice, CaseMessageKind, ChangedField } from "../domain/caseHeader";
import type { Claim, ClaimNotice } from "../domain/claim";
import { AppError } from "../domain/errors";
import type { Act } from "../domain/history";
import { cancelCase, updateForwardedCase, withItVersion } from "../domain/lifecycle";
import type { Case } from "../domain/types";
import type { MailboxId, SentResult } from "../ports/mailService";
import { caseClaimHome, updateCase } from "./caseStore";
import type { UpdateResult } from "./caseStore";
import { actorOfClaim, recordClaimDraft, releasing } from "./claims";
import type { ClaimHome, ClaimOptions } from "./claims";
import type { WorkflowContext } from "./context";
import { findSent } from "./sentCopy";
import { sendOnce } from "./sendOnce";
import { claimEvidence, sendExactlyOnce } from "./sendPipeline";

/** The header for a message about `c`: the case as it stands now, with the protocol facts of this message. */
export function caseHeaderOf(
  c: Case,
  message: CaseMessageKind,
  extra: { version?: number; changed?: readonly ChangedField[]; cancelled?: CancelNotice } = {},
): Record<string, string> {
  return {
    [CASE_HEADER]: encodeCaseHeader({
      id: c.id,
      fields: c.fields,
      dueDate: c.dueDate,
      requester: c.requester,
      version: extra.version ?? c.itVersion ?? 1,
      message,
      ...(extra.changed ? { changed: extra.changed } : {}),
      ...(extra.cancelled ? { cancelled: extra.cancelled } : {}),
    }),
  };
}

export interface NoticePlan {
  /** What the notice is (the header's msg and the Sent Items kind). */
  message: "cancel" | "update";
  /** The case after the change (checked by the domain before anything is claimed or sent). */
  apply(current: Case, act: Act): Case;
  changed?: readonly ChangedField[];
  cancelled?: (act: { at: string; by: string }) => CancelNotice;
  template(next: Case): { subject: string; html: string };
  /** The change, as the claim keeps it: what recording the notice needs when its pane is gone. */
  notice: ClaimNotice;
}

/** A new text is not kept in the record (it travels in the notice's body): this stands for "it changed". */
const TEXT_CHANGED = "(text in the notice)";

/** The case after the notice's change: what `apply` of the notice's plan does, from the claim alone. */
export function applyNotice(notice: ClaimNotice, c: Case, act: Act): Case {
  if (notice.msg === "cancel") return cancelCase(c, { ...act, reason: notice.reason });
  const { msg: _msg, text, note, ...fields } = notice;
  return updateForwardedCase(
    c,
    { ...fields, ...(text ? { text: TEXT_CHANGED } : {}) },
    note ? { ...act, note } : act,
  ).case;
}

/**
 * Sends a notice about a forwarded case to IT (a reply on the forward's thread, to IT's mailbox) and records the
 * change with the notice's version, in one step under a claim: a second pane sees the claim, a lost answer is
 * found in Sent Items, and the change is recorded only with its notice (never a cancellation IT was not told).
 */
export function sendNotice(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  plan: NoticePlan,
  isDone: (c: Case) => boolean,
  options: ClaimOptions = {},
): Promise<Case> {
  const home = caseClaimHome(ctx, mailbox, messageId);
  const kind = plan.message === "cancel" ? "cancellation" : "update";
  // The domain's guard, before anything is claimed or sent, and again on the claimed record.
  const guard = (c: Case) => void plan.apply(c, { at: ctx.now().toISOString(), by: ctx.user });
  return sendExactlyOnce<Case, SentResult, Case>(ctx, {
    key: `notice-${plan.message}:${messageId}`,
    home,
    options,
    check: (record) => {
      if (isDone(record)) return record;
      guard(record);
      return undefined;
    },
    claim: (record) => ({
      step: "notice",
      mail: {
        mailbox,
        caseId: record.id,
        kind,
        isClaims: (sent, claim) =>
          !!claim.internetMessageId && sent.internetMessageId === claim.internetMessageId,
      },
      isDone,
      notice: plan.notice,
    }),
    done: (record) => record,
    sentByClaim: () => ({}),
    guard,
    send: async (claim, current) => {
      const at = ctx.now().toISOString();
      const next = plan.apply(current, { at, by: ctx.user });
      const version = nextVersion(current.itVersion);
      const template = plan.template(next);
      const forwarded = current.history.find((h) => h.action === "forwarded");
      const forwardId =
        forwarded?.evidence?.messageId ?? (await findSent(ctx, mailbox, current.id, "forward"))?.id;
      if (!forwardId) throw new AppError("notInSentItemsYet", "The forward to IT is not in Sent Items yet");
      return sendOnce(
        ctx,
        mailbox,
        current.id,
        kind,
        () =>
          ctx.mail.reply(mailbox, forwardId, {
            to: [{ address: ctx.config.itMailbox }],
            subject: template.subject,
            commentHtml: template.html,
            caseId: current.id,
            kind,
            headers: caseHeaderOf(next, plan.message, {
              version,
              ...(plan.changed ? { changed: plan.changed } : {}),
              ...(plan.cancelled ? { cancelled: plan.cancelled({ at, by: ctx.user }) } : {}),
            }),
            beforeSend: (draft) => recordClaimDraft(home, claim.token, draft),
          }),
        // Earlier notices of this kind are in Sent Items too: only one sent under this claim is ours.
        (copy) => Date.parse(copy.sentAt ?? at) >= Date.parse(claim.since) - 60_000,
      );
    },
    sentUnderClaim: claimEvidence,
    record: async (claim, sent, current) =>
      (await recordNotice(ctx, mailbox, messageId, plan, claim, sent, nextVersion(current.itVersion), home))
        .case,
  });
}

/**
 * Records a notice found sent under `claim` (its draft left Drafts) by someone who is not the pane that sent it
 * (workflow/reconcile.ts): the change comes from the claim. Nothing is written unless the claim is still on the
 * record (the notice's own record write clears it).
 */
export function recordClaimedNotice(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  claim: Claim,
  notice: ClaimNotice,
  home?: ClaimHome<Case>,
): Promise<UpdateResult> {
  const apply = (c: Case, act: Act) => applyNotice(notice, c, act);
  return recordNotice(ctx, mailbox, messageId, { apply }, claim, claimEvidence(claim), undefined, home);
}

async function recordNotice(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  plan: Pick<NoticePlan, "apply">,
  claim: Claim,
  sent: SentResult,
  /** The version the notice carried; undefined: the next one (a claimed notice, recorded under its claim). */
  version: number | undefined,
  home: ClaimHome<Case> = caseClaimHome(ctx, mailbox, messageId),
): Promise<UpdateResult> {
  const internetMessageId = sent.internetMessageId ?? claim.internetMessageId;
  return updateCase(
    ctx,
    mailbox,
    messageId,
    (c) => {
      if (version === undefined && c.claim?.token !== claim.token) return c;
      const v = version ?? nextVersion(c.itVersion);
      if ((c.itVersion ?? 1) >= v) return releasing(home, c, claim.token);
      const act = {
        at: sent.sentAt ?? ctx.now().toISOString(),
        ...actorOfClaim(ctx, mailbox, claim),
        evidence: { messageId: sent.sentItemId, internetMessageId },
      };
      const next = plan.apply(c, act);
      return releasing(home, withItVersion(next, v), claim.token);
    },
    home,
  );
}
