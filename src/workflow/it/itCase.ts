// What IT's actions share: the opened case they act on, and the refusal when Communications cancelled it.
import type { CancelNotice } from "../../domain/caseHeader";
import { AppError } from "../../domain/errors";
import type { WorkflowContext } from "../context";
import { findCaseMessages } from "./caseMessages";
import type { ItOpened } from "./openItCase";

export type ItCase = Extract<ItOpened, { kind: "itCase" }>;

/** Communications cancelled the case: nothing is prepared or sent. */
export function caseCancelledError(cancelled: CancelNotice): AppError {
  return new AppError("caseCancelled", `Communications cancelled the case: ${cancelled.reason}`, {
    details: { reason: cancelled.reason, by: cancelled.by, at: cancelled.at },
  });
}

/**
 * One more look at the case's messages in IT's mailbox (one filtered request): a cancellation that arrived since
 * the pane opened stops the step.
 */
export async function refuseIfCancelledNow(ctx: WorkflowContext, opened: ItCase): Promise<void> {
  const { latest } = await findCaseMessages(ctx, opened.mailbox, opened.summary.id);
  const cancelled = latest?.summary.cancelled ?? opened.cancelled;
  if (cancelled) throw caseCancelledError(cancelled);
}
