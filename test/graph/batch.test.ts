// JSON batching in the adapter (src/graph/batch.ts), seen through the member counts that use it: steps of at
// most 20 per batch, each step's status mapped like a single request's, and a throttled step sent again only
// after its Retry-After, through the retry handler's budget and ServerWait listener.
import { http, HttpResponse } from "msw";
import type { ServerWait } from "../../src/ports/serverWaits";
import { GRAPH, createHarness, graphError, settle, startGraphServer } from "./harness";

startGraphServer();

interface Step {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
}
type Answer = { status: number; headers?: Record<string, string>; body?: unknown };

/** A $batch endpoint: `answer` decides each step's reply; every batch's steps are recorded. */
function batchEndpoint(answer: (step: Step, round: number) => Answer): {
  rounds: Step[][];
  handler: ReturnType<typeof http.post>;
} {
  const rounds: Step[][] = [];
  return {
    rounds,
    handler: http.post(`${GRAPH}/$batch`, async ({ request }) => {
      const { requests } = (await request.json()) as { requests: Step[] };
      rounds.push(requests);
      const round = rounds.length;
      return HttpResponse.json({
        responses: requests.map((s) => ({ id: s.id, headers: {}, ...answer(s, round) })),
      });
    }),
  };
}

function groupId(url: string): string {
  const mail = /mail eq '([^']+)'/.exec(decodeURIComponent(url))?.[1] ?? "";
  return mail.split("@")[0] ?? "";
}

/** Look-ups find `<local part>-id`, counts answer the id's length, base64 text as Graph does for text/plain. */
function directory(step: Step): Answer {
  if (step.url.startsWith("/groups?")) {
    const local = groupId(step.url);
    return local === "dinamico"
      ? { status: 200, body: { value: [] } }
      : {
          status: 200,
          headers: { "Content-Type": "application/json" },
          body: { value: [{ id: `${local}-id` }] },
        };
  }
  const id = /\/groups\/([^/]+)\//.exec(step.url)?.[1] ?? "";
  return { status: 200, headers: { "Content-Type": "text/plain" }, body: btoa(String(id.length * 100)) };
}

