// IT's own record of a case, kept on the forwarded message in IT's mailbox: where the mass-mail draft is,
// who it goes out as, and the evidence of the send and of the confirmation to Communications.
import { CLAIM_STEPS } from "./claim";
import { CONTENT_FINDING_CODES } from "./policy/contentFindings";
import { z } from "./schema";

/** IT's steps on a case (domain/itLifecycle.ts says which changes are legal). */
export const IT_STATES = ["received", "prepared", "sent", "confirmed", "refused", "cancelled"] as const;
export type ItState = (typeof IT_STATES)[number];

/** What IT's history records: the lifecycle's transitions (domain/itLifecycle.ts). */
export const IT_ACTIONS = [
  "prepared",
  "sent",
  "confirmed",
  "refused",
  "cancelled",
  "withdrawn",
  /** IT sent the test copy of the mass mail to the requester and Communications (not a state change). */
  "testSent",
  /** The requester answered the test: approved, or changes asked (the note keeps their text). */
  "testApproved",
  "testChangesAsked",
] as const;
export type ItAction = (typeof IT_ACTIONS)[number];

/**
 * Who did a step: the operator (`by`, the person signed in) and the mailbox they acted for (`for`, e.g. tic@
 * when the operator is its delegate). `for` is optional so that records written before it still read; zod's
 * object drops keys it does not know, so a build from before `for` still reads records that have it.
 */
const address = z.string().max(320);

/** At most this many entries in IT's history (a few withdrawn scheduled sends and their re-sends fit). */
export const MAX_IT_HISTORY = 30;

/** At most this many test rounds per case (each one adds to the history, which is bounded). */
export const MAX_TEST_ROUNDS = 5;

/** `count` is absent when the directory could not say (a dynamic distribution group, or a failed look-up). */
const groupSchema = z.object({
  address: z.string().max(320),
  count: z.number().int().nonnegative().optional(),
});

/**
 * A group that did not take the mass mail although the send was accepted: Exchange answered with a
 * non-delivery report ("refused": the group accepts mail only from listed senders). `reportId` is the report's
 * Graph id in IT's mailbox.
 */
const deliveryProblemSchema = z.object({
  address: z.string().max(320),
  kind: z.enum(["refused"]),
  at: z.string().max(40),
  reportId: z.string().max(400).optional(),
});

/** Exchange refused to send as `address` (no Send As for the operator `by`), at `at`. */
const sendAsRefusalSchema = z.object({
  address: z.string().max(320),
  name: z.string().max(300).optional(),
  at: z.string().max(40),
  by: address,
  for: address.optional(),
});

/** One transition of IT's lifecycle: who (and for which mailbox), when, what; the note says why (refused). */
const itEntrySchema = z.object({
  at: z.string().max(40),
  by: address,
  for: address.optional(),
  action: z.enum(IT_ACTIONS),
  note: z.string().max(1000).optional(),
});

/** Why IT's work on the case stopped before the send (refused by IT, or cancelled by Communications). */
const stopSchema = z.object({
  at: z.string().max(40),
  by: address,
  for: address.optional(),
  reason: z.string().max(1000),
});

/**
 * IT's test send: a copy of the prepared mass mail, marked [PRUEBA]/[TEST], to the requester and Communications
 * (never to the groups). The latest round's: after changes asked, IT sends the corrected draft as a new round
 * (round 2 is marked [PRUEBA 2]); each round is sent exactly once, like the mass mail. The earlier rounds are in
 * the history (testSent entries).
 */
const testSendSchema = z.object({
  /** Which test this is, 1 for the first; absent on records written before rounds (then 1). */
  round: z.number().int().min(1).max(MAX_TEST_ROUNDS).optional(),
  at: z.string().max(40),
  by: address,
  for: address.optional(),
  to: z.array(address).max(5),
  internetMessageId: z.string().max(400).optional(),
  sentItemId: z.string().max(400).optional(),
});

/** The requester's answer to the test send (domain/testApproval.ts decides which). */
const testReplySchema = z.object({
  /** When the reply was received. */
  at: z.string().max(40),
  /** The test round it answers (from the mark in its subject); absent on records written before rounds (then 1). */
  round: z.number().int().min(1).max(MAX_TEST_ROUNDS).optional(),
  from: address,
  verdict: z.enum(["approved", "changesAsked"]),
  /** The reply's own words (quoted text left out), clipped. */
  text: z.string().max(1000),
  /** The reply's Graph id in IT's mailbox. */
  messageId: z.string().max(400),
});

