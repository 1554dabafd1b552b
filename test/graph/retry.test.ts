import { http, HttpResponse } from "msw";
import type { ServerWait } from "../../src/ports/serverWaits";
import { REQUEST_ID, graphMessage } from "./fixtures";
import { GRAPH, createHarness, graphError, startGraphServer } from "./harness";

startGraphServer();

/** Answers with the given responses in order, then keeps answering the last one. */
function sequence(...responses: (() => Response)[]) {
  let call = 0;
  return () => {
    const make = responses[Math.min(call, responses.length - 1)];
    call++;
    return make ? make() : HttpResponse.error();
  };
}

const throttled = (retryAfter?: string) => () =>
  HttpResponse.json(graphError("ApplicationThrottled", "Application is over its MailboxConcurrency limit."), {
    status: 429,
    headers: retryAfter ? { "Retry-After": retryAfter } : {},
  });
const unavailable = () => HttpResponse.json(graphError("ServiceUnavailable"), { status: 503 });
const ok = () => HttpResponse.json(graphMessage());

describe("retries", () => {
  it("waits exactly as long as Retry-After says on a 429, then succeeds", async () => {
    const h = createHarness();
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(throttled("7"), ok)));

    const message = await h.service.getMessage("me", REQUEST_ID);

    expect(message.id).toBe(REQUEST_ID);
    expect(h.sleeps).toEqual([7_000]);
    expect(h.requests).toHaveLength(2);
  });

  it("retries a 429 even on a send: Graph did not process it", async () => {
    const h = createHarness();
    h.use(
      http.post(
        `${GRAPH}/me/messages/:id/send`,
        sequence(throttled("2"), () => new HttpResponse(null, { status: 202 })),
      ),
    );

    await h.service.sendDraft("me", "draft-1");

    expect(h.sleeps).toEqual([2_000]);
    expect(h.requests).toHaveLength(2);
  });

  it("gives up when the next wait of a 429 would exceed its time budget, and says how long Graph asked for", async () => {
    const h = createHarness({ retry: { maxThrottleWaitMs: 10_000 } });
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(throttled("6"), throttled("6"))));

    await expect(h.service.getMessage("me", REQUEST_ID)).rejects.toMatchObject({
      code: "throttled",
      nextStep: "retry",
      details: {
        status: 429,
        graphCode: "ApplicationThrottled",
        retryAfterSeconds: 6,
        waitedSeconds: 6,
        budgetSeconds: 10,
      },
    });
    expect(h.sleeps).toEqual([6_000]);
  });

  it("keeps retrying a 429 past the count of retries, until the time budget: four 429s in a row do not fail", async () => {
    const h = createHarness({ retry: { maxRetries: 2 } });
    h.use(
      http.get(
        `${GRAPH}/me/messages/:id`,
        sequence(throttled("1"), throttled("1"), throttled("1"), throttled("1"), throttled("1"), ok),
      ),
    );

    const message = await h.service.getMessage("me", REQUEST_ID);

    expect(message.id).toBe(REQUEST_ID);
    expect(h.requests).toHaveLength(6);
    expect(h.sleeps).toEqual([1_000, 1_000, 1_000, 1_000, 1_000]);
  });

  it("stops a 503 after the allowed number of retries", async () => {
    const h = createHarness({ retry: { maxRetries: 2, baseDelayMs: 100 } });
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(unavailable)));

    await expect(h.service.getMessage("me", REQUEST_ID)).rejects.toMatchObject({ code: "unavailable" });
    expect(h.requests).toHaveLength(3);
    expect(h.sleeps).toEqual([75, 150]);
  });

  it("retries a 503 on a GET with exponential backoff and jitter when there is no Retry-After", async () => {
    const h = createHarness({ retry: { baseDelayMs: 1_000 } });
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(unavailable, unavailable, ok)));

    await h.service.getMessage("me", REQUEST_ID);

    // random() is 0.5 in the harness: half of each step plus a quarter → 0.75 × 1 s, 0.75 × 2 s.
    expect(h.sleeps).toEqual([750, 1_500]);
  });

  it("honours Retry-After on a 503 for a repeatable request", async () => {
    const h = createHarness();
    h.use(
      http.get(
        `${GRAPH}/me/messages/:id`,
        sequence(
          () =>
            HttpResponse.json(graphError("ServiceUnavailable"), {
              status: 503,
              headers: { "Retry-After": "3" },
            }),
          ok,
        ),
      ),
    );

    await h.service.getMessage("me", REQUEST_ID);

    expect(h.sleeps).toEqual([3_000]);
  });

  it("never resends a send after a 503: it may have gone out, so the caller must look first", async () => {
    const h = createHarness();
    h.use(http.post(`${GRAPH}/me/messages/:id/send`, sequence(unavailable)));

    await expect(h.service.sendDraft("me", "draft-1")).rejects.toMatchObject({
      code: "unavailable",
      details: { status: 503, maybeDelivered: 1 },
    });
    expect(h.requests).toHaveLength(1);
    expect(h.sleeps).toEqual([]);
  });

  it("retries a dropped connection on a GET, then reports a network error", async () => {
    const h = createHarness({ retry: { maxRetries: 1 } });
    h.use(http.get(`${GRAPH}/me/messages/:id`, () => HttpResponse.error()));

    await expect(h.service.getMessage("me", REQUEST_ID)).rejects.toMatchObject({
      code: "network",
      nextStep: "retry",
    });
    expect(h.requests).toHaveLength(2);
  });

  it("does not resend a send after a dropped connection", async () => {
    const h = createHarness();
    h.use(http.post(`${GRAPH}/me/messages/:id/send`, () => HttpResponse.error()));

    await expect(h.service.sendDraft("me", "draft-1")).rejects.toMatchObject({
      code: "unavailable",
      details: { maybeDelivered: 1 },
    });
    expect(h.requests).toHaveLength(1);
  });

  it("says a draft may exist when creating it got an unclear answer", async () => {
    const h = createHarness();
    h.use(http.post(`${GRAPH}/me/messages`, () => new HttpResponse(null, { status: 504 })));

    await expect(h.service.createDraft("me", { subject: "s", bodyHtml: "<p>b</p>" })).rejects.toMatchObject({
      code: "unavailable",
      details: { status: 504, maybeCreated: 1 },
    });
    expect(h.requests).toHaveLength(1);
  });

  it("gives up on an attempt that gets no answer in time", async () => {
    const h = createHarness({ timeoutMs: 50, retry: { maxRetries: 0 } });
    h.use(http.get(`${GRAPH}/me/messages/:id`, () => new Promise<Response>(() => undefined)));

    await expect(h.service.getMessage("me", REQUEST_ID)).rejects.toMatchObject({
      code: "network",
      details: { timeoutMs: 50 },
    });
  });
});

