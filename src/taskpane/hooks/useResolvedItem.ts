import { useEffect, useState } from "react";
import { toAppError } from "../../domain/errors";
import type { AppError } from "../../domain/errors";
import type { SelectedItem } from "../../ports/mailHost";
import { resolveMailbox, roleOfMailbox } from "../../workflow/resolveMailbox";
import type { PaneRole } from "../../workflow/resolveMailbox";
import { useServices } from "../ServicesContext";
import { useWorkflow } from "./useWorkflow";

export interface ResolvedSelection {
  /** The selected item with the mailbox it really lives in; undefined while not known, null for none. */
  item: SelectedItem | null | undefined;
  /** The pane to show: the item's mailbox's role, else the last one known, else the viewed mailbox's. */
  role: PaneRole;
  error?: AppError;
}

/**
 * Where the selected item lives and so which pane it belongs to (workflow/resolveMailbox.ts). Without an item,
 * or for an item in a personal mailbox, the pane keeps the role it had.
 */
export function useResolvedItem(selected: SelectedItem | null | undefined): ResolvedSelection {
  const ctx = useWorkflow();
  const { config, host } = useServices();
  const [state, setState] = useState<{ item: SelectedItem | null | undefined; error?: AppError }>({
    item: undefined,
  });
  const [lastRole, setLastRole] = useState<PaneRole>();

  useEffect(() => {
    if (selected === undefined || selected === null) {
      setState({ item: selected });
      return;
    }
    let current = true;
    setState({ item: undefined });
    resolveMailbox(ctx, selected).then(
      (resolved) => {
        if (!current) return;
        if (resolved.role) setLastRole(resolved.role);
        setState({ item: resolved.item });
      },
      (e: unknown) => current && setState({ item: undefined, error: toAppError(e) }),
    );
    return () => {
      current = false;
    };
  }, [ctx, selected]);

  const role = lastRole ?? roleOfMailbox(config, host.viewedMailbox) ?? "communications";
  return { ...state, role };
}
