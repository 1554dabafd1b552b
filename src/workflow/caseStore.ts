// Reading and writing a case record on its request message, with optimistic concurrency: every write carries
// the etag it was based on; on a conflict the change is re-applied to the fresh record, so two people acting at
// once never lose each other's history entries. A record that cannot be read is never overwritten.
import { decodeArchive, decodeCase, encodeArchive, encodeCase } from "../domain/codec";
import { compactForStorage } from "../domain/compaction";
import type { DecodeFailure } from "../domain/codec";
import { AppError } from "../domain/errors";
import type { Case } from "../domain/types";
import type { MailboxId, MailMessage } from "../ports/mailService";
import { withStateCategory } from "./categories";
import type { ClaimHome } from "./claims";
import type { WorkflowContext } from "./context";

export type StoredCase =
  | { status: "none" }
  | { status: "ok"; case: Case }
  | { status: "unreadable"; reason: DecodeFailure; detail: string; version?: number };

export function storedCaseOf(message: MailMessage): StoredCase {
  const record = message.caseProps.record;
  if (record === undefined || record === "") return { status: "none" };
  const decoded = decodeCase(record);
  if (decoded.ok) return { status: "ok", case: decoded.case };
  return { status: "unreadable", reason: decoded.reason, detail: decoded.detail, version: decoded.version };
}

export function unreadableError(stored: Extract<StoredCase, { status: "unreadable" }>): AppError {
  return new AppError(
    stored.reason === "newerVersion" ? "newerRecord" : "invalidRecord",
    `Case record not readable: ${stored.detail}`,
  );
}

/** Writes a case on its request message; `ifMatch` makes a concurrent change a conflict instead of a loss. */
export async function writeCase(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  message: MailMessage,
  next: Case,
): Promise<MailMessage> {
  return (await writeCompacted(ctx, mailbox, message, next)).message;
}

/**
 * Writes a case, compacting its history first when it grows long (domain/compaction.ts): the record and the
 * archive of the entries it folded out go in the same request. Returns the case as stored.
 */
async function writeCompacted(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  message: MailMessage,
  next: Case,
): Promise<{ message: MailMessage; case: Case }> {
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
  return {
    message: { ...message, etag, categories, caseProps: { ...message.caseProps, ...props } },
    case: stored,
  };
}

export interface UpdateResult {
  case: Case;
  message: MailMessage;
  /** False when the change had already been made (by this user earlier, or by someone else). */
  changed: boolean;
}

const MAX_ATTEMPTS = 4;

/**
 * Applies `change` to the current record and saves it. `change` receives the freshest case on every attempt and
 * returns it unchanged when there is nothing to do (e.g. the case is already forwarded).
 */
export async function updateCase(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  messageId: string,
  change: (current: Case, message: MailMessage) => Case,
): Promise<UpdateResult> {
  for (let attempt = 1; ; attempt++) {
    const message = await ctx.mail.getMessage(mailbox, messageId);
    const stored = storedCaseOf(message);
    if (stored.status === "none") throw new AppError("notFound", "No case record on this message");
    if (stored.status === "unreadable") throw unreadableError(stored);
    const next = change(stored.case, message);
    if (next === stored.case) return { case: next, message, changed: false };
    try {
      const saved = await writeCompacted(ctx, mailbox, message, next);
      return { case: saved.case, message: saved.message, changed: true };
    } catch (e) {
      if (e instanceof AppError && e.code === "conflict" && attempt < MAX_ATTEMPTS) continue;
      throw e;
    }
  }
}

/** The case record on its request message, as the home of claims (workflow/claims.ts). */
export function caseClaimHome(ctx: WorkflowContext, mailbox: MailboxId, messageId: string): ClaimHome<Case> {
  return {
    async read() {
      const message = await ctx.mail.getMessage(mailbox, messageId);
      const stored = storedCaseOf(message);
      if (stored.status === "none") throw new AppError("notFound", "No case record on this message");
      if (stored.status === "unreadable") throw unreadableError(stored);
      return { record: stored.case, message };
    },
    write: (message, record) => writeCase(ctx, mailbox, message, record),
    claimOf: (c) => c.claim,
    withClaim(c, claim) {
      const { claim: _dropped, ...rest } = c;
      return claim ? { ...rest, claim } : rest;
    },
  };
}
