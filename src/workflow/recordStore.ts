// The one way a record kept in a message's extended property changes — Communications' case record on the
// request, IT's record on the forward in IT's mailbox: read it with the message's etag, apply a change to it,
// write with If-Match on that etag. A concurrent write makes Graph answer 412 (AppError "conflict"): the record is
// read again and the change applied again to the fresh one, so two people acting at once never lose each other's
// facts. Bounded: after MAX_WRITE_ATTEMPTS conflicts the conflict stands (the person retries).
import { AppError } from "../domain/errors";
import type { MailMessage } from "../ports/mailService";

/** Where a record lives: a message read with its etag, and a write with If-Match on it. */
export interface RecordHome<R> {
  read(): Promise<{ record: R; message: MailMessage }>;
  /** Writes `record` with If-Match on `message.etag`; returns the message as it now is (new etag). */
  write(message: MailMessage, record: R): Promise<MailMessage>;
  /**
   * The record as this home last read or wrote it, within the one action that made the home: a change starts
   * from it instead of reading again. Its etag keeps that safe — a write in between makes the PATCH a 412, and
   * the loop reads afresh. Homes are made per action, so nothing read by an earlier action is ever used.
   */
  latest?(): { record: R; message: MailMessage } | undefined;
}

export interface Saved<R> {
  record: R;
  message: MailMessage;
  /** False when the change returned the record it was given: nothing was written. */
  changed: boolean;
}

export const MAX_WRITE_ATTEMPTS = 4;

/** What a stored record says of its own home: the case it names and the message it was written for. */
export interface RecordClaims {
  caseId: string;
  /** The internetMessageId of the message the record was written for, when the record says. */
  owner?: string;
}

/** Why a record does not belong to the message it was found on. */
export type ForgedReason = "otherMessage" | "otherCase";

/**
 * The one check that a record belongs to its message, for every record read (Communications' case record, IT's
 * record): its case id must be the message's case-id property (written with the record in the same PATCH), and the
 * message it says it was written for, when it says, must be this one. A record copied onto another message — or
 * another case's record put there — fails it and is never acted on nor rewritten.
 */
export function forgedReasonOf(message: MailMessage, record: RecordClaims): ForgedReason | undefined {
  const property = message.caseProps.caseId?.trim().toUpperCase();
  if (property !== record.caseId.trim().toUpperCase()) return "otherCase";
  const here = message.internetMessageId;
  if (record.owner !== undefined && here !== undefined && record.owner !== here) return "otherMessage";
  return undefined;
}

export function forgedError(caseId: string, reason: ForgedReason): AppError {
  return new AppError(
    "forgedRecord",
    `The record of ${caseId} on this message belongs elsewhere (${reason})`,
    {
      details: { caseId, reason },
    },
  );
}

export function isConflict(e: unknown): boolean {
  return e instanceof AppError && e.code === "conflict";
}

/**
 * Applies `change` to the freshest record and writes the result. `change` runs again on every attempt (keep it
 * free of effects other than reads); returning the record it was given means "nothing to do" and writes nothing;
 * throwing stops without writing.
 */
export async function updateRecord<R>(
  home: RecordHome<R>,
  change: (current: R, message: MailMessage) => R | Promise<R>,
  options: {
    /** Makes each attempt's write (e.g. to start reads with it: workflow/claims.ts); the write as it is else. */
    writing?: (write: () => Promise<MailMessage>) => Promise<MailMessage>;
  } = {},
): Promise<Saved<R>> {
  for (let attempt = 1; ; attempt++) {
    // What this action last read or wrote, when its etag can guard the write; else a fresh read.
    const known = attempt === 1 ? home.latest?.() : undefined;
    const { record, message } = known?.message.etag ? known : await home.read();
    // A change that answers at once is not awaited: a write from a known etag then starts before any pause, so
    // the mail service can send it with what follows it (graph/outgoing.ts, a draft named and then sent).
    const changed = change(record, message);
    const next = changed instanceof Promise ? await changed : changed;
    if (next === record) return { record, message, changed: false };
    try {
      const write = () => home.write(message, next);
      return { record: next, message: await (options.writing ?? ((w) => w()))(write), changed: true };
    } catch (e) {
      if (isConflict(e) && attempt < MAX_WRITE_ATTEMPTS) continue;
      throw e;
    }
  }
}

/**
 * A home that remembers what it last read or wrote (`latest`), so that the writes of one action chain on the etag
 * of the one before instead of reading the message again. `stored` turns a written message back into the record
 * as stored (a case's history may be compacted on the way). A remembered message without an etag is never
 * written from: `updateRecord` reads afresh.
 */
export function remembering<R, H extends RecordHome<R>>(
  home: H,
  stored: (message: MailMessage, written: R) => R,
  /** What the action already read of this record (e.g. the message it opened), to start from. */
  seed?: { record: R; message: MailMessage },
): H {
  let last = seed;
  return {
    ...home,
    async read() {
      try {
        last = await home.read();
      } catch (e) {
        last = undefined;
        throw e;
      }
      return last;
    },
    async write(message: MailMessage, record: R) {
      try {
        const written = await home.write(message, record);
        last = { record: stored(written, record), message: written };
        return written;
      } catch (e) {
        last = undefined;
        throw e;
      }
    },
    latest: () => last,
  };
}
