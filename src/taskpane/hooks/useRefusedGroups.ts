import { useEffect, useState } from "react";
import { toAppError } from "../../domain/errors";
import type { Case } from "../../domain/types";
import type { MailboxId } from "../../ports/mailService";
import { confirmationSearchStart, refusedGroupsOf } from "../../workflow/deliveryNotice";
import type { AsyncState } from "./asyncState";
import { useWorkflow } from "./useWorkflow";

/** The groups IT's confirmation says refused the mass mail (empty until the case is confirmed). */
export function useRefusedGroups(mailbox: MailboxId, current: Case): AsyncState<string[]> {
  const ctx = useWorkflow();
  const [state, setState] = useState<AsyncState<string[]>>({ isLoading: true });
  const { id, state: caseState } = current;
  const since = confirmationSearchStart(current);
  useEffect(() => {
    let live = true;
    refusedGroupsOf(ctx, mailbox, id, caseState, since).then(
      (data) => live && setState({ isLoading: false, data }),
      (e: unknown) => live && setState({ isLoading: false, error: toAppError(e) }),
    );
    return () => {
      live = false;
    };
  }, [ctx, mailbox, id, caseState, since]);
  return state;
}
