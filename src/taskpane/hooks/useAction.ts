import { useCallback, useRef, useState } from "react";
import type { AppError } from "../../domain/errors";
import { toAppError } from "../../domain/errors";

export interface ActionState<T, A extends unknown[] = []> {
  run(...args: A): Promise<T | undefined>;
  /** Runs again with the arguments of the last run (the error bar's "Retry"). */
  retry(): Promise<T | undefined>;
  isRunning: boolean;
  error?: AppError;
  result?: T;
  clearError(): void;
}

/**
 * One button's action: running, done or failed. A click while it runs is ignored here, and the workflow's
 * single-flight makes the effect happen once even across buttons and panes.
 */
export function useAction<T, A extends unknown[] = []>(
  action: (...args: A) => Promise<T>,
  onDone?: (result: T) => void,
): ActionState<T, A> {
  const [isRunning, setRunning] = useState(false);
  const [error, setError] = useState<AppError>();
  const [result, setResult] = useState<T>();
  const running = useRef(false);
  const lastArgs = useRef<A | null>(null);

  const run = useCallback(
    async (...args: A) => {
      if (running.current) return undefined;
      running.current = true;
      lastArgs.current = args;
      setRunning(true);
      setError(undefined);
      try {
        const value = await action(...args);
        setResult(value);
        onDone?.(value);
        return value;
      } catch (e) {
        setError(toAppError(e));
        return undefined;
      } finally {
        running.current = false;
        setRunning(false);
      }
    },
    [action, onDone],
  );
  const retry = useCallback(() => run(...(lastArgs.current ?? ([] as unknown as A))), [run]);

  return { run, retry, isRunning, error, result, clearError: useCallback(() => setError(undefined), []) };
}
