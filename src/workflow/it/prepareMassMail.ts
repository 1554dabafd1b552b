// IT prepares the mass mail: one draft per case (BCC the groups, no case id in the subject, the requested
// sender), made under a claim so that two operators never make two; and the sender switch after Exchange
// refused the requested one. The IT lifecycle (domain/itLifecycle.ts) decides what is legal.
import { CASE_ID_HEADER } from "../../domain/evidenceHeader";
import { AppError } from "../../domain/errors";
import { changeItSender, guardItStep, prepareIt } from "../../domain/itLifecycle";
import type { ItRecord } from "../../domain/itRecord";
import type { AudienceKey } from "../../domain/types";
import { acquireClaim, actorOfClaim, releasing, underClaim } from "../claims";
import type { ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { singleFlightIn } from "../singleFlight";
import type { AudienceCount } from "./groups";
import { chosenGroups } from "./groups";
import { refuseEmptyMessage } from "./massMailContent";
import { caseCancelledError } from "./itCase";
import type { ItCase } from "./itCase";
import { itClaimHome, itRecordOf, updateItRecord } from "./itStore";
import type { SenderChoice } from "./senders";

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
  options: ClaimOptions = {},
): Promise<ItRecord> {
  const { mailbox, message, summary } = opened;
  return singleFlightIn(ctx, `prepare:${message.id}`, async () => {
    const home = itClaimHome(ctx, mailbox, message.id, summary.id);
    if (opened.cancelled) throw caseCancelledError(opened.cancelled);
    refuseEmptyMessage(ctx, opened);
    const groups = chosenGroups(ctx, input.audiences, input.counts);
    if (groups.length === 0) throw new AppError("badRequest", "Choose at least one audience");
    // Before the draft exists: a file that cannot be copied must not leave a half-made draft behind.
    ctx.mail.assertAttachmentsCopyable(mailbox, opened.attachments);
    const acquired = await acquireClaim(
      ctx,
      home,
      "massMailDraft",
      { mailbox, caseId: summary.id },
      { ...options, isDone: (r) => isPrepared(r) },
    );
    if (acquired.kind !== "claimed") return acquired.record;
    const { claim } = acquired;
    const draft = await underClaim(
      ctx,
      home,
      mailbox,
      claim.token,
      async () => {
        const made = await ctx.mail.createDraft(mailbox, {
          subject: summary.fields.subject,
          bodyHtml: ctx.sanitizeHtml(opened.messageHtml),
          bcc: groups.map((g) => ({ address: g.address })),
          from: input.sender.sender,
          caseProps: { caseId: summary.id, kind: "massMail" },
          headers: { [CASE_ID_HEADER]: summary.id },
        });
        const carry = opened.attachments.map((a) => a.id);
        if (carry.length > 0) await ctx.mail.copyAttachments(mailbox, message.id, made.id, carry);
        return made;
      },
      () => {
        throw new AppError("unknown", "The mass-mail draft claim names no draft");
      },
    );
    const at = ctx.now().toISOString();
    return updateItRecord(
      ctx,
      mailbox,
      message.id,
      summary.id,
      (r) =>
        releasing(
          home,
          r.state === "received"
            ? prepareIt(
                r,
                {
                  draftId: draft.id,
                  sender: input.sender.sender,
                  senderFallback: input.sender.fallback,
                  groups,
                },
                { at, ...actorOfClaim(ctx, mailbox, claim) },
              )
            : r,
          claim.token,
        ),
      home,
    );
  });
}

/**
 * Already prepared (or further): nothing to claim. Otherwise the lifecycle's guard runs on the freshest record,
 * before anything is claimed: a refused or cancelled case gets no draft.
 */
function isPrepared(r: ItRecord): boolean {
  if (r.state !== "received" && !!r.draftId) return true;
  guardItStep(r, "prepare");
  return false;
}

/** After Exchange refused the requested sender: the same draft, from the institutional sender. */
export async function switchDraftSender(
  ctx: WorkflowContext,
  opened: ItCase,
  sender: SenderChoice,
): Promise<ItRecord> {
  const record = itRecordOf(await ctx.mail.getMessage(opened.mailbox, opened.message.id), opened.summary.id);
  if (!record.draftId) throw new AppError("notFound", "No draft prepared");
  guardItStep(record, "changeSender");
  await ctx.mail.setDraftSender(opened.mailbox, record.draftId, sender.sender);
  return updateItRecord(ctx, opened.mailbox, opened.message.id, opened.summary.id, (r) =>
    changeItSender(r, sender.sender, sender.fallback),
  );
}
