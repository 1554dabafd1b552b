import { useCallback, useEffect, useRef, useState } from "react";
import { toAppError } from "../../domain/errors";
import type { SelectedItem } from "../../ports/mailHost";
import { openItItem } from "../../workflow/it/openItCase";
import type { ItOpened } from "../../workflow/it/openItCase";
import type { AsyncState } from "./asyncState";
import { useWorkflow } from "./useWorkflow";

/** What the selected message is to IT; reloads when the selection changes or on demand. */
export function useItOpened(
  item: SelectedItem | null | undefined,
): AsyncState<ItOpened | null> & { reload(): void } {
  const ctx = useWorkflow();
  const [state, setState] = useState<AsyncState<ItOpened | null>>({ isLoading: true });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const shownItem = useRef<SelectedItem | null | undefined>(undefined);

  useEffect(() => {
    if (item === undefined) return;
    if (item === null) {
      setState({ isLoading: false, data: null });
      return;
    }
    let current = true;
    const sameItem = shownItem.current === item;
    shownItem.current = item;
    setState((prev) => (sameItem ? { ...prev, isLoading: true } : { isLoading: true }));
    openItItem(ctx, item).then(
      (data) => current && setState({ isLoading: false, data }),
      (e: unknown) => current && setState({ isLoading: false, error: toAppError(e) }),
    );
    return () => {
      current = false;
    };
  }, [ctx, item, generation]);

  return { ...state, reload };
}
