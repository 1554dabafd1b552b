// The dashboard's data: every case of the mailbox, from server-side filters on the case properties, page by
// page. Confirmations that arrived since the last look are linked here too, without opening each case.
import { isOverdue } from "../domain/lifecycle";
import type { Case, CaseState } from "../domain/types";
import type { CaseQuery, MailboxId, MailMessage, Page } from "../ports/mailService";
import { storedCaseOf } from "./caseStore";
import type { WorkflowContext } from "./context";
import { calendarOf } from "./context";
import { findConfirmations } from "./confirmations";
import { linkFoundConfirmation } from "./reconcile";
import { evidenceOf } from "../domain/evidenceHeader";

export interface CaseRow {
  messageId: string;
  case: Case;
  overdue: boolean;
}

export interface UnreadableRow {
  messageId: string;
  caseId?: string;
  subject: string;
}

export interface DashboardPage {
  rows: CaseRow[];
  unreadable: UnreadableRow[];
  next?: string;
}

const PAGE_SIZE = 500;

function toPage(ctx: WorkflowContext, page: Page<MailMessage>): DashboardPage {
  const now = ctx.now();
  const calendar = calendarOf(ctx.config);
  const rows: CaseRow[] = [];
  const unreadable: UnreadableRow[] = [];
  for (const message of page.items) {
    const stored = storedCaseOf(message);
    if (stored.status === "ok") {
      rows.push({ messageId: message.id, case: stored.case, overdue: isOverdue(stored.case, now, calendar) });
    } else if (stored.status === "unreadable") {
      unreadable.push({ messageId: message.id, caseId: message.caseProps.caseId, subject: message.subject });
    }
  }
  return { rows, unreadable, next: page.next };
}

/** The dashboard's list query (the self-check finds its test draft with this very filter). */
export function dashboardQuery(states?: CaseState[]): CaseQuery {
  return { kind: "request", states, top: PAGE_SIZE };
}

export async function firstDashboardPage(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  states?: CaseState[],
): Promise<DashboardPage> {
  return toPage(ctx, await ctx.mail.listCases(mailbox, dashboardQuery(states)));
}

export async function nextDashboardPage(ctx: WorkflowContext, next: string): Promise<DashboardPage> {
  return toPage(ctx, await ctx.mail.nextPage(next));
}

/** Overdue first, then by due date, then newest case first. */
export function sortRows(rows: readonly CaseRow[]): CaseRow[] {
  return [...rows].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      a.case.dueDate.localeCompare(b.case.dueDate) ||
      b.case.createdAt.localeCompare(a.case.createdAt),
  );
}

export function matchesSearch(row: CaseRow, query: string): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (q === "") return true;
  const c = row.case;
  return [c.id, c.fields.requestingUnit, c.fields.subject, c.requester.address].some((v) =>
    v.toLocaleLowerCase().includes(q),
  );
}

/**
 * Links IT's confirmations to the cases waiting for them (forwarded or sent), in one query for the whole
 * mailbox. Returns how many cases moved to `confirmed`.
 */
export async function syncConfirmations(
  ctx: WorkflowContext,
  mailbox: MailboxId,
  rows: readonly CaseRow[],
): Promise<number> {
  const waiting = rows.filter((r) => r.case.state === "forwarded" || r.case.state === "sent");
  if (waiting.length === 0) return 0;
  const since = waiting
    .map((r) => r.case.history.find((h) => h.action === "forwarded")?.at ?? r.case.createdAt)
    .reduce((a, b) => (a < b ? a : b));
  const byId = new Map(waiting.map((r) => [r.case.id, r]));
  const found = await findConfirmations(ctx, mailbox, since, new Set(byId.keys()));
  let linked = 0;
  for (const [caseId, confirmation] of found) {
    const row = byId.get(caseId);
    if (!row) continue;
    const result = await linkFoundConfirmation(
      ctx,
      mailbox,
      row.messageId,
      confirmation.message,
      evidenceOf(confirmation.evidence),
    );
    if (result.changed) linked++;
  }
  return linked;
}
