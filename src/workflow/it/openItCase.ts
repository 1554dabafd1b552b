// What IT's pane shows for a message in IT's mailbox: a forwarded case (its facts as Communications confirmed
// them, the message to send, sanitized, and IT's own progress), or something else.
import { findCaseId } from "../../domain/caseId";
import { CASE_HEADER, changedBetween, decodeCaseHeader } from "../../domain/caseHeader";
import type { CancelNotice, CaseMessageKind, CaseSummary, ChangedField } from "../../domain/caseHeader";
import { CASE_ID_HEADER } from "../../domain/evidenceHeader";
import { extractRequestInSteps } from "../../domain/intake";
import { attachmentsToCarry } from "../../domain/intake/attachments";
import type { ItRecord } from "../../domain/itRecord";
import { withDeliveryProblems } from "../../domain/itRecord";
import type { AttachmentInfo } from "../../domain/types";
import type { SelectedItem } from "../../ports/mailHost";
import type { MailboxId, MailMessage } from "../../ports/mailService";
import type { WorkflowContext } from "../context";
import { actorIn, readTogether, started } from "../context";
import { toRequestMessage } from "../requestMessage";
import { findCaseMessages } from "./caseMessages";
import type { CaseMessage } from "./caseMessages";
import { unwrapText } from "../../domain/caseText";
import { lookForDeliveryProblems } from "./deliveryReports";
import { itRecordOf, updateItRecord } from "./itStore";
import type { MassMailContent } from "./massMailContent";
import { actorOf, sentFacts } from "./sentFacts";
import { recoverAnswerClaim, recoverItClaim } from "./recoverIt";
import { reviewMassMailContent } from "./massMailContent";
import { canItTransition, cancelIt, markItSent } from "../../domain/itLifecycle";

export type ItOpened =
  | {
      kind: "itCase";
      mailbox: MailboxId;
      /** The forward (IT's record lives on it), whichever message of the case was opened. */
      message: MailMessage;
      /** The case as it now stands: the latest version IT's mailbox holds. */
      summary: CaseSummary;
      /** The case as it was forwarded (version 1). */
      forwardSummary: CaseSummary;
      /** What changed between the forward and the latest version ("text": a newer message text, see below). */
      changed: ChangedField[];
      /** Communications cancelled the case (from the latest version): who, when, why. */
      cancelled?: CancelNotice;
      /** The message the pane was opened on (the forward, a reminder, an update or a cancellation). */
      openedId: string;
      /** What that message is, from its own case header (undefined when it has none). */
      openedKind?: CaseMessageKind;
      /** On a reminder: what IT keeps on it (the answer sent, a claim), as read on opening. */
      openedCaseProps?: MailMessage["caseProps"];
      record: ItRecord;
      /** The mass mail's HTML: sanitized, with only the images a mass mail may carry. */
      messageHtml: string;
      /** What the mass mail shows and what was removed on the way (shown to IT before the send). */
      content: MassMailContent;
      attachments: AttachmentInfo[];
      /** The send was found in Sent Items (e.g. sent from a compose window) and recorded now. */
      sendDetected: boolean;
    }
  | { kind: "itUnknown"; mailbox: MailboxId; message: MailMessage; caseId?: string };

