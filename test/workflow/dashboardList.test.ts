// The dashboard's list while pages arrive (issue 11): each page is sorted on its own and merged into the list,
// the counts and the filtered view grow by what the page adds. Work is counted (comparisons, rows tested by the
// filter), never timed.
import { createCase, forwardCase } from "../../src/domain/lifecycle";
import type { CaseState } from "../../src/domain/types";
import {
  CaseRowList,
  PAGE_SIZE,
  VisibleRows,
  compareRows,
  mergeSorted,
  rowFilter,
  sortRows,
} from "../../src/workflow/dashboard";
import type { CaseRow, DashboardPage } from "../../src/workflow/dashboard";
import { caseIdFor } from "../support/manyCases";
import { DOMAIN, PROFESSIONAL } from "../support/world";

/** A small deterministic generator (no Math.random: the same rows on every run). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

const BASE = createCase({
  id: caseIdFor(0),
  at: "2026-11-01T14:00:00Z",
  by: PROFESSIONAL,
  requester: { name: "Unidad", address: `unidad@${DOMAIN}` },
  fields: {
    requestingUnit: "Unidad",
    desiredSender: "Unidad",
    subject: "Convocatoria",
    audiences: ["estudiantes"],
    urgency: "normal",
    attachmentIds: [],
  },
  dueDate: "2026-12-15",
});
const FORWARDED = forwardCase(BASE, { at: "2026-11-02T14:00:00Z", by: PROFESSIONAL });

/** Rows in the server's order (newest first), with due dates, states and overdue flags spread about. */
function rowsFor(n: number, seed = 7): CaseRow[] {
  const random = lcg(seed);
  return Array.from({ length: n }, (_, i) => {
    const day = 1 + Math.floor(random() * 28);
    const due = `2026-12-${String(day).padStart(2, "0")}`;
    const created = `2026-11-${String(1 + ((n - i) % 28)).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:00:00Z`;
    const state: CaseState = random() < 0.5 ? "forwarded" : "received";
    const source = state === "forwarded" ? FORWARDED : BASE;
    return {
      messageId: `m${i}`,
      case: { ...source, id: caseIdFor(i), dueDate: due, createdAt: created, state },
      overdue: state === "forwarded" && random() < 0.3,
    };
  });
}

function pagesOf(rows: readonly CaseRow[], size = PAGE_SIZE): DashboardPage[] {
  const pages: DashboardPage[] = [];
  for (let i = 0; i < rows.length; i += size) pages.push({ rows: rows.slice(i, i + size), unreadable: [] });
  return pages;
}

function counting<A extends unknown[], R>(
  f: (...args: A) => R,
): { f: (...args: A) => R; calls: () => number } {
  let calls = 0;
  return {
    f: (...args: A) => {
      calls += 1;
      return f(...args);
    },
    calls: () => calls,
  };
}

/** Loads n rows in pages of 1,000 and answers the comparisons it took. */
function comparisonsToLoad(n: number): { comparisons: number; list: CaseRowList; rows: CaseRow[] } {
  const rows = rowsFor(n);
  const compare = counting(compareRows);
  const list = new CaseRowList(compare.f);
  for (const page of pagesOf(rows)) list.add(page);
  return { comparisons: compare.calls(), list, rows };
}

describe("mergeSorted", () => {
  it("gives the order a full sort gives, existing rows first among equals", () => {
    const random = lcg(3);
    for (const [n, k] of [
      [0, 5],
      [5, 0],
      [1, 1],
      [100, 7],
      [7, 100],
      [1000, 1000],
    ] as const) {
      const existing = Array.from({ length: n }, () => Math.floor(random() * 50)).sort((a, b) => a - b);
      const incoming = Array.from({ length: k }, () => Math.floor(random() * 50)).sort((a, b) => a - b);
      const tagged = (xs: number[], tag: string) => xs.map((v) => ({ v, tag }));
      const merged = mergeSorted(tagged(existing, "old"), tagged(incoming, "new"), (a, b) => a.v - b.v);
      expect(merged.map((x) => x.v)).toEqual([...existing, ...incoming].sort((a, b) => a - b));
      for (let i = 1; i < merged.length; i++) {
        const [a, b] = [merged[i - 1], merged[i]];
        if (a && b && a.v === b.v) expect([a.tag, b.tag]).not.toEqual(["new", "old"]);
      }
    }
  });
});

describe("CaseRowList", () => {
  it("ends with the list a full sort gives, counts overdue and unreadable as pages add them, keeps a row once", () => {
    const rows = rowsFor(3_500);
    const list = new CaseRowList();
    const pages = pagesOf(rows);
    pages[1]?.unreadable.push({ messageId: "x", subject: "roto" });
    pages.push({ rows: rows.slice(0, 10), unreadable: [] }); // offset paging may bring a row twice
    for (const page of pages) list.add(page);
    expect(list.current.rows).toEqual(sortRows(rows));
    expect(list.current.overdue).toBe(rows.filter((r) => r.overdue).length);
    expect(list.current.unreadable).toBe(1);
  });

  it("loads 50,000 cases with comparisons that grow like n·log n, not a sort of everything per page", () => {
    const small = comparisonsToLoad(10_000);
    const large = comparisonsToLoad(50_000);
    expect(large.list.current.rows).toEqual(sortRows(large.rows));
    const perRow = (c: number, n: number) => c / n;
    // Re-sorting everything after each page compares a row ~65 times at 10,000 and ~375 times at 50,000 (the
    // cost per row grows with the number of pages); sorting each page and galloping it into the list costs
    // log2(page) + 2·log2(list/page) or so: 13 and 17 a row here.
    expect(perRow(large.comparisons, 50_000)).toBeLessThan(30);
    expect(perRow(large.comparisons, 50_000)).toBeLessThan(1.6 * perRow(small.comparisons, 10_000));
    console.info(
      `CaseRowList comparisons: ${small.comparisons} for 10,000 rows, ${large.comparisons} for 50,000 ` +
        `(${perRow(large.comparisons, 50_000).toFixed(1)} a row)`,
    );
  });
});

describe("VisibleRows", () => {
  it("tests only the rows each page adds while the filter stays, and every row once when it changes", () => {
    const rows = rowsFor(20_000, 11);
    let tested = 0;
    const counted: typeof rowFilter = (state, query) => {
      const keep = rowFilter(state, query);
      return keep
        ? (r) => {
            tested += 1;
            return keep(r);
          }
        : undefined;
    };
    const view = new VisibleRows(counted);
    const list = new CaseRowList();
    let visible: readonly CaseRow[] = [];
    for (const page of pagesOf(rows)) {
      const before = tested;
      visible = view.of(list.add(page), "overdue", "");
      expect(tested - before).toBe(page.rows.length);
      // A render with nothing new tests nothing.
      expect(view.of(list.current, "overdue", "")).toBe(visible);
      expect(tested - before).toBe(page.rows.length);
    }
    expect(tested).toBe(rows.length);
    expect(visible).toEqual(sortRows(rows.filter((r) => r.overdue)));

    const before = tested;
    const searched = view.of(list.current, "all", caseIdFor(4_242));
    expect(tested - before).toBe(rows.length);
    expect(searched.map((r) => r.messageId)).toEqual(["m4242"]);
    // No filter: the list itself, nothing tested or copied.
    expect(view.of(list.current, "all", " ")).toBe(list.current.rows);
  });
});