describe("waits a browser cannot read: Retry-After hidden by CORS", () => {
  it("waits at least 2 s on a 429 without Retry-After, and says the wait was its own", async () => {
    const waits: ServerWait[] = [];
    const h = createHarness({ onServerWait: (wait) => waits.push(wait) });
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(throttled(), throttled(), ok)));

    await h.service.getMessage("me", REQUEST_ID);

    // Backoff alone would be 0.75 × 0.5 s and 0.75 × 1 s; a 429 waits at least 2 s.
    expect(h.sleeps).toEqual([2_000, 2_000]);
    expect(waits).toEqual([
      { ms: 2_000, status: 429, source: "client", operation: "read", waitedMs: 0, budgetMs: 120_000 },
      { ms: 2_000, status: 429, source: "client", operation: "read", waitedMs: 2_000, budgetMs: 120_000 },
    ]);
  });

  it("grows the wait of a 429 past 2 s exponentially when backoff exceeds the floor", async () => {
    const h = createHarness({ retry: { baseDelayMs: 2_000, maxRetries: 3 } });
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(throttled(), throttled(), throttled(), ok)));

    await h.service.getMessage("me", REQUEST_ID);

    expect(h.sleeps).toEqual([2_000, 3_000, 6_000]);
  });

  it("says the server asked when Retry-After is readable, fractional seconds included", async () => {
    const waits: ServerWait[] = [];
    const h = createHarness({ onServerWait: (wait) => waits.push(wait) });
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(throttled("2.128"), ok)));

    await h.service.getMessage("me", REQUEST_ID);

    expect(h.sleeps).toEqual([2_128]);
    expect(waits).toEqual([
      { ms: 2_128, status: 429, source: "server", operation: "read", waitedMs: 0, budgetMs: 120_000 },
    ]);
  });

  it("honours an HTTP-date Retry-After", async () => {
    const h = createHarness();
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(throttled("Fri, 27 Nov 2026 14:00:04 GMT"), ok)));

    await h.service.getMessage("me", REQUEST_ID);

    expect(h.sleeps).toEqual([4_000]);
  });

  it("announces only waits caused by a 429/503/504, not a dropped connection's backoff", async () => {
    const waits: ServerWait[] = [];
    const h = createHarness({
      onServerWait: (wait) => waits.push(wait),
      retry: { baseDelayMs: 2_000 },
    });
    const draft = graphMessage({ id: "AAMkDraft1=", isDraft: true, internetMessageId: "<d1@uni.example>" });
    let dropped = false;
    h.use(
      http.get(`${GRAPH}/me/messages/:id`, () => {
        if (dropped) return ok();
        dropped = true;
        return HttpResponse.error();
      }),
      http.post(`${GRAPH}/me/messages/:id/createForward`, () => HttpResponse.json(draft, { status: 201 })),
      http.patch(`${GRAPH}/me/messages/:id`, () => HttpResponse.json(draft)),
      http.post(`${GRAPH}/me/messages/:id/send`, () => new HttpResponse(null, { status: 202 })),
      http.get(`${GRAPH}/me/mailFolders/sentitems/messages`, () => HttpResponse.json({ value: [] })),
    );

    await h.service.getMessage("me", REQUEST_ID);
    await h.service.forward("me", REQUEST_ID, {
      to: [{ address: "tic@uni.example.edu.co" }],
      commentHtml: "<p>[CM-2611-7F3K]</p>",
      caseId: "CM-2611-7F3K",
      kind: "forward",
    });

    // The adapter did pause (backoff after the drop), but nobody throttled it; a send no longer sleeps at all.
    expect(h.sleeps).toEqual([1_500]);
    expect(waits).toEqual([]);
  });

  it("announces the wait of a 503 without Retry-After as its own", async () => {
    const waits: ServerWait[] = [];
    const h = createHarness({ retry: { baseDelayMs: 2_000 }, onServerWait: (wait) => waits.push(wait) });
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(unavailable, ok)));

    await h.service.getMessage("me", REQUEST_ID);

    expect(waits).toEqual([
      { ms: 1_500, status: 503, source: "client", operation: "read", waitedMs: 0, budgetMs: 30_000 },
    ]);
  });
});

