// What the Communications pane offers on a case, decided here so that every view (case view, dashboard) shows
// the same thing and the rule has unit tests per state. The views only render it.
//
// Cancel is offered while the mass mail has not been confirmed: a confirmed case was sent and IT said so, so it
// cannot be taken back; closed and cancelled cases are final. The due date ("Vence el …") matters only while
// someone still has to act: a closed or cancelled case has no deadline left. Once the mass mail went out (sent,
// confirmed, closed) a correction can be recorded instead: a note in the history (domain/lifecycle.ts).
import { sendConflictOf } from "./lifecycle";
import type { Case, CaseState } from "./types";

export type CaseAction = "forward" | "remind" | "update" | "relay" | "cancel" | "correct";

const ACTIONS: Record<CaseState, readonly CaseAction[]> = {
  received: ["forward", "cancel"],
  // Until IT sends, the requested date and audiences can still change (IT gets an update notice).
  forwarded: ["remind", "update", "cancel"],
  // The mass mail went out: it cannot be unsent, so no Cancel (a correction is recorded instead).
  sent: ["correct"],
  confirmed: ["relay", "correct"],
  closed: ["correct"],
  cancelled: [],
};

/**
 * The actions the pane offers on `c`, in the order it shows them. A cancelled case whose send crossed the
 * cancellation (the mass mail went out all the same) offers a correction: the mail cannot be unsent.
 */
export function availableActions(
  c: Pick<Case, "state"> & { history?: Case["history"] },
): readonly CaseAction[] {
  if (c.history && sendConflictOf({ state: c.state, history: c.history })) return ["correct"];
  return ACTIONS[c.state];
}

export function offers(c: Pick<Case, "state"> & { history?: Case["history"] }, action: CaseAction): boolean {
  return availableActions(c).includes(action);
}

/** Whether the case's due date is worth showing: not once the case is closed or cancelled. */
export function showsDueDate(c: Pick<Case, "state">): boolean {
  return c.state !== "closed" && c.state !== "cancelled";
}