const schema = z.object({
  v: z.literal(1),
  caseId: z.string().max(32),
  state: z.enum(IT_STATES),
  draftId: z.string().max(400).optional(),
  sender: z.object({ name: z.string().max(300).optional(), address: z.string().max(320) }).optional(),
  /** True when the requested sender could not be used and the institutional sender was. */
  senderFallback: z.boolean().optional(),
  groups: z.array(groupSchema).max(20),
  sent: z
    .object({
      at: z.string().max(40),
      by: address,
      for: address.optional(),
      internetMessageId: z.string().max(400).optional(),
      sentItemId: z.string().max(400).optional(),
      /** The mass mail's conversation (from its draft), where Exchange files the reports about it. */
      conversationId: z.string().max(400).optional(),
      /**
       * When Exchange lets it leave (deferred delivery, PidTagDeferredSendTime): until then it is held in IT's
       * Drafts and can be withdrawn. Absent for a send that left at once.
       */
      scheduledFor: z.string().max(40).optional(),
      /** Why IT sent before the requested date and time (required then; also in the history's note). */
      earlyReason: z.string().max(1000).optional(),
      /** The content checks' findings the mail went out with anyway (their codes, once each, in list order). */
      contentWarnings: z.array(z.enum(CONTENT_FINDING_CODES)).max(20).optional(),
    })
    .optional(),
  /** The last scheduled send IT withdrew before it left: when it was due, and why it was withdrawn. */
  withdrawn: z
    .object({
      at: z.string().max(40),
      by: address,
      for: address.optional(),
      scheduledFor: z.string().max(40),
      reason: z.string().max(1000).optional(),
    })
    .optional(),
  confirmed: z
    .object({
      at: z.string().max(40),
      by: address,
      for: address.optional(),
      messageId: z.string().max(400).optional(),
    })
    .optional(),
  deliveryProblems: z.array(deliveryProblemSchema).max(20).optional(),
  /**
   * The last time Exchange refused to send this case's mass mail as its sender (Graph 403 ErrorSendAsDenied: the
   * operator has no Send As on that address). Kept so that IT's pane says so BEFORE the next send as that sender,
   * on this case and on others (workflow/it/refusedSenders.ts). Optional, so records written before it still read.
   */
  sendAsRefused: sendAsRefusalSchema.optional(),
  refused: stopSchema.optional(),
  cancelled: stopSchema.optional(),
  /** IT's test send and the requester's answer; optional, so records written before them still read. */
  testSend: testSendSchema.optional(),
  testReply: testReplySchema.optional(),
  /**
   * IT's transitions, oldest first. Optional so that records written before it still read. Each state is
   * entered once except after a withdrawn scheduled send (prepared and sent again), so it stays small.
   */
  history: z.array(itEntrySchema).max(MAX_IT_HISTORY).optional(),
  /** Someone is doing a once-per-case step right now (domain/claim.ts); optional, so older records read. */
  claim: z
    .object({
      token: z.string().min(1).max(100),
      step: z.enum(CLAIM_STEPS),
      by: address,
      for: address.optional(),
      since: z.string().max(40),
      draftId: z.string().max(400).optional(),
      internetMessageId: z.string().max(400).optional(),
    })
    .optional(),
});

export type ItRecord = z.infer<typeof schema>;
export type ItGroup = z.infer<typeof groupSchema>;
export type DeliveryProblem = z.infer<typeof deliveryProblemSchema>;
export type SendAsRefusal = z.infer<typeof sendAsRefusalSchema>;
export type ItTestSend = z.infer<typeof testSendSchema>;
export type ItTestReply = z.infer<typeof testReplySchema>;
export type ItHistoryEntry = z.infer<typeof itEntrySchema>;

export function encodeItRecord(r: ItRecord): string {
  return JSON.stringify(r);
}

export type ItRecordResult = { ok: true; record: ItRecord } | { ok: false; detail: string };

export function decodeItRecord(json: string): ItRecordResult {
  try {
    const parsed = schema.safeParse(JSON.parse(json));
    return parsed.success
      ? { ok: true, record: parsed.data }
      : { ok: false, detail: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
  } catch (e) {
    return { ok: false, detail: e instanceof Error ? e.message : String(e) };
  }
}

/** The sum of the counts the directory gave; groups without a count add nothing (see `hasUnknownCount`). */
export function totalRecipients(groups: readonly ItGroup[]): number {
  return groups.reduce((sum, g) => sum + (g.count ?? 0), 0);
}

export function hasUnknownCount(groups: readonly ItGroup[]): boolean {
  return groups.some((g) => g.count === undefined);
}

/**
 * Adds the problems not yet recorded (one per group address); the same record when nothing is new, so an
 * unchanged record is not written again.
 */
export function withDeliveryProblems(record: ItRecord, found: readonly DeliveryProblem[]): ItRecord {
  const known = new Set((record.deliveryProblems ?? []).map((p) => p.address.toLowerCase()));
  const fresh = found.filter((p) => {
    const key = p.address.toLowerCase();
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  if (fresh.length === 0) return record;
  return { ...record, deliveryProblems: [...(record.deliveryProblems ?? []), ...fresh] };
}
