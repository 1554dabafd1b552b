import { useEffect, useState } from "react";
import { toAppError } from "../../domain/errors";
import type { MailboxId } from "../../ports/mailService";
import { refusedSenders } from "../../workflow/it/refusedSenders";
import type { RememberedRefusal } from "../../workflow/it/refusedSenders";
import type { AsyncState } from "./asyncState";
import { useWorkflow } from "./useWorkflow";

/** The senders Exchange refused a mass mail as before (IT's records): what IT's pane warns about before the send. */
export function useRefusedSenders(mailbox: MailboxId): AsyncState<RememberedRefusal[]> {
  const ctx = useWorkflow();
  const [state, setState] = useState<AsyncState<RememberedRefusal[]>>({ isLoading: true });
  useEffect(() => {
    let live = true;
    refusedSenders(ctx, mailbox).then(
      (data) => live && setState({ isLoading: false, data }),
      (e: unknown) => live && setState({ isLoading: false, error: toAppError(e) }),
    );
    return () => {
      live = false;
    };
  }, [ctx, mailbox]);
  return state;
}
