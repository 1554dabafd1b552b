import { useCallback, useEffect, useRef, useState } from "react";
import { toAppError } from "../../domain/errors";
import type { SelectedItem } from "../../ports/mailHost";
import type { AsyncState } from "./asyncState";

/**
 * Loads what the selected message is (to Communications or to IT) and reloads on demand. A reload of the same
 * message keeps what is shown until the fresh copy arrives (no flicker); another message clears it at once, so
 * nothing stale is ever shown for the wrong message. `undefined` = selection not known yet.
 */
export function useItemLoader<T>(
  item: SelectedItem | null | undefined,
  load: (item: SelectedItem) => Promise<T>,
): AsyncState<T | null> & { reload(): void } {
  const [state, setState] = useState<AsyncState<T | null>>({ isLoading: true });
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
    load(item).then(
      (data) => current && setState({ isLoading: false, data }),
      (e: unknown) => current && setState({ isLoading: false, error: toAppError(e) }),
    );
    return () => {
      current = false;
    };
  }, [load, item, generation]);

  return { ...state, reload };
}
