// IT's actions on a forwarded case: prepare the mass-mail draft, send it once, and confirm to Communications.
import { CASE_ID_HEADER, EVIDENCE_HEADER, encodeEvidenceHeader } from "../../domain/evidenceHeader";
import { AppError } from "../../domain/errors";
import type { ItRecord } from "../../domain/itRecord";
import { itConfirmationTemplate } from "../../domain/templates";
import type { AudienceKey } from "../../domain/types";
import type { MailMessage } from "../../ports/mailService";
import type { WorkflowContext } from "../context";
import { actorIn } from "../context";
import { findSent } from "../reconcile";
import { sendOnce } from "../sendOnce";
import { singleFlight } from "../singleFlight";
import type { AudienceCount } from "./groups";
import { itRecordOf, updateItRecord } from "./itStore";
import type { ItOpened } from "./openItCase";
import { sentFacts } from "./openItCase";
import type { SenderChoice } from "./senders";

type ItCase = Extract<ItOpened, { kind: "itCase" }>;

export interface PrepareInput {
  audiences: readonly AudienceKey[];
  counts: readonly AudienceCount[];
  sender: SenderChoice;
}

/** Creates the draft (or returns the one already prepared): BCC the groups, no case id in the subject. */
export function prepareMassMail(
  ctx: WorkflowContext,
  opened: ItCase,
  input: PrepareInput,
): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  return singleFlight(`prepare:${message.id}`, async () => {
    const current = itRecordOf(await ctx.mail.getMessage(mailbox, message.id), summary.id);
    if (current.state !== "received" && current.draftId) return current;
    const groups = input.counts
      .filter((c) => input.audiences.includes(c.key))
      .map(({ address, count }) => ({ address, count }));
    if (groups.length === 0) throw new AppError("badRequest", "Choose at least one audience");
    const draft = await ctx.mail.createDraft(mailbox, {
      subject: summary.fields.subject,
      bodyHtml: ctx.sanitizeHtml(opened.messageHtml),
      bcc: groups.map((g) => ({ address: g.address })),
      from: input.sender.sender,
      caseProps: { caseId: summary.id, kind: "massMail" },
      headers: { [CASE_ID_HEADER]: summary.id },
    });
    const carry = opened.attachments.map((a) => a.id);
    if (carry.length > 0) await ctx.mail.copyAttachments(mailbox, message.id, draft.id, carry);
    return updateItRecord(ctx, mailbox, message.id, summary.id, (r) => ({
      ...r,
      state: "prepared",
      draftId: draft.id,
      sender: input.sender.sender,
      senderFallback: input.sender.fallback,
      groups,
    }));
  });
}

/** After Exchange refused the requested sender: the same draft, from the institutional sender. */
export async function switchDraftSender(
  ctx: WorkflowContext,
  opened: ItCase,
  sender: SenderChoice,
): Promise<ItRecord> {
  const record = itRecordOf(await ctx.mail.getMessage(opened.mailbox, opened.message.id), opened.summary.id);
  if (!record.draftId) throw new AppError("notFound", "No draft prepared");
  await ctx.mail.setDraftSender(opened.mailbox, record.draftId, sender.sender);
  return updateItRecord(ctx, opened.mailbox, opened.message.id, opened.summary.id, (r) => ({
    ...r,
    sender: sender.sender,
    senderFallback: sender.fallback,
  }));
}

/**
 * Sends the prepared draft exactly once: Sent Items is checked first (a send from a compose window, or one whose
 * answer was lost, counts), and a refused send leaves the draft as it was.
 */
export function sendMassMail(ctx: WorkflowContext, opened: ItCase): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  return singleFlight(`massmail:${message.id}`, async () => {
    const record = itRecordOf(await ctx.mail.getMessage(mailbox, message.id), summary.id);
    if (record.state === "sent" || record.state === "confirmed") return record;
    if (!record.draftId) throw new AppError("notFound", "Prepare the mass mail first");
    const draftId = record.draftId;
    const already = await findSent(ctx, mailbox, summary.id, "massMail");
    const sentItem: MailMessage | undefined =
      already ??
      (await (async () => {
        await sendOnce(ctx, mailbox, summary.id, "massMail", async () => {
          await ctx.mail.sendDraft(mailbox, draftId);
          return {};
        });
        return findSent(ctx, mailbox, summary.id, "massMail");
      })());
    return updateItRecord(ctx, mailbox, message.id, summary.id, (r) =>
      r.state === "sent" || r.state === "confirmed"
        ? r
        : {
            ...r,
            state: "sent",
            sent: sentItem
              ? sentFacts(sentItem, actorIn(ctx, mailbox))
              : { at: ctx.now().toISOString(), ...actorIn(ctx, mailbox) },
          },
    );
  });
}

/** Replies on the forwarded thread with the evidence, readable and in the x-pregon-evidence header. */
export function confirmToCommunications(ctx: WorkflowContext, opened: ItCase): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  return singleFlight(`confirm:${message.id}`, async () => {
    const record = itRecordOf(await ctx.mail.getMessage(mailbox, message.id), summary.id);
    if (record.state === "confirmed") return record;
    if (record.state !== "sent" || !record.sent)
      throw new AppError("illegalTransition", "Send the mass mail first");
    const sent = record.sent;
    const labels = new Map(ctx.config.audiences.map((a) => [a.group.toLowerCase(), a.label]));
    const lang = ctx.config.institution.defaultLanguage;
    const template = itConfirmationTemplate({
      lang,
      caseId: summary.id,
      subject: summary.fields.subject,
      sentAt: sent.at,
      timeZone: ctx.config.institution.timeZone,
      groups: record.groups.map((g) => ({
        address: g.address,
        label: labels.get(g.address.toLowerCase())?.[lang],
        recipientCount: g.count,
      })),
      internetMessageId: sent.internetMessageId ?? "",
      sentFrom: record.sender?.address,
    });
    const already = await findSent(ctx, mailbox, summary.id, "confirmation");
    const reply = already
      ? { sentItemId: already.id, sentAt: already.sentAt }
      : await sendOnce(ctx, mailbox, summary.id, "confirmation", () =>
          ctx.mail.reply(mailbox, message.id, {
            subject: template.subject,
            commentHtml: template.html,
            caseId: summary.id,
            kind: "confirmation",
            headers: {
              [EVIDENCE_HEADER]: encodeEvidenceHeader({
                sentAt: sent.at,
                internetMessageId: sent.internetMessageId,
                groups: record.groups,
              }),
            },
          }),
        );
    return updateItRecord(ctx, mailbox, message.id, summary.id, (r) =>
      r.state === "confirmed"
        ? r
        : {
            ...r,
            state: "confirmed",
            confirmed: {
              at: reply.sentAt ?? ctx.now().toISOString(),
              ...actorIn(ctx, mailbox),
              messageId: reply.sentItemId,
            },
          },
    );
  });
}