describe("batched member counts", () => {
  it("counts every group in two round trips: one batch of look-ups, one of counts, with ConsistencyLevel", async () => {
    const h = createHarness();
    const endpoint = batchEndpoint(directory);
    h.use(endpoint.handler);

    const results = await h.service.groupMemberCounts([
      "estudiantes@uni.example.edu.co",
      "dinamico@uni.example.edu.co",
      "docentes@uni.example.edu.co",
    ]);

    expect(h.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      "POST /v1.0/$batch",
      "POST /v1.0/$batch",
    ]);
    expect(endpoint.rounds[0]?.map((s) => s.id)).toEqual(["0", "1", "2"]);
    expect(endpoint.rounds[1]?.map((s) => s.url)).toEqual([
      "/groups/estudiantes-id/transitiveMembers/microsoft.graph.user/$count",
      "/groups/docentes-id/transitiveMembers/microsoft.graph.user/$count",
    ]);
    expect(endpoint.rounds[1]?.every((s) => s.headers?.ConsistencyLevel === "eventual")).toBe(true);
    expect(results[0]).toEqual({ ok: true, count: 1400 });
    expect(results[1]).toMatchObject({ ok: false, error: { code: "notFound", details: { field: "group" } } });
    expect(results[2]).toEqual({ ok: true, count: 1100 });
  });

  it("maps a failed step like a single request (403 → forbidden) and leaves the other steps counted", async () => {
    const h = createHarness();
    const endpoint = batchEndpoint((step) =>
      step.url.includes("docentes")
        ? {
            status: 403,
            headers: { "Content-Type": "application/json" },
            body: graphError("Authorization_RequestDenied"),
          }
        : directory(step),
    );
    h.use(endpoint.handler);

    const [docentes, estudiantes] = await h.service.groupMemberCounts([
      "docentes@uni.example.edu.co",
      "estudiantes@uni.example.edu.co",
    ]);

    expect(docentes).toMatchObject({
      ok: false,
      error: { code: "forbidden", details: { status: 403, graphCode: "Authorization_RequestDenied" } },
    });
    expect(estudiantes).toEqual({ ok: true, count: 1400 });
  });

  it("sends a step answered 429 again only after its Retry-After, announced as a server wait, and alone", async () => {
    const waits: ServerWait[] = [];
    const h = createHarness({ onServerWait: (wait) => waits.push(wait) });
    const endpoint = batchEndpoint((step, round) =>
      round === 1 && step.id === "1"
        ? { status: 429, headers: { "Retry-After": "7" }, body: graphError("TooManyRequests") }
        : directory(step),
    );
    h.use(endpoint.handler);

    const results = await h.service.groupMemberCounts([
      "estudiantes@uni.example.edu.co",
      "docentes@uni.example.edu.co",
    ]);

    expect(h.sleeps).toEqual([7000]);
    expect(waits).toEqual([
      expect.objectContaining({ ms: 7000, status: 429, source: "server", operation: "read", waitedMs: 0 }),
    ]);
    expect(endpoint.rounds.map((r) => r.map((s) => s.id))).toEqual([["0", "1"], ["1"], ["0", "1"]]);
    expect(endpoint.rounds[1]?.[0]?.url).toContain("docentes");
    expect(results).toEqual([
      { ok: true, count: 1400 },
      { ok: true, count: 1100 },
    ]);
  });

  it("gives a step up as throttled when its next wait would pass the throttle budget, saying how long it waited", async () => {
    const h = createHarness({ retry: { maxThrottleWaitMs: 20_000 } });
    const endpoint = batchEndpoint((step) =>
      step.id === "0" && step.url.startsWith("/groups?")
        ? { status: 429, headers: { "Retry-After": "8" }, body: graphError("TooManyRequests") }
        : directory(step),
    );
    h.use(endpoint.handler);

    const [throttled, counted] = await h.service.groupMemberCounts([
      "estudiantes@uni.example.edu.co",
      "docentes@uni.example.edu.co",
    ]);

    expect(h.sleeps).toEqual([8000, 8000]);
    expect(throttled).toMatchObject({
      ok: false,
      error: { code: "throttled", details: { status: 429, waitedSeconds: 16, budgetSeconds: 20 } },
    });
    expect(counted).toEqual({ ok: true, count: 1100 });
  });

  it("sends a read step answered 503 again after its Retry-After, within the 503 count", async () => {
    const h = createHarness();
    const endpoint = batchEndpoint((step, round) =>
      round === 1
        ? { status: 503, headers: { "Retry-After": "2" }, body: graphError("ServiceUnavailable") }
        : directory(step),
    );
    h.use(endpoint.handler);

    const [result] = await h.service.groupMemberCounts(["docentes@uni.example.edu.co"]);

    expect(h.sleeps).toEqual([2000]);
    expect(endpoint.rounds).toHaveLength(3);
    expect(result).toEqual({ ok: true, count: 1100 });
  });

  it("ends the wait when the person says stop, as a single request would", async () => {
    const h = createHarness({ onServerWait: (_wait, stop) => stop() });
    const endpoint = batchEndpoint((step) =>
      step.url.startsWith("/groups?")
        ? { status: 503, headers: { "Retry-After": "5" }, body: graphError("ServiceUnavailable") }
        : directory(step),
    );
    h.use(endpoint.handler);

    const [result] = await h.service.groupMemberCounts(["estudiantes@uni.example.edu.co"]);

    expect(endpoint.rounds).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, error: { code: "unavailable", details: { stopped: 1 } } });
  });

  it("sends at most 20 steps per batch", async () => {
    const h = createHarness();
    const endpoint = batchEndpoint(directory);
    h.use(endpoint.handler);
    const addresses = Array.from({ length: 21 }, (_, i) => `g${i}@uni.example.edu.co`);

    const results = await h.service.groupMemberCounts(addresses);
    await settle();

    expect(endpoint.rounds.map((r) => r.length)).toEqual([20, 1, 20, 1]);
    expect(results.every((r) => r.ok)).toBe(true);
  });
});
