import { useCallback, useEffect, useRef, useState } from "react";
import { toAppError } from "../../domain/errors";
import type { SelectedItem } from "../../ports/mailHost";
import { openItem } from "../../workflow/openItem";
import type { OpenedItem } from "../../workflow/openItem";
import type { AsyncState } from "./asyncState";
import { useWorkflow } from "./useWorkflow";

/** What the selected message is to Pregón; reloads when the selection changes or on demand. */
export function useOpenedItem(item: SelectedItem | null | undefined): AsyncState<OpenedItem | null> & {
  reload(): void;
} {
  const ctx = useWorkflow();
  const [state, setState] = useState<AsyncState<OpenedItem | null>>({ isLoading: true });
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
    // A reload of the same message keeps what is shown until the fresh copy arrives (no flicker); another
    // message clears it at once, so nothing stale is ever shown for the wrong message.
    const sameItem = shownItem.current === item;
    shownItem.current = item;
    setState((prev) => (sameItem ? { ...prev, isLoading: true } : { isLoading: true }));
    openItem(ctx, item).then(
      (data) => current && setState({ isLoading: false, data }),
      (e: unknown) => current && setState({ isLoading: false, error: toAppError(e) }),
    );
    return () => {
      current = false;
    };
  }, [ctx, item, generation]);

  return { ...state, reload };
}
