// Fault injection: 429 with Retry-After, 503, latency, rules that expire, and "the server did it but the
// client never heard" (503 or a dropped connection after the effect).
import { ANA, TIC, errorCode, setupEmulator } from "./helpers";

const h = setupEmulator();
const mail = { message: { subject: "Aviso", toRecipients: [{ emailAddress: { address: TIC } }] } };

describe("fault rules", () => {
  it("hides Retry-After by default, as a browser sees Graph: neither readable nor in Access-Control-Expose-Headers", async () => {
    h.tenant.faults.add({ url: "/me", effect: { kind: "throttle", retryAfterSeconds: 3 }, times: 1 });
    const token = h.token(ANA);
    const throttled = await h.call(token, "GET", "/me");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBeNull();
    expect(throttled.headers.get("access-control-expose-headers")).not.toMatch(/retry-after/i);
    h.tenant.faults.add({ url: "/me", effect: { kind: "unavailable", retryAfterSeconds: 2 }, times: 1 });
    const unavailable = await h.call(token, "GET", "/me");
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers.get("retry-after")).toBeNull();
  });

  it("answers 429 with Retry-After (seconds) for the next n matching requests, without running them", async () => {
    h.tenant.behaviour.exposeRetryAfter = true;
    h.tenant.faults.add({
      method: "POST",
      url: "/sendMail",
      effect: { kind: "throttle", retryAfterSeconds: 3 },
      times: 2,
    });
    const token = h.token(ANA);
    const first = await h.call(token, "POST", "/me/sendMail", mail);
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("3");
    expect(first.headers.get("access-control-expose-headers")).toMatch(/retry-after/i);
    expect(errorCode(first.body)).toBe("ApplicationThrottled");
    expect((await h.call(token, "POST", "/me/sendMail", mail)).status).toBe(429);
    expect(h.tenant.storedMessages(TIC, "inbox")).toEqual([]);
    expect((await h.call(token, "POST", "/me/sendMail", mail)).status).toBe(202);
    expect(h.tenant.storedMessages(TIC, "inbox")).toHaveLength(1);
    expect(h.tenant.faults.list()).toEqual([]);
  });

  it("answers 503 with or without Retry-After, matching by RegExp and method", async () => {
    h.tenant.behaviour.exposeRetryAfter = true;
    const token = h.token(ANA);
    const rule = h.tenant.faults.add({
      method: "GET",
      url: /\/me$/,
      effect: { kind: "unavailable", retryAfterSeconds: 1 },
    });
    const withRetry = await h.call(token, "GET", "/me");
    expect(withRetry.status).toBe(503);
    expect(withRetry.headers.get("retry-after")).toBe("1");
    expect((await h.call(token, "GET", "/me/messages")).status).toBe(200);
    expect(h.tenant.faults.list()[0]).toMatchObject({ id: rule.id, hits: 1, remaining: null });
    expect(h.tenant.faults.remove(rule.id)).toBe(true);
    h.tenant.faults.add({ url: "/me", effect: { kind: "unavailable" }, times: 1 });
    const bare = await h.call(token, "GET", "/me");
    expect(bare.status).toBe(503);
    expect(bare.headers.get("retry-after")).toBeNull();
    h.tenant.faults.add({ url: "/me", effect: { kind: "unavailable" } });
    h.tenant.faults.clear();
    expect((await h.call(token, "GET", "/me")).status).toBe(200);
  });

  it("adds latency", async () => {
    h.tenant.faults.add({ url: "/v1.0/me", effect: { kind: "latency", ms: 120 }, times: 1 });
    const started = performance.now();
    expect((await h.call(h.token(ANA), "GET", "/me")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(h.tenant.log.last()?.durationMs).toBeGreaterThanOrEqual(110);
  });

  it("can apply the effect and then answer 503: a retried send finds no draft and never sends a second copy", async () => {
    const token = h.token(ANA);
    const draft = await h.call(token, "POST", "/me/messages", {
      subject: "Una vez",
      toRecipients: [{ emailAddress: { address: TIC } }],
    });
    const id = String((draft.body as { id: string }).id);
    h.tenant.faults.add({
      method: "POST",
      url: "/send",
      effect: { kind: "failAfterEffect", as: "503" },
      times: 1,
    });
    expect((await h.call(token, "POST", `/me/messages/${encodeURIComponent(id)}/send`)).status).toBe(503);
    expect(h.tenant.storedMessages(TIC, "inbox")).toHaveLength(1);
    const retry = await h.call(token, "POST", `/me/messages/${encodeURIComponent(id)}/send`);
    expect(retry.status).toBe(404);
    expect(h.tenant.storedMessages(TIC, "inbox")).toHaveLength(1);
  });

  it("can apply the effect and then drop the connection (fetch rejects)", async () => {
    const token = h.token(ANA);
    h.tenant.faults.add({
      method: "POST",
      url: "/sendMail",
      effect: { kind: "failAfterEffect", as: "drop" },
      times: 1,
    });
    await expect(h.call(token, "POST", "/me/sendMail", mail)).rejects.toThrow();
    expect(h.tenant.storedMessages(TIC, "inbox")).toHaveLength(1);
    expect(h.tenant.log.last()).toMatchObject({ dropped: true, status: 202 });
  });
});
