// The case lifecycle: which state changes are legal, and the history entry each one leaves behind.
//
//   received → forwarded → sent → confirmed → closed
//   received or forwarded → cancelled, with a reason
//   sent, confirmed or closed: a correction (a note in the history), never a cancellation — the mass mail went
//   out and cannot be unsent
//   forwarded: updated (requested date, audiences, subject) until IT sends; IT is told each time
//
// Reminders are events on a forwarded case, not states. "Overdue" is derived from the due date and today,
// never stored, so that it cannot go stale in a record nobody rewrites.
//
// Design choice: relaying IT's confirmation to the requester is the last step of the procedure (step 4), so
// `relayConfirmation` closes the case. `closeCase` exists for the rarer case where the requester already has
// the confirmation (e.g. IT copied them) and there is nothing to relay.
//
// Every function is pure: it returns a new case and never changes the one it was given. The guards live here,
// not in the UI, so that every caller (taskpane, sync, tests) gets the same refusals.
import { requireAddress } from "./address";
import { isCaseId } from "./caseId";
import { toLocalDate } from "./dates";
import { AppError } from "./errors";
import { entryFor } from "./history";
import { MAX_MESSAGE_TEXT } from "./recordSchema";
import type { Act } from "./history";
import type {
  Case,
  CaseFields,
  CaseState,
  Evidence,
  HistoryAction,
  HistoryEntry,
  Instant,
  MailAddress,
  WorkCalendar,
} from "./types";

export { mergeHistories } from "./history";
export type { Act } from "./history";

export interface NewCase extends Act {
  id: string;
  requester: MailAddress;
  fields: CaseFields;
  dueDate: Case["dueDate"];
  /** Graph id of the request message in the communications mailbox. */
  requestMessageId?: string;
  /** Who gets the confirmation, when the professional chose someone other than `requester` may be (see Case). */
  relayTo?: MailAddress;
  /** The message text typed for a request that carries none (plain text). */
  messageText?: string;
}

/** The two facts IT's confirmation e-mail reports: the mass mail went out, and IT says so. */
export interface ConfirmationLink {
  /** The send of the mass mail (when, by which mailbox, its internetMessageId, groups, counts). */
  sent: Act;
  /** IT's confirmation message itself. */
  confirmed: Act;
}

/** The states a case may move to from `from`. Closed and cancelled are final. */
export function nextStates(from: CaseState): readonly CaseState[] {
  switch (from) {
    case "received":
      return ["forwarded", "cancelled"];
    case "forwarded":
      return ["sent", "cancelled"];
    case "sent":
      return ["confirmed"];
    case "confirmed":
      return ["closed"];
    case "closed":
    case "cancelled":
      return [];
  }
}

export function canTransition(from: CaseState, to: CaseState): boolean {
  return nextStates(from).includes(to);
}

/** Open cases still need someone to act; closed and cancelled ones do not. */
export function isOpen(state: CaseState): boolean {
  return nextStates(state).length > 0;
}

/** A new case in `received`, with its "created" entry. */
export function createCase(input: NewCase): Case {
  if (!isCaseId(input.id)) {
    throw new AppError("invalidCaseId", `Not a case id: ${input.id}`, { details: { value: input.id } });
  }
  // The relay goes to this address at the end of the case: a case is never created with one that cannot get it.
  const address = requireAddress(input.requester.address, "requester");
  const base: Case = {
    id: input.id,
    state: "received",
    createdAt: input.at,
    requester: { ...input.requester, address },
    fields: {
      ...input.fields,
      audiences: [...input.fields.audiences],
      attachmentIds: [...input.fields.attachmentIds],
    },
    dueDate: input.dueDate,
    history: [entryFor("created", input)],
  };
  if (input.requestMessageId !== undefined) base.requestMessageId = input.requestMessageId;
  // The confirmation goes to this one instead: it must be able to get it too.
  if (input.relayTo !== undefined)
    base.relayTo = { ...input.relayTo, address: requireAddress(input.relayTo.address, "requester") };
  const text = input.messageText?.trim();
  if (text && text.length > MAX_MESSAGE_TEXT) {
    throw new AppError("recordTooLarge", `The message text has ${text.length} characters`, {
      details: { field: "messageText", length: text.length, limit: MAX_MESSAGE_TEXT },
    });
  }
  if (text) base.messageText = text;
  return base;
}

