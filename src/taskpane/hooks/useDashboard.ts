import { useCallback, useEffect, useState } from "react";
import type { AppError } from "../../domain/errors";
import { toAppError } from "../../domain/errors";
import type { CaseRow, DashboardRows } from "../../workflow/dashboard";
import {
  CaseRowList,
  EMPTY_ROWS,
  firstDashboardPage,
  nextDashboardPage,
  syncConfirmations,
} from "../../workflow/dashboard";
import type { MailboxId } from "../../ports/mailService";
import { useWorkflow } from "./useWorkflow";

export interface DashboardState {
  /** Every case so far, sorted, with what the last page added (for filters that follow it). */
  list: DashboardRows;
  rows: readonly CaseRow[];
  unreadableCount: number;
  forgedCount: number;
  /** True until the last page has arrived; the first rows show before that. */
  isLoading: boolean;
  firstRowsAt?: number;
  linked: number;
  error?: AppError;
  reload(): void;
}

/**
 * Loads every case page by page, showing rows as they come, then links confirmations that have arrived. Each
 * page is merged into the sorted list (CaseRowList): the work per page follows the page, not the list.
 */
export function useDashboard(mailbox: MailboxId): DashboardState {
  const ctx = useWorkflow();
  const [list, setList] = useState<DashboardRows>(EMPTY_ROWS);
  const [isLoading, setLoading] = useState(true);
  const [firstRowsAt, setFirstRowsAt] = useState<number>();
  const [linked, setLinked] = useState(0);
  const [error, setError] = useState<AppError>();
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let current = true;
    const started = performance.now();
    setList(EMPTY_ROWS);
    setLoading(true);
    setError(undefined);
    setFirstRowsAt(undefined);
    (async () => {
      const all = new CaseRowList();
      let page = await firstDashboardPage(ctx, mailbox);
      for (;;) {
        if (!current) return;
        setList(all.add(page));
        setFirstRowsAt((t) => t ?? performance.now() - started);
        if (!page.next) break;
        page = await nextDashboardPage(ctx, page.next);
      }
      const count = await syncConfirmations(ctx, mailbox, all.current.rows);
      if (!current) return;
      setLinked(count);
      if (count > 0) {
        const refreshed = new CaseRowList();
        let again = await firstDashboardPage(ctx, mailbox);
        for (;;) {
          refreshed.add(again);
          if (!again.next) break;
          again = await nextDashboardPage(ctx, again.next);
        }
        if (current) setList(refreshed.current);
      }
    })().then(
      () => current && setLoading(false),
      (e: unknown) => {
        if (!current) return;
        setError(toAppError(e));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [ctx, mailbox, generation]);

  return {
    list,
    rows: list.rows,
    unreadableCount: list.unreadable,
    forgedCount: list.forged,
    isLoading,
    firstRowsAt,
    linked,
    error,
    reload,
  };
}
