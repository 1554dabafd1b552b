// Retries what is safe to retry, waits as long as Graph asks, and gives up within a bounded budget.
//
// - 429: Graph did not process the request, so any method may be sent again, after Retry-After.
// - 503/504 and dropped connections: the request may have been processed. Only repeatable requests (reads,
//   PUTs, PATCHes of fixed values) are sent again; a POST that sends or creates is handed back as it is, and
//   the adapter reports it as possibly done (see errors.ts) so the workflow looks before resending.
// - Without a readable Retry-After the wait grows exponentially with jitter, so that many panes do not retry in
//   step; a 429 then waits at least `minThrottleWaitMs`. A browser usually cannot read Graph's Retry-After:
//   Graph does not list it in Access-Control-Expose-Headers (microsoftgraph/microsoft-graph-docs#17488,
//   msgraph-sdk-design#76), so this is the normal path in Outlook, not a corner case.
// - Each wait caused by a 429/503/504 answer is announced (onServerWait) with where it came from, so the pane
//   can say "the server asked to wait N s" or "the server is throttling; waiting N s on our own". Waits after a
//   dropped connection are not the server's doing and are not announced.
// - At most `maxRetries` retries and `maxTotalWaitMs` of waiting; when the next wait would exceed the budget
//   the last response goes back to the adapter, which reports "throttled"/"unavailable" with the wait asked.
import type { Context } from "@microsoft/microsoft-graph-client";
import type { ServerWait } from "../../ports/serverWaits";
import type { Clock } from "./clock";
import { ChainLink, discardResponse } from "./context";
import { asPipelineError } from "./pipelineError";
import { retryAfterMs } from "./retryAfter";
import { traitsOf } from "./requestTraits";

export interface RetryPolicy {
  maxRetries: number;
  /** Cap on the sum of all waits for one request. */
  maxTotalWaitMs: number;
  /** First backoff step when the server gives no Retry-After. */
  baseDelayMs: number;
  /** Cap on one backoff step. */
  maxDelayMs: number;
  /** Least wait after a 429 whose Retry-After cannot be read. */
  minThrottleWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  maxTotalWaitMs: 30_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  minThrottleWaitMs: 2_000,
};

const TRANSIENT_STATUSES = new Set([503, 504]);

export class RetryHandler extends ChainLink {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly clock: Clock,
    private readonly onServerWait?: (wait: ServerWait) => void,
  ) {
    super();
  }

  async execute(context: Context): Promise<void> {
    const traits = traitsOf(context);
    let waitedMs = 0;
    for (let attempt = 0; ; attempt++) {
      let failure: unknown;
      try {
        await this.next.execute(context);
      } catch (e) {
        failure = e;
      }
      const wait = this.waitBeforeRetry(context, failure, traits.repeatable, attempt, waitedMs);
      if (wait === undefined) {
        if (failure !== undefined) throw asPipelineError(failure);
        return;
      }
      await discardResponse(context);
      if (wait.announced) this.onServerWait?.(wait.announced);
      await this.clock.sleep(wait.ms);
      waitedMs += wait.ms;
    }
  }

  /** How long to wait before the next attempt (and what to announce), or undefined to stop here. */
  private waitBeforeRetry(
    context: Context,
    failure: unknown,
    repeatable: boolean,
    attempt: number,
    waitedMs: number,
  ): { ms: number; announced?: ServerWait } | undefined {
    if (attempt >= this.policy.maxRetries) return undefined;
    let wait: { ms: number; announced?: ServerWait };
    if (failure !== undefined) {
      if (!repeatable) return undefined;
      wait = { ms: this.backoff(attempt) };
    } else {
      const response = context.response;
      if (!response) return undefined;
      const throttled = response.status === 429;
      const transient = TRANSIENT_STATUSES.has(response.status) && repeatable;
      if (!throttled && !transient) return undefined;
      const asked = retryAfterMs(response.headers.get("Retry-After"), this.clock.now());
      const ms =
        asked ??
        (throttled ? Math.max(this.policy.minThrottleWaitMs, this.backoff(attempt)) : this.backoff(attempt));
      const source = asked === undefined ? "client" : "server";
      wait = { ms, announced: { ms, status: response.status, source } };
    }
    return waitedMs + wait.ms <= this.policy.maxTotalWaitMs ? wait : undefined;
  }

  /** Exponential step with "equal jitter": between half and all of base·2^attempt, capped. */
  private backoff(attempt: number): number {
    const step = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** attempt);
    return Math.round(step / 2 + (step / 2) * this.clock.random());
  }
}
