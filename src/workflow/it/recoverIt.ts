// Reopening IT's pane repairs what an interrupted action left behind, like Communications' (workflow/reconcile.ts):
// a claim whose draft has left Drafts is a send that went out and was not recorded — IT's mass mail, its
// confirmation, or its answer to a reminder — and it is recorded now by the step's own record write (which
// clears the claim), from what the claim says of its mail, before Exchange has even filed the Sent Items copy.
// Pressing the action again then finds the step done and sends nothing.
import { testRound } from "../../domain/itLifecycle";
import type { ItRecord } from "../../domain/itRecord";
import { encodeAnswerRecord } from "../../domain/itStatus";
import type { CaseSummary } from "../../domain/caseHeader";
import type { MailboxId, MailMessage } from "../../ports/mailService";
import { draftStatus } from "../claims";
import type { WorkflowContext } from "../context";
import { claimEvidence } from "../sendPipeline";
import { answerHome, answerRecordOf, itStatusNow, recordAnswer } from "./answerReminder";
import { recordConfirmation } from "./confirmToCommunications";
import { recordMassSend } from "./sendMassMail";
import { recordTestSend, testRecipients } from "./testSend";
import type { MailAddress } from "../../domain/types";

/**
 * IT's record on the forward, with a claimed mass send, confirmation or test send that went out recorded (the
 * test's recipients are the requester's and Communications', as it/testSend.ts addresses them).
 */
export async function recoverItClaim(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  caseId: string,
  record: ItRecord,
  requester?: MailAddress,
): Promise<ItRecord> {
  const claim = record.claim;
  const test = claim?.step === "testSend" && requester !== undefined;
  if (!claim?.draftId || (claim.step !== "massMailSend" && claim.step !== "confirmation" && !test))
    return record;
  if ((await draftStatus(ctx, mailbox, claim)) !== "gone") return record;
  if (claim.step === "testSend" && requester)
    return recordTestSend(
      ctx,
      mailbox,
      messageId,
      caseId,
      claim,
      claimEvidence(claim),
      testRecipients(ctx, requester),
      // A test claim is always for the round after the recorded one (it/testSend.ts takes it only then).
      testRound(record) + 1,
    );
  if (claim.step === "massMailSend")
    return recordMassSend(ctx, mailbox, messageId, caseId, claim, claimEvidence(claim));
  return recordConfirmation(ctx, mailbox, messageId, caseId, claim, {});
}

/**
 * The reminder's own properties, with a claimed answer that went out recorded (the status it gives is where the
 * case stands now in IT's record, as a second press would record it).
 */
export async function recoverAnswerClaim(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  reminder: MailMessage,
  summary: CaseSummary,
  record: ItRecord,
): Promise<MailMessage["caseProps"]> {
  if (!reminder.caseProps.answer) return reminder.caseProps;
  const answer = answerRecordOf(reminder, summary.id);
  const claim = answer.claim;
  if (answer.answered || claim?.step !== "reminderAnswer" || !claim.draftId) return reminder.caseProps;
  if ((await draftStatus(ctx, mailbox, claim)) !== "gone") return reminder.caseProps;
  const status = itStatusNow(ctx, record, summary);
  const home = answerHome(ctx, mailbox, reminder.id, summary.id);
  const saved = await recordAnswer(ctx, mailbox, home, claim, status.status, claimEvidence(claim));
  return { ...reminder.caseProps, answer: encodeAnswerRecord(saved.record) };
}
