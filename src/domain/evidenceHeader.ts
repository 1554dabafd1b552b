// IT's confirmation carries its evidence twice: readable in the body, and machine-readable in an x- internet
// header that survives delivery to the Communications mailbox (extended properties do not travel between
// mailboxes; headers do). Header values must be ASCII, so the JSON is escaped to \u sequences.
import { z } from "./schema";
import { toAscii } from "./caseHeader";
import { CONTENT_FINDING_CODES } from "./policy/contentFindings";
import type { Evidence } from "./types";

export const EVIDENCE_HEADER = "x-pregon-evidence";
export const CASE_ID_HEADER = "x-pregon-case-id";

const schema = z.object({
  v: z.literal(1),
  sentAt: z.iso.datetime({ offset: true }),
  internetMessageId: z.string().max(400).optional(),
  /** When Exchange lets the mass mail leave, when IT scheduled it (deferred delivery); absent when it left at once. */
  scheduledFor: z.iso.datetime({ offset: true }).optional(),
  groups: z
    .array(z.object({ address: z.string().max(320), count: z.number().int().nonnegative().optional() }))
    .max(20),
  /** Groups that refused the mass mail (Exchange sent IT a non-delivery report naming them). */
  refused: z.array(z.string().max(320)).max(20).optional(),
  /** Who approved IT's test send (the requester) and when, when someone did (workflow/it/testSend.ts). */
  approvedBy: z.string().max(320).optional(),
  approvedAt: z.iso.datetime({ offset: true }).optional(),
  /** The content checks' findings IT sent the mass mail with anyway (codes), for Communications' register. */
  contentWarnings: z.array(z.enum(CONTENT_FINDING_CODES)).max(20).optional(),
});

export type EvidenceHeader = z.infer<typeof schema>;

export function encodeEvidenceHeader(e: Omit<EvidenceHeader, "v">): string {
  return toAscii(JSON.stringify({ v: 1, ...e }));
}

/** Null when absent or not understood: the caller then treats the reply as unconfirmed rather than guessing. */
export function decodeEvidenceHeader(value: string | undefined): EvidenceHeader | null {
  if (!value) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function evidenceOf(header: EvidenceHeader): Evidence {
  return {
    sentAt: header.sentAt,
    ...(header.scheduledFor ? { scheduledFor: header.scheduledFor } : {}),
    internetMessageId: header.internetMessageId,
    groups: header.groups.map((g) => g.address),
    recipientCount: header.groups.reduce((sum, g) => sum + (g.count ?? 0), 0),
    ...(header.approvedBy && header.approvedAt
      ? { approvedBy: header.approvedBy, approvedAt: header.approvedAt }
      : {}),
    ...(header.contentWarnings && header.contentWarnings.length > 0
      ? { contentWarnings: [...header.contentWarnings] }
      : {}),
  };
}
