// "Edit after forward": Communications changes the requested date, audiences, subject or message text of a
// forwarded case until IT sends (a new text travels in the notice's body between markers, domain/caseText.ts); IT receives an update notice on the forward's thread whose case header carries the case as it
// now stands, a higher version and what changed (workflow/caseProtocol.ts).
import { AppError } from "../../domain/errors";
import type { ClaimNotice } from "../../domain/claim";
import type { CaseChanges } from "../../domain/lifecycle";
import { updateForwardedCase } from "../../domain/lifecycle";
import { caseNoticeTemplate } from "../../domain/templates";
import type { Case } from "../../domain/types";
import type { MailboxId } from "../../ports/mailService";
import { audienceLabels } from "../audienceLabels";
import { sendNotice } from "../caseProtocol";
import type { ClaimOptions } from "../claims";
import type { WorkflowContext } from "../context";
import { singleFlightIn } from "../singleFlight";

export function updateAfterForward(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  changes: CaseChanges,
  note?: string,
  options: ClaimOptions = {},
): Promise<Case> {
  return singleFlightIn(ctx, `update:${messageId}`, async () => {
    // Sanitized once, here: the same HTML goes in the notice and is what IT's pane finds.
    const textHtml = changes.text === undefined ? undefined : ctx.sanitizeHtml(changes.text);
    if (textHtml !== undefined) changes = { ...changes, text: textHtml };
    let changed: ReturnType<typeof updateForwardedCase>["changed"] = [];
    const apply = (c: Case, act: Parameters<typeof updateForwardedCase>[2]) => {
      const result = updateForwardedCase(c, changes, note ? { ...act, note } : act);
      changed = result.changed;
      return result.case;
    };
    const labels = audienceLabels(ctx.config);
    const lang = ctx.config.institution.defaultLanguage;
    // Done when the record already holds these values (a repeated click after the notice went out).
    const isDone = (c: Case) => {
      try {
        updateForwardedCase(c, changes, { at: ctx.now().toISOString(), by: ctx.user });
        return false;
      } catch (e) {
        return e instanceof AppError && e.details?.reason === "nothingChanged";
      }
    };
    return sendNotice(
      ctx,
      mailbox,
      messageId,
      {
        message: "update",
        notice: noticeOf(changes, note),
        apply,
        get changed() {
          return changed;
        },
        template: (next) =>
          caseNoticeTemplate({
            lang,
            kind: "update",
            caseId: next.id,
            subject: next.fields.subject,
            changed,
            requestedDate: next.fields.requestedDate,
            dueDate: next.dueDate,
            audienceLabels: next.fields.audiences.map((a) => {
              const label = labels.find((l) => l.key === a);
              return (lang === "es" ? label?.labelEs : label?.labelEn) ?? a;
            }),
            note,
            ...(textHtml !== undefined ? { textHtml } : {}),
          }),
      },
      isDone,
      options,
    );
  });
}

/** The change as the notice's claim keeps it (a new text only as "changed": the record keeps no bodies). */
function noticeOf(changes: CaseChanges, note: string | undefined): ClaimNotice {
  return {
    msg: "update",
    ...(changes.requestedDate !== undefined ? { requestedDate: changes.requestedDate } : {}),
    ...(changes.audiences !== undefined ? { audiences: [...changes.audiences] } : {}),
    ...(changes.subject !== undefined ? { subject: changes.subject } : {}),
    ...(changes.dueDate !== undefined ? { dueDate: changes.dueDate } : {}),
    ...(changes.text !== undefined ? { text: true as const } : {}),
    ...(note ? { note } : {}),
  };
}
