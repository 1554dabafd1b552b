import { useCallback } from "react";
import type { SelectedItem } from "../../ports/mailHost";
import { openItItem } from "../../workflow/it/openItCase";
import type { ItOpened } from "../../workflow/it/openItCase";
import { useItemLoader } from "./useItemLoader";
import { useWorkflow } from "./useWorkflow";

/** What the selected message is to IT. */
export function useItOpened(item: SelectedItem | null | undefined) {
  const ctx = useWorkflow();
  const load = useCallback((selected: SelectedItem): Promise<ItOpened> => openItItem(ctx, selected), [ctx]);
  return useItemLoader(item, load);
}
