// After the mass mail goes out, Exchange may still refuse it for a group: the send answers 202 and, moments
// later, a non-delivery report lands in the Inbox of the mailbox that sent it. Outlook shows the report in the
// original's conversation, its Exchange message class is REPORT.IPM.Note.NDR, and its text names the group
// that refused. So: the reports in the mass mail's conversation, of that class, each matched to the case's
// groups by the address it names. A report naming none of them is left alone (it is not about this case).
import type { DeliveryProblem, ItRecord } from "../../domain/itRecord";
import type { MailboxId } from "../../ports/mailService";
import type { WorkflowContext } from "../context";

export const NDR_MESSAGE_CLASS = "REPORT.IPM.Note.NDR";

/** The conversation of the mass mail, from its Sent Items copy (or a search by case id if that id moved). */
async function massMailConversation(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  record: ItRecord,
): Promise<string | undefined> {
  // Recorded at the send from the draft: known before Exchange files the Sent Items copy (seconds later).
  if (record.sent?.conversationId) return record.sent.conversationId;
  const sentItemId = record.sent?.sentItemId;
  if (sentItemId) {
    try {
      const sent = await ctx.mail.getMessage(mailbox, sentItemId);
      if (sent.conversationId) return sent.conversationId;
    } catch {
      // The item may have been moved (new id): look it up by its case id below.
    }
  }
  const found = await ctx.mail.listCases(mailbox, {
    folder: "sentitems",
    caseId: record.caseId,
    kind: "massMail",
    top: 1,
  });
  return found.items[0]?.conversationId;
}

/**
 * The same, for callers where looking is a courtesy (opening a case, confirming): a failed look-up finds
 * nothing new, and the record keeps what it had; the next opening looks again.
 */
export async function lookForDeliveryProblems(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  record: ItRecord,
): Promise<DeliveryProblem[]> {
  try {
    return await findDeliveryProblems(ctx, mailbox, record);
  } catch {
    return [];
  }
}

/** The groups of `record` that a non-delivery report in `mailbox` says refused the mass mail. */
export async function findDeliveryProblems(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  record: ItRecord,
): Promise<DeliveryProblem[]> {
  if (!record.sent || record.groups.length === 0) return [];
  // Known from the record: asked at once, so that the look-up can go with other reads (sendPipeline.ts).
  const conversationId = record.sent.conversationId ?? (await massMailConversation(ctx, mailbox, record));
  if (!conversationId) return [];
  const reports = await ctx.mail.listCases(mailbox, {
    folder: "inbox",
    conversationId,
    messageClass: NDR_MESSAGE_CLASS,
    top: 20,
  });
  const problems: DeliveryProblem[] = [];
  for (const report of reports.items) {
    const full = await ctx.mail.getMessage(mailbox, report.id, { withBody: true });
    const text = `${full.body ?? ""} ${full.bodyPreview ?? ""}`.toLowerCase();
    for (const group of record.groups) {
      if (!text.includes(group.address.toLowerCase())) continue;
      problems.push({
        address: group.address,
        kind: "refused",
        at: full.receivedAt ?? ctx.now().toISOString(),
        reportId: full.id,
      });
    }
  }
  return problems;
}
