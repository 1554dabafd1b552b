// The forward to IT carries the case's facts in an x- internet header, so IT's pane reads exactly what
// Communications confirmed (headers travel between mailboxes; extended properties do not). ASCII only: other
// characters are escaped as \uXXXX inside the JSON, which JSON.parse restores.
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
});

export interface CaseSummary {
  id: string;
  fields: Omit<CaseFields, "attachmentIds">;
  dueDate: DateOnly;
  requester: MailAddress;
}

export function toAscii(json: string): string {
  return json.replace(/[^\x20-\x7e]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** At most `max` characters (whole code points): the header is written within the bounds its reader accepts. */
function clip(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join("").slice(0, max);
}

export function encodeCaseHeader(c: CaseSummary): string {
  // A subject or a name longer than the schema allows would make the whole header unreadable in IT's pane
  // ("not a forwarded case"); the full values stay in the case record and the forwarded message itself.
  const name = c.requester.name === undefined ? undefined : clip(c.requester.name, 300);
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
    };
  } catch {
    return null;
  }
}