/** Step 2: the request went to IT. */
export function forwardCase(c: Case, act: Act): Case {
  return transition(c, "forwarded", "forwarded", act);
}

/** Step 3: IT's mass mail went out (seen in IT's Sent Items or reported by IT). */
export function markSent(c: Case, act: Act): Case {
  return transition(c, "sent", "sent", act);
}

/** Step 4: IT confirmed the send to the communications centre. */
export function markConfirmed(c: Case, act: Act): Case {
  return transition(c, "confirmed", "confirmed", act);
}

/** Links IT's confirmation e-mail to the case: from `forwarded` it records the send and then the
 * confirmation (two entries); from `sent` (the send was already detected) only the confirmation. */
export function linkConfirmation(c: Case, link: ConfirmationLink): Case {
  const sent = c.state === "forwarded" ? markSent(c, link.sent) : c;
  return markConfirmed(sent, link.confirmed);
}

/** Step 4, second half: the confirmation was relayed to the requester, which closes the case. */
export function relayConfirmation(c: Case, act: Act): Case {
  return transition(c, "closed", "relayed", act);
}

/** Closes a confirmed case without a relay (the requester already has the confirmation). */
export function closeCase(c: Case, act: Act): Case {
  return transition(c, "closed", "closed", act);
}

/** Whether the case's mass mail has gone out (as far as Communications knows): then it cannot be cancelled. */
export function massMailWentOut(c: Pick<Case, "state">): boolean {
  return c.state === "sent" || c.state === "confirmed" || c.state === "closed";
}

/**
 * The send that crossed a cancellation: a cancelled case whose mass mail IT sent all the same (IT's confirmation
 * or its answer to a reminder said so after Communications had cancelled). Undefined when there is none.
 */
export function sendConflictOf(c: Pick<Case, "state" | "history">): HistoryEntry | undefined {
  return c.state === "cancelled" ? c.history.find((h) => h.action === "sent") : undefined;
}

/**
 * Records that IT sent the mass mail of a case Communications had cancelled (the two crossed): the state stays
 * cancelled, a "sent" entry with IT's evidence says what happened, and a correction can be recorded
 * (`sendConflictOf`). Once per case: a second report of the same send changes nothing.
 */
export function recordSentAfterCancel(c: Case, act: Act): Case {
  if (c.state !== "cancelled") {
    throw illegal(c.state, c.state, "sent", "Only a cancelled case can have a send that crossed it");
  }
  if (sendConflictOf(c)) return c;
  return {
    ...c,
    history: [...c.history, entryFor("sent", { ...act, note: act.note ?? "after cancellation" })],
  };
}

/**
 * IT's answer to a reminder, linked to the case: an "itAnswered" entry (note: the status and its date, evidence:
 * the answer message). A "sent" answer is also the send's evidence: a forwarded case moves to sent, a cancelled
 * one records the crossing. Once per answer message.
 */
export function recordItAnswer(
  c: Case,
  answer: Act & { evidence: Evidence & { messageId: string } },
  sent?: Act,
): Case {
  if (c.state === "received") {
    throw illegal(c.state, c.state, "itAnswered", "A case that never went to IT has no answer from IT");
  }
  if (c.history.some((h) => h.action === "itAnswered" && h.evidence?.messageId === answer.evidence.messageId))
    return c;
  let next = c;
  if (sent && next.state === "forwarded") next = markSent(next, sent);
  else if (sent && next.state === "cancelled") next = recordSentAfterCancel(next, sent);
  return { ...next, history: [...next.history, entryFor("itAnswered", answer)] };
}

/**
 * Cancels a case whose mass mail has not gone out. The reason is required: a cancelled request must say why to
 * whoever looks later. A case whose mass mail went out is refused with details.offer = "correction".
 */
