// IT's test send: before the mass send, one copy of the prepared mass mail — same sender, body, attachments and
// inline images, built from the prepared draft itself — goes to the requester and to Communications, marked
// [PRUEBA] (or [TEST] for a request written in English), never to the groups. Sent exactly once through the send
// pipeline with its own kind and claim (testSend); the case id travels in the subject and the x-pregon-case-id
// header like every other case message, and replies go to IT's mailbox (replyTo), where the requester's answer
// is found by the case id in its subject (findTestReply) and recorded on IT's record: approved, or changes asked
// with their words (domain/testApproval.ts). With `testSend.approvalRequired`, the mass send waits for approval.
//
// Rounds: after changes asked, IT corrects the draft and sends another test. Each round is its own exactly-once
// send: the caller names the round it means (the one after the latest the pane showed), so a retried click of
// round 2 finds round 2 recorded, or its copy in Sent Items, and sends nothing, while round 3 is a new send. The
// round travels in the subject's mark — [PRUEBA] for the first, [PRUEBA 2], [PRUEBA 3]… after it — which tells
// the rounds' Sent Items copies apart and comes back in the requester's reply ("RE: [PRUEBA 2] …"). Only an
// answer to the latest round is recorded, so an approval of an earlier test (the draft changed since) never
// unblocks a required approval. The claim needs no round of its own: a testSend claim is only taken while the
// record's latest round is the one before the claimed round, and recording that round clears the claim, so a
// held claim is always for the round after the recorded one (recoverIt.ts relies on it too).
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
  testRound,
} from "../../domain/itLifecycle";
import { MAX_TEST_ROUNDS } from "../../domain/itRecord";
import type { ItRecord, ItTestSend } from "../../domain/itRecord";
import { decideTestReply, ownWords } from "../../domain/testApproval";
import type { Lang, MailAddress } from "../../domain/types";
import type { MailboxId, MailMessage, SentResult } from "../../ports/mailService";
import { actorOfClaim, recordClaimDraft, releasing } from "../claims";
import type { ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { sendOnce } from "../sendOnce";
import { sendExactlyOnce } from "../sendPipeline";
import { caseCancelledError } from "./itCase";
import type { ItCase } from "./itCase";
import { itClaimHome, updateItRecord } from "./itStore";

/** The subject's mark, in the request's language (the first round's; later rounds add their number). */
export const TEST_MARK: Readonly<Record<Lang, string>> = { es: "[PRUEBA]", en: "[TEST]" };

/** The mark of a round: [PRUEBA] for the first test, [PRUEBA 2] for the second, and so on. */
export function testMark(lang: Lang, round = 1): string {
  return round <= 1 ? TEST_MARK[lang] : `${TEST_MARK[lang].slice(0, -1)} ${round}]`;
}

const MARK_IN_SUBJECT = /\[(?:PRUEBA|TEST)(?:\s+(\d{1,2}))?\]/i;

/**
 * The test round a subject's mark names — the test's own ("[PRUEBA 2] …") or a reply's ("RE: [PRUEBA 2] …",
 * either language) — or undefined when it carries no mark.
 */
export function testRoundOf(subject: string): number | undefined {
  const match = MARK_IN_SUBJECT.exec(subject);
  if (!match) return undefined;
  return match[1] ? Number(match[1]) : 1;
}

/** The request's language, from the mass mail's own words (domain/intake/language.ts). */
export function requestLanguage(text: string): Lang {
  return detectLanguage(
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase(),
  );
}

/** The test's subject: the round's mark, the mass mail's subject, the case id (replies are matched by it). */
export function testSubject(lang: Lang, subject: string, caseId: string, round = 1): string {
  return `${testMark(lang, round)} ${subject} [${caseId}]`;
}

/** Who the test goes to: the requester and Communications, never the groups. */
export function testRecipients(ctx: WorkflowContext, requester: MailAddress): MailAddress[] {
  const comms = ctx.config.communicationsMailbox;
  const to: MailAddress[] = [requester.name ? { ...requester } : { address: requester.address }];
  if (comms.toLowerCase() !== requester.address.toLowerCase()) to.push({ address: comms });
  return to;
}

export interface TestSendOptions extends ClaimOptions {
  /**
   * The round this send is (1, the default, for the first test): the one after the latest round the caller saw.
   * A round already recorded sends nothing (the record is returned as it is).
   */
  round?: number;
}

/**
 * Sends a round of the test copy exactly once; the record keeps when, who, to whom and which round (IT
 * lifecycle: state unchanged).
 */
export function sendTestMail(
  ctx: WorkflowContext,
  opened: ItCase,
  options: TestSendOptions = {},
): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  const { round = 1, ...claimOptions } = options;
  const home = itClaimHome(ctx, mailbox, message.id, summary.id);
  const to = testRecipients(ctx, opened.summary.requester);
  const isThisRound = (sent: MailMessage) => testRoundOf(sent.subject) === round;
  let draft: MailMessage | undefined;
  let draftId = "";
  return sendExactlyOnce<ItRecord, SentResult, ItRecord>(ctx, {
    key: `testSend:${message.id}:${round}`,
    home,
    options: claimOptions,
    check: async (record) => {
      if (testRound(record) >= round) return record;
      if (opened.cancelled) throw caseCancelledError(opened.cancelled);
      refuseOutOfTurn(record, round);
      refuseUnlessPrepared(record);
      draftId = record.draftId ?? "";
      draft = await ctx.mail.getMessage(mailbox, draftId, { withBody: true, withAttachments: true });
      return undefined;
    },
    claim: () => ({
      step: "testSend",
      mail: {
        mailbox,
        caseId: summary.id,
        kind: "testSend",
        isClaims: (sent, claim) =>
          isThisRound(sent) ||
          (!!claim.internetMessageId && sent.internetMessageId === claim.internetMessageId),
      },
      isDone: (r) => {
        if (testRound(r) >= round) return true;
        refuseOutOfTurn(r, round);
        refuseUnlessPrepared(r);
        return false;
      },
    }),
    done: (record) => record,
    sentByClaim: async () => (await copyOf(ctx, mailbox, summary.id, round)) ?? {},
    alreadySent: () => copyOf(ctx, mailbox, summary.id, round),
    send: async (claim) => {
      if (!draft) throw new AppError("unknown", "The mass-mail draft was not read");
      const made = await createTestDraft(ctx, opened, draft, to, round);
      await recordClaimDraft(home, claim.token, made);
      return sendOnce(
        ctx,
        mailbox,
        summary.id,
        "testSend",
        async () => {
          await ctx.mail.sendDraft(mailbox, made.id);
          return made.internetMessageId ? { internetMessageId: made.internetMessageId } : {};
        },
        // Sent Items holds the earlier rounds' copies too: only this round's is evidence of this send.
        isThisRound,
      );
    },
    sentUnderClaim: (claim) =>
      claim.internetMessageId ? { internetMessageId: claim.internetMessageId } : {},
    record: (claim, sent) => recordTestSend(ctx, mailbox, message.id, summary.id, claim, sent, to, round),
  });
}

