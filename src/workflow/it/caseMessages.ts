// The case protocol, IT's side: every message Communications sends about a case carries the x-pregon-case-id
// header and (since versions) the x-pregon-case header with the case as it stood. One filtered request lists
// them in IT's inbox, newest first (receivedDateTime leads the filter, as Graph's InefficientFilter rule wants;
// see graph/caseQuery.ts): the forward (which holds IT's record) and the latest version (the case as it now is).
import { CASE_HEADER, decodeCaseHeader, latestSummary } from "../../domain/caseHeader";
import type { CaseSummary } from "../../domain/caseHeader";
import type { MailboxId, MailMessage } from "../../ports/mailService";
import type { WorkflowContext } from "../context";

export interface CaseMessage {
  message: MailMessage;
  summary: CaseSummary;
}

export interface CaseMessages {
  /** The forward: the first message of the case (version 1), where IT's record lives. */
  forward?: CaseMessage;
  /** The message with the highest version: the case as it now stands. */
  latest?: CaseMessage;
  /** The highest-version update that changed the message text: its body carries the text (domain/caseText.ts). */
  textUpdate?: CaseMessage;
}

/** Enough for years of reminders and notices on one case; all in one page. */
const CASE_MESSAGES_TOP = 50;

export function caseMessagesIn(messages: readonly MailMessage[], caseId: string): CaseMessages {
  const found: CaseMessage[] = [];
  for (const message of messages) {
    const summary = decodeCaseHeader(message.headers?.[CASE_HEADER]);
    if (summary && summary.id.toUpperCase() === caseId.toUpperCase()) found.push({ message, summary });
  }
  const forwards = found.filter((f) => f.summary.message === "forward");
  // Newest first: the last forward listed is the first one received.
  const forward = forwards.at(-1);
  const textUpdate = latestSummary(
    found.filter((f) => f.summary.message === "update" && f.summary.changed.includes("text")),
  );
  return { forward, latest: latestSummary(found), ...(textUpdate ? { textUpdate } : {}) };
}

export async function findCaseMessages(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  caseId: string,
): Promise<CaseMessages> {
  let page = await ctx.mail.listCases(mailbox, {
    folder: "inbox",
    caseIdHeader: caseId,
    withHeaders: true,
    top: CASE_MESSAGES_TOP,
  });
  const messages = [...page.items];
  // Usually one page. A case with more reminders and notices than a page holds keeps its forward (the oldest)
  // on a later page: follow the pages until it is found, within a bound.
  for (
    let more = 0;
    page.next && !caseMessagesIn(messages, caseId).forward && more < MAX_MORE_PAGES;
    more++
  ) {
    page = await ctx.mail.nextPage(page.next);
    messages.push(...page.items);
  }
  return caseMessagesIn(messages, caseId);
}

const MAX_MORE_PAGES = 10;
