// When the mail server asks to wait (429/503 with Retry-After), the Graph adapter sleeps before retrying. This
// lets the pane say so while it waits, instead of a spinner that seems stuck. The composition root gives the
// adapter `sleep` from here and the pane `subscribe`.
export interface ServerWaits {
  /** Called with the wait in milliseconds each time a retry is about to wait. */
  subscribe(listener: (ms: number) => void): () => void;
}

/** Waits shorter than this are backoff jitter or Sent Items polling, not worth telling anyone about. */
export const NOTICEABLE_WAIT_MS = 1000;

export class WaitNotifier implements ServerWaits {
  private readonly listeners = new Set<(ms: number) => void>();

  subscribe(listener: (ms: number) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A sleep that announces itself first; pass it to the Graph adapter's clock. */
  readonly sleep = (ms: number): Promise<void> => {
    if (ms >= NOTICEABLE_WAIT_MS) this.listeners.forEach((l) => l(ms));
    return new Promise((resolve) => setTimeout(resolve, ms));
  };
}
