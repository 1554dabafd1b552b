// IT's record on the forwarded message in IT's mailbox, changed through the same etag-retry loop as the
// Communications record (workflow/recordStore.ts).
import { AppError } from "../../domain/errors";
import { newItRecord } from "../../domain/itLifecycle";
import { decodeItRecord, encodeItRecord } from "../../domain/itRecord";
import type { ItRecord } from "../../domain/itRecord";
import type { MailboxId, MailMessage } from "../../ports/mailService";
import type { ClaimHome } from "../claims";
import type { WorkflowContext } from "../context";
import { forgedError, forgedReasonOf, remembering, updateRecord } from "../recordStore";

export function itRecordOf(message: MailMessage, caseId: string): ItRecord {
  const raw = message.caseProps.itRecord;
  if (!raw) return newItRecord(caseId);
  const decoded = decodeItRecord(raw);
  if (!decoded.ok) throw new AppError("invalidRecord", `IT record not readable: ${decoded.detail}`);
  // IT's record keeps no owner of its own yet: the case-id property written with it in the same PATCH decides.
  const forged = forgedReasonOf(message, { caseId: decoded.record.caseId });
  if (forged) throw forgedError(decoded.record.caseId, forged);
  return decoded.record;
}

/** Applies `change` to IT's record and saves it (workflow/recordStore.ts: If-Match, re-applied on a conflict). */
export async function updateItRecord(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  caseId: string,
  change: (current: ItRecord) => ItRecord,
  /** The action's own home, whose last read or write the change may start from (recordStore.ts). */
  home: ClaimHome<ItRecord> = itClaimHome(ctx, mailbox, messageId, caseId),
): Promise<ItRecord> {
  return (await updateRecord(home, (r) => change(r))).record;
}

/** IT's record on the forward in IT's mailbox, as the home of claims (workflow/claims.ts). */
export function itClaimHome(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  caseId: string,
): ClaimHome<ItRecord> {
  return remembering<ItRecord, ClaimHome<ItRecord>>(
    {
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
    },
    (_message, written) => written,
  );
}