export async function openItItem(ctx: WorkflowContext, item: SelectedItem): Promise<ItOpened> {
  const mailbox = item.mailbox;
  const full = { withBody: true, withAttachments: true, withHeaders: true };
  const selected = await ctx.mail.getMessage(mailbox, item.itemId, full);
  const own = decodeCaseHeader(selected.headers?.[CASE_HEADER]);
  const subjectId = findCaseId(selected.subject) ?? undefined;
  const caseId = own?.id ?? selected.headers?.[CASE_ID_HEADER]?.trim() ?? subjectId;
  if (!caseId) return { kind: "itUnknown", mailbox, message: selected };
  // The case id: the id header Pregón set first, the subject's tag only without it (a hostile subject can
  // carry anything).
  const selectedId = selected.headers?.[CASE_ID_HEADER]?.trim() ?? subjectId;
  const selectedIsForward = !!own && own.message === "forward" && selectedId === own.id;
  // The look for the mass mail's Sent Items copy, when IT's record as a message already in hand shows the
  // opening will make it: it goes with the next read (one round trip), and is used only if the record as
  // finally read still calls for it, for the same case id.
  let early: { caseId: string; copy: Promise<MailMessage | undefined> } | undefined;
  const lookEarly = (forward: MailMessage, id: string) => {
    const listed = recordAsListed(forward, id);
    if (!early && listed && looksForCopy(listed))
      early = { caseId: id, copy: started(massMailCopy(ctx, mailbox, id)) };
  };
  // One filtered request: every message of the case in IT's inbox, newest first.
  const found = await readTogether(ctx, () => {
    const listing = findCaseMessages(ctx, mailbox, caseId);
    if (selectedIsForward && own) lookEarly(selected, own.id);
    return listing;
  });
  const forwardRef = selectedIsForward ? { message: selected, summary: own } : found.forward;
  if (!forwardRef) return { kind: "itUnknown", mailbox, message: selected, caseId };
  const message =
    forwardRef.message.id === selected.id
      ? selected
      : await readTogether(ctx, () => {
          const read = ctx.mail.getMessage(mailbox, forwardRef.message.id, full);
          // The forward as listed carries IT's record (the list expands the case properties).
          lookEarly(forwardRef.message, forwardRef.summary.id);
          return read;
        });
  const forwardSummary = forwardRef.summary;
  const candidates = [found.latest?.summary, own ?? undefined, forwardSummary].filter(
    (s): s is CaseSummary => !!s && s.id.toUpperCase() === forwardSummary.id.toUpperCase(),
  );
  const summary = candidates.reduce((best, s) => (s.version > best.version ? s : best), forwardSummary);
  // A send that went out under a claim but was not recorded (the pane closed): recorded now, never sent again.
  const asStored = itRecordOf(message, summary.id);
  let record = await recoverItClaim(ctx, mailbox, message.id, summary.id, asStored, summary.requester);
  let sendDetected = !asStored.sent && !!record.sent;
  // The send was recorded before Exchange filed its Sent Items copy: record that copy's id now.
  const awaitsCopy = (record.state === "sent" || record.state === "confirmed") && !record.sent?.sentItemId;
  if (looksForCopy(record)) {
    const sent = await (early?.caseId === summary.id ? early.copy : massMailCopy(ctx, mailbox, summary.id));
    if (sent && awaitsCopy) {
      record = await updateItRecord(ctx, mailbox, message.id, summary.id, (r) =>
        r.sent && !r.sent.sentItemId
          ? { ...r, sent: { ...sentFacts(sent, actorOf(r.sent)), at: r.sent.at } }
          : r,
      );
    } else if (sent) {
      record = await updateItRecord(ctx, mailbox, message.id, summary.id, (r) => {
        if (!canItTransition(r.state, "sent")) return r;
        // A claim on the send is over: the send is recorded now.
        const { claim, ...rest } = r;
        const next = markItSent(rest, sentFacts(sent, actorIn(ctx, mailbox)));
        return claim && claim.step !== "massMailSend" ? { ...next, claim } : next;
      });
      sendDetected = true;
    }
  }
  // Communications cancelled the case: IT's record says so too (reason, who, when), so IT's own register and
  // dashboard agree with the case. Not while a step is under way (a claim: a draft being made, the mass mail
  // being sent): that step checks the cancellation itself right before it acts.
  const cancelled = summary.cancelled;
  if (cancelled && (record.state === "received" || record.state === "prepared") && !record.claim) {
    record = await updateItRecord(ctx, mailbox, message.id, summary.id, (r) =>
      (r.state === "received" || r.state === "prepared") && !r.claim
        ? cancelIt(r, { at: cancelled.at, by: cancelled.by, reason: cancelled.reason })
        : r,
    );
  }
  if (record.state === "sent" || record.state === "confirmed")
    record = await recordDeliveryProblems(ctx, mailbox, message.id, record);
  // In steps, the page running between them, as the request's opening: a large forward read in one go would
  // freeze IT's pane.
  const proposal = await extractRequestInSteps(
    toRequestMessage(message),
    { sanitizeHtml: ctx.sanitizeHtml, timeZone: ctx.config.institution.timeZone, pregonForward: true },
    ctx.pause,
  );
  // The message Communications' pane showed, carried by the forward between the text markers; a forward sent
  // before it carried one is read from its quote of the original, as the request was.
  const carried = unwrapText(message.body ?? "", forwardSummary.id);
  const reviewedHtml = carried === undefined ? undefined : ctx.sanitizeHtml(carried);
  const referenced = attachmentsToCarry(message.attachments ?? [], reviewedHtml ?? "");
  const attachments = (message.attachments ?? []).filter(
    (a) =>
      !a.isInline ||
      (proposal.attachments.value ?? []).some((p) => p.id === a.id) ||
      (reviewedHtml !== undefined && referenced.includes(a)),
  );
  // Communications changed the message text after the forward: the latest text is in that update's body.
  const newText = await latestText(ctx, mailbox, found.textUpdate, selected);
  const changed = changedBetween(forwardSummary, summary);
  if (newText !== undefined) changed.push("text");
  const reviewed = await reviewMassMailContent(
    ctx,
    message,
    newText ?? reviewedHtml ?? proposal.message.value?.html ?? "",
    attachments,
    reviewedHtml,
    summary.fields.subject,
  );
  return {
    kind: "itCase",
    mailbox,
    message,
    summary,
    forwardSummary,
    changed,
    ...(summary.cancelled ? { cancelled: summary.cancelled } : {}),
    openedId: selected.id,
    ...(own && own.id.toUpperCase() === summary.id.toUpperCase() ? { openedKind: own.message } : {}),
    openedCaseProps:
      own?.message === "reminder" && selected.id !== message.id
        ? await recoverAnswerClaim(ctx, mailbox, selected, summary, record)
        : selected.caseProps,
    record,
    messageHtml: reviewed.html,
    content: reviewed.content,
    attachments,
    sendDetected,
  };
}

