// The middleware chains: authentication → retry → per-mailbox concurrency → timeout → fetch.
//
// Retry sits outside the concurrency limit so that waiting never holds a place; authentication sits outside
// retry so that a token is fetched once per call, not per attempt. Uploads to pre-authenticated URLs use
// the same chain without authentication.
import { HTTPMessageHandler } from "@microsoft/microsoft-graph-client";
import type { Middleware } from "@microsoft/microsoft-graph-client";

import type { AccessTokenProvider } from "../tokenProvider";
import { AuthHandler } from "./authHandler";
import type { Clock } from "./clock";
import { MailboxConcurrencyHandler } from "./concurrencyHandler";
import { linkChain } from "./context";
import { RetryHandler } from "./retryHandler";
import type { RetryPolicy, ServerWaitListener } from "./retryHandler";
import { TimeoutHandler } from "./timeoutHandler";

export interface ChainOptions {
  baseUrl: URL;
  retry: RetryPolicy;
  clock: Clock;
  maxConcurrentPerMailbox: number;
  timeoutMs: number;
  onServerWait?: ServerWaitListener;
}

function transport(options: ChainOptions): Middleware[] {
  return [
    new RetryHandler(options.retry, options.clock, options.onServerWait),
    new MailboxConcurrencyHandler(options.maxConcurrentPerMailbox, options.baseUrl.pathname),
    new TimeoutHandler(options.timeoutMs),
    new HTTPMessageHandler(),
  ];
}

export function graphChain(tokens: AccessTokenProvider, options: ChainOptions): Middleware {
  return linkChain(new AuthHandler(tokens, options.baseUrl.origin), ...transport(options));
}

export function uploadChain(options: ChainOptions): Middleware {
  const [first, ...rest] = transport(options);
  if (!first) throw new Error("empty chain");
  return linkChain(first, ...rest);
}
