// The dashboard's data: every case of the mailbox, from server-side filters on the case properties, page by
// page. Confirmations that arrived since the last look are linked here too, without opening each case.
import { isOpen, isOverdue } from "../domain/lifecycle";
import type { Case, CaseState } from "../domain/types";
import type { CaseProps, CaseQuery, ListField, MailboxId, MailMessage, Page } from "../ports/mailService";
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
  /** Requests carrying a case record copied from another message (caseStore.ts "forged"): listed, never acted on. */
  forged?: UnreadableRow[];
  next?: string;
}

/** Graph's largest page of messages (list messages: "$top … within the range of 1 and 1000"). */
export const PAGE_SIZE = 1000;
/** What a row needs besides its case record: the subject, for a request whose record cannot be read. */
export const DASHBOARD_FIELDS: readonly ListField[] = ["subject", "internetMessageId"];
/** The record is the case; the case id names an unreadable one. The state, due date, history… are not read. */
export const DASHBOARD_PROPS: readonly (keyof CaseProps)[] = ["caseId", "record"];

function toPage(ctx: WorkflowContext, page: Page<MailMessage>): DashboardPage {
  const now = ctx.now();
  const calendar = calendarOf(ctx.config);
  const rows: CaseRow[] = [];
  const unreadable: UnreadableRow[] = [];
  const forged: UnreadableRow[] = [];
  for (const message of page.items) {
    const stored = storedCaseOf(message);
    if (stored.status === "ok") {
      rows.push({ messageId: message.id, case: stored.case, overdue: isOverdue(stored.case, now, calendar) });
    } else if (stored.status === "unreadable") {
      unreadable.push({ messageId: message.id, caseId: message.caseProps.caseId, subject: message.subject });
    } else if (stored.status === "forged") {
      forged.push({ messageId: message.id, caseId: stored.case.id, subject: message.subject });
    }
  }
  return { rows, unreadable, forged, next: page.next };
}

/** The dashboard's list query (the self-check finds its test draft with this very filter). */
export function dashboardQuery(states?: CaseState[]): CaseQuery {
  return { kind: "request", states, top: PAGE_SIZE, fields: DASHBOARD_FIELDS, props: DASHBOARD_PROPS };
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

/** Code-point order: due dates and instants are ISO-8601, where it is the order in time (and cheap). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Closed and cancelled cases: nobody has to act on them, so they come after every open one. */
export function isFinishedRow(row: CaseRow): boolean {
  return !isOpen(row.case.state);
}

/** An open case marked urgent: it comes before the other open ones. A closed urgent case is just closed. */
export function isUrgentOpenRow(row: CaseRow): boolean {
  return !isFinishedRow(row) && row.case.fields.urgency === "urgent";
}

/**
 * The list's order: open cases before closed and cancelled ones; open urgent cases before other open ones (issue
 * 13: they are due within hours); and within each group overdue first, then by due date, then newest case first.
 */
export function compareRows(a: CaseRow, b: CaseRow): number {
  return (
    Number(isFinishedRow(a)) - Number(isFinishedRow(b)) ||
    Number(isUrgentOpenRow(b)) - Number(isUrgentOpenRow(a)) ||
    Number(b.overdue) - Number(a.overdue) ||
    compareText(a.case.dueDate, b.case.dueDate) ||
    compareText(b.case.createdAt, a.case.createdAt)
  );
}

export function sortRows(rows: readonly CaseRow[], compare = compareRows): CaseRow[] {
  return [...rows].sort(compare);
}

/**
 * Merges `incoming` (sorted) into `existing` (sorted) without sorting again: each incoming row finds its place
 * by galloping from where the previous one went (1, 2, 4… rows ahead, then a binary search), so k rows into n
 * cost about k·log(n/k) comparisons, not a sort of n + k. Equal rows keep existing ones first.
 */
export function mergeSorted<T>(
  existing: readonly T[],
  incoming: readonly T[],
  compare: (a: T, b: T) => number,
): T[] {
  if (incoming.length === 0) return existing.slice();
  const out: T[] = new Array<T>(existing.length + incoming.length);
  let written = 0;
  let from = 0;
  for (const item of incoming) {
    // The first index at or after `from` whose row sorts after `item`.
    let step = 1;
    let low = from;
    let high = from;
    while (high < existing.length && compare(existing[high] as T, item) <= 0) {
      low = high + 1;
      high = from + step;
      step *= 2;
    }
    if (high > existing.length) high = existing.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (compare(existing[mid] as T, item) <= 0) low = mid + 1;
      else high = mid;
    }
    for (let i = from; i < low; i++) out[written++] = existing[i] as T;
    out[written++] = item;
    from = low;
  }
  for (let i = from; i < existing.length; i++) out[written++] = existing[i] as T;
  return out;
}

