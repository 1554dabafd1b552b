// JSON batching (POST /$batch, learn.microsoft.com/graph/json-batching): independent requests in one round trip.
//
// - At most 20 steps per batch; more are sent as several batches, one after another.
// - Step ids are the step's index ("0", "1", …): unique, and unique ignoring case as Graph requires. A step
//   with a body carries Content-Type (Graph refuses the batch otherwise).
// - Each step's answer is its own: a 2xx gives its body, anything else the same AppError a single request
//   with that status gets (errors.ts), so callers handle one step as they would one request.
// - A step answered 429, or 503/504 when the step is repeatable, is sent again (in a batch of the steps that
//   wait) only after its Retry-After, never at once: Graph throttles steps one by one and says to honour each
//   step's Retry-After (json-batching, "Throttling and batching"). The wait follows the retry handler's rules
//   and budgets (one budget per step, as per request), and is announced to the same ServerWait listener, so
//   the pane says it waits and its "stop" works. The $batch POST itself goes through the ordinary chain.
// - A step may depend on earlier steps (`dependsOn`, their indexes): Graph runs it only after they succeeded and
//   answers 424 Failed Dependency, unrun, when one failed (json-batching, "Sequencing requests with the dependsOn
//   property"). Such a step's outcome is then a failure with details.failedDependency = 1, never retried here. A
//   batch is either fully parallel or sequenced from one step (Graph refuses a mix with 400; see the emulator's
//   README): steps whose dependencies are still to run go in a later batch when the mix would arise, and a
//   dependency that already succeeded in an earlier batch is no longer named.
import { AppError, notRunError } from "../domain/errors";
import { errorFromResponse } from "./errors";
import { RequestTraits } from "./pipeline/requestTraits";
import type { Decision, Progress } from "./pipeline/retryHandler";
import {
  chargeWait,
  freshProgress,
  stoppedError,
  throttledAfterWaiting,
  waitOperation,
} from "./pipeline/retryHandler";
import type { GraphCall, GraphTransport } from "./transport";

export const MAX_BATCH_STEPS = 20;

export type BatchStep = Omit<GraphCall, "path"> & {
  path: string;
  /** Indexes of earlier steps this one must run after, and only if they succeeded. */
  dependsOn?: readonly number[];
};

function failedDependency(): BatchOutcome {
  return { ok: false, error: notRunError() };
}

/** A step's answer: its body (JSON, or text for a non-JSON body), or the AppError a single request would get. */
export type BatchOutcome =
  { ok: true; status: number; json: unknown; text: string } | { ok: false; error: AppError };

