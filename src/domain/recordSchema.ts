// The stored case record, version 1: its JSON shape and the schema every record read back must pass.
//
// The header uses the domain's own field names (they occur once, so clarity is cheap). History entries repeat
// up to dozens of times, so their keys are single letters:
//   t at · b by · f for · a action · n note · m evidence.messageId · i evidence.internetMessageId
//   c evidence.conversationId · s evidence.sentAt · d evidence.scheduledFor · g evidence.groups
//   r evidence.recipientCount · p evidence.approvedBy · q evidence.approvedAt
//   w evidence.contentWarnings (codes, an optional key added like `f`: older records simply lack it)
//   k count · o firstAt (an entry that stands for several folded reminders, see compaction.ts)
// Evidence is flattened into the entry (an entry has evidence when any of m i c s d g r is present).
// Id and address fields hold StringRefs into `strings` (see stringTable.ts).
// Any change to this shape is a new version with a migration in codec.ts, never an edit of this one — with one
// kind of exception: a new OPTIONAL key that old records simply lack. `f` (the mailbox a delegate acted for)
// is one: every version-1 record written before it still reads as it did, so it needs no migration and no new
// version. A build from before `f` reads a record that has it as invalid (the entry schema is strict), as it
// would a version 2: it shows the record as unreadable and refuses to overwrite it, the safe failure.
// `d` (when IT's scheduled mass mail leaves, from IT's confirmation) is another optional key of the same kind.
// `k` and `o` (a summary of folded reminders, compaction.ts) are two more: a build from before them shows a
// compacted record as unreadable and refuses to overwrite it.
// `claim` (who is doing a once-per-case step right now, see claim.ts) is another: optional, absent from every
// record written before it and from every record whose step is done (the step's write clears it).
// `itVersion` (the version of the last message about the case sent to IT, see caseHeader.ts) is another; the
// actions `updated`, `corrected` and `itAnswered` are new values a build from before them reads as unreadable (safe).
// `owner` (the internetMessageId of the message the record was written for, workflow/recordStore.ts) and a claim's
// `notice` (the change a notice tells IT) are two more optional keys of the same kind.
// `relayTo` (who gets the confirmation, chosen at creation) and `messageText` (the message the professional typed
// for a request without one) are two more: a record without them relays to `requester` and forwards the request's
// own message, as before. The action `asked` (the requester was asked for what is missing) is a new value.
// `p` and `q` (who approved IT's test send and when, from IT's confirmation) are two more optional keys.
import { z } from "./schema";
import { isCaseId } from "./caseId";
import { isDateOnly } from "./dates";
import { resolveRef } from "./stringTable";
import type { StringRef } from "./stringTable";
import { CLAIM_STEPS } from "./claim";
import { AUDIENCE_KEYS, CASE_STATES } from "./types";
import type { HistoryAction } from "./types";

export const RECORD_VERSION = 1;

/**
 * Upper bound of a typed message text, in characters: the record stays well under its byte limit (codec.ts) with
 * room for the history, even when every character takes several bytes.
 */
export const MAX_MESSAGE_TEXT = 3000;

/** Every action, checked for completeness by the Record type. */
const ACTION_SET: Record<HistoryAction, true> = {
  created: true,
  forwarded: true,
  reminded: true,
  sent: true,
  confirmed: true,
  relayed: true,
  closed: true,
  cancelled: true,
  repaired: true,
  updated: true,
  corrected: true,
  itAnswered: true,
  asked: true,
};
const HISTORY_ACTIONS = Object.keys(ACTION_SET) as HistoryAction[];

const instant = z.iso.datetime({ offset: true });
const dateOnly = z.string().refine(isDateOnly, "expected a calendar date YYYY-MM-DD");
const index = z.number().int().nonnegative();
const stringRef = z.union([z.string(), index, z.tuple([index, z.string()]), z.tuple([z.string(), index])]);

const entrySchema = z.strictObject({
  t: instant,
  b: stringRef,
  f: stringRef.optional(),
  a: z.enum(HISTORY_ACTIONS),
  n: z.string().optional(),
  m: stringRef.optional(),
  i: stringRef.optional(),
  c: stringRef.optional(),
  s: instant.optional(),
  d: instant.optional(),
  g: z.array(stringRef).optional(),
  r: z.number().int().nonnegative().optional(),
  p: stringRef.optional(),
  q: instant.optional(),
  w: z.array(z.string().max(40)).max(20).optional(),
  k: z.number().int().min(2).optional(),
  o: instant.optional(),
});

const claimSchema = z.strictObject({
  token: z.string().min(1).max(100),
  step: z.enum(CLAIM_STEPS),
  by: z.string().min(1).max(320),
  for: z.string().max(320).optional(),
  since: instant,
  draftId: z.string().max(400).optional(),
  internetMessageId: z.string().max(400).optional(),
  notice: z
    .union([
      z.strictObject({ msg: z.literal("cancel"), reason: z.string() }),
      z.strictObject({
        msg: z.literal("update"),
        requestedDate: dateOnly.nullable().optional(),
        audiences: z.array(z.enum(AUDIENCE_KEYS)).optional(),
        subject: z.string().optional(),
        dueDate: dateOnly.optional(),
        text: z.literal(true).optional(),
        note: z.string().optional(),
      }),
    ])
    .optional(),
});

