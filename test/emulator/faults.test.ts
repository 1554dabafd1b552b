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

  it("throttles one request in three at random from a seed, reproducibly, without running them and hiding Retry-After", async () => {
    const token = h.token(ANA);
    const statuses = async (seed: number): Promise<number[]> => {
      const rule = h.tenant.faults.add({
        url: "/me/messages",
        effect: { kind: "throttle", retryAfterSeconds: 1 },
        chance: { oneIn: 3, seed },
      });
      const out: number[] = [];
      for (let i = 0; i < 60; i++) {
        const r = await h.call(token, "GET", "/me/messages");
        out.push(r.status);
        if (r.status === 429) {
          expect(r.headers.get("retry-after")).toBeNull();
          expect(errorCode(r.body)).toBe("ApplicationThrottled");
        }
      }
      expect(h.tenant.faults.list().find((f) => f.id === rule.id)?.hits).toBe(
        out.filter((s) => s === 429).length,
      );
      h.tenant.faults.remove(rule.id);
      return out;
    };
    const first = await statuses(7);
    const again = await statuses(7);
    const other = await statuses(8);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const throttled = first.filter((s) => s === 429).length;
    expect(first.every((s) => s === 200 || s === 429)).toBe(true);
    // One in three of 60: well inside 8..32 for any fair draw.
    expect(throttled).toBeGreaterThan(8);
    expect(throttled).toBeLessThan(32);
    // A throttled write changes nothing: sendMail under the same rule delivers exactly the 202s.
    h.tenant.faults.add({
      method: "POST",
      url: "/sendMail",
      effect: { kind: "throttle", retryAfterSeconds: 1 },
      chance: { oneIn: 3, seed: 7 },
    });
    let accepted = 0;
    for (let i = 0; i < 12; i++)
      if ((await h.call(token, "POST", "/me/sendMail", mail)).status === 202) accepted++;
    expect(accepted).toBeLessThan(12);
    expect(h.tenant.storedMessages(TIC, "inbox")).toHaveLength(accepted);
  });

  it("refuses a chance that is not one in a whole number", () => {
    expect(() =>
      h.tenant.faults.add({
        url: "/me",
        effect: { kind: "latency", ms: 1 },
        chance: { oneIn: 0.5, seed: 1 },
      }),
    ).toThrow(/oneIn/);
  });
});
