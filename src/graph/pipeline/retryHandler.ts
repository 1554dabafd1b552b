// Retries what is safe to retry, waits as long as Graph asks, and gives up within a bounded budget.
//
// - 429: Graph did not process the request, so any method may be sent again, after Retry-After. Graph's advice
//   is to keep retrying after each Retry-After until the request succeeds (learn.microsoft.com/graph/throttling),
//   so a 429 is retried for a budget of time (`maxThrottleWaitMs` of waiting per request, 2 min by default), not
//   for a number of attempts: four 429s in a row are ordinary under load and must not fail a whole step.
// - 503/504 and dropped connections: the request may have been processed. Only repeatable requests (reads,
//   PUTs, PATCHes of fixed values) are sent again, at most `maxRetries` times within `maxTotalWaitMs`; a POST that
//   sends or creates is handed back as it is, and the adapter reports it as possibly done (see errors.ts) so the
//   workflow looks before resending.
// - Without a readable Retry-After the wait grows exponentially with jitter, so that many panes do not retry in
//   step; a 429 then waits at least `minThrottleWaitMs`. A browser usually cannot read Graph's Retry-After:
//   Graph does not list it in Access-Control-Expose-Headers (microsoftgraph/microsoft-graph-docs#17488,
//   msgraph-sdk-design#76), so this is the normal path in Outlook, not a corner case.
// - Each wait caused by a 429/503/504 answer is announced (onServerWait) with where it came from, what the
//   request does, how long this request has waited and its budget, so the pane can say what it waits for; with
//   it comes `stop`, which ends the wait at once and gives up as if the budget had ended (safe: a 429/503 means
//   Graph did nothing with that attempt). Waits after a dropped connection are not the server's doing and are
//   not announced.
// - When the next wait of a 429 would pass the budget, the request ends in a "throttled" AppError naming how
//   long it waited (details.waitedSeconds, details.budgetSeconds); a 503/504 past its count or budget goes back
//   to the adapter, which reports "unavailable".
import type { Context } from "@microsoft/microsoft-graph-client";
import { AppError } from "../../domain/errors";
import type { ServerWait, WaitOperation } from "../../ports/serverWaits";
import { errorFromResponse } from "../errors";
import type { Clock } from "./clock";
import { ChainLink, discardResponse } from "./context";
import { asPipelineError } from "./pipelineError";
import { retryAfterMs } from "./retryAfter";
import { traitsOf } from "./requestTraits";
import type { RequestTraits } from "./requestTraits";

export interface RetryPolicy {
  /** Retries after a 503/504 or a dropped connection (repeatable requests only). A 429 is not counted here. */
  maxRetries: number;
  /** Cap on the sum of all waits for one request that meets 503/504 or dropped connections. */
  maxTotalWaitMs: number;
  /** Cap on the sum of all waits for one request while Graph throttles it (429): a budget of time, not of tries. */
  maxThrottleWaitMs: number;
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
  maxThrottleWaitMs: 120_000,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  minThrottleWaitMs: 2_000,
};

/** Told before each wait caused by the server's answer; calling `stop` ends that wait and gives up. */
export type ServerWaitListener = (wait: ServerWait, stop: () => void) => void;

const TRANSIENT_STATUSES = new Set([503, 504]);
/** A Retry-After of 0 is honoured, but counts this much against the budget so that the budget always ends. */
const LEAST_CHARGE_MS = 1_000;

export function freshProgress(): Progress {
  return { transient: 0, throttled: 0, waitedMs: 0, chargedMs: 0 };
}

/** Counts a finished wait against the request's budgets. */
export function chargeWait(progress: Progress, decision: { ms: number; throttled: boolean }): void {
  progress.chargedMs += decision.throttled ? Math.max(decision.ms, LEAST_CHARGE_MS) : decision.ms;
  if (decision.throttled) progress.throttled += 1;
  else progress.transient += 1;
}

/**
 * The policy, clock and listener of one transport, so that whatever waits on Graph's answer (a request here, a
 * $batch step in ../batch.ts) waits by the same rules, within the same budgets, and is announced alike.
 */
export class ServerAnswerWaits {
  constructor(
    readonly policy: RetryPolicy,
    readonly clock: Clock,
    private readonly onServerWait?: ServerWaitListener,
  ) {}

  /** After an answer with this status and Retry-After: return it as it is, give up throttled, or wait. */
  decide(
    status: number,
    retryAfter: string | null,
    repeatable: boolean,
    operation: WaitOperation,
    progress: Progress,
  ): Decision {
    const throttled = status === 429;
    const transient = TRANSIENT_STATUSES.has(status) && repeatable;
    if (!throttled && !transient) return { kind: "stop" };
    if (transient && progress.transient >= this.policy.maxRetries) return { kind: "stop" };
    const asked = retryAfterMs(retryAfter, this.clock.now());
    const ms = throttled
      ? (asked ?? Math.max(this.policy.minThrottleWaitMs, this.backoff(progress.throttled)))
      : (asked ?? this.backoff(progress.transient));
    const budgetMs = throttled ? this.policy.maxThrottleWaitMs : this.policy.maxTotalWaitMs;
    if (progress.chargedMs + Math.max(ms, throttled ? LEAST_CHARGE_MS : 0) > budgetMs)
      return throttled ? { kind: "giveUpThrottled" } : { kind: "stop" };
    const announced: ServerWait = {
      ms,
      status,
      source: asked === undefined ? "client" : "server",
      operation,
      waitedMs: progress.waitedMs,
      budgetMs,
    };
    return { kind: "wait", ms, throttled, announced };
  }