export const recordSchemaV1 = z
  .strictObject({
    v: z.literal(RECORD_VERSION),
    id: z.string().refine(isCaseId, "expected a case id like CM-2611-7F3K"),
    state: z.enum(CASE_STATES),
    createdAt: instant,
    requester: z.strictObject({ address: z.string().min(1), name: z.string().optional() }),
    fields: z.strictObject({
      requestingUnit: z.string(),
      desiredSender: z.string(),
      subject: z.string(),
      audiences: z.array(z.enum(AUDIENCE_KEYS)),
      requestedDate: dateOnly.optional(),
      urgency: z.enum(["normal", "urgent"]),
      attachmentIds: z.array(stringRef),
    }),
    dueDate: dateOnly,
    requestMessageId: stringRef.optional(),
    owner: z.string().min(1).max(1000).optional(),
    cancelReason: z.string().optional(),
    itVersion: z.number().int().min(1).optional(),
    relayTo: z.strictObject({ address: z.string().min(1), name: z.string().optional() }).optional(),
    messageText: z.string().min(1).max(MAX_MESSAGE_TEXT).optional(),
    history: z.array(entrySchema).min(1),
    strings: z.array(z.string()).optional(),
    claim: claimSchema.optional(),
  })
  .superRefine((record, ctx) => {
    if (record.state === "cancelled" && !record.cancelReason?.trim()) {
      ctx.addIssue({ code: "custom", path: ["cancelReason"], message: "a cancelled case needs its reason" });
    }
    for (const [path, ref] of refsOf(record)) {
      if (resolveRef(ref, record.strings ?? []) === undefined) {
        ctx.addIssue({ code: "custom", path, message: "reference outside the strings table" });
      }
    }
  });

/**
 * The older history of a compacted case (compaction.ts), kept in a second property beside the record: the
 * entries folded out of the record, in full, with their own strings table. Same entry shape as the record.
 */
export const archiveSchemaV1 = z
  .strictObject({
    v: z.literal(RECORD_VERSION),
    id: z.string().refine(isCaseId, "expected a case id like CM-2611-7F3K"),
    history: z.array(entrySchema),
    strings: z.array(z.string()).optional(),
  })
  .superRefine((archive, ctx) => {
    archive.history.forEach((entry, i) => {
      for (const [path, ref] of entryRefs(entry, i)) {
        if (resolveRef(ref, archive.strings ?? []) === undefined) {
          ctx.addIssue({ code: "custom", path, message: "reference outside the strings table" });
        }
      }
    });
  });

export type StoredArchiveV1 = z.infer<typeof archiveSchemaV1>;
export type StoredEntryV1 = z.infer<typeof entrySchema>;
export type StoredRecordV1 = z.infer<typeof recordSchemaV1>;

type RefAt = [Array<string | number>, StringRef];

/** Every reference in a record, with its path (so that a dangling one is reported where it is). */
function refsOf(record: StoredRecordV1): RefAt[] {
  const found: RefAt[] = record.fields.attachmentIds.map((ref, i) => [["fields", "attachmentIds", i], ref]);
  if (record.requestMessageId !== undefined) found.push([["requestMessageId"], record.requestMessageId]);
  record.history.forEach((entry, i) => found.push(...entryRefs(entry, i)));
  return found;
}

function entryRefs(entry: z.infer<typeof entrySchema>, i: number): RefAt[] {
  const found: RefAt[] = [];
  const at = (...rest: Array<string | number>) => ["history", i, ...rest];
  found.push([at("b"), entry.b]);
  if (entry.f !== undefined) found.push([at("f"), entry.f]);
  for (const key of ["m", "i", "c"] as const) {
    const ref = entry[key];
    if (ref !== undefined) found.push([at(key), ref]);
  }
  entry.g?.forEach((ref, g) => found.push([at("g", g), ref]));
  return found;
}

const ENTRY_KEY_NAMES: Readonly<Record<string, string>> = {
  t: "at",
  b: "by",
  f: "for",
  a: "action",
  n: "note",
  m: "evidence.messageId",
  i: "evidence.internetMessageId",
  c: "evidence.conversationId",
  s: "evidence.sentAt",
  d: "evidence.scheduledFor",
  g: "evidence.groups",
  r: "evidence.recipientCount",
  p: "evidence.approvedBy",
  q: "evidence.approvedAt",
  w: "evidence.contentWarnings",
  k: "count",
  o: "firstAt",
};

/** A path in the domain's words, e.g. history[3].action, for diagnostics that people read. */
export function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(record)";
  let text = "";
  path.forEach((key, i) => {
    if (typeof key === "number") text += `[${key}]`;
    else {
      const name =
        path[0] === "history" && i === 2 ? (ENTRY_KEY_NAMES[String(key)] ?? String(key)) : String(key);
      text += (i === 0 ? "" : ".") + name;
    }
  });
  return text;
}
