// IT withdraws a scheduled mass mail before it leaves: Exchange holds it in IT's Drafts until its deferred send
// time (graph/deferredSend.ts), and deleting it there means it is never delivered. The record goes back to
// received (the mass mail can be prepared again), or to cancelled when Communications cancelled the case.
import { AppError } from "../../domain/errors";
import { guardItStep, withdrawItSend } from "../../domain/itLifecycle";
import type { ItRecord } from "../../domain/itRecord";
import type { WorkflowContext } from "../context";
import { actorIn } from "../context";
import { singleFlightIn } from "../singleFlight";
import type { ItCase } from "./itCase";
import { itClaimHome, updateItRecord } from "./itStore";

export function withdrawScheduledMassMail(
  ctx: WorkflowContext,
  opened: ItCase,
  reason?: string,
): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  return singleFlightIn(ctx, `withdraw:${message.id}`, async () => {
    const { record } = await itClaimHome(ctx, mailbox, message.id, summary.id).read();
    guardItStep(record, "withdraw", ctx.now());
    const held = await ctx.mail.findScheduled(mailbox, summary.id, "massMail");
    if (held.length === 0) {
      // Not in Drafts any more: Exchange let it go (or someone deleted it by hand); nothing is recorded as
      // withdrawn that may have gone out.
      throw new AppError("notFound", "The scheduled mass mail is no longer held in Drafts", {
        details: { scheduledFor: record.sent?.scheduledFor ?? "" },
      });
    }
    for (const item of held) await ctx.mail.deleteDraft(mailbox, item.id);
    const act = { at: ctx.now().toISOString(), ...actorIn(ctx, mailbox) };
    const trimmed = reason?.trim();
    return updateItRecord(ctx, mailbox, message.id, summary.id, (r) =>
      withdrawItSend(r, {
        ...act,
        ...(trimmed ? { reason: trimmed } : {}),
        ...(opened.cancelled ? { cancelled: opened.cancelled } : {}),
      }),
    );
  });
}
