// Identity and access: bearer tokens, /me, /users/{id} for own and delegated mailboxes, Graph's error JSON.
import { ANA, COMMS, GRAPH, LAURA, TIC, errorCode, obj, setupEmulator } from "./helpers";

const h = setupEmulator();

describe("authentication", () => {
  it("answers 401 InvalidAuthenticationToken without a token, with Graph's error shape and request ids", async () => {
    const reply = await h.call(null, "GET", "/me/messages", undefined, { "client-request-id": "abc-123" });
    expect(reply.status).toBe(401);
    const error = obj(obj(reply.body).error);
    expect(error.code).toBe("InvalidAuthenticationToken");
    expect(typeof error.message).toBe("string");
    const inner = obj(error.innerError);
    expect(inner["client-request-id"]).toBe("abc-123");
    expect(inner["request-id"]).toBe(reply.headers.get("request-id"));
    expect(String(inner.date)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  });

  it("answers 401 for a token the tenant never issued", async () => {
    const reply = await h.call("not-a-token", "GET", "/me");
    expect(reply.status).toBe(401);
    expect(errorCode(reply.body)).toBe("InvalidAuthenticationToken");
  });

  it("GET /me is the token's user", async () => {
    const reply = await h.call(h.token(ANA), "GET", "/me");
    expect(reply.status).toBe(200);
    expect(obj(reply.body).mail).toBe(ANA);
    expect(reply.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses tokens for mailboxes that are not users", () => {
    expect(() => h.tenant.issueToken(COMMS)).toThrow();
  });
});

describe("mailbox access", () => {
  it("lets a delegate read the shared mailbox through /users/{address}", async () => {
    const reply = await h.call(h.token(ANA), "GET", `/users/${COMMS}/mailFolders/inbox/messages`);
    expect(reply.status).toBe(200);
  });

  it("answers 403 ErrorAccessDenied for someone else's mailbox", async () => {
    const reply = await h.call(h.token(TIC), "GET", `/users/${COMMS}/messages`);
    expect(reply.status).toBe(403);
    expect(errorCode(reply.body)).toBe("ErrorAccessDenied");
    const other = await h.call(h.token(LAURA), "GET", `/users/${ANA}/messages`);
    expect(other.status).toBe(403);
  });

  it("resolves /users/{id} by directory id as well as by address", async () => {
    const me = obj((await h.call(h.token(ANA), "GET", "/me")).body);
    const reply = await h.call(h.token(ANA), "GET", `/users/${String(me.id)}/messages`);
    expect(reply.status).toBe(200);
  });

  it("answers 404 ErrorInvalidUser for an unknown mailbox", async () => {
    const reply = await h.call(h.token(ANA), "GET", `/users/nadie@universidad.example/messages`);
    expect(reply.status).toBe(404);
    expect(errorCode(reply.body)).toBe("ErrorInvalidUser");
  });

  it("answers 400 for a segment Graph does not have", async () => {
    const reply = await h.call(h.token(ANA), "GET", `${GRAPH}/me/nothingHere`);
    expect(reply.status).toBe(400);
  });
});

describe("HTTP details", () => {
  it("answers a CORS preflight without a token and exposes Graph's headers to browser clients", async () => {
    const preflight = await h.call(null, "OPTIONS", "/me/messages", undefined, {
      "Access-Control-Request-Method": "PATCH",
      "Access-Control-Request-Headers": "authorization,if-match",
    });
    expect(preflight.status).toBe(204);
    const reply = await h.call(h.token(ANA), "GET", "/me");
    const exposed = reply.headers.get("access-control-expose-headers") ?? "";
    expect(exposed).toContain("ETag");
    // Graph does not expose Retry-After to browsers (microsoft-graph-docs#17488); neither does the emulator.
    expect(exposed).not.toMatch(/retry-after/i);
  });

  it("answers 400, not 500, for malformed percent-encoding", async () => {
    const reply = await h.call(h.token(ANA), "GET", "/me/messages/AAMk%E0%A4%A");
    expect(reply.status).toBe(400);
  });
});

describe("tokens", () => {
  it("gives a user the same token until it is revoked; a revoked token answers 401", async () => {
    const first = h.token(ANA);
    expect(h.token(ANA)).toBe(first);
    expect(h.token(TIC)).not.toBe(first);
    h.tenant.revokeToken(first);
    expect((await h.call(first, "GET", "/me")).status).toBe(401);
    expect(h.token(ANA)).not.toBe(first);
  });
});
