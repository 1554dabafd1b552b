// The forward to IT carries the case's facts in an x- internet header, so IT's pane reads exactly what
// Communications confirmed (headers travel between mailboxes; extended properties do not). ASCII only: other
// characters are escaped as \uXXXX inside the JSON, which JSON.parse restores.
//
// The case protocol between the mailboxes: every message Communications sends IT about a case (the forward, an
// update, a reminder, a cancellation) carries this header, with a version that only grows (`ver`), what the
// message is (`msg`), what changed since the forward (`changed`) and, on a cancellation, who, when and why.
// The format stays `v: 1`: the new keys are optional, so a header written before them reads as version 1 of a
// forward, and a build from before them reads a newer header as the case it describes (zod drops unknown keys).
import { z } from "./schema";
import { AUDIENCE_KEYS } from "./types";
import type { AudienceKey, CaseFields, DateOnly, MailAddress } from "./types";

export const CASE_HEADER = "x-pregon-case";

const schema = z.object({
  v: z.literal(1),
  id: z.string().max(32),
  unit: z.string().max(300),
  sender: z.string().max(300),
  subject: z.string().max(500),
  audiences: z.array(z.enum(AUDIENCE_KEYS as [AudienceKey, ...AudienceKey[]])).max(3),
  requestedDate: z.string().max(10).optional(),
  dueDate: z.string().max(10),
  urgent: z.boolean(),
  requester: z.object({ name: z.string().max(300).optional(), address: z.string().max(320) }),
  ver: z.number().int().min(1).optional(),
  msg: z.enum(["forward", "update", "reminder", "cancel"]).optional(),
  // Any short names, the known ones kept on read: a field a later build adds does not make the header unreadable.
  changed: z.array(z.string().max(40)).max(12).optional(),
  cancelled: z
    .object({ reason: z.string().max(500), by: z.string().max(320), at: z.string().max(40) })
    .optional(),
});

/** What a case message is to IT. */
export type CaseMessageKind = "forward" | "update" | "reminder" | "cancel";
/** The facts IT's pane can show as "what changed" since the forward. */
/** "text": the message text itself, carried in the update notice's body (domain/caseText.ts). */
export type ChangedField = "requestedDate" | "audiences" | "subject" | "dueDate" | "urgency" | "text";
export const CHANGED_FIELDS: readonly ChangedField[] = [
  "requestedDate",
  "audiences",
  "subject",
  "dueDate",
  "urgency",
  "text",
];

export interface CancelNotice {
  reason: string;
  by: string;
  at: string;
}

export interface CaseSummary {
  id: string;
  fields: Omit<CaseFields, "attachmentIds">;
  dueDate: DateOnly;
  requester: MailAddress;
  /** Grows with every message about the case; 1 for the forward (and for headers written before versions). */
  version: number;
  message: CaseMessageKind;
  /** What changed since the forward (on an update, and on later messages that repeat it). */
  changed: ChangedField[];
  cancelled?: CancelNotice;
}

/** What Communications puts in a header: the case as it stands, and the protocol facts of this message. */
export interface CaseHeaderInput {
  id: string;
  fields: Omit<CaseFields, "attachmentIds">;
  dueDate: DateOnly;
  requester: MailAddress;
  version?: number;
  message?: CaseMessageKind;
  changed?: readonly ChangedField[];
  cancelled?: CancelNotice;
}

export function toAscii(json: string): string {
  return json.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** At most `max` characters (whole code points): the header is written within the bounds its reader accepts. */
function clip(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join("").slice(0, max);
}

export function encodeCaseHeader(c: CaseHeaderInput): string {
  // A subject or a name longer than the schema allows would make the whole header unreadable in IT's pane
  // ("not a forwarded case"); the full values stay in the case record and the forwarded message itself.
  const name = c.requester.name === undefined ? undefined : clip(c.requester.name, 300);
  const changed = [...new Set(c.changed ?? [])];
  return toAscii(
    JSON.stringify({
      v: 1,
      id: c.id,
      unit: clip(c.fields.requestingUnit, 300),
      sender: clip(c.fields.desiredSender, 300),
      subject: clip(c.fields.subject, 500),
      audiences: c.fields.audiences,
      requestedDate: c.fields.requestedDate,
      dueDate: c.dueDate,
      urgent: c.fields.urgency === "urgent",
      requester: name === undefined ? c.requester : { ...c.requester, name },
      ver: c.version ?? 1,
      msg: c.message ?? "forward",
      ...(changed.length > 0 ? { changed } : {}),
      ...(c.cancelled ? { cancelled: c.cancelled } : {}),
    }),
  );
}

/** Null when absent or not understood; the IT pane then says it cannot read the case rather than guess. */
export function decodeCaseHeader(value: string | undefined): CaseSummary | null {
  if (!value) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    if (!parsed.success) return null;
    const h = parsed.data;
    return {
      id: h.id,
      fields: {
        requestingUnit: h.unit,
        desiredSender: h.sender,
        subject: h.subject,
        audiences: h.audiences,
        requestedDate: h.requestedDate,
        urgency: h.urgent ? "urgent" : "normal",
      },
      dueDate: h.dueDate,
      requester: h.requester,
      version: h.ver ?? 1,
      message: h.msg ?? "forward",
      changed: (h.changed ?? []).filter((f): f is ChangedField =>
        (CHANGED_FIELDS as readonly string[]).includes(f),
      ),
      ...(h.cancelled ? { cancelled: h.cancelled } : {}),
    };
  } catch {
    return null;
  }
}

/**
 * The case as it now stands among the messages IT holds: the highest version wins (a later message about the
 * case always has a higher one); on a tie the message listed first (the newest) does.
 */
export function latestSummary<T extends { summary: CaseSummary }>(found: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const candidate of found) {
    if (!best || candidate.summary.version > best.summary.version) best = candidate;
  }
  return best;
}

/** The version for the next message about a case: always above every version sent before. */
export function nextVersion(sentBefore: number | undefined): number {
  return Math.max(1, Math.floor(sentBefore ?? 0)) + 1;
}

/** Which of the facts IT sees differ between two versions of a case (e.g. the forward and the latest). */
export function changedBetween(before: CaseSummary, after: CaseSummary): ChangedField[] {
  const out: ChangedField[] = [];
  if ((before.fields.requestedDate ?? "") !== (after.fields.requestedDate ?? "")) out.push("requestedDate");
  if ([...before.fields.audiences].sort().join() !== [...after.fields.audiences].sort().join())
    out.push("audiences");
  if (before.fields.subject !== after.fields.subject) out.push("subject");
  if (before.dueDate !== after.dueDate) out.push("dueDate");
  if (before.fields.urgency !== after.fields.urgency) out.push("urgency");
  return out;
}
