// IT's open cases: forwards from Communications in IT's inbox whose mass mail has not gone out, urgent ones
// first, then overdue
// (due dates come from each forward's x-pregon-case header, read in the same list query).
// The inbox copies carry no Pregón properties until IT's pane writes its record, so the list is found by
// sender and case id in the subject, one query for all.
import { findCaseId } from "../../domain/caseId";
import { CASE_HEADER, decodeCaseHeader } from "../../domain/caseHeader";
import type { CaseSummary } from "../../domain/caseHeader";
import type { DateOnly } from "../../domain/types";
import { toLocalDate, addDays } from "../../domain/dates";
import { decodeItRecord } from "../../domain/itRecord";
import type { ItState } from "../../domain/itRecord";
import type { CaseProps, ListField, MailboxId, MailMessage } from "../../ports/mailService";
import type { WorkflowContext } from "../context";

export interface ItCaseRow {
  caseId: string;
  message: MailMessage;
  state: ItState;
  receivedAt?: string;
  /** From the forward's x-pregon-case header; absent on a reminder or an unreadable header. */
  dueDate?: DateOnly;
  overdue: boolean;
  /** The case is marked urgent (x-pregon-case header): it sorts before the other open cases. */
  urgent: boolean;
}

const LOOKBACK_DAYS = 90;
/** Graph's largest page of messages ("$top … within the range of 1 and 1000", list messages). */
export const IT_PAGE_SIZE = 1000;
/** What a row shows or sorts on; the x-pregon-case header comes with internetMessageHeaders. */
export const IT_LIST_FIELDS: readonly ListField[] = ["subject", "receivedAt"];
/** IT's record is the only property the list reads (the state: prepared, sent…). */
export const IT_LIST_PROPS: readonly (keyof CaseProps)[] = ["itRecord"];

/** The forward holds IT's record; reminders only repeat the id. Prefer the message with a record, then the oldest. */
function isBetter(candidate: ItCaseRow, known: ItCaseRow): boolean {
  const hasRecord = (r: ItCaseRow) => Boolean(r.message.caseProps.itRecord);
  if (hasRecord(candidate) !== hasRecord(known)) return hasRecord(candidate);
  return (candidate.receivedAt ?? "") < (known.receivedAt ?? "");
}

export async function itOpenCases(ctx: WorkflowContext, mailbox: MailboxId): Promise<ItCaseRow[]> {
  const today = toLocalDate(ctx.now(), ctx.config.institution.timeZone);
  const since = `${addDays(toLocalDate(ctx.now(), ctx.config.institution.timeZone), -LOOKBACK_DAYS)}T00:00:00Z`;
  const byCase = new Map<string, ItCaseRow>();
  // The case as it now stands: the highest version among its messages (an update moves the due date, a
  // cancellation takes the case off IT's list).
  const latest = new Map<string, CaseSummary>();
  let page = await ctx.mail.listCases(mailbox, {
    folder: "inbox",
    from: ctx.config.communicationsMailbox,
    receivedSince: since,
    withHeaders: true,
    top: IT_PAGE_SIZE,
    fields: IT_LIST_FIELDS,
    props: IT_LIST_PROPS,
  });
  for (;;) {
    for (const message of page.items) {
      const caseId = findCaseId(message.subject);
      if (!caseId) continue;
      const raw = message.caseProps.itRecord;
      const decoded = raw ? decodeItRecord(raw) : undefined;
      const state = decoded?.ok ? decoded.record.state : "received";
      const summary = decodeCaseHeader(message.headers?.[CASE_HEADER]) ?? undefined;
      const newest = latest.get(caseId);
      if (summary && summary.id === caseId && (!newest || summary.version > newest.version))
        latest.set(caseId, summary);
      const dueDate = summary?.dueDate;
      const row: ItCaseRow = {
        caseId,
        message,
        state,
        receivedAt: message.receivedAt,
        dueDate,
        overdue: dueDate !== undefined && dueDate < today,
        urgent: summary?.fields.urgency === "urgent",
      };
      const known = byCase.get(caseId);
      if (!known || isBetter(row, known)) byCase.set(caseId, row);
    }
    if (!page.next) break;
    page = await ctx.mail.nextPage(page.next);
  }
  return [...byCase.values()]
    .map((r) => {
      const now = latest.get(r.caseId);
      return now
        ? {
            ...r,
            dueDate: now.dueDate,
            overdue: now.dueDate < today,
            urgent: now.fields.urgency === "urgent",
          }
        : r;
    })
    .filter((r) => r.state === "received" || r.state === "prepared")
    .filter((r) => !latest.get(r.caseId)?.cancelled)
    .sort(
      (a, b) =>
        Number(b.urgent) - Number(a.urgent) ||
        Number(b.overdue) - Number(a.overdue) ||
        (a.dueDate ?? "9999").localeCompare(b.dueDate ?? "9999") ||
        (a.receivedAt ?? "").localeCompare(b.receivedAt ?? ""),
    );
}
