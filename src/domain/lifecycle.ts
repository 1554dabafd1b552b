// The case lifecycle: which state changes are legal, and the history entry each one leaves behind.
//
//   received → forwarded → sent → confirmed → closed
//   any open state (received, forwarded, sent, confirmed) → cancelled, with a reason
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
import { isCaseId } from "./caseId";
import { toLocalDate } from "./dates";
import { AppError } from "./errors";
import { entryFor } from "./history";
import type { Act } from "./history";
import type { Case, CaseFields, CaseState, HistoryAction, Instant, MailAddress, WorkCalendar } from "./types";

export { mergeHistories } from "./history";
export type { Act } from "./history";

export interface NewCase extends Act {
  id: string;
  requester: MailAddress;
  fields: CaseFields;
  dueDate: Case["dueDate"];
  /** Graph id of the request message in the communications mailbox. */
  requestMessageId?: string;
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
      return ["confirmed", "cancelled"];
    case "confirmed":
      return ["closed", "cancelled"];
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
  const base: Case = {
    id: input.id,
    state: "received",
    createdAt: input.at,
    requester: { ...input.requester },
    fields: {
      ...input.fields,
      audiences: [...input.fields.audiences],
      attachmentIds: [...input.fields.attachmentIds],
    },
    dueDate: input.dueDate,
    history: [entryFor("created", input)],
  };
  return input.requestMessageId === undefined ? base : { ...base, requestMessageId: input.requestMessageId };
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

/** Cancels an open case. The reason is required: a cancelled request must say why to whoever looks later. */
export function cancelCase(c: Case, act: Act & { reason: string }): Case {
  const reason = act.reason.trim();
  const { reason: _reason, ...rest } = act;
  const cancelled = transition(c, "cancelled", "cancelled", { ...rest, note: act.note ?? reason });
  if (reason === "") {
    throw illegal(c.state, "cancelled", "cancelled", "A cancellation needs a reason");
  }
  return { ...cancelled, cancelReason: reason };
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
