import { useCallback, useEffect, useState } from "react";
import type { MailHost, SelectedItem } from "../../ports/mailHost";
import type { AsyncState } from "./asyncState";
import { toAppError } from "../../domain/errors";

/** The message selected in Outlook; a pinned pane follows the selection. */
export function useSelectedItem(host: MailHost): AsyncState<SelectedItem | null> & { reload(): void } {
  const [state, setState] = useState<AsyncState<SelectedItem | null>>({ isLoading: true });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  useEffect(() => host.onSelectionChanged(reload), [host, reload]);

  useEffect(() => {
    let current = true;
    setState({ isLoading: true });
    host.getSelectedItem().then(
      (data) => current && setState({ isLoading: false, data }),
      (e: unknown) => current && setState({ isLoading: false, error: toAppError(e) }),
    );
    return () => {
      current = false;
    };
  }, [host, generation]);

  return { ...state, reload };
}
