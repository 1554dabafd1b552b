import { useEffect, useState } from "react";
import { toAppError } from "../../domain/errors";
import { audienceCounts } from "../../workflow/it/groups";
import type { AudienceCount } from "../../workflow/it/groups";
import type { AsyncState } from "./asyncState";
import { useWorkflow } from "./useWorkflow";

/** Member counts of the configured groups, from the directory. */
export function useAudienceCounts(): AsyncState<AudienceCount[]> {
  const ctx = useWorkflow();
  const [state, setState] = useState<AsyncState<AudienceCount[]>>({ isLoading: true });
  useEffect(() => {
    let current = true;
    audienceCounts(ctx).then(
      (data) => current && setState({ isLoading: false, data }),
      (e: unknown) => current && setState({ isLoading: false, error: toAppError(e) }),
    );
    return () => {
      current = false;
    };
  }, [ctx]);
  return state;
}
