// Scheduled sending with Exchange's deferred delivery: PidTagDeferredSendTime (MAPI tag 0x3FEF, PT_SYSTIME, so
// Graph's id is `SystemTime 0x3FEF`) set on a draft before POST /messages/{id}/send holds the message until that
// UTC instant; an instant already past sends at once ([MS-OXOMSG] 2.2.3.4). Graph's message has no property for
// it, so it is an extended property on the draft (PATCH), never on sendMail or the one-step /reply (reported
// delivered at once: openonion/connectonion#1198, #1416). The held message waits in Drafts, still carrying the
// property, and deleting it there before the time withdraws it (connectonion#183; UseJunior/email-agent-mcp#61).
// Its id after /send is not the draft's (the emulator gives it a new one, the stricter reading), so it is found
// in Drafts by the case id and kind it carries from birth.
import type { Instant } from "../domain/types";
import type { MailboxId, MessageKind, ScheduledSend } from "../ports/mailService";
import { caseFilter } from "./caseQuery";
import type { GraphCollection, GraphMessage } from "./graphTypes";
import { odataString, queryString } from "./odata";
import { messagePath, messagesPath } from "./paths";
import type { GraphTransport } from "./transport";

export const DEFERRED_SEND_TIME_PROPERTY_ID = "SystemTime 0x3FEF";

/** PATCHes the deferred send time onto a draft (a fixed value, so safe to repeat). */
export async function setDeferredSendTime(
  transport: GraphTransport,
  mailbox: MailboxId,
  id: string,
  at: Instant,
): Promise<void> {
  await transport.none({
    method: "PATCH",
    path: messagePath(mailbox, id),
    body: { singleValueExtendedProperties: [{ id: DEFERRED_SEND_TIME_PROPERTY_ID, value: toUtc(at) }] },
  });
}

/** The case's messages of this kind held in Drafts with a deferred send time (scheduled, not yet gone). */
export async function scheduledOfCase(
  transport: GraphTransport,
  mailbox: MailboxId,
  caseId: string,
  kind: MessageKind,
): Promise<ScheduledSend[]> {
  const query = queryString({
    $filter: caseFilter({ caseId, kind }),
    $top: 10,
    $select: "id,internetMessageId,isDraft",
    $expand: `singleValueExtendedProperties($filter=id eq ${odataString(DEFERRED_SEND_TIME_PROPERTY_ID)})`,
  });
  const page = await transport.json<GraphCollection<GraphMessage>>({
    method: "GET",
    path: `${messagesPath(mailbox, "drafts")}${query}`,
  });
  const found: ScheduledSend[] = [];
  for (const message of page.value ?? []) {
    const at = (message.singleValueExtendedProperties ?? []).find(
      (p) => p.id?.toLowerCase() === DEFERRED_SEND_TIME_PROPERTY_ID.toLowerCase(),
    )?.value;
    if (!message.id || !at || !Number.isFinite(Date.parse(at))) continue;
    const held: ScheduledSend = { id: message.id, scheduledFor: new Date(at).toISOString() };
    if (message.internetMessageId) held.internetMessageId = message.internetMessageId;
    found.push(held);
  }
  return found;
}

function toUtc(at: Instant): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");
}