/** The list as it stands while pages arrive. */
export interface DashboardRows {
  /** Every case so far, in the list's order. */
  rows: readonly CaseRow[];
  /** The rows the last page added, in the list's order. */
  added: readonly CaseRow[];
  /** The `rows` these grew from by adding `added` (absent for a list that did not grow from another). */
  grewFrom?: readonly CaseRow[];
  overdue: number;
  unreadable: number;
  /** Requests whose case record was copied from another message (listed as such, never acted on). */
  forged: number;
}

export const EMPTY_ROWS: DashboardRows = { rows: [], added: [], overdue: 0, unreadable: 0, forged: 0 };

/**
 * Gathers the dashboard's pages into one sorted list. Each page is sorted on its own and merged in (see
 * mergeSorted), and the counts grow by what the page adds, so loading n cases costs about n·log n comparisons
 * however many pages they come in, instead of a sort of everything after every page. A message seen twice
 * (offset paging while the mailbox changes) is kept once.
 */
export class CaseRowList {
  private state: DashboardRows = EMPTY_ROWS;
  private readonly seen = new Set<string>();

  constructor(private readonly compare: (a: CaseRow, b: CaseRow) => number = compareRows) {}

  get current(): DashboardRows {
    return this.state;
  }

  add(page: DashboardPage): DashboardRows {
    const fresh = page.rows.filter((r) => !this.seen.has(r.messageId));
    for (const r of fresh) this.seen.add(r.messageId);
    const added = sortRows(fresh, this.compare);
    const previous = this.state;
    this.state = {
      rows: mergeSorted(previous.rows, added, this.compare),
      added,
      grewFrom: previous.rows,
      overdue: previous.overdue + added.filter((r) => r.overdue).length,
      unreadable: previous.unreadable + page.unreadable.length,
      forged: previous.forged + (page.forged?.length ?? 0),
    };
    return this.state;
  }
}

/** A state, every case, the overdue ones, or the open ones (neither closed nor cancelled). */
export type StateFilter = CaseState | "all" | "overdue" | "open";

function matchesState(row: CaseRow, state: StateFilter): boolean {
  if (state === "all") return true;
  if (state === "overdue") return row.overdue;
  if (state === "open") return !isFinishedRow(row);
  return row.case.state === state;
}

/** The dashboard's filter as a predicate; undefined when it keeps every row. */
export function rowFilter(state: StateFilter, query: string): ((row: CaseRow) => boolean) | undefined {
  const q = searchKey(query);
  if (state === "all" && q === "") return undefined;
  return (r) => matchesState(r, state) && matchesKey(r, q);
}

/**
 * The rows the filter lets through, kept up to date as pages arrive: while the filter stays the same and the
 * list only grew, only the added rows are tested and merged in; a new filter tests every row once.
 */
export class VisibleRows {
  private key: string | undefined;
  private source: readonly CaseRow[] | undefined;
  private result: readonly CaseRow[] = [];

  constructor(
    private readonly filterOf: typeof rowFilter = rowFilter,
    private readonly compare: (a: CaseRow, b: CaseRow) => number = compareRows,
  ) {}

  of(list: DashboardRows, state: StateFilter, query: string): readonly CaseRow[] {
    const key = `${state}\u0000${searchKey(query)}`;
    const keep = this.filterOf(state, query);
    if (key === this.key && list.rows === this.source) return this.result;
    if (!keep) this.result = list.rows;
    else if (key === this.key && list.grewFrom !== undefined && list.grewFrom === this.source)
      this.result = mergeSorted(this.result, list.added.filter(keep), this.compare);
    else this.result = list.rows.filter(keep);
    this.key = key;
    this.source = list.rows;
    return this.result;
  }
}

/**
 * Text as the search compares it: without accents or other combining marks (canonical decomposition, marks
 * dropped: "Ingeniería" → "ingenieria", "Ñ" → "n") and in lower case, so that people find a unit however they
 * type it.
 */
export function searchKey(text: string): string {
  return text
    .trim()
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLocaleLowerCase();
}

/** Each row's searchable text, folded once (a query per keystroke over 10,000 rows must not fold them again). */
const rowKeys = new WeakMap<CaseRow, string>();

function rowKey(row: CaseRow): string {
  let key = rowKeys.get(row);
  if (key === undefined) {
    const c = row.case;
    // NUL between fields: a query never matches across two of them.
    key = [c.id, c.fields.requestingUnit, c.fields.subject, c.requester.address]
      .map(searchKey)
      .join("\u0000");
    rowKeys.set(row, key);
  }
  return key;
}

function matchesKey(row: CaseRow, key: string): boolean {
  return key === "" || rowKey(row).includes(key);
}

/** Whether the case's id, unit, subject or requester contains the query, ignoring accents and case. */
export function matchesSearch(row: CaseRow, query: string): boolean {
  return matchesKey(row, searchKey(query));
}

/** How many of these rows are overdue (the count the dashboard shows follows its filter). */
export function overdueCount(rows: readonly CaseRow[]): number {
  let n = 0;
  for (const r of rows) if (r.overdue) n++;
  return n;
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
