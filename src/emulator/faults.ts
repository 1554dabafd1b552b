// Fault injection: rules that make matching requests slow, throttled, unavailable, or "succeed on the server
// but fail on the wire" (the case that proves a client never sends twice after a dropped connection).

export type FaultEffect =
  /** 429 with Retry-After (seconds), the request is not executed. */
  | { kind: "throttle"; retryAfterSeconds: number }
  /** 503, optionally with Retry-After; the request is not executed. */
  | { kind: "unavailable"; retryAfterSeconds?: number }
  /** Extra latency before the request runs; combines with the other effects. */
  | { kind: "latency"; ms: number }
  /** The request runs and changes state, then the client gets a 503 or a dropped connection instead. */
  | { kind: "failAfterEffect"; as: "503" | "drop" };

export interface FaultRuleSpec {
  /** HTTP method to match; any method when absent. */
  method?: string;
  /** Substring of the decoded request URL, or a pattern tested against it. */
  url: string | RegExp;
  effect: FaultEffect;
  /** Apply to this many matching requests, then stop; always when absent. */
  times?: number;
  label?: string;
}

export interface FaultRule extends FaultRuleSpec {
  id: string;
  /** Remaining applications; null means unlimited. */
  remaining: number | null;
  hits: number;
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private nextId = 1;

  add(spec: FaultRuleSpec): FaultRule {
    const rule: FaultRule = { ...spec, id: `fault-${this.nextId}`, remaining: spec.times ?? null, hits: 0 };
    this.nextId += 1;
    this.rules.push(rule);
    return { ...rule };
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map((rule) => ({ ...rule }));
  }

  /** The rules that apply to this request, consuming one use of each (exhausted rules are removed). */
  take(method: string, url: string): FaultRule[] {
    const applied: FaultRule[] = [];
    for (const rule of this.rules) {
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (!urlMatches(rule.url, url)) continue;
      rule.hits += 1;
      if (rule.remaining !== null) rule.remaining -= 1;
      applied.push({ ...rule });
    }
    this.rules = this.rules.filter((rule) => rule.remaining === null || rule.remaining > 0);
    return applied;
  }
}

function urlMatches(pattern: string | RegExp, url: string): boolean {
  if (typeof pattern === "string") return url.includes(pattern);
  pattern.lastIndex = 0;
  return pattern.test(url);
}
