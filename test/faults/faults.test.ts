// `npm run test:faults` (issue #14, point 5): every Graph request of every action of the procedure, under each
// of five faults — a 429, a 503 before the server acted, a 503 after it acted, a dropped connection before and
// after — and every action pressed by two people at the same moment. Each run is a fresh world brought to the
// moment before the action by the real workflow; the pane presses again after an error (at most MAX_PRESSES
// times, taking over its own stale claim as the pane offers), and then the run is measured: the action's effect
// exactly once, no draft left, no history entry lost. The results go to FAULTS_REPORT (JSON) for
// scripts/faults.mjs, which prints the tables and counts the runs.
import { writeFileSync } from "node:fs";
import { http, HttpResponse } from "msw";
import { DEFAULT_STALE_CLAIM_MINUTES } from "../../src/domain/claim";
import type { ClaimOptions } from "../../src/workflow/claims";
import { barrier, holdingWrites } from "../support/gates";
import { logged, routeKind } from "../support/requestLog";
import type { World } from "../support/world";
import { makeWorld, specWithSecondProfessional } from "../support/world";
import type { ActionSpec, Stage } from "./actions";
import { ACTIONS, historyLost, historyOf } from "./actions";
import { KNOWN, knownReason } from "./known";
import type { Pane } from "./panes";
import { firstPane, otherPane } from "./panes";

export type FaultName = "429" | "503 before" | "503 after" | "drop before" | "drop after";
const FAULTS: FaultName[] = ["429", "503 before", "503 after", "drop before", "drop after"];
const MAX_PRESSES = 4;

export interface Run {
  table: "faults" | "two operators";
  action: string;
  /** 1-based position of the faulted request in the action's requests, and its kind. */
  request?: number;
  route?: string;
  fault?: FaultName;
  effects: number;
  drafts: number;
  lost: number;
  presses: number;
  error?: string;
  ok: boolean;
  known?: string;
}

const runs: Run[] = [];
const spec = specWithSecondProfessional();

afterAll(() => {
  const out = process.env.FAULTS_REPORT;
  if (out) writeFileSync(out, JSON.stringify({ runs, known: KNOWN }, null, 2));
});

function describeError(e: unknown): string {
  const code = (e as { code?: unknown }).code;
  return typeof code === "string" ? code : e instanceof Error ? e.message : String(e);
}

/**
 * One request of an action as the tenant logged it: an HTTP request (the `http`-th of the action), or a step of
 * the $batch that is the `http`-th request (its step id).
 */
interface Target {
  http: number;
  step?: string;
}

/** The targets of an action's log: each HTTP request, and each step of a $batch (logged before its batch). */
function targetsOf(entries: readonly { batchStepId?: string }[]): Target[] {
  let http = 0;
  const pending: string[] = [];
  const targets: Target[] = [];
  for (const e of entries) {
    if (e.batchStepId !== undefined) {
      pending.push(e.batchStepId);
      continue;
    }
    http += 1;
    for (const step of pending.splice(0)) targets.push({ http, step });
    targets.push({ http });
  }
  return targets;
}

/**
 * Puts `fault` on `target` (once). A step of a $batch gets the fault as its own answer (Graph answers each step
 * on its own: a 429 or a 503 for one step, before or after it acted); a dropped connection drops the whole $batch
 * that carries the step, as a connection can only drop whole.
 */
function injectAt(w: World, target: Target, fault: FaultName): () => boolean {
  let seen = 0;
  let fired = false;
  const base = w.tenant.baseUrl.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  w.server.use(
    http.all(new RegExp(`^${base}/`), async ({ request }) => {
      if (fired) return undefined;
      seen += 1;
      if (seen !== target.http) return undefined;
      const drop = fault === "drop before" || fault === "drop after";
      const onStep = target.step !== undefined && !drop;
      if (!onStep) fired = true;
      if (fault === "drop before") return HttpResponse.error();
      let method = request.method;
      let url = request.url;
      if (onStep) {
        const { requests } = (await request.clone().json()) as {
          requests: { id: string; method: string; url: string }[];
        };
        const step = requests.find((r) => r.id === target.step);
        if (!step) return undefined;
        fired = true;
        method = step.method;
        url = step.url;
      }
      try {
        url = decodeURIComponent(url);
      } catch {
        // The tenant matches the raw URL then, as it logs it.
      }
      const effect =
        fault === "429"
          ? ({ kind: "throttle", retryAfterSeconds: 2 } as const)
          : fault === "503 before"
            ? ({ kind: "unavailable" } as const)
            : ({ kind: "failAfterEffect", as: fault === "503 after" ? "503" : "drop" } as const);
      w.tenant.faults.add({ method, url, effect, times: 1, label: "matrix" });
      return undefined;
    }),
  );
  return () => fired;
}

