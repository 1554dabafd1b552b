// IT's test send: before the mass send, one copy of the prepared mass mail — same sender, body, attachments and
// inline images, built from the prepared draft itself — goes to the requester and to Communications, marked
// [PRUEBA] (or [TEST] for a request written in English), never to the groups. Sent exactly once through the send
// pipeline with its own kind and claim (testSend); the case id travels in the subject and the x-pregon-case-id
// header like every other case message, and replies go to IT's mailbox (replyTo), where the requester's answer
// is found by the case id in its subject (findTestReply) and recorded on IT's record: approved, or changes asked
// with their words (domain/testApproval.ts). With `testSend.approvalRequired`, the mass send waits for approval.
import { testApprovalRequired } from "../../config/schema";
import { findCaseId } from "../../domain/caseId";
import type { Claim } from "../../domain/claim";
import { AppError } from "../../domain/errors";
import { CASE_ID_HEADER } from "../../domain/evidenceHeader";
import { detectLanguage } from "../../domain/intake/language";
import { htmlToText } from "../../domain/intake/htmlText";
import {
  guardItStep,
  itMassMailWentOut,
  markTestSent,
  recordTestReply,
  testApproved,
} from "../../domain/itLifecycle";
import type { ItRecord, ItTestSend } from "../../domain/itRecord";
import { decideTestReply, ownWords } from "../../domain/testApproval";
import type { Lang, MailAddress } from "../../domain/types";
import type { MailboxId, MailMessage, SentResult } from "../../ports/mailService";
import { actorOfClaim, recordClaimDraft, releasing } from "../claims";
import type { ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { findSent } from "../sentCopy";
import { sendOnce } from "../sendOnce";
import { sendExactlyOnce } from "../sendPipeline";
import { caseCancelledError } from "./itCase";
import type { ItCase } from "./itCase";
import { itClaimHome, updateItRecord } from "./itStore";

/** The subject's mark, in the request's language. */
export const TEST_MARK: Readonly<Record<Lang, string>> = { es: "[PRUEBA]", en: "[TEST]" };

/** The request's language, from the mass mail's own words (domain/intake/language.ts). */
export function requestLanguage(text: string): Lang {
  return detectLanguage(
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase(),
  );
}

/** The test's subject: the mark, the mass mail's subject, the case id (so that replies are matched by it). */
export function testSubject(lang: Lang, subject: string, caseId: string): string {
  return `${TEST_MARK[lang]} ${subject} [${caseId}]`;
}

/** Who the test goes to: the requester and Communications, never the groups. */
export function testRecipients(ctx: WorkflowContext, requester: MailAddress): MailAddress[] {
  const comms = ctx.config.communicationsMailbox;
  const to: MailAddress[] = [requester.name ? { ...requester } : { address: requester.address }];
  if (comms.toLowerCase() !== requester.address.toLowerCase()) to.push({ address: comms });
  return to;
}

/** Sends the test copy exactly once; the record keeps when, who and to whom (IT lifecycle: state unchanged). */
export function sendTestMail(
  ctx: WorkflowContext,
  opened: ItCase,
  options: ClaimOptions = {},
): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  const home = itClaimHome(ctx, mailbox, message.id, summary.id);
  const to = testRecipients(ctx, opened.summary.requester);
  let draft: MailMessage | undefined;
  let draftId = "";
  return sendExactlyOnce<ItRecord, SentResult, ItRecord>(ctx, {
    key: `testSend:${message.id}`,
    home,
    options,
    check: async (record) => {
      if (record.testSend) return record;
      if (opened.cancelled) throw caseCancelledError(opened.cancelled);
      refuseUnlessPrepared(record);
      draftId = record.draftId ?? "";
      draft = await ctx.mail.getMessage(mailbox, draftId, { withBody: true, withAttachments: true });
      return undefined;
    },
    claim: () => ({
      step: "testSend",
      mail: { mailbox, caseId: summary.id, kind: "testSend" },
      isDone: (r) => {
        if (r.testSend) return true;
        refuseUnlessPrepared(r);
        return false;
      },
    }),
    done: (record) => record,
    sentByClaim: async () => (await copyOf(ctx, mailbox, summary.id)) ?? {},
    alreadySent: () => copyOf(ctx, mailbox, summary.id),
    send: async (claim) => {
      if (!draft) throw new AppError("unknown", "The mass-mail draft was not read");
      const made = await createTestDraft(ctx, opened, draft, to);
      await recordClaimDraft(home, claim.token, made);
      return sendOnce(ctx, mailbox, summary.id, "testSend", async () => {
        await ctx.mail.sendDraft(mailbox, made.id);
        return made.internetMessageId ? { internetMessageId: made.internetMessageId } : {};
      });
    },
    sentUnderClaim: (claim) =>
      claim.internetMessageId ? { internetMessageId: claim.internetMessageId } : {},
    record: (claim, sent) => recordTestSend(ctx, mailbox, message.id, summary.id, claim, sent, to),
  });
}

function refuseUnlessPrepared(record: ItRecord): void {
  if (itMassMailWentOut(record)) guardItStep(record, "send");
  if (record.state !== "prepared" || !record.draftId) {
    if (record.state === "received") throw new AppError("notFound", "Prepare the mass mail first");
    guardItStep(record, "send");
  }
}