interface StepAnswer {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

type Waiting = { index: number; decision: Extract<Decision, { kind: "wait" }> };

/** Runs the steps as JSON batches; the outcomes come back in the steps' order. Never rejects for a step. */
export async function runBatch(
  transport: GraphTransport,
  steps: readonly BatchStep[],
): Promise<BatchOutcome[]> {
  const outcomes: BatchOutcome[] = new Array<BatchOutcome>(steps.length);
  for (let first = 0; first < steps.length; first += MAX_BATCH_STEPS) {
    const indexes = steps.slice(first, first + MAX_BATCH_STEPS).map((_, i) => first + i);
    await runChunk(transport, steps, indexes, outcomes);
  }
  return outcomes;
}

async function runChunk(
  transport: GraphTransport,
  steps: readonly BatchStep[],
  indexes: number[],
  outcomes: BatchOutcome[],
): Promise<void> {
  const progress = new Map<number, Progress>(indexes.map((i) => [i, freshProgress()]));
  let pending = indexes;
  while (pending.length > 0) {
    const { sending, later } = sendable(steps, pending, outcomes);
    const answers = sending.length > 0 ? await post(transport, steps, sending) : new Map();
    const waiting: Waiting[] = [];
    for (const index of sending) {
      const step = steps[index] as BatchStep;
      const traits = traitsOf(step);
      const answer = answers.get(String(index));
      if (!answer) {
        outcomes[index] = { ok: false, error: new AppError("unknown", "The batch did not answer a step") };
        continue;
      }
      const own = progress.get(index) ?? freshProgress();
      const decision = transport.waits.decide(
        answer.status,
        header(answer, "retry-after"),
        traits.repeatable,
        waitOperation(step.method, traits),
        own,
      );
      if (decision.kind === "wait") {
        waiting.push({ index, decision });
        continue;
      }
      if (answer.status === 424 && step.dependsOn?.length) {
        outcomes[index] = failedDependency();
        continue;
      }
      const outcome = await outcomeOf(answer, traits);
      outcomes[index] =
        decision.kind === "giveUpThrottled" && !outcome.ok
          ? { ok: false, error: throttledAfterWaiting(outcome.error, own, transport.waits.policy) }
          : outcome;
    }
    const again = await waitFor(transport, waiting, progress, outcomes);
    pending = [...again, ...later].sort((a, b) => a - b);
  }
}

/**
 * Of the pending steps: those whose dependency failed get a failed outcome now; the rest go now, unless some
 * still wait for a dependency while more than one step would start the batch — then those wait for a later one.
 */
function sendable(
  steps: readonly BatchStep[],
  pending: readonly number[],
  outcomes: BatchOutcome[],
): { sending: number[]; later: number[] } {
  const live: number[] = [];
  for (const index of pending) {
    const deps = (steps[index] as BatchStep).dependsOn ?? [];
    if (deps.some((d) => outcomes[d] !== undefined && !outcomes[d].ok)) outcomes[index] = failedDependency();
    else live.push(index);
  }
  const waitsIn = (index: number) =>
    ((steps[index] as BatchStep).dependsOn ?? []).some((d) => live.includes(d));
  const roots = live.filter((i) => !waitsIn(i));
  if (roots.length === live.length || roots.length === 1) return { sending: live, later: [] };
  return { sending: roots, later: live.filter(waitsIn) };
}

/** Waits the longest of the waiting steps' waits (announced once); the steps to send again. */
async function waitFor(
  transport: GraphTransport,
  waiting: Waiting[],
  progress: Map<number, Progress>,
  outcomes: BatchOutcome[],
): Promise<number[]> {
  const longest = waiting.reduce<Waiting | undefined>(
    (a, b) => (a === undefined || b.decision.ms > a.decision.ms ? b : a),
    undefined,
  );
  if (!longest) return [];
  const slept = await transport.waits.sleep(longest.decision);
  for (const { index, decision } of waiting) {
    const own = progress.get(index) ?? freshProgress();
    own.waitedMs += slept.sleptMs;
    if (slept.stopped) {
      const status = decision.throttled ? 429 : 503;
      outcomes[index] = { ok: false, error: stoppedError(status, own, transport.waits.policy) };
    } else chargeWait(own, { ms: slept.sleptMs, throttled: decision.throttled });
  }
  return slept.stopped ? [] : waiting.map((w) => w.index);
}

async function post(
  transport: GraphTransport,
  steps: readonly BatchStep[],
  indexes: number[],
): Promise<Map<string, StepAnswer>> {
  const requests = indexes.map((index) => {
    const step = steps[index] as BatchStep;
    // Only dependencies that run in this batch are named (one that succeeded earlier needs no sequencing).
    const dependsOn = (step.dependsOn ?? []).filter((d) => indexes.includes(d)).map(String);
    const headers: Record<string, string> = { ...step.headers };
    const typed = Object.keys(headers).some((k) => k.toLowerCase() === "content-type");
    if (step.body !== undefined && !typed) headers["Content-Type"] = "application/json";
    return {
      id: String(index),
      method: step.method,
      url: step.path,
      ...(Object.keys(headers).length > 0 ? { headers } : {}),
      ...(step.body !== undefined ? { body: step.body } : {}),
      ...(dependsOn.length > 0 ? { dependsOn } : {}),
    };
  });
  // The batch is as repeatable as its least repeatable step (a 503 on the POST itself is retried only then), and
  // an unclear answer to it may have left behind what its strongest step would (a delivery, else an item).
  const traits = indexes.map((i) => traitsOf(steps[i] as BatchStep));
  const repeatable = traits.every((t) => t.repeatable);
  const effect = traits.some((t) => t.effect === "delivers")
    ? "delivers"
    : traits.some((t) => t.effect === "creates")
      ? "creates"
      : "none";
  const reply = await transport.json<{ responses?: StepAnswer[] }>({
    method: "POST",
    path: "/$batch",
    body: { requests },
    traits: new RequestTraits(repeatable, effect),
  });
  return new Map((reply.responses ?? []).map((r) => [String(r.id), r]));
}

function traitsOf(step: BatchStep): RequestTraits {
  return step.traits ?? RequestTraits.forMethod(step.method);
}

function header(answer: StepAnswer, name: string): string | null {
  const found = Object.entries(answer.headers ?? {}).find(([k]) => k.toLowerCase() === name);
  return found ? found[1] : null;
}

/** A JSON body as it is; any other body arrives base64-encoded (json-batching) and is decoded to text. */
function bodyText(answer: StepAnswer): string {
  if (answer.body === undefined || answer.body === null) return "";
  if (typeof answer.body !== "string") return JSON.stringify(answer.body);
  if ((header(answer, "content-type") ?? "").includes("json")) return answer.body;
  try {
    const binary = atob(answer.body);
    return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return answer.body;
  }
}

async function outcomeOf(answer: StepAnswer, traits: RequestTraits): Promise<BatchOutcome> {
  const text = bodyText(answer);
  if (answer.status >= 200 && answer.status < 300) {
    return { ok: true, status: answer.status, json: parsed(text), text };
  }
  const response = new Response(text || null, {
    status: answer.status,
    headers: answer.headers ?? {},
  });
  return { ok: false, error: await errorFromResponse(response, traits) };
}

/** The body as JSON, or undefined when it is not JSON (a $count's bare number is). */
function parsed(text: string): unknown {
  if (!text) return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
