// Retries what is safe to retry, waits as long as Graph asks, and gives up within a bounded budget.
//
// - 429: Graph did not process the request, so any method may be sent again, after Retry-After.
// - 503/504 and dropped connections: the request may have been processed. Only repeatable requests (reads,
//   PUTs, PATCHes of fixed values) are sent again; a POST that sends or creates is handed back as it is, and
//   the adapter reports it as possibly done (see errors.ts) so the workflow looks before resending.
// - Without Retry-After the wait grows exponentially with jitter, so that many panes do not retry in step.
// - At most `maxRetries` retries and `maxTotalWaitMs` of waiting; when the next wait would exceed the budget
//   the last response goes back to the adapter, which reports "throttled"/"unavailable" with the wait asked.
import type { Context } from "@microsoft/microsoft-graph-client";
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
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 3,
  maxTotalWaitMs: 30_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
};

const TRANSIENT_STATUSES = new Set([503, 504]);

export class RetryHandler extends ChainLink {
  constructor(
    private readonly policy: RetryPolicy,
    private readonly clock: Clock,
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
      const delay = this.delayBeforeRetry(context, failure, traits.repeatable, attempt, waitedMs);
      if (delay === undefined) {
        if (failure !== undefined) throw asPipelineError(failure);
        return;
      }
      await discardResponse(context);
      await this.clock.sleep(delay);
      waitedMs += delay;
    }
  }

  /** How long to wait before the next attempt, or undefined to stop here. */
  private delayBeforeRetry(
    context: Context,
    failure: unknown,
    repeatable: boolean,
    attempt: number,
    waitedMs: number,
  ): number | undefined {
    if (attempt >= this.policy.maxRetries) return undefined;
    let delay: number;
    if (failure !== undefined) {
      if (!repeatable) return undefined;
      delay = this.backoff(attempt);
    } else {
      const response = context.response;
      if (!response) return undefined;
      const throttled = response.status === 429;
      const transient = TRANSIENT_STATUSES.has(response.status) && repeatable;
      if (!throttled && !transient) return undefined;
      delay = retryAfterMs(response.headers.get("Retry-After"), this.clock.now()) ?? this.backoff(attempt);
    }
    return waitedMs + delay <= this.policy.maxTotalWaitMs ? delay : undefined;
  }

  /** Exponential step with "equal jitter": between half and all of base·2^attempt, capped. */
  private backoff(attempt: number): number {
    const step = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** attempt);
    return Math.round(step / 2 + (step / 2) * this.clock.random());
  }
}
