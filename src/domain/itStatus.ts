// IT's answer to a reminder: where the case stands in IT's mailbox, in one word and a date, sent back on the
// reminder's thread. The facts travel in the x-pregon-it-status header (headers survive delivery; extended
// properties do not), so Communications' pane links the answer to the case like IT's confirmation, and a "sent"
// answer carries the same evidence as a confirmation (when, groups, counts, the mass mail's internetMessageId).
import { CLAIM_STEPS } from "./claim";
import { z } from "./schema";
import { toAscii } from "./caseHeader";
import type { CaseSummary } from "./caseHeader";
import type { ItRecord } from "./itRecord";
import type { DateOnly, Evidence, Instant } from "./types";

export const IT_STATUS_HEADER = "x-pregon-it-status";

/**
 * - notPrepared: nothing prepared yet (`by`: the due date)
 * - prepared: the draft is ready, to be sent by the due date (`by`)
 * - scheduled: the mass mail waits for the requested date and time, still ahead (`on`; `at`: the time it leaves —
 *   held by Exchange when IT scheduled it, or the requested date at the send time when it is prepared)
 * - sent: the mass mail went out (`at`, with the evidence)
 */
export type ItStatus = "notPrepared" | "prepared" | "scheduled" | "sent";
export const IT_STATUSES: readonly ItStatus[] = ["notPrepared", "prepared", "scheduled", "sent"];

const schema = z.object({
  v: z.literal(1),
  status: z.enum(IT_STATUSES as [ItStatus, ...ItStatus[]]),
  /** The date the status names: the due date (notPrepared, prepared) or the requested date (scheduled). */
  on: z.string().max(10).optional(),
  /** When the mass mail went out (sent), or when it is to leave (scheduled; absent in answers of older builds). */
  at: z.iso.datetime({ offset: true }).optional(),
  internetMessageId: z.string().max(400).optional(),
  groups: z
    .array(z.object({ address: z.string().max(320), count: z.number().int().nonnegative().optional() }))
    .max(20)
    .optional(),
  /** The internetMessageId of the reminder answered. */
  reminder: z.string().max(400).optional(),
});

export type ItStatusHeader = z.infer<typeof schema>;

/** What the status needs to know of time besides `today`: the clock, and when a prepared mass mail would leave. */
export interface ItStatusClock {
  now: Date;
  /** The requested date at the institution's send time (domain/schedule.ts), when it is still ahead. */
  requestedAt?: Instant;
}

/**
 * IT's status for an answer, from IT's record and the case as it now stands; `today` in the institution's zone.
 * With `clock`, a mass mail Exchange still holds (scheduled, PidTagDeferredSendTime) is "scheduled" at the time it
 * leaves, not "sent" at the time IT scheduled it; and a prepared one names the time it will be scheduled for.
 */
export function itStatusOf(
  record: ItRecord,
  summary: CaseSummary,
  today: DateOnly,
  clock?: ItStatusClock,
): Omit<ItStatusHeader, "v"> {
  if ((record.state === "sent" || record.state === "confirmed") && record.sent) {
    const leaves = record.sent.scheduledFor;
    if (leaves && clock && Date.parse(leaves) > clock.now.getTime()) {
      const on = summary.fields.requestedDate;
      return { status: "scheduled", at: leaves, ...(on ? { on } : {}) };
    }
    return {
      status: "sent",
      // A scheduled mass mail went out when Exchange let it leave, not when IT scheduled it.
      at: leaves ?? record.sent.at,
      ...(record.sent.internetMessageId ? { internetMessageId: record.sent.internetMessageId } : {}),
      groups: record.groups.map((g) => (g.count === undefined ? { address: g.address } : { ...g })),
    };
  }
  if (record.state === "prepared") {
    const requested = summary.fields.requestedDate;
    if (requested && requested > today) {
      const at = clock?.requestedAt;
      return at ? { status: "scheduled", on: requested, at } : { status: "scheduled", on: requested };
    }
    return { status: "prepared", on: summary.dueDate };
  }
  return { status: "notPrepared", on: summary.dueDate };
}

export function encodeItStatusHeader(h: Omit<ItStatusHeader, "v">): string {
  return toAscii(JSON.stringify({ v: 1, ...h }));
}

export function decodeItStatusHeader(value: string | undefined): ItStatusHeader | null {
  if (!value) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The evidence of a "sent" answer, as a confirmation's (domain/evidenceHeader.ts evidenceOf). */
export function sentEvidenceOf(h: ItStatusHeader): Evidence | undefined {
  if (h.status !== "sent" || !h.at) return undefined;
  const groups = h.groups ?? [];
  return {
    sentAt: h.at,
    ...(h.internetMessageId ? { internetMessageId: h.internetMessageId } : {}),
    groups: groups.map((g) => g.address),
    recipientCount: groups.reduce((sum, g) => sum + (g.count ?? 0), 0),
  };
}

/** The history note of an IT answer: the status and its date, e.g. "scheduled 2026-12-15". */
export function answerNote(h: Pick<ItStatusHeader, "status" | "on" | "at">): string {
  const when: Instant | DateOnly | undefined =
    h.status === "sent" ? h.at : h.status === "scheduled" ? (h.at ?? h.on) : h.on;
  return when ? `${h.status} ${when}` : h.status;
}

/**
 * What IT keeps on the reminder itself (in IT's mailbox): the answer sent to it, and a claim while it is being
 * sent, so that each reminder is answered once whoever presses the button.
 */
const answerRecordSchema = z.object({
  v: z.literal(1),
  caseId: z.string().max(32),
  answered: z
    .object({
      at: z.string().max(40),
      by: z.string().max(320),
      for: z.string().max(320).optional(),
      status: z.enum(IT_STATUSES as [ItStatus, ...ItStatus[]]),
      messageId: z.string().max(400).optional(),
      internetMessageId: z.string().max(400).optional(),
    })
    .optional(),
  claim: z
    .object({
      token: z.string().min(1).max(100),
      step: z.enum(CLAIM_STEPS),
      by: z.string().max(320),
      for: z.string().max(320).optional(),
      since: z.string().max(40),
      draftId: z.string().max(400).optional(),
      internetMessageId: z.string().max(400).optional(),
    })
    .optional(),
});

export type AnswerRecord = z.infer<typeof answerRecordSchema>;

export function encodeAnswerRecord(r: AnswerRecord): string {
  return JSON.stringify(r);
}

/** Null when the value is not understood (then the reminder is treated as unreadable, never overwritten). */
export function decodeAnswerRecord(json: string): AnswerRecord | null {
  try {
    const parsed = answerRecordSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The status an "itAnswered" note names (see `answerNote`); undefined when the note is not one. */
export function answerOfNote(
  note: string | undefined,
): Pick<ItStatusHeader, "status" | "on" | "at"> | undefined {
  const [status, when] = (note ?? "").split(" ", 2);
  if (!status || !(IT_STATUSES as readonly string[]).includes(status)) return undefined;
  const s = status as ItStatus;
  if (!when) return { status: s };
  return s === "sent" ? { status: s, at: when } : { status: s, on: when };
}
