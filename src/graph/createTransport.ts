// The one way the adapter builds its Graph transport (middleware chain, clock, retries, concurrency, timeout),
// shared by the MailService and the tenant self-check so both talk to Graph exactly alike.
import { graphChain, uploadChain } from "./pipeline/chain";
import { systemClock } from "./pipeline/clock";
import type { Clock } from "./pipeline/clock";
import { DEFAULT_RETRY_POLICY, ServerAnswerWaits } from "./pipeline/retryHandler";
import type { RetryPolicy } from "./pipeline/retryHandler";
import type { ServerWaitListener } from "./pipeline/retryHandler";
import type { AccessTokenProvider } from "./tokenProvider";
import { GraphTransport } from "./transport";

export const DEFAULT_GRAPH_BASE_URL = "https://graph.microsoft.com/v1.0";

export interface TransportOptions {
  /** Graph root including the version; default https://graph.microsoft.com/v1.0. */
  baseUrl?: string;
  retry?: Partial<RetryPolicy>;
  /** Time, sleep and jitter; tests inject a fake. */
  clock?: Partial<Clock>;
  /** Requests in flight per mailbox; Graph allows 4. */
  maxConcurrentPerMailbox?: number;
  /** Per-attempt wait for response headers. */
  timeoutMs?: number;
  /**
   * Told before each wait caused by a 429/503/504 answer (not before the adapter's other pauses, which are
   * nobody's throttling).
   */
  onServerWait?: ServerWaitListener;
}

export function createGraphTransport(
  tokens: AccessTokenProvider,
  options: TransportOptions = {},
): { transport: GraphTransport; clock: Clock } {
  const baseUrl = new URL(options.baseUrl ?? DEFAULT_GRAPH_BASE_URL);
  const clock: Clock = { ...systemClock, ...options.clock };
  const chainOptions = {
    baseUrl,
    clock,
    retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
    maxConcurrentPerMailbox: options.maxConcurrentPerMailbox ?? 4,
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.onServerWait ? { onServerWait: options.onServerWait } : {}),
  };
  const waits = new ServerAnswerWaits(chainOptions.retry, clock, options.onServerWait);
  const transport = new GraphTransport(
    baseUrl,
    graphChain(tokens, chainOptions),
    uploadChain(chainOptions),
    waits,
  );
  return { transport, clock };
}
