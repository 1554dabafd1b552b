import type { AppError } from "../../domain/errors";

/** Explicit state of something the pane is waiting for. */
export interface AsyncState<T> {
  isLoading: boolean;
  data?: T;
  error?: AppError;
}
