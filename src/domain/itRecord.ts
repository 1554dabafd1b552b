// IT's own record of a case, kept on the forwarded message in IT's mailbox: where the mass-mail draft is,
// who it goes out as, and the evidence of the send and of the confirmation to Communications.
import { z } from "./schema";

export type ItState = "received" | "prepared" | "sent" | "confirmed";

/**
 * Who did a step: the operator (`by`, the person signed in) and the mailbox they acted for (`for`, e.g. tic@
 * when the operator is its delegate). `for` is optional so that records written before it still read; zod's
 * object drops keys it does not know, so a build from before `for` still reads records that have it.
 */
const address = z.string().max(320);

const groupSchema = z.object({ address: z.string().max(320), count: z.number().int().nonnegative() });

const schema = z.object({
  v: z.literal(1),
  caseId: z.string().max(32),
  state: z.enum(["received", "prepared", "sent", "confirmed"]),
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
});

export type ItRecord = z.infer<typeof schema>;
export type ItGroup = z.infer<typeof groupSchema>;

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

export function totalRecipients(groups: readonly ItGroup[]): number {
  return groups.reduce((sum, g) => sum + g.count, 0);
}
