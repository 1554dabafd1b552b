import { http, HttpResponse } from "msw";
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

  it("gives up when the next wait would exceed the budget, and says how long Graph asked for", async () => {
    const h = createHarness({ retry: { maxTotalWaitMs: 10_000 } });
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(throttled("6"), throttled("6"))));

    await expect(h.service.getMessage("me", REQUEST_ID)).rejects.toMatchObject({
      code: "throttled",
      nextStep: "retry",
      details: { status: 429, graphCode: "ApplicationThrottled", retryAfterSeconds: 6 },
    });
    expect(h.sleeps).toEqual([6_000]);
  });

  it("stops after the allowed number of retries", async () => {
    const h = createHarness({ retry: { maxRetries: 2 } });
    h.use(http.get(`${GRAPH}/me/messages/:id`, sequence(throttled("1"))));

    await expect(h.service.getMessage("me", REQUEST_ID)).rejects.toMatchObject({ code: "throttled" });
    expect(h.requests).toHaveLength(3);
    expect(h.sleeps).toEqual([1_000, 1_000]);
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
