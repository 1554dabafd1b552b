import { useCallback, useEffect, useState } from "react";
import type { AudienceKey } from "../../domain/types";
import { audienceCount, audienceCounts } from "../../workflow/it/groups";
import type { AudienceCount } from "../../workflow/it/groups";
import type { AsyncState } from "./asyncState";
import { useWorkflow } from "./useWorkflow";

export interface AudienceCountsState extends AsyncState<AudienceCount[]> {
  /** Audiences whose count is being asked again. */
  retrying: readonly AudienceKey[];
  /** Asks the directory again for one audience whose count was unavailable. */
  retry(key: AudienceKey): void;
}

/**
 * Member counts of the configured groups, from the directory. Each audience has its own outcome (counted, not
 * in the directory, unavailable): the look-up never fails as a whole, so it never stands in the way of sending.
 */
export function useAudienceCounts(): AudienceCountsState {
  const ctx = useWorkflow();
  const [state, setState] = useState<AsyncState<AudienceCount[]>>({ isLoading: true });
  const [retrying, setRetrying] = useState<AudienceKey[]>([]);
  useEffect(() => {
    let current = true;
    void audienceCounts(ctx).then((data) => current && setState({ isLoading: false, data }));
    return () => {
      current = false;
    };
  }, [ctx]);
  const retry = useCallback(
    (key: AudienceKey) => {
      setRetrying((keys) => (keys.includes(key) ? keys : [...keys, key]));
      void audienceCount(ctx, key).then((fresh) => {
        setRetrying((keys) => keys.filter((k) => k !== key));
        setState((s) => ({ ...s, data: (s.data ?? []).map((c) => (c.key === key ? fresh : c)) }));
      });
    },
    [ctx],
  );
  return { ...state, retrying, retry };
}