/** A round only follows the latest one (the pane offers the next round after the one it shows). */
function refuseOutOfTurn(record: ItRecord, round: number): void {
  const latest = testRound(record);
  if (round > MAX_TEST_ROUNDS) {
    throw new AppError("badRequest", `At most ${MAX_TEST_ROUNDS} tests per case`, {
      details: { round, max: MAX_TEST_ROUNDS },
    });
  }
  if (round !== latest + 1) {
    throw new AppError("conflict", `Test ${round} cannot follow test ${latest}`, {
      details: { round, latest },
    });
  }
}

function refuseUnlessPrepared(record: ItRecord): void {
  if (itMassMailWentOut(record)) guardItStep(record, "send");
  if (record.state !== "prepared" || !record.draftId) {
    if (record.state === "received") throw new AppError("notFound", "Prepare the mass mail first");
    guardItStep(record, "send");
  }
}

/** This round's copy in Sent Items (the earlier rounds' are there too, told apart by their marks). */
async function copyOf(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  caseId: string,
  round: number,
): Promise<SentResult | undefined> {
  const page = await ctx.mail.listCases(mailbox, {
    folder: "sentitems",
    caseId,
    kind: "testSend",
    top: MAX_TEST_ROUNDS * 2,
  });
  const copy = page.items.find((sent) => testRoundOf(sent.subject) === round);
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
  round: number,
): Promise<MailMessage> {
  const { mailbox, summary } = opened;
  const bodyHtml = draft.body ?? "";
  const lang = requestLanguage(
    `${draft.subject}\n${draft.bodyType === "text" ? bodyHtml : htmlToText(bodyHtml)}`,
  );
  const made = await ctx.mail.createDraft(mailbox, {
    subject: testSubject(lang, draft.subject, summary.id, round),
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

/** A test round's record write, which also clears the claim it was sent under (once per round). */
export function recordTestSend(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  caseId: string,
  claim: Claim,
  sent: SentResult,
  to: readonly MailAddress[],
  round: number,
): Promise<ItRecord> {
  const home = itClaimHome(ctx, mailbox, messageId, caseId);
  const facts: ItTestSend = {
    round,
    at: sent.sentAt ?? ctx.now().toISOString(),
    ...actorOfClaim(ctx, mailbox, claim),
    to: to.map((a) => a.address),
  };
  const internetMessageId = sent.internetMessageId ?? claim.internetMessageId;
  if (internetMessageId) facts.internetMessageId = internetMessageId;
  if (sent.sentItemId) facts.sentItemId = sent.sentItemId;
  return updateItRecord(ctx, mailbox, messageId, caseId, (r) =>
    releasing(home, testRound(r) >= round ? r : markTestSent(r, facts), claim.token),
  );
}

/**
 * The requester's latest answer to the latest test round, in IT's inbox: a message from the requester, received
 * after that round went out, whose subject names the case ("RE: [PRUEBA 2] … [CM-…]"), like a confirmation is
 * matched in Communications' inbox (workflow/confirmations.ts). A reply whose mark names an earlier round
 * answers that round's draft and is passed over; a reply whose subject lost the mark answers the round that was
 * the latest when it came. Recorded on IT's record when new; the record as it then is.
 */
export async function findTestReply(
  ctx: WorkflowContext,
  opened: ItCase,
  record: ItRecord,
): Promise<ItRecord> {
  const test = record.testSend;
  if (!test) return record;
  const { mailbox, message, summary } = opened;
  const round = testRound(record);
  const requester = summary.requester.address.toLowerCase();
  let page = await ctx.mail.listCases(mailbox, {
    folder: "inbox",
    from: requester,
    // Exchange keeps received times to the second, while the test's time may carry milliseconds: from the whole
    // second, so that an answer in the same second is not left out.
    receivedSince: wholeSecond(test.at),
    top: 50,
  });
  let latest: MailMessage | undefined;
  for (let pages = 0; ; pages++) {
    for (const candidate of page.items) {
      if (findCaseId(candidate.subject)?.toUpperCase() !== summary.id.toUpperCase()) continue;
      if (candidate.from?.address.toLowerCase() !== requester) continue;
      if ((testRoundOf(candidate.subject) ?? round) !== round) continue;
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
    round,
    from: requester,
    verdict,
    text,
    messageId: full.id,
  };
  return updateItRecord(ctx, mailbox, message.id, summary.id, (r) => recordTestReply(r, reply));
}

/** An instant without its fraction of a second (earlier or equal). */
function wholeSecond(at: string): string {
  const ms = Date.parse(at);
  return Number.isNaN(ms) ? at : new Date(Math.floor(ms / 1000) * 1000).toISOString();
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