/**
 * The message text of the newest update that changed it, sanitized; undefined when there is none or its markers
 * cannot be found (then the forward's text stands, and IT sees no "text changed").
 */
async function latestText(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  update: CaseMessage | undefined,
  selected: MailMessage,
): Promise<string | undefined> {
  if (!update) return undefined;
  const withBody =
    update.message.id === selected.id && selected.body !== undefined
      ? selected
      : await ctx.mail.getMessage(mailbox, update.message.id, { withBody: true });
  const raw = unwrapText(withBody.body ?? "");
  return raw === undefined ? undefined : ctx.sanitizeHtml(raw);
}

/**
 * Links the non-delivery reports that came back for the mass mail to the case (once per group). Looking for
 * them is a courtesy on opening: if the look-up fails, the case opens as recorded and the next opening tries
 * again.
 */
export async function recordDeliveryProblems(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  record: ItRecord,
): Promise<ItRecord> {
  const found = await lookForDeliveryProblems(ctx, mailbox, record);
  if (withDeliveryProblems(record, found) === record) return record;
  try {
    return await updateItRecord(ctx, mailbox, messageId, record.caseId, (r) =>
      withDeliveryProblems(r, found),
    );
  } catch {
    // Shown now from what was found; written on a later opening.
    return withDeliveryProblems(record, found);
  }
}

/** Whether an opening looks in Sent Items for the mass mail's copy, with IT's record as it stands. */
function looksForCopy(record: ItRecord): boolean {
  const awaitsCopy = (record.state === "sent" || record.state === "confirmed") && !record.sent?.sentItemId;
  return record.state === "received" || record.state === "prepared" || awaitsCopy;
}

/** The case's mass mail in Sent Items (one filtered request). */
async function massMailCopy(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  caseId: string,
): Promise<MailMessage | undefined> {
  return (await ctx.mail.listCases(mailbox, { folder: "sentitems", caseId, kind: "massMail", top: 1 }))
    .items[0];
}

/** IT's record on a message in hand, or undefined when it cannot be taken from there (the opening reads it). */
function recordAsListed(message: MailMessage, caseId: string): ItRecord | undefined {
  try {
    return itRecordOf(message, caseId);
  } catch {
    return undefined;
  }
}
