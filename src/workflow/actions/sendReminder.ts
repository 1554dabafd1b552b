// "Send reminder to IT": a reply on the forward's thread, addressed to IT, case id kept in the subject.
import { AppError } from "../../domain/errors";
import { recordReminder, recordSentReminder } from "../../domain/lifecycle";
import { daysBetween, toLocalDate } from "../../domain/dates";
import { reminderTemplate } from "../../domain/templates";
import type { Case, HistoryEntry } from "../../domain/types";
import type { MailboxId, MailMessage } from "../../ports/mailService";
import { storedCaseOf, unreadableError, updateCase } from "../caseStore";
import type { WorkflowContext } from "../context";
import { actorIn } from "../context";
import { findSent } from "../reconcile";
import { sendOnce } from "../sendOnce";
import { singleFlight } from "../singleFlight";

/** Tolerated difference between this computer's clock and Exchange's. */
const CLOCK_SLACK_MS = 60_000;

function isNewReminder(earlier: readonly HistoryEntry[], sinceMs: number): (sent: MailMessage) => boolean {
  const known = new Set(
    earlier.flatMap((h) => [h.evidence?.messageId, h.evidence?.internetMessageId]).filter(Boolean),
  );
  return (sent) =>
    !known.has(sent.id) &&
    !(sent.internetMessageId && known.has(sent.internetMessageId)) &&
    (sent.sentAt === undefined || Date.parse(sent.sentAt) >= sinceMs);
}

export function sendReminder(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  note?: string,
): Promise<Case> {
  return singleFlight(`remind:${messageId}`, async () => {
    const message = await ctx.mail.getMessage(mailbox, messageId);
    const stored = storedCaseOf(message);
    if (stored.status === "unreadable") throw unreadableError(stored);
    if (stored.status === "none") throw new AppError("notFound", "No case on this message");
    const current = stored.case;
    // The domain refuses reminders on other states; check before anything is sent.
    recordReminder(current, { at: ctx.now().toISOString(), by: ctx.user });

    const forwarded = current.history.find((h) => h.action === "forwarded");
    const forwardId =
      forwarded?.evidence?.messageId ?? (await findSent(ctx, mailbox, current.id, "forward"))?.id;
    if (!forwardId) throw new AppError("notFound", "The forward to IT is not in Sent Items");
    const today = toLocalDate(ctx.now(), ctx.config.institution.timeZone);
    const template = reminderTemplate({
      lang: ctx.config.institution.defaultLanguage,
      caseId: current.id,
      subject: current.fields.subject,
      requestingUnit: current.fields.requestingUnit,
      dueDate: current.dueDate,
      overdueDays: Math.max(0, daysBetween(current.dueDate, today)),
      forwardedAt: forwarded?.at,
      timeZone: ctx.config.institution.timeZone,
      note,
    });
    const earlier = current.history.filter((h) => h.action === "reminded");
    const remindersBefore = earlier.length;
    const sent = await sendOnce(
      ctx,
      mailbox,
      current.id,
      "reminder",
      () =>
        ctx.mail.reply(mailbox, forwardId, {
          to: [{ address: ctx.config.itMailbox }],
          subject: template.subject,
          commentHtml: template.html,
          caseId: current.id,
          kind: "reminder",
        }),
      // After an unclear send, Sent Items holds the earlier reminders too: only a newer, unrecorded one is ours.
      isNewReminder(earlier, ctx.now().getTime() - CLOCK_SLACK_MS),
    );
    const updated = await updateCase(ctx, mailbox, messageId, (c) =>
      c.history.some(
        (h) =>
          h.action === "reminded" &&
          ((sent.sentItemId && h.evidence?.messageId === sent.sentItemId) ||
            (sent.internetMessageId && h.evidence?.internetMessageId === sent.internetMessageId)),
      )
        ? c
        : recordSentReminder(c, {
            at: sent.sentAt ?? ctx.now().toISOString(),
            ...actorIn(ctx, mailbox),
            note: remindersBefore > 0 ? `reminder ${remindersBefore + 1}` : undefined,
            evidence: { messageId: sent.sentItemId, internetMessageId: sent.internetMessageId },
          }),
    );
    return updated.case;
  });
}