export function cancelCase(c: Case, act: Act & { reason: string }): Case {
  if (massMailWentOut(c)) {
    throw new AppError("illegalTransition", "The mass mail went out: record a correction instead", {
      details: { from: c.state, to: "cancelled", action: "cancelled", offer: "correction" },
    });
  }
  const reason = act.reason.trim();
  const { reason: _reason, ...rest } = act;
  const cancelled = transition(c, "cancelled", "cancelled", { ...rest, note: act.note ?? reason });
  if (reason === "") {
    throw illegal(c.state, "cancelled", "cancelled", "A cancellation needs a reason");
  }
  return { ...cancelled, cancelReason: reason };
}

/**
 * A correction on a case whose mass mail went out (sent, confirmed or closed): a note in the history, the state
 * stays. The note is required.
 */
export function recordCorrection(c: Case, act: Act & { note: string }): Case {
  const note = act.note.trim();
  if (!massMailWentOut(c) && !sendConflictOf(c)) {
    throw illegal(c.state, c.state, "corrected", `A ${c.state} case is cancelled or changed, not corrected`);
  }
  if (note === "") throw illegal(c.state, c.state, "corrected", "A correction needs a note");
  return { ...c, history: [...c.history, entryFor("corrected", { ...act, note })] };
}

/** What an update after the forward can change. */
export type UpdatedField = "requestedDate" | "audiences" | "subject" | "dueDate" | "text";

/** What Communications may change on a forwarded case, before IT sends. */
export interface CaseChanges {
  requestedDate?: Case["fields"]["requestedDate"] | null;
  audiences?: Case["fields"]["audiences"];
  subject?: string;
  dueDate?: Case["dueDate"];
  /**
   * A new message text (HTML, sanitized by the caller). The record keeps no bodies, so a text is always a change:
   * it travels in the update notice itself (domain/caseText.ts).
   */
  text?: string;
}

/**
 * Changes a forwarded case (IT has not sent yet, as far as Communications knows). Returns the case with an
 * "updated" entry naming what changed, and the list of changed fields; nothing changed is refused.
 */
export function updateForwardedCase(
  c: Case,
  changes: CaseChanges,
  act: Act,
): { case: Case; changed: UpdatedField[] } {
  if (c.state !== "forwarded") {
    throw illegal(c.state, c.state, "updated", `A ${c.state} case cannot be changed for IT`);
  }
  const fields = { ...c.fields, audiences: [...c.fields.audiences] };
  const changed: UpdatedField[] = [];
  if (changes.requestedDate !== undefined && (changes.requestedDate ?? undefined) !== fields.requestedDate) {
    if (changes.requestedDate === null) delete fields.requestedDate;
    else fields.requestedDate = changes.requestedDate;
    changed.push("requestedDate");
  }
  if (
    changes.audiences !== undefined &&
    [...changes.audiences].sort().join() !== [...fields.audiences].sort().join()
  ) {
    if (changes.audiences.length === 0) throw illegal(c.state, c.state, "updated", "Choose an audience");
    fields.audiences = [...changes.audiences];
    changed.push("audiences");
  }
  if (changes.subject !== undefined && changes.subject.trim() !== fields.subject) {
    if (changes.subject.trim() === "") throw illegal(c.state, c.state, "updated", "The subject is empty");
    fields.subject = changes.subject.trim();
    changed.push("subject");
  }
  let dueDate = c.dueDate;
  if (changes.dueDate !== undefined && changes.dueDate !== c.dueDate) {
    dueDate = changes.dueDate;
    changed.push("dueDate");
  }
  if (changes.text !== undefined) {
    if (changes.text.trim() === "") throw illegal(c.state, c.state, "updated", "The message text is empty");
    changed.push("text");
  }
  if (changed.length === 0) {
    throw new AppError("illegalTransition", "Nothing changed", {
      details: { from: c.state, to: c.state, action: "updated", reason: "nothingChanged" },
    });
  }
  const entry = entryFor("updated", { ...act, note: act.note ?? changed.join(", ") });
  return { case: { ...c, fields, dueDate, history: [...c.history, entry] }, changed };
}

/**
 * Records that a message with header version `version` went to IT. Versions only grow: a version at or below
 * the one already recorded is refused (two panes sending notices cannot both claim the same number).
 */