describe("a budget of time for throttling", () => {
  it("gives up after 2 minutes of waiting when Graph throttles forever (Retry-After unreadable), with the throttled error", async () => {
    const waits: ServerWait[] = [];
    const h = createHarness({ onServerWait: (wait) => waits.push(wait) });
    h.use(http.post(`${GRAPH}/me/messages/:id/send`, sequence(throttled())));

    const failure = h.service.sendDraft("me", "draft-1");

    await expect(failure).rejects.toMatchObject({
      code: "throttled",
      nextStep: "retry",
      details: { status: 429, graphCode: "ApplicationThrottled", budgetSeconds: 120 },
    });
    const waited = h.sleeps.reduce((sum, ms) => sum + ms, 0);
    // Backoff from 2 s (the floor) up to the 8 s step cap with random() = 0.5 (6 s), never past 2 min in all.
    expect(h.sleeps.slice(0, 5)).toEqual([2_000, 2_000, 2_000, 3_000, 6_000]);
    expect(waited).toBeLessThanOrEqual(120_000);
    expect(waited + 6_000).toBeGreaterThan(120_000);
    expect(h.requests).toHaveLength(h.sleeps.length + 1);
    const error = (await failure.catch((e: unknown) => e)) as { details: { waitedSeconds: number } };
    expect(error.details.waitedSeconds).toBe(Math.round(waited / 1000));
    // Every wait was announced as the pane's own, for a send, with what had been waited so far.
    expect(waits.map((w) => [w.operation, w.source, w.budgetMs])).toEqual(
      h.sleeps.map(() => ["send", "client", 120_000]),
    );
    expect(waits.map((w) => w.waitedMs)).toEqual(
      h.sleeps.map((_, i) => h.sleeps.slice(0, i).reduce((sum, ms) => sum + ms, 0)),
    );
    console.info(
      `429 forever: gave up after ${h.sleeps.length} retries and ${waited / 1000} s of virtual wait`,
    );
  });

  it("ends even when Graph answers Retry-After: 0 forever", async () => {
    const h = createHarness();
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(throttled("0"))));

    await expect(h.service.getMessage("me", REQUEST_ID)).rejects.toMatchObject({ code: "throttled" });
    expect(h.sleeps.every((ms) => ms === 0)).toBe(true);
    expect(h.sleeps).toHaveLength(120);
  });

  it("stops waiting at once when told to, and gives up throttled without sending again", async () => {
    let stopNow: (() => void) | undefined;
    const h = createHarness({
      onServerWait: (_wait, stop) => {
        stopNow = stop;
      },
      // This clock's sleep never ends by itself: only the stop can end the wait.
      clock: { sleep: () => new Promise<void>(() => undefined), random: () => 0.5 },
    });
    h.use(http.post(`${GRAPH}/me/messages/:id/send`, sequence(throttled())));

    const failure = h.service.sendDraft("me", "draft-1");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(h.requests).toHaveLength(1);
    stopNow?.();

    await expect(failure).rejects.toMatchObject({
      code: "throttled",
      details: { status: 429, stopped: 1, budgetSeconds: 120 },
    });
    expect(h.requests).toHaveLength(1);
  });
});
