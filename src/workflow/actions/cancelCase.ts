// "Cancel case". Before the forward only the record changes. After it, IT is told in the same click: a
// cancellation notice on the forward's thread carrying the case header (state cancelled, reason, who, when),
// sent under a claim and recorded with it (workflow/caseProtocol.ts). A case whose mass mail went out cannot be
// cancelled (the domain refuses; the pane offers a correction instead, see recordCorrection).
import { cancelCase as cancel, recordCorrection as correct } from "../../domain/lifecycle";
import { caseNoticeTemplate } from "../../domain/templates";
import type { Case } from "../../domain/types";
import type { MailboxId } from "../../ports/mailService";
import { updateCase } from "../caseStore";
import { sendNotice } from "../caseProtocol";
import type { ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { actorIn } from "../context";
import { singleFlightIn } from "../singleFlight";

export function cancelCase(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  reason: string,
  options: ClaimOptions = {},
): Promise<Case> {
  return singleFlightIn(ctx, `cancel:${messageId}`, async () => {
    const isDone = (c: Case) => c.state === "cancelled";
    const first = await updateCase(ctx, mailbox, messageId, (c) =>
      isDone(c) || c.state !== "received"
        ? c
        : cancel(c, { at: ctx.now().toISOString(), ...actorIn(ctx, mailbox), reason }),
    );
    if (first.case.state === "received" || isDone(first.case)) return first.case;
    return sendNotice(
      ctx,
      mailbox,
      messageId,
      {
        message: "cancel",
        notice: { msg: "cancel", reason: reason.trim() },
        apply: (c, act) => cancel(c, { ...act, reason }),
        cancelled: (act) => ({ reason: reason.trim(), by: act.by, at: act.at }),
        template: (next) =>
          caseNoticeTemplate({
            lang: ctx.config.institution.defaultLanguage,
            kind: "cancel",
            caseId: next.id,
            subject: next.fields.subject,
            reason: reason.trim(),
            by: ctx.user,
          }),
      },
      isDone,
      options,
    );
  });
}

/** A note on a case whose mass mail went out (it cannot be cancelled: mail cannot be unsent). */
export function recordCorrection(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  note: string,
): Promise<Case> {
  return singleFlightIn(ctx, `correct:${messageId}`, async () => {
    const updated = await updateCase(ctx, mailbox, messageId, (c) =>
      correct(c, { at: ctx.now().toISOString(), ...actorIn(ctx, mailbox), note }),
    );
    return updated.case;
  });
}
