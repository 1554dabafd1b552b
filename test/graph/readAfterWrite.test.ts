// MailService.readAfterWrite in the Graph adapter: a record write and the reads started after it, before the
// callback's first pause, go as one $batch in which each read depends on the write (dependsOn), so Graph runs
// them only after it succeeded; a failed write leaves them unrun (isNotRun). What a claim and its
// read-back rely on (workflow/claims.ts acquireClaim).
import { http, HttpResponse } from "msw";
import { isNotRun } from "../../src/domain/errors";
import { GRAPH, createHarness, graphError, startGraphServer } from "./harness";

startGraphServer();

interface Step {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  dependsOn?: string[];
}

const json = { "Content-Type": "application/json" };

/** A $batch endpoint where `writeStatus` answers the PATCH (round by round) and a dependant of a failure gets 424. */
function batchEndpoint(writeStatus: (round: number) => number) {
  const rounds: Step[][] = [];
  return {
    rounds,
    handler: http.post(`${GRAPH}/$batch`, async ({ request }) => {
      const { requests } = (await request.json()) as { requests: Step[] };
      rounds.push(requests);
      const status = new Map<string, number>();
      const responses = requests.map((s) => {
        if (s.dependsOn?.some((d) => (status.get(d) ?? 0) >= 400)) {
          status.set(s.id, 424);
          return { id: s.id, status: 424, headers: json, body: graphError("FailedDependency") };
        }
        if (s.method === "PATCH") {
          const code = writeStatus(rounds.length);
          status.set(s.id, code);
          if (code === 429)
            return {
              id: s.id,
              status,
              headers: { ...json, "Retry-After": "1" },
              body: graphError("TooMany"),
            };
          if (code >= 400)
            return { id: s.id, status: code, headers: json, body: graphError("ErrorIrresolvableConflict") };
          return { id: s.id, status: 200, headers: json, body: { id: "m1", "@odata.etag": 'W/"2"' } };
        }
        status.set(s.id, 200);
        return { id: s.id, status: 200, headers: json, body: { id: "m1", subject: "read", isDraft: false } };
      });
      return HttpResponse.json({ responses: responses.map((r) => ({ ...r, status: status.get(r.id) })) });
    }),
  };
}

function writeAndRead(h: ReturnType<typeof createHarness>) {
  let read: Promise<unknown> | undefined;
  const written = h.service.readAfterWrite(() => {
    const w = h.service.writeCaseProps("me", "m1", { caseId: "CM-2611-7F3K" }, { ifMatch: 'W/"1"' });
    read = h.service.getMessage("me", "m1");
    read.catch(() => undefined);
    return w;
  });
  return { written, read: read as unknown as Promise<unknown> };
}

describe("readAfterWrite", () => {
  it("sends the write and the read in one $batch, the read depending on the write", async () => {
    const h = createHarness();
    const endpoint = batchEndpoint(() => 200);
    h.use(endpoint.handler);
    const { written, read } = writeAndRead(h);
    await expect(written).resolves.toEqual({ etag: 'W/"2"' });
    await expect(read).resolves.toMatchObject({ id: "m1", subject: "read" });
    expect(endpoint.rounds).toHaveLength(1);
    const [write, after] = endpoint.rounds[0] ?? [];
    expect(write).toMatchObject({ id: "0", method: "PATCH", headers: { "If-Match": 'W/"1"' } });
    expect(write?.dependsOn).toBeUndefined();
    expect(after).toMatchObject({ id: "1", method: "GET", dependsOn: ["0"] });
  });

  it("leaves the read unrun when the write is refused (412): the write a conflict, the read a failed dependency", async () => {
    const h = createHarness();
    const endpoint = batchEndpoint(() => 412);
    h.use(endpoint.handler);
    const { written, read } = writeAndRead(h);
    await expect(written).rejects.toMatchObject({ code: "conflict" });
    const error = await read.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isNotRun(error)).toBe(true);
    expect(endpoint.rounds).toHaveLength(1);
  });

  it("retries a throttled write alone; the read it carried stays unrun (the caller reads again)", async () => {
    const h = createHarness();
    const endpoint = batchEndpoint((round) => (round === 1 ? 429 : 200));
    h.use(endpoint.handler);
    const { written, read } = writeAndRead(h);
    await expect(written).resolves.toEqual({ etag: 'W/"2"' });
    const error = await read.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isNotRun(error)).toBe(true);
    expect(endpoint.rounds.map((r) => r.map((s) => s.method))).toEqual([["PATCH", "GET"], ["PATCH"]]);
    expect(endpoint.rounds[1]?.[0]?.dependsOn).toBeUndefined();
  });
});
