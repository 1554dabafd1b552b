import { useCallback, useEffect, useState } from "react";
import type { AppError } from "../../domain/errors";
import { toAppError } from "../../domain/errors";
import type { CaseRow } from "../../workflow/dashboard";
import { firstDashboardPage, nextDashboardPage, syncConfirmations } from "../../workflow/dashboard";
import type { MailboxId } from "../../ports/mailService";
import { useWorkflow } from "./useWorkflow";

export interface DashboardState {
  rows: CaseRow[];
  unreadableCount: number;
  /** True until the last page has arrived; the first rows show before that. */
  isLoading: boolean;
  firstRowsAt?: number;
  linked: number;
  error?: AppError;
  reload(): void;
}

/** Loads every case page by page, showing rows as they come, then links confirmations that have arrived. */
export function useDashboard(mailbox: MailboxId): DashboardState {
  const ctx = useWorkflow();
  const [rows, setRows] = useState<CaseRow[]>([]);
  const [unreadableCount, setUnreadable] = useState(0);
  const [isLoading, setLoading] = useState(true);
  const [firstRowsAt, setFirstRowsAt] = useState<number>();
  const [linked, setLinked] = useState(0);
  const [error, setError] = useState<AppError>();
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => {
    let current = true;
    const started = performance.now();
    setRows([]);
    setUnreadable(0);
    setLoading(true);
    setError(undefined);
    setFirstRowsAt(undefined);
    (async () => {
      const all: CaseRow[] = [];
      let page = await firstDashboardPage(ctx, mailbox);
      for (;;) {
        if (!current) return;
        all.push(...page.rows);
        setRows([...all]);
        setUnreadable((n) => n + page.unreadable.length);
        setFirstRowsAt((t) => t ?? performance.now() - started);
        if (!page.next) break;
        page = await nextDashboardPage(ctx, page.next);
      }
      const count = await syncConfirmations(ctx, mailbox, all);
      if (!current) return;
      setLinked(count);
      if (count > 0) {
        const refreshed: CaseRow[] = [];
        let again = await firstDashboardPage(ctx, mailbox);
        for (;;) {
          refreshed.push(...again.rows);
          if (!again.next) break;
          again = await nextDashboardPage(ctx, again.next);
        }
        if (current) setRows(refreshed);
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

  return { rows, unreadableCount, isLoading, firstRowsAt, linked, error, reload };
}