async function copyOf(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  caseId: string,
): Promise<SentResult | undefined> {
  const copy = await findSent(ctx, mailbox, caseId, "testSend");
  if (!copy) return undefined;
  const sent: SentResult = { sentItemId: copy.id };
  if (copy.sentAt) sent.sentAt = copy.sentAt;
  if (copy.internetMessageId) sent.internetMessageId = copy.internetMessageId;
  return sent;
}

/** A new draft from the prepared one: same sender, body and files (inline images too), to the test's recipients. */
async function createTestDraft(
  ctx: WorkflowContext,
  opened: ItCase,
  draft: MailMessage,
  to: MailAddress[],
): Promise<MailMessage> {
  const { mailbox, summary } = opened;
  const bodyHtml = draft.body ?? "";
  const lang = requestLanguage(
    `${draft.subject}\n${draft.bodyType === "text" ? bodyHtml : htmlToText(bodyHtml)}`,
  );
  const made = await ctx.mail.createDraft(mailbox, {
    subject: testSubject(lang, draft.subject, summary.id),
    bodyHtml,
    to,
    ...(draft.from ? { from: draft.from } : {}),
    replyTo: [{ address: ctx.config.itMailbox }],
    caseProps: { caseId: summary.id, kind: "testSend" },
    headers: { [CASE_ID_HEADER]: summary.id },
  });
  const files = (draft.attachments ?? []).map((a) => a.id);
  if (files.length > 0) await ctx.mail.copyAttachments(mailbox, draft.id, made.id, files);
  return made;
}

/** The test send's record write, which also clears the claim it was sent under. */
export function recordTestSend(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  caseId: string,
  claim: Claim,
  sent: SentResult,
  to: readonly MailAddress[],
): Promise<ItRecord> {
  const home = itClaimHome(ctx, mailbox, messageId, caseId);
  const facts: ItTestSend = {
    at: sent.sentAt ?? ctx.now().toISOString(),
    ...actorOfClaim(ctx, mailbox, claim),
    to: to.map((a) => a.address),
  };
  const internetMessageId = sent.internetMessageId ?? claim.internetMessageId;
  if (internetMessageId) facts.internetMessageId = internetMessageId;
  if (sent.sentItemId) facts.sentItemId = sent.sentItemId;
  return updateItRecord(ctx, mailbox, messageId, caseId, (r) =>
    releasing(home, r.testSend ? r : markTestSent(r, facts), claim.token),
  );
}

/**
 * The requester's latest answer to the test, in IT's inbox: a message from the requester, received after the
 * test went out, whose subject names the case ("RE: [PRUEBA] … [CM-…]"), like a confirmation is matched in
 * Communications' inbox (workflow/confirmations.ts). Recorded on IT's record when new; the record as it then is.
 */
export async function findTestReply(
  ctx: WorkflowContext,
  opened: ItCase,
  record: ItRecord,
): Promise<ItRecord> {
  const test = record.testSend;
  if (!test) return record;
  const { mailbox, message, summary } = opened;
  const requester = summary.requester.address.toLowerCase();
  let page = await ctx.mail.listCases(mailbox, {
    folder: "inbox",
    from: requester,
    receivedSince: test.at,
    top: 50,
  });
  let latest: MailMessage | undefined;
  for (let pages = 0; ; pages++) {
    for (const candidate of page.items) {
      if (findCaseId(candidate.subject)?.toUpperCase() !== summary.id.toUpperCase()) continue;
      if (candidate.from?.address.toLowerCase() !== requester) continue;
      if (!latest || Date.parse(candidate.receivedAt ?? "") > Date.parse(latest.receivedAt ?? ""))
        latest = candidate;
    }
    if (!page.next || pages >= 10) break;
    page = await ctx.mail.nextPage(page.next);
  }
  if (!latest || latest.id === record.testReply?.messageId) return record;
  const full = await ctx.mail.getMessage(mailbox, latest.id, { withBody: true });
  const own = ownWords(full.body ?? full.bodyPreview ?? "", full.bodyType !== "text");
  const { verdict, text } = decideTestReply(own);
  const reply = {
    at: full.receivedAt ?? ctx.now().toISOString(),
    from: requester,
    verdict,
    text,
    messageId: full.id,
  };
  return updateItRecord(ctx, mailbox, message.id, summary.id, (r) => recordTestReply(r, reply));
}

/** The mass send is refused while the configuration requires the requester's approval and it has not come. */
export function refuseUnlessApproved(ctx: WorkflowContext, record: ItRecord): void {
  if (!testApprovalRequired(ctx.config) || testApproved(record) || itMassMailWentOut(record)) return;
  throw new AppError("testApprovalRequired", "The requester has not approved the test send", {
    details: { testSent: record.testSend ? "yes" : "no" },
  });
}

/** Whether the configured approval blocks the send right now (for the pane: button disabled with the reason). */
export function sendBlockedByApproval(ctx: WorkflowContext, record: ItRecord): boolean {
  return testApprovalRequired(ctx.config) && !testApproved(record) && !itMassMailWentOut(record);
}
