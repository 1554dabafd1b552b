// "Create case": the professional's confirmed fields become a case record on the request message.
import { generateCaseId } from "../../domain/caseId";
import { AppError } from "../../domain/errors";
import { createCase } from "../../domain/lifecycle";
import { computeDueDate } from "../../domain/policy";
import type { Case, CaseFields, MailAddress } from "../../domain/types";
import type { MailboxId } from "../../ports/mailService";
import { storedCaseOf, unreadableError, writeCase } from "../caseStore";
import { forgedError } from "../recordStore";
import type { WorkflowContext } from "../context";
import { actorIn, calendarOf } from "../context";
import { updateRecord } from "../recordStore";
import type { RecordHome } from "../recordStore";
import { singleFlightIn } from "../singleFlight";

export interface CreateCaseInput {
  mailbox: MailboxId;
  messageId: string;
  requester: MailAddress;
  fields: CaseFields;
  /**
   * Who gets the confirmation at the end, as the professional chose it (the person who wrote to Communications,
   * or the original requester of a forwarded chain). Without it the relay goes to `requester`.
   */
  relayTo?: MailAddress;
  /** The message text the professional typed for a request that carries none (plain text). */
  messageText?: string;
}

const MAX_ID_LOOKUPS = 8;

/**
 * A case id no message of the mailbox carries yet. Ids are random (no central counter), so two cases of one
 * month share an id by the birthday bound — with a few hundred cases a month, a few percent of months would
 * have one, and IT's confirmation of one case would then be linked to the other. The mailbox is where ids
 * live, so it is asked.
 */
async function unusedCaseId(ctx: WorkflowContext, mailbox: MailboxId, now: Date): Promise<string> {
  const taken = new Set<string>();
  for (let lookup = 1; ; lookup++) {
    const id = generateCaseId({
      now,
      timeZone: ctx.config.institution.timeZone,
      isTaken: (candidate) => taken.has(candidate),
    });
    const existing = await ctx.mail.listCases(mailbox, { caseId: id, top: 1 });
    if (existing.items.length === 0) return id;
    taken.add(id);
    if (lookup >= MAX_ID_LOOKUPS)
      throw new AppError("conflict", "No unused case id found", { details: { lookups: lookup } });
  }
}

/** Creates the case once; when someone else created it meanwhile, theirs is returned and nothing is overwritten. */
export function createCaseFromRequest(ctx: WorkflowContext, input: CreateCaseInput): Promise<Case> {
  return singleFlightIn(ctx, `create:${input.messageId}`, async () => {
    const saved = await updateRecord(
      requestHome(ctx, input.mailbox, input.messageId),
      async (stored, message) => {
        if (stored) return stored;
        const now = ctx.now();
        const due = computeDueDate(
          {
            receivedAt: message.receivedAt ?? now.toISOString(),
            requestedDate: input.fields.requestedDate,
            urgency: input.fields.urgency,
            leadTimeDays: ctx.config.leadTimeDays,
            urgentDueHours: ctx.config.urgent?.dueHours,
          },
          calendarOf(ctx.config),
        );
        const created = createCase({
          id: await unusedCaseId(ctx, input.mailbox, now),
          at: now.toISOString(),
          ...actorIn(ctx, input.mailbox),
          requester: input.requester,
          fields: input.fields,
          dueDate: due.date,
          requestMessageId: message.id,
          ...(input.relayTo ? { relayTo: input.relayTo } : {}),
          ...(input.messageText ? { messageText: input.messageText } : {}),
          evidence: { messageId: message.id, internetMessageId: message.internetMessageId },
        });
        // The record belongs to this message (workflow/recordStore.ts): a copy found elsewhere is not acted on.
        return message.internetMessageId ? { ...created, owner: message.internetMessageId } : created;
      },
    );
    if (!saved.record) throw new AppError("unknown", "The case was not created");
    return saved.record;
  });
}

/** The request message as the home of a case record that may not exist yet (then `record` is undefined). */
function requestHome(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
): RecordHome<Case | undefined> {
  return {
    async read() {
      const message = await ctx.mail.getMessage(mailbox, messageId);
      const stored = storedCaseOf(message);
      if (stored.status === "unreadable") throw unreadableError(stored);
      // Never overwritten, never taken for this message's own case.
      if (stored.status === "forged") throw forgedError(stored.case.id, stored.reason);
      return { record: stored.status === "ok" ? stored.case : undefined, message };
    },
    write(message, record) {
      if (!record) throw new AppError("unknown", "No case to write");
      return writeCase(ctx, mailbox, message, record);
    },
  };
}
