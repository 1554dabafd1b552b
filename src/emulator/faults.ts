// Fault injection: rules that make matching requests slow, throttled, unavailable, or "succeed on the server
// but fail on the wire" (the case that proves a client never sends twice after a dropped connection). A rule
// may apply at random (one request in N, from a seeded PRNG): Graph throttles whichever request arrives while a
// mailbox or app is over its limits, not a chosen one (learn.microsoft.com/graph/throttling: 429 with
// Retry-After; Outlook's limits are per app and mailbox, learn.microsoft.com/graph/throttling-limits).

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
  /**
   * Apply to matching requests at random, one in `oneIn`, drawn from a PRNG seeded with `seed` so that a run
   * is reproducible; a request the draw spares is neither a hit nor counted against `times`.
   */
  chance?: { oneIn: number; seed: number };
}

export interface FaultRule extends FaultRuleSpec {
  id: string;
  /** Remaining applications; null means unlimited. */
  remaining: number | null;
  hits: number;
}

export class FaultInjector {
  private rules: FaultRule[] = [];
  private readonly draws = new Map<string, () => number>();
  private nextId = 1;

  add(spec: FaultRuleSpec): FaultRule {
    if (spec.chance && !(Number.isInteger(spec.chance.oneIn) && spec.chance.oneIn >= 1))
      throw new Error(`chance.oneIn must be a whole number ≥ 1, not ${spec.chance.oneIn}`);
    const rule: FaultRule = { ...spec, id: `fault-${this.nextId}`, remaining: spec.times ?? null, hits: 0 };
    this.nextId += 1;
    this.rules.push(rule);
    if (spec.chance) this.draws.set(rule.id, seededRandom(spec.chance.seed));
    return { ...rule };
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((rule) => rule.id !== id);
    this.draws.delete(id);
    return this.rules.length < before;
  }

  clear(): void {
    this.rules = [];
    this.draws.clear();
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
      const draw = this.draws.get(rule.id);
      if (rule.chance && draw && Math.floor(draw() * rule.chance.oneIn) !== 0) continue;
      rule.hits += 1;
      if (rule.remaining !== null) rule.remaining -= 1;
      applied.push({ ...rule });
    }
    this.rules = this.rules.filter((rule) => rule.remaining === null || rule.remaining > 0);
    return applied;
  }
}

/** mulberry32: a small, fast PRNG; the same seed gives the same sequence on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function urlMatches(pattern: string | RegExp, url: string): boolean {
  if (typeof pattern === "string") return url.includes(pattern);
  pattern.lastIndex = 0;
  return pattern.test(url);
}
