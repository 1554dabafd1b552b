// IT's open cases: forwards from Communications in IT's inbox whose mass mail has not gone out, overdue first.
// The inbox copies carry no Pregón properties until IT's pane writes its record, so the list is found by
// sender and case id in the subject, one query for all.
import { findCaseId } from "../../domain/caseId";
import { toLocalDate, addDays } from "../../domain/dates";
import { decodeItRecord } from "../../domain/itRecord";
import type { MailboxId, MailMessage } from "../../ports/mailService";
import type { WorkflowContext } from "../context";

export interface ItCaseRow {
  caseId: string;
  message: MailMessage;
  state: "received" | "prepared" | "sent" | "confirmed";
  receivedAt?: string;
}

const LOOKBACK_DAYS = 90;

/** The forward holds IT's record; reminders only repeat the id. Prefer the message with a record, then the oldest. */
function isBetter(candidate: ItCaseRow, known: ItCaseRow): boolean {
  const hasRecord = (r: ItCaseRow) => Boolean(r.message.caseProps.itRecord);
  if (hasRecord(candidate) !== hasRecord(known)) return hasRecord(candidate);
  return (candidate.receivedAt ?? "") < (known.receivedAt ?? "");
}

export async function itOpenCases(ctx: WorkflowContext, mailbox: MailboxId): Promise<ItCaseRow[]> {
  const since = `${addDays(toLocalDate(ctx.now(), ctx.config.institution.timeZone), -LOOKBACK_DAYS)}T00:00:00Z`;
  const byCase = new Map<string, ItCaseRow>();
  let page = await ctx.mail.listCases(mailbox, {
    folder: "inbox",
    from: ctx.config.communicationsMailbox,
    receivedSince: since,
    top: 100,
  });
  for (;;) {
    for (const message of page.items) {
      const caseId = findCaseId(message.subject);
      if (!caseId) continue;
      const raw = message.caseProps.itRecord;
      const decoded = raw ? decodeItRecord(raw) : undefined;
      const state = decoded?.ok ? decoded.record.state : "received";
      const row: ItCaseRow = { caseId, message, state, receivedAt: message.receivedAt };
      const known = byCase.get(caseId);
      if (!known || isBetter(row, known)) byCase.set(caseId, row);
    }
    if (!page.next) break;
    page = await ctx.mail.nextPage(page.next);
  }
  return [...byCase.values()]
    .filter((r) => r.state === "received" || r.state === "prepared")
    .sort((a, b) => (a.receivedAt ?? "").localeCompare(b.receivedAt ?? ""));
}
