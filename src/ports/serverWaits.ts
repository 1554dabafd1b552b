// When the mail server throttles (429) or is unavailable (503/504), the Graph adapter waits before retrying. This
// lets the pane say so while it waits, instead of a spinner that seems stuck. The composition root passes the
// adapter `notify` (GraphMailServiceOptions.onServerWait) and the pane `subscribe`.
//
// Only waits caused by a 429/503/504 answer are announced. Other sleeps of the adapter (looking for the Sent Items
// copy a few seconds after a send, backing off after a dropped connection) are not the server asking anything, and
// announcing them made the notice show on every forward, confirmation and relay.

/** One wait before a retry, caused by a 429, 503 or 504 answer. */
export interface ServerWait {
  /** How long the adapter waits, in milliseconds. */
  ms: number;
  status: number;
  /**
   * "server": the answer's Retry-After was readable and the wait is what the server asked.
   * "client": Retry-After was missing or unreadable (a browser cannot read it cross-origin from Graph), so the
   * adapter chose the wait itself (exponential backoff with jitter; at least 2 s on a 429).
   */
  source: "server" | "client";
}

export interface ServerWaits {
  /** Called each time a retry is about to wait because of the server's answer. */
  subscribe(listener: (wait: ServerWait) => void): () => void;
}

/** Waits shorter than this are over before anyone could read a notice. */
export const NOTICEABLE_WAIT_MS = 1000;

export class WaitNotifier implements ServerWaits {
  private readonly listeners = new Set<(wait: ServerWait) => void>();

  subscribe(listener: (wait: ServerWait) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Pass this to the Graph adapter as `onServerWait`. */
  readonly notify = (wait: ServerWait): void => {
    if (wait.ms >= NOTICEABLE_WAIT_MS) this.listeners.forEach((l) => l(wait));
  };
}
