// IT's record on the forwarded message in IT's mailbox, read and written with the same optimistic concurrency
// as the Communications record.
import { AppError } from "../../domain/errors";
import { decodeItRecord, encodeItRecord } from "../../domain/itRecord";
import type { ItRecord } from "../../domain/itRecord";
import type { MailboxId, MailMessage } from "../../ports/mailService";
import type { ClaimHome } from "../claims";
import type { WorkflowContext } from "../context";

export function itRecordOf(message: MailMessage, caseId: string): ItRecord {
  const raw = message.caseProps.itRecord;
  if (!raw) return { v: 1, caseId, state: "received", groups: [] };
  const decoded = decodeItRecord(raw);
  if (!decoded.ok) throw new AppError("invalidRecord", `IT record not readable: ${decoded.detail}`);
  return decoded.record;
}

const MAX_ATTEMPTS = 4;

export async function updateItRecord(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  caseId: string,
  change: (current: ItRecord) => ItRecord,
): Promise<ItRecord> {
  for (let attempt = 1; ; attempt++) {
    const message = await ctx.mail.getMessage(mailbox, messageId);
    const current = itRecordOf(message, caseId);
    const next = change(current);
    if (next === current) return current;
    try {
      await ctx.mail.writeCaseProps(
        mailbox,
        messageId,
        { caseId, kind: "forward", itRecord: encodeItRecord(next) },
        { ifMatch: message.etag },
      );
      return next;
    } catch (e) {
      if (e instanceof AppError && e.code === "conflict" && attempt < MAX_ATTEMPTS) continue;
      throw e;
    }
  }
}

/** IT's record on the forward in IT's mailbox, as the home of claims (workflow/claims.ts). */
export function itClaimHome(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  caseId: string,
): ClaimHome<ItRecord> {
  return {
    async read() {
      const message = await ctx.mail.getMessage(mailbox, messageId);
      return { record: itRecordOf(message, caseId), message };
    },
    async write(message, record) {
      const itRecord = encodeItRecord(record);
      const { etag } = await ctx.mail.writeCaseProps(
        mailbox,
        messageId,
        { caseId, kind: "forward", itRecord },
        { ifMatch: message.etag },
      );
      return { ...message, etag, caseProps: { ...message.caseProps, caseId, kind: "forward", itRecord } };
    },
    claimOf: (r) => r.claim,
    withClaim(r, claim) {
      const { claim: _dropped, ...rest } = r;
      return claim ? { ...rest, claim } : rest;
    },
  };
}
