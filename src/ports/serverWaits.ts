// When the mail server throttles (429) or is unavailable (503/504), the Graph adapter waits before retrying. This
// lets the pane say so while it waits — what for, how long so far and at most — instead of a spinner that seems
// stuck, and lets the person stop waiting. The composition root passes the adapter `notify`
// (GraphMailServiceOptions.onServerWait) and the pane `subscribe` and `stopWaiting`.
//
// Only waits caused by a 429/503/504 answer are announced. Other sleeps of the adapter (looking for the Sent Items
// copy a few seconds after a send, backing off after a dropped connection) are not the server asking anything, and
// announcing them made the notice show on every forward, confirmation and relay.

/** What the waiting request does: reads, writes (a record, a category, a draft's fields), creates an item, sends. */
export type WaitOperation = "read" | "write" | "create" | "send";

export const WAIT_OPERATIONS: readonly WaitOperation[] = ["read", "write", "create", "send"];

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
  /** What the waiting request does. */
  operation: WaitOperation;
  /** How long this request has already waited before this wait, in milliseconds. */
  waitedMs: number;
  /** The most this request waits in all before it gives up (2 min for a 429 by default), in milliseconds. */
  budgetMs: number;
}

export interface ServerWaits {
  /** Called each time a retry is about to wait because of the server's answer. */
  subscribe(listener: (wait: ServerWait) => void): () => void;
  /**
   * Ends every announced wait that is not over: those requests give up at once ("throttled"/"unavailable" with
   * details.stopped = 1). Safe, because the answer that caused the wait means the server did nothing with it.
   */
  stopWaiting(): void;
}

/** Waits shorter than this are over before anyone could read a notice. */
export const NOTICEABLE_WAIT_MS = 1000;

export class WaitNotifier implements ServerWaits {
  private readonly listeners = new Set<(wait: ServerWait) => void>();
  /** The stop of each announced wait, with when (at the latest) it is over. */
  private stops: { stop: () => void; until: number }[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  subscribe(listener: (wait: ServerWait) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stopWaiting(): void {
    const stops = this.stops;
    this.stops = [];
    stops.forEach((s) => s.stop());
  }

  /** Pass this to the Graph adapter as `onServerWait`. */
  readonly notify = (wait: ServerWait, stop?: () => void): void => {
    const now = this.now();
    this.stops = this.stops.filter((s) => s.until > now);
    // A stop after its wait is over does nothing; the slack covers a clock that runs a little late.
    if (stop) this.stops.push({ stop, until: now + wait.ms + 1000 });
    if (wait.ms >= NOTICEABLE_WAIT_MS) this.listeners.forEach((l) => l(wait));
  };
}