export function withItVersion(c: Case, version: number): Case {
  if (!Number.isInteger(version) || version < 1 || version <= (c.itVersion ?? 0)) {
    throw new AppError("illegalTransition", `Version ${version} does not follow ${c.itVersion ?? 0}`, {
      details: { from: c.state, to: c.state, action: "versioned", version, known: c.itVersion ?? 0 },
    });
  }
  return { ...c, itVersion: version };
}

/** Step 5: a reminder went to IT. Only a forwarded case (waiting for IT) can be reminded; the state stays. */
export function recordReminder(c: Case, act: Act): Case {
  if (c.state !== "forwarded") {
    throw illegal(c.state, c.state, "reminded", `A ${c.state} case cannot be reminded`);
  }
  return { ...c, history: [...c.history, entryFor("reminded", act)] };
}

/**
 * Records a reminder whose mail already went out. The guard of `recordReminder` is checked before sending; if the
 * case changed meanwhile (someone cancelled it, IT's confirmation was linked), the mail is still a fact and the
 * history must say so: the entry is added without changing the state. It needs evidence of the sent mail.
 */
export function recordSentReminder(c: Case, act: Act & { evidence: NonNullable<Act["evidence"]> }): Case {
  if (c.state === "received") {
    throw illegal(c.state, c.state, "reminded", "A case that never went to IT cannot have been reminded");
  }
  return { ...c, history: [...c.history, entryFor("reminded", act)] };
}

/**
 * Communications asked the requester for what the request left out. Only before the forward (a received case), and
 * once per case; the state stays. `note` names what was asked for.
 */
export function recordAsk(c: Case, act: Act): Case {
  if (c.state !== "received") {
    throw illegal(c.state, c.state, "asked", `A ${c.state} case is past asking the requester`);
  }
  if (hasAction(c, "asked")) {
    throw illegal(c.state, c.state, "asked", "The requester was already asked");
  }
  return { ...c, history: [...c.history, entryFor("asked", act)] };
}

/**
 * The message text the professional typed for a received case (the requester answered the ask, or it came some
 * other way): what the forward will carry. Only before the forward; after it, a new text is an update to IT.
 */
export function setMessageText(c: Case, text: string): Case {
  if (c.state !== "received") {
    throw illegal(
      c.state,
      c.state,
      "updated",
      `The message text of a ${c.state} case changes with an update to IT`,
    );
  }
  const trimmed = text.trim();
  if (trimmed.length > MAX_MESSAGE_TEXT) {
    throw new AppError("recordTooLarge", `The message text has ${trimmed.length} characters`, {
      details: { field: "messageText", length: trimmed.length, limit: MAX_MESSAGE_TEXT },
    });
  }
  if (trimmed === "") {
    const { messageText: _gone, ...rest } = c;
    return rest;
  }
  return { ...c, messageText: trimmed };
}

/**
 * Records an ask whose mail already went out: the mail is a fact, so the entry is added whatever the state now is
 * (someone may have forwarded or cancelled meanwhile); a second entry for it is never added.
 */
export function recordSentAsk(c: Case, act: Act & { evidence: NonNullable<Act["evidence"]> }): Case {
  if (hasAction(c, "asked")) return c;
  return { ...c, history: [...c.history, entryFor("asked", act)] };
}

/** A forwarded case (IT has not sent yet) whose due date is before today in the institution's time zone. */
export function isOverdue(c: Case, now: Instant | Date, calendar: WorkCalendar): boolean {
  return c.state === "forwarded" && c.dueDate < toLocalDate(now, calendar.timeZone);
}

/** Whether the history already holds `action`, so that a retried step can tell it already happened. */
export function hasAction(c: Case, action: HistoryAction): boolean {
  return c.history.some((entry) => entry.action === action);
}

function transition(c: Case, to: CaseState, action: HistoryAction, act: Act): Case {
  if (!canTransition(c.state, to)) {
    throw illegal(c.state, to, action, `Cannot go from ${c.state} to ${to}`);
  }
  return { ...c, state: to, history: [...c.history, entryFor(action, act)] };
}

function illegal(from: CaseState, to: CaseState, action: HistoryAction, message: string): AppError {
  return new AppError("illegalTransition", message, { details: { from, to, action } });
}
