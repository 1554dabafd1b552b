import { useCallback } from "react";
import type { SelectedItem } from "../../ports/mailHost";
import { openItem } from "../../workflow/openItem";
import type { OpenedItem } from "../../workflow/openItem";
import { useItemLoader } from "./useItemLoader";
import { useWorkflow } from "./useWorkflow";

/** What the selected message is to Communications. */
export function useOpenedItem(item: SelectedItem | null | undefined) {
  const ctx = useWorkflow();
  const load = useCallback((selected: SelectedItem): Promise<OpenedItem> => openItem(ctx, selected), [ctx]);
  return useItemLoader(item, load);
}