  /** Sleeps the decided wait, unless whoever was told about it says stop first. */
  async sleep(decision: {
    ms: number;
    announced?: ServerWait;
  }): Promise<{ stopped: boolean; sleptMs: number }> {
    const announced = decision.announced;
    if (!announced || !this.onServerWait) {
      await this.clock.sleep(decision.ms);
      return { stopped: false, sleptMs: decision.ms };
    }
    const started = this.clock.now();
    let stop: () => void = () => undefined;
    let over = false;
    const stopped = new Promise<true>((resolve) => {
      stop = () => {
        if (!over) resolve(true);
      };
    });
    this.onServerWait(announced, () => stop());
    const result = await Promise.race([this.clock.sleep(decision.ms).then(() => false as const), stopped]);
    over = true;
    if (!result) return { stopped: false, sleptMs: decision.ms };
    return { stopped: true, sleptMs: Math.max(0, Math.min(decision.ms, this.clock.now() - started)) };
  }

  /** Exponential step with "equal jitter": between half and all of base·2^attempt, capped. */
  backoff(attempt: number): number {
    const step = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** attempt);
    return Math.round(step / 2 + (step / 2) * this.clock.random());
  }
}

export interface Progress {
  /** Retries so far after 503/504/dropped connections. */
  transient: number;
  /** Retries so far after 429s. */
  throttled: number;
  /** Waited so far for this request, in ms. */
  waitedMs: number;
  /** What the waits have cost against the budgets (a 0 s wait costs LEAST_CHARGE_MS). */
  chargedMs: number;
}

export type Decision =
  | { kind: "stop" }
  | { kind: "giveUpThrottled" }
  | { kind: "wait"; ms: number; throttled: boolean; announced?: ServerWait };

export class RetryHandler extends ChainLink {
  private readonly waits: ServerAnswerWaits;

  constructor(policy: RetryPolicy, clock: Clock, onServerWait?: ServerWaitListener) {
    super();
    this.waits = new ServerAnswerWaits(policy, clock, onServerWait);
  }

  async execute(context: Context): Promise<void> {
    const traits = traitsOf(context);
    const operation = operationOf(context, traits);
    const progress = freshProgress();
    for (;;) {
      let failure: unknown;
      try {
        await this.next.execute(context);
      } catch (e) {
        failure = e;
      }
      const decision = this.decide(context, failure, traits.repeatable, operation, progress);
      if (decision.kind === "giveUpThrottled")
        throw asPipelineError(await this.throttledError(context, traits, progress));
      if (decision.kind === "stop") {
        if (failure !== undefined) throw asPipelineError(failure);
        return;
      }
      const status = context.response?.status;
      await discardResponse(context);
      const stopped = await this.waits.sleep(decision);
      progress.waitedMs += stopped.sleptMs;
      if (stopped.stopped) throw asPipelineError(stoppedError(status ?? 0, progress, this.waits.policy));
      chargeWait(progress, decision);
    }
  }

  /** What to do after this attempt: return it as it is, give up throttled, or wait and try again. */
  private decide(
    context: Context,
    failure: unknown,
    repeatable: boolean,
    operation: WaitOperation,
    progress: Progress,
  ): Decision {
    const policy = this.waits.policy;
    if (failure !== undefined) {
      if (!repeatable || progress.transient >= policy.maxRetries) return { kind: "stop" };
      const ms = this.waits.backoff(progress.transient);
      const fits = progress.chargedMs + ms <= policy.maxTotalWaitMs;
      return fits ? { kind: "wait", ms, throttled: false } : { kind: "stop" };
    }
    const response = context.response;
    if (!response) return { kind: "stop" };
    return this.waits.decide(
      response.status,
      response.headers.get("Retry-After"),
      repeatable,
      operation,
      progress,
    );
  }

  /** The 429's own error (Graph's code and request id) with how long this request waited and its budget. */
  private async throttledError(
    context: Context,
    traits: RequestTraits,
    progress: Progress,
  ): Promise<AppError> {
    const response = context.response;
    const base = response
      ? await errorFromResponse(response, traits)
      : new AppError("throttled", "Microsoft Graph kept throttling");
    context.response = undefined;
    return throttledAfterWaiting(base, progress, this.waits.policy);
  }
}

/** A 429's error with how long its request waited and its budget. */
export function throttledAfterWaiting(base: AppError, progress: Progress, policy: RetryPolicy): AppError {
  return new AppError("throttled", base.message, {
    cause: base,
    details: {
      ...base.details,
      waitedSeconds: Math.round(progress.waitedMs / 1000),
      budgetSeconds: Math.round(policy.maxThrottleWaitMs / 1000),
    },
  });
}

/** The person stopped waiting: the attempt that was answered 429/503/504 did nothing on the server. */
export function stoppedError(status: number, progress: Progress, policy: RetryPolicy): AppError {
  const throttled = status === 429;
  return new AppError(throttled ? "throttled" : "unavailable", "Stopped waiting for Microsoft Graph", {
    details: {
      status,
      stopped: 1,
      waitedSeconds: Math.round(progress.waitedMs / 1000),
      budgetSeconds: Math.round((throttled ? policy.maxThrottleWaitMs : policy.maxTotalWaitMs) / 1000),
    },
  });
}

/** What the waiting request does, in the words the pane uses: it sends mail, creates an item, reads or writes. */
function operationOf(context: Context, traits: RequestTraits): WaitOperation {
  return waitOperation(context.options?.method ?? "GET", traits);
}

/** The same, for a method and traits (a $batch step). */
export function waitOperation(methodName: string, traits: RequestTraits): WaitOperation {
  if (traits.effect === "delivers") return "send";
  if (traits.effect === "creates") return "create";
  const method = methodName.toUpperCase();
  return method === "GET" || method === "HEAD" ? "read" : "write";
}
