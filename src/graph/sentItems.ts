// Finds the copy Exchange keeps in Sent Items after /send, to return proof of the send.
//
// /send answers 202 Accepted: the message is queued and its Sent Items copy appears a moment later, with
// a new id. The draft's internetMessageId survives the send, so it finds the copy exactly; without one,
// the newest item carrying the case id since just before the send is taken. A lookup that fails or finds
// nothing is not an error: the mail went out, and the caller gets what the draft already told us.
import type { SentResult } from "../ports/mailService";
import type { MailboxId } from "../ports/mailService";
import { propertyEquals } from "./caseQuery";
import type { GraphCollection, GraphMessage } from "./graphTypes";
import { odataString, queryString } from "./odata";
import { messagesPath } from "./paths";
import type { Clock } from "./pipeline/clock";
import { CASE_PROPERTY_IDS } from "./properties";
import type { GraphTransport } from "./transport";

export interface SentLookupPolicy {
  /** Delays before each look (the first gives the transport time to file the copy). */
  delaysMs: readonly number[];
}

export const DEFAULT_SENT_LOOKUP: SentLookupPolicy = { delaysMs: [1_000, 2_000, 4_000] };

const SENT_SELECT = "id,internetMessageId,conversationId,sentDateTime";

export interface SentDraft {
  internetMessageId?: string | null;
  conversationId?: string | null;
}

function sentQuery(draft: SentDraft, caseId: string, sendStartedAt: number): string {
  if (draft.internetMessageId) {
    return queryString({
      $filter: `internetMessageId eq ${odataString(draft.internetMessageId)}`,
      $select: SENT_SELECT,
    });
  }
  // A minute of slack for clock skew between this machine and Exchange.
  const since = new Date(sendStartedAt - 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return queryString({
    $filter: `receivedDateTime ge ${since} and ${propertyEquals(CASE_PROPERTY_IDS.caseId, caseId)}`,
    $orderby: "receivedDateTime desc",
    $top: 1,
    $select: SENT_SELECT,
  });
}

export async function findSentCopy(
  transport: GraphTransport,
  clock: Clock,
  policy: SentLookupPolicy,
  mailbox: MailboxId,
  draft: SentDraft,
  caseId: string,
  sendStartedAt: number,
): Promise<SentResult> {
  const fallback: SentResult = {};
  if (draft.internetMessageId) fallback.internetMessageId = draft.internetMessageId;
  if (draft.conversationId) fallback.conversationId = draft.conversationId;
  const path = `${messagesPath(mailbox, "sentitems")}${sentQuery(draft, caseId, sendStartedAt)}`;
  for (const delay of policy.delaysMs) {
    await clock.sleep(delay);
    let page: GraphCollection<GraphMessage>;
    try {
      page = await transport.json<GraphCollection<GraphMessage>>({ method: "GET", path });
    } catch {
      return fallback;
    }
    const found = page.value?.[0];
    if (found?.id) {
      const result: SentResult = { ...fallback, sentItemId: found.id };
      if (found.internetMessageId) result.internetMessageId = found.internetMessageId;
      if (found.conversationId) result.conversationId = found.conversationId;
      if (found.sentDateTime) result.sentAt = found.sentDateTime;
      return result;
    }
  }
  return fallback;
}
