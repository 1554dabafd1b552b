// What IT's pane shows for a message in IT's mailbox: a forwarded case (its facts as Communications confirmed
// them, the message to send, sanitized, and IT's own progress), or something else.
import { findCaseId } from "../../domain/caseId";
import { CASE_HEADER, decodeCaseHeader } from "../../domain/caseHeader";
import type { CaseSummary } from "../../domain/caseHeader";
import { extractRequest } from "../../domain/intake";
import type { ItRecord } from "../../domain/itRecord";
import type { AttachmentInfo } from "../../domain/types";
import type { SelectedItem } from "../../ports/mailHost";
import type { MailboxId, MailMessage } from "../../ports/mailService";
import type { WorkflowContext } from "../context";
import { actorIn } from "../context";
import { toRequestMessage } from "../requestMessage";
import { itRecordOf, updateItRecord } from "./itStore";

export type ItOpened =
  | {
      kind: "itCase";
      mailbox: MailboxId;
      message: MailMessage;
      summary: CaseSummary;
      record: ItRecord;
      messageHtml: string;
      attachments: AttachmentInfo[];
      /** The send was found in Sent Items (e.g. sent from a compose window) and recorded now. */
      sendDetected: boolean;
    }
  | { kind: "itUnknown"; mailbox: MailboxId; message: MailMessage; caseId?: string };

export async function openItItem(ctx: WorkflowContext, item: SelectedItem): Promise<ItOpened> {
  const mailbox = item.mailbox;
  const message = await ctx.mail.getMessage(mailbox, item.itemId, {
    withBody: true,
    withAttachments: true,
    withHeaders: true,
  });
  const summary = decodeCaseHeader(message.headers?.[CASE_HEADER]);
  if (!summary || findCaseId(message.subject) !== summary.id) {
    return { kind: "itUnknown", mailbox, message, caseId: findCaseId(message.subject) ?? undefined };
  }
  let record = itRecordOf(message, summary.id);
  let sendDetected = false;
  if (record.state === "received" || record.state === "prepared") {
    const sent = (
      await ctx.mail.listCases(mailbox, { folder: "sentitems", caseId: summary.id, kind: "massMail", top: 1 })
    ).items[0];
    if (sent) {
      record = await updateItRecord(ctx, mailbox, message.id, summary.id, (r) =>
        r.state === "sent" || r.state === "confirmed"
          ? r
          : { ...r, state: "sent", sent: sentFacts(sent, actorIn(ctx, mailbox)) },
      );
      sendDetected = true;
    }
  }
  const proposal = extractRequest(toRequestMessage(message), {
    sanitizeHtml: ctx.sanitizeHtml,
    timeZone: ctx.config.institution.timeZone,
  });
  return {
    kind: "itCase",
    mailbox,
    message,
    summary,
    record,
    messageHtml: proposal.message.value?.html ?? "",
    attachments: (message.attachments ?? []).filter(
      (a) => !a.isInline || (proposal.attachments.value ?? []).some((p) => p.id === a.id),
    ),
    sendDetected,
  };
}

/**
 * `by` is the operator who sent it and `for` the mailbox they acted for (tic@ for its delegates); the From
 * address (Send As) is kept in the record's sender.
 */
export function sentFacts(
  sent: MailMessage,
  actor: { by: string; for?: string },
): NonNullable<ItRecord["sent"]> {
  return {
    at: sent.sentAt ?? new Date().toISOString(),
    ...actor,
    internetMessageId: sent.internetMessageId,
    sentItemId: sent.id,
  };
}