/** The person presses until the action completes, at most MAX_PRESSES times, as the pane lets them. */
async function pressUntilDone(
  w: World,
  action: ActionSpec,
  pane: Pane,
  stage: Stage,
): Promise<{ presses: number; error?: string }> {
  let options: ClaimOptions = {};
  let error = "";
  for (let press = 1; press <= MAX_PRESSES; press++) {
    try {
      await action.press(pane, stage, options);
      return { presses: press };
    } catch (e) {
      error = describeError(e);
      const details = (e as { details?: { stale?: number } }).details;
      if (error === "claimedByOther" && details?.stale === 1) {
        options = { takeOver: true }; // the pane offers "Take over" for a stale claim
      } else if (error === "claimedByOther") {
        w.clock.advance((DEFAULT_STALE_CLAIM_MINUTES + 1) * 60_000); // the person comes back later
      } else {
        w.clock.advance(60_000); // reads the error, presses again
      }
    }
  }
  return { presses: MAX_PRESSES, error };
}

function measure(w: World, action: ActionSpec, stage: Stage, before: string[]) {
  w.afterSentItemsDelay();
  return {
    effects: action.effects(w, stage),
    drafts: action.draftsLeft(w, stage),
    lost: historyLost(before, historyOf(w, stage), action),
  };
}

async function inWorld<T>(body: (w: World) => Promise<T>): Promise<T> {
  const w = makeWorld({ spec });
  try {
    return await body(w);
  } finally {
    w.close();
  }
}

function verdict(run: Omit<Run, "ok" | "known">): Run {
  const ok = run.effects === 1 && run.drafts === 0 && run.lost === 0 && run.error === undefined;
  const known = ok ? undefined : knownReason(run);
  const done = { ...run, ok, ...(known ? { known } : {}) };
  runs.push(done);
  return done;
}

function failures(list: Run[]): string[] {
  return list
    .filter((r) => !r.ok && !r.known)
    .map(
      (r) =>
        `${r.action} #${r.request ?? "-"} ${r.route ?? ""} ${r.fault ?? ""}: effects ${r.effects}, drafts ${r.drafts}, lost ${r.lost}${r.error ? `, error ${r.error}` : ""}`,
    );
}

describe.each(ACTIONS.map((a) => [a.name, a] as const))("%s", (_name, action) => {
  let routes: string[] = [];
  let targets: Target[] = [];

  beforeAll(async () => {
    ({ routes, targets } = await inWorld(async (w) => {
      const stage = await action.setup(w);
      const { entries } = await logged(w.tenant, () => action.press(firstPane(w, action.user), stage, {}));
      // In the order the targets are listed: a batch's steps, then the batch itself.
      const steps = entries.filter((e) => e.batchStepId !== undefined);
      const found = targetsOf(entries);
      let next = 0;
      const named = found.map((t) => {
        if (t.step !== undefined)
          return `[${t.step}] ${routeKind(steps[next++] ?? { method: "?", url: "http://x/" })}`;
        return routeKind(
          entries.filter((e) => e.batchStepId === undefined)[t.http - 1] ?? { method: "?", url: "http://x/" },
        );
      });
      return { routes: named, targets: found };
    }));
  });

  it("makes Graph requests to fault", () => {
    expect(routes.length).toBeGreaterThan(0);
  });

  it.each(FAULTS)("%s on each of its requests", async (fault) => {
    const mine: Run[] = [];
    for (let index = 1; index <= routes.length; index++) {
      const run = await inWorld(async (w) => {
        const stage = await action.setup(w);
        const before = historyOf(w, stage);
        const fired = injectAt(w, targets[index - 1] ?? { http: index }, fault);
        const pressed = await pressUntilDone(w, action, firstPane(w, action.user), stage);
        // A fault that never reached its request proves nothing: the run fails.
        if (!fired()) pressed.error = `the fault never fired${pressed.error ? ` (${pressed.error})` : ""}`;
        return verdict({
          table: "faults",
          action: action.name,
          request: index,
          route: routes[index - 1],
          fault,
          ...measure(w, action, stage, before),
          ...pressed,
        });
      });
      mine.push(run);
    }
    expect(mine).toHaveLength(routes.length);
    expect(failures(mine)).toEqual([]);
  });

  it("two people press at the same moment", async () => {
    const run = await inWorld(async (w) => {
      const stage = await action.setup(w);
      const before = historyOf(w, stage);
      const a = firstPane(w, action.user);
      const b = await otherPane(w, action.second);
      // Both have read the record before either writes; a pane that never writes does not hold the other up.
      const both = barrier(2);
      const gateBoth = () => Promise.race([both(), new Promise<void>((r) => setTimeout(r, 250))]);
      const results = await Promise.allSettled([
        action.press({ ...a, ctx: holdingWrites(a.ctx, gateBoth) }, stage, {}),
        action.press({ ...b, ctx: holdingWrites(b.ctx, gateBoth) }, stage, {}),
      ]);
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      const unexpected = refused.map((r) => describeError(r.reason)).filter((c) => c !== "claimedByOther");
      return verdict({
        table: "two operators",
        action: action.name,
        ...measure(w, action, stage, before),
        presses: 2,
        ...(refused.length === 2 || unexpected.length > 0
          ? { error: unexpected.join(", ") || "both refused" }
          : {}),
      });
    });
    expect(failures([run])).toEqual([]);
  });
});
