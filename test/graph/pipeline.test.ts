import { mailboxKeyOf } from "../../src/graph/pipeline/concurrencyHandler";
import { retryAfterMs } from "../../src/graph/pipeline/retryAfter";
import { Semaphore } from "../../src/graph/pipeline/semaphore";
import { claimsChallengeOf } from "../../src/graph/pipeline/authHandler";

describe("Retry-After", () => {
  const now = Date.parse("2026-11-27T14:00:00Z");
  it.each([
    ["5", 5_000],
    [" 0 ", 0],
    ["Fri, 27 Nov 2026 14:00:30 GMT", 30_000],
    ["Fri, 27 Nov 2026 13:00:00 GMT", 0],
    // Fractional seconds are seconds, not a date: "2.5" used to fall through to Date.parse and become 0 ms.
    ["2.128", 2_128],
    ["2.5", 2_500],
    ["0.25", 250],
    // The two obsolete HTTP-date forms that RFC 9110 asks recipients to accept (both UTC).
    ["Friday, 27-Nov-26 14:00:10 GMT", 10_000],
    ["Fri Nov 27 14:00:20 2026", 20_000],
  ])("%s → %i ms", (header, expected) => {
    expect(retryAfterMs(header, now)).toBe(expected);
  });

  it("ignores an absent or unreadable header", () => {
    expect(retryAfterMs(null, now)).toBeUndefined();
    expect(retryAfterMs("soon", now)).toBeUndefined();
    expect(retryAfterMs("-3", now)).toBeUndefined();
    expect(retryAfterMs("2026-11-27T14:00:30Z", now)).toBeUndefined();
    expect(retryAfterMs("1.", now)).toBeUndefined();
  });
});

describe("mailboxKeyOf", () => {
  it.each([
    ["https://graph.microsoft.com/v1.0/me/messages/x", "me"],
    [
      "https://graph.microsoft.com/v1.0/users/Comunicaciones%40Uni.edu.co/messages",
      "comunicaciones@uni.edu.co",
    ],
    ["https://graph.microsoft.com/v1.0/groups/abc/members/$count", "directory"],
    ["https://outlook.office.com/api/v2.0/Users('x')/Messages('y')", "outlook.office.com"],
  ])("%s → %s", (url, key) => {
    expect(mailboxKeyOf(url, "/v1.0")).toBe(key);
  });
});

describe("Semaphore", () => {
  it("lets `limit` holders in and hands each freed place to the next waiter in order", async () => {
    const semaphore = new Semaphore(2);
    const order: string[] = [];
    const a = await semaphore.acquire();
    const b = await semaphore.acquire();
    const c = semaphore.acquire().then((release) => (order.push("c"), release));
    const d = semaphore.acquire().then((release) => (order.push("d"), release));
    await Promise.resolve();
    expect(order).toEqual([]);
    a();
    a(); // a second release of the same place is ignored
    const releaseC = await c;
    expect(order).toEqual(["c"]);
    b();
    (await d)();
    releaseC();
    expect(order).toEqual(["c", "d"]);
  });

  it("refuses a limit below one", () => {
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});

describe("claimsChallengeOf", () => {
  it("reads only a 401 insufficient_claims challenge", () => {
    const header = `Bearer error="insufficient_claims", claims="${btoa('{"a":1}')}"`;
    expect(
      claimsChallengeOf(new Response(null, { status: 401, headers: { "WWW-Authenticate": header } })),
    ).toBe('{"a":1}');
    expect(
      claimsChallengeOf(new Response(null, { status: 403, headers: { "WWW-Authenticate": header } })),
    ).toBeUndefined();
    expect(
      claimsChallengeOf(
        new Response(null, { status: 401, headers: { "WWW-Authenticate": 'Bearer error="invalid_token"' } }),
      ),
    ).toBeUndefined();
  });
});
