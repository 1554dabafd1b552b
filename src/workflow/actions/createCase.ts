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
import { actorIn, calendarOf, readTogether, started } from "../context";
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
async function unusedCaseId(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  now: Date,
  /** The first candidate, already being looked up (with the request's read, in one round trip). */
  first?: Candidate,
): Promise<string> {
  const taken = new Set<string>();
  for (let lookup = 1; ; lookup++) {
    const id =
      lookup === 1 && first
        ? first.id
        : generateCaseId({
            now,
            timeZone: ctx.config.institution.timeZone,
            isTaken: (candidate) => taken.has(candidate),
          });
    const free = lookup === 1 && first ? await first.free : await isUnused(ctx, mailbox, id);
    if (free) return id;
    taken.add(id);
    if (lookup >= MAX_ID_LOOKUPS)
      throw new AppError("conflict", "No unused case id found", { details: { lookups: lookup } });
  }
}

interface Candidate {
  id: string;
  free: Promise<boolean>;
}

async function isUnused(ctx: WorkflowContext, mailbox: MailboxId, id: string): Promise<boolean> {
  const existing = await ctx.mail.listCases(mailbox, { caseId: id, top: 1 });
  return existing.items.length === 0;
}

/** Creates the case once; when someone else created it meanwhile, theirs is returned and nothing is overwritten. */
export function createCaseFromRequest(ctx: WorkflowContext, input: CreateCaseInput): Promise<Case> {
  return singleFlightIn(ctx, `create:${input.messageId}`, async () => {
    // One instant for the whole action: the first candidate id is drawn for it before the request is read, and
    // looked up in the same round trip as that read (two independent reads). Should the request already carry a
    // case, that look-up is simply not used.
    const now = ctx.now();
    const home = requestHome(ctx, input.mailbox, input.messageId);
    let first: Candidate | undefined;
    let gathered = false;
    const readWithCandidate: RecordHome<Case | undefined> = {
      ...home,
      read: () =>
        gathered
          ? home.read()
          : readTogether(ctx, () => {
              gathered = true;
              const read = home.read();
              const id = generateCaseId({ now, timeZone: ctx.config.institution.timeZone });
              first = { id, free: started(isUnused(ctx, input.mailbox, id)) };
              return read;
            }),
    };
    const takeFirst = () => {
      const candidate = first;
      first = undefined;
      return candidate;
    };
    const saved = await updateRecord(readWithCandidate, async (stored, message) => {
      if (stored) return stored;
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
        // The gathered candidate serves the first attempt only; a write that must be tried again draws afresh.
        id: await unusedCaseId(ctx, input.mailbox, now, takeFirst()),
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
    });
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
