// Reading and writing a case record on its request message. Changes go through the one etag-retry loop
// (workflow/recordStore.ts), so two people acting at once never lose each other's history entries. A record that
// cannot be read is never overwritten.
import { decodeArchive, decodeCase, encodeArchive, encodeCase } from "../domain/codec";
import { compactForStorage } from "../domain/compaction";
import type { DecodeFailure } from "../domain/codec";
import { AppError } from "../domain/errors";
import type { Case } from "../domain/types";
import type { GetOptions, MailboxId, MailMessage } from "../ports/mailService";
import { withStateCategory } from "./categories";
import type { ClaimHome } from "./claims";
import type { WorkflowContext } from "./context";
import { forgedError, forgedReasonOf, remembering, updateRecord } from "./recordStore";
import type { ForgedReason } from "./recordStore";

export type StoredCase =
  | { status: "none" }
  | { status: "ok"; case: Case }
  | { status: "unreadable"; reason: DecodeFailure; detail: string; version?: number }
  /** The record belongs to another message or names another case (recordStore.ts): shown, never acted on. */
  | { status: "forged"; case: Case; reason: ForgedReason };

/**
 * The message a case record says it was written for: its `owner`, or in records from before the owner was kept,
 * the request message the "created" entry names (its evidence's internetMessageId).
 */
export function ownerOfCase(c: Case): string | undefined {
  return c.owner ?? c.history.find((h) => h.action === "created")?.evidence?.internetMessageId;
}

export function storedCaseOf(message: MailMessage): StoredCase {
  const record = message.caseProps.record;
  if (record === undefined || record === "") return { status: "none" };
  const decoded = decodeCase(record);
  if (decoded.ok) {
    const forged = forgedReasonOf(message, { caseId: decoded.case.id, owner: ownerOfCase(decoded.case) });
    return forged
      ? { status: "forged", case: decoded.case, reason: forged }
      : { status: "ok", case: decoded.case };
  }
  return { status: "unreadable", reason: decoded.reason, detail: decoded.detail, version: decoded.version };
}

export function unreadableError(stored: Extract<StoredCase, { status: "unreadable" }>): AppError {
  return new AppError(
    stored.reason === "newerVersion" ? "newerRecord" : "invalidRecord",
    `Case record not readable: ${stored.detail}`,
  );
}

/**
 * Writes a case on its request message; `ifMatch` makes a concurrent change a conflict instead of a loss. Its
 * history is compacted first when it grows long (domain/compaction.ts): the record and the archive of the
 * entries it folded out go in the same request. Returns the message as it now is on the server.
 */
export async function writeCase(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  message: MailMessage,
  next: Case,
): Promise<MailMessage> {
  // The record keeps the message it belongs to. An older record without `owner` gets it only when it says itself
  // that it is this message's (its "created" entry names this internetMessageId); one that says nothing stays
  // as it is (accepted on the case-id property alone).
  const here = message.internetMessageId;
  if (next.owner === undefined && here !== undefined && ownerOfCase(next) === here)
    next = { ...next, owner: here };
  const archived = decodeArchive(message.caseProps.history);
  // An archive this build cannot read is never overwritten: the record is then stored as it is (and refused
  // only if it no longer fits).
  const compacted = archived.ok ? compactForStorage(next, archived.history) : { case: next };
  const stored = compacted.case;
  const props = {
    kind: "request" as const,
    caseId: stored.id,
    state: stored.state,
    dueDate: stored.dueDate,
    record: encodeCase(stored),
    ...(compacted.archive ? { history: encodeArchive(stored.id, compacted.archive) } : {}),
  };
  const categories = withStateCategory(
    message.categories,
    next.state,
    ctx.config.institution.defaultLanguage,
  );
  const { etag } = await ctx.mail.writeCaseProps(mailbox, message.id, props, {
    categories,
    ifMatch: message.etag,
  });
  // The message as it now is on the server, so that callers (the pane) do not show the old state or category.
  return { ...message, etag, categories, caseProps: { ...message.caseProps, ...props } };
}

export interface UpdateResult {
  case: Case;
  message: MailMessage;
  /** False when the change had already been made (by this user earlier, or by someone else). */
  changed: boolean;
}

/**
 * Applies `change` to the current record and saves it (workflow/recordStore.ts: If-Match, re-applied on a
 * conflict). `change` receives the freshest case on every attempt and returns it unchanged when there is nothing
 * to do (e.g. the case is already forwarded).
 */
export async function updateCase(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  change: (current: Case, message: MailMessage) => Case,
  /** The action's own home, whose last read or write the change may start from (recordStore.ts). */
  home: ClaimHome<Case> = caseClaimHome(ctx, mailbox, messageId),
): Promise<UpdateResult> {
  const saved = await updateRecord(home, change);
  if (!saved.changed) return { case: saved.record, message: saved.message, changed: false };
  // The case as stored: its history may have been compacted on the way.
  const stored = storedCaseOf(saved.message);
  return { case: stored.status === "ok" ? stored.case : saved.record, message: saved.message, changed: true };
}

/**
 * The case record on its request message, as the home of claims (workflow/claims.ts). It remembers its last read
 * or write, so an action's writes chain on one another's etag (recordStore.ts `remembering`).
 */
export function caseClaimHome(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  /** The case and message this action has just read, to start from (see recordStore.ts `remembering`). */
  seed?: { record: Case; message: MailMessage },
  /** What each read brings besides the record (the forward reads the request's body with it: one read, not two). */
  reading?: GetOptions,
): ClaimHome<Case> {
  return remembering<Case, ClaimHome<Case>>(
    {
      async read() {
        const message = await ctx.mail.getMessage(mailbox, messageId, reading);
        const stored = storedCaseOf(message);
        if (stored.status === "none") throw new AppError("notFound", "No case record on this message");
        if (stored.status === "unreadable") throw unreadableError(stored);
        if (stored.status === "forged") throw forgedError(stored.case.id, stored.reason);
        return { record: stored.case, message };
      },
      write: (message, record) => writeCase(ctx, mailbox, message, record),
      claimOf: (c) => c.claim,
      withClaim(c, claim) {
        const { claim: _dropped, ...rest } = c;
        return claim ? { ...rest, claim } : rest;
      },
    },
    (message, written) => {
      const stored = storedCaseOf(message);
      return stored.status === "ok" ? stored.case : written;
    },
    seed,
  );
}
