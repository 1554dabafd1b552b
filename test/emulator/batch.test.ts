// JSON batching: relative URLs, per-step status/headers/body, dependsOn ordering and 424, the 20-step limit,
// and steps going through the same auth, faults and log as direct requests.
import { ANA, CASE_ID_PROP, COMMS, TIC, errorCode, incoming, obj, setupEmulator } from "./helpers";

const h = setupEmulator();

interface StepResult {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

async function batch(token: string, requests: unknown[]): Promise<StepResult[]> {
  const reply = await h.call(token, "POST", "/$batch", { requests });
  expect(reply.status).toBe(200);
  return obj(reply.body).responses as StepResult[];
}

describe("$batch", () => {
  it("runs independent steps and returns each one's status, headers and body", async () => {
    const id = h.tenant.deliver(COMMS, incoming("Solicitud"));
    const [me, message, missing] = await batch(h.token(ANA), [
      { id: "1", method: "GET", url: "/me" },
      { id: "2", method: "GET", url: `users/${COMMS}/messages/${encodeURIComponent(id)}?$select=subject` },
      {
        id: "3",
        method: "GET",
        url: `/users/${COMMS}/messages/${encodeURIComponent(id.replace(/.{6}AAA=$/, "ZZZZZZAAA="))}`,
      },
    ]);
    expect(me).toMatchObject({ id: "1", status: 200 });
    expect(obj(message?.body).subject).toBe("Solicitud");
    expect(message?.headers["ETag"]).toMatch(/^W\//);
    expect(missing?.status).toBe(404);
    expect(errorCode(missing?.body)).toBe("ErrorItemNotFound");
  });

  it("runs a PATCH and a dependent send in order (a case write and its forward belong together)", async () => {
    const token = h.token(ANA);
    const draft = obj(
      (
        await h.call(token, "POST", "/me/messages", {
          subject: "FW: caso",
          toRecipients: [{ emailAddress: { address: TIC } }],
        })
      ).body,
    );
    const results = await batch(token, [
      {
        id: "send",
        method: "POST",
        url: `/me/messages/${encodeURIComponent(String(draft.id))}/send`,
        dependsOn: ["props"],
      },
      {
        id: "props",
        method: "PATCH",
        url: `/me/messages/${encodeURIComponent(String(draft.id))}`,
        headers: { "Content-Type": "application/json" },
        body: { singleValueExtendedProperties: [{ id: CASE_ID_PROP, value: "CM-1" }] },
      },
    ]);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ["send", 202],
      ["props", 200],
    ]);
    h.afterSentItemsDelay();
    expect(h.tenant.storedMessages(ANA, "sentitems")[0]?.singleValueExtendedProperties).toHaveLength(1);
    const order = h.tenant.log.filter({ url: "/me/messages/" }).map((e) => e.batchStepId);
    expect(order).toEqual(["props", "send"]);
  });

  it("answers 424 for a step whose dependency failed, and does not run it", async () => {
    const token = h.token(ANA);
    const results = await batch(token, [
      {
        id: "a",
        method: "PATCH",
        url: "/me/messages/AAMkAAAA",
        headers: { "Content-Type": "application/json" },
        body: { subject: "x" },
      },
      {
        id: "b",
        method: "POST",
        url: "/me/sendMail",
        headers: { "Content-Type": "application/json" },
        body: { message: { subject: "no", toRecipients: [{ emailAddress: { address: TIC } }] } },
        dependsOn: ["a"],
      },
    ]);
    expect(results[0]?.status).toBe(404);
    expect(results[1]?.status).toBe(424);
    expect(h.tenant.storedMessages(TIC, "inbox")).toEqual([]);
  });

  it("runs steps that depend on one write after it, and refuses a batch half sequenced, half not", async () => {
    const token = h.token(ANA);
    const id = encodeURIComponent(h.tenant.deliver(ANA, incoming("record")));
    const write = {
      id: "w",
      method: "PATCH",
      url: `/me/messages/${id}`,
      headers: { "Content-Type": "application/json" },
      body: { categories: ["written"] },
    };
    const read = (n: string) => ({ id: n, method: "GET", url: `/me/messages/${id}?$select=categories` });
    const results = await batch(token, [
      { ...read("r1"), dependsOn: ["w"] },
      write,
      { ...read("r2"), dependsOn: ["w"] },
    ]);
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ["r1", 200],
      ["w", 200],
      ["r2", 200],
    ]);
    expect(results.map((r) => obj(r.body ?? {}).categories)).toEqual([["written"], ["written"], ["written"]]);

    const mixed = await h.call(token, "POST", "/$batch", {
      requests: [write, { ...read("r1"), dependsOn: ["w"] }, read("r2")],
    });
    expect(mixed.status).toBe(400);
    expect(errorCode(mixed.body)).toBe("BadRequest");
  });

  it("takes a serial chain and a fan-out from one step, and refuses two dependencies or a mix of both shapes", async () => {
    const token = h.token(ANA);
    const id = encodeURIComponent(h.tenant.deliver(ANA, incoming("shapes")));
    const step = (n: string, dependsOn?: string[]) => ({
      id: n,
      method: "GET",
      url: `/me/messages/${id}?$select=subject`,
      ...(dependsOn ? { dependsOn } : {}),
    });
    const serial = await batch(token, [step("a"), step("b", ["a"]), step("c", ["b"])]);
    expect(serial.map((r) => r.status)).toEqual([200, 200, 200]);
    const fanOut = await batch(token, [step("a"), step("b", ["a"]), step("c", ["a"])]);
    expect(fanOut.map((r) => r.status)).toEqual([200, 200, 200]);

    for (const requests of [
      [step("a"), step("b", ["a"]), step("c", ["a", "b"])], // one step on two others
      [step("a"), step("b", ["a"]), step("c", ["b"]), step("d", ["a"])], // neither serial nor one target
    ]) {
      const refused = await h.call(token, "POST", "/$batch", { requests });
      expect(refused.status).toBe(400);
      expect(errorCode(refused.body)).toBe("BadRequest");
    }
  });

  it("refuses more than 20 steps with 400", async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: "GET", url: "/me" }));
    const reply = await h.call(h.token(ANA), "POST", "/$batch", { requests });
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe("BadRequest");
    const twenty = await h.call(h.token(ANA), "POST", "/$batch", { requests: requests.slice(0, 20) });
    expect(twenty.status).toBe(200);
  });

  it("refuses malformed batches: duplicate ids, unknown dependencies, absolute URLs", async () => {
    const token = h.token(ANA);
    const cases = [
      [
        { id: "1", method: "GET", url: "/me" },
        { id: "1", method: "GET", url: "/me" },
      ],
      [{ id: "1", method: "GET", url: "/me", dependsOn: ["9"] }],
      [{ id: "1", method: "GET", url: "https://graph.microsoft.com/v1.0/me" }],
      [{ id: "1", url: "/me" }],
    ];
    for (const requests of cases)
      expect((await h.call(token, "POST", "/$batch", { requests })).status).toBe(400);
  });

  it("compares step ids without regard to case: two ids differing only in case refuse the batch", async () => {
    const reply = await h.call(h.token(ANA), "POST", "/$batch", {
      requests: [
        { id: "claim", method: "GET", url: "/me" },
        { id: "CLAIM", method: "GET", url: "/me" },
      ],
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe("BadRequest");
    expect(h.tenant.log.filter({ url: "/me" }).filter((e) => e.batchStepId !== undefined)).toEqual([]);
  });

  it("refuses a step that has a body but no Content-Type header, running none of the steps", async () => {
    const reply = await h.call(h.token(ANA), "POST", "/$batch", {
      requests: [
        { id: "1", method: "GET", url: "/me" },
        {
          id: "2",
          method: "POST",
          url: "/me/sendMail",
          body: { message: { subject: "x", toRecipients: [{ emailAddress: { address: TIC } }] } },
        },
      ],
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe("BadRequest");
    expect(h.tenant.storedMessages(TIC, "inbox")).toEqual([]);
    const withType = await batch(h.token(ANA), [
      {
        id: "2",
        method: "POST",
        url: "/me/sendMail",
        headers: { "content-type": "application/json" },
        body: { message: { subject: "x", toRecipients: [{ emailAddress: { address: TIC } }] } },
      },
    ]);
    expect(withType[0]?.status).toBe(202);
  });

  it("authenticates steps with the batch's token and applies access rules per step", async () => {
    const [denied] = await batch(h.token(TIC), [{ id: "1", method: "GET", url: `/users/${COMMS}/messages` }]);
    expect(denied?.status).toBe(403);
    const unauthenticated = await h.call(null, "POST", "/$batch", {
      requests: [{ id: "1", method: "GET", url: "/me" }],
    });
    expect(unauthenticated.status).toBe(401);
  });

  it("applies fault rules to individual steps, with Retry-After in the step headers", async () => {
    h.tenant.faults.add({
      method: "GET",
      url: "/v1.0/me/mailFolders",
      effect: { kind: "throttle", retryAfterSeconds: 7 },
      times: 1,
    });
    const [throttled, fine] = await batch(h.token(ANA), [
      { id: "1", method: "GET", url: "/me/mailFolders/inbox/messages" },
      { id: "2", method: "GET", url: "/me" },
    ]);
    expect(throttled?.status).toBe(429);
    expect(throttled?.headers["Retry-After"]).toBe("7");
    expect(fine?.status).toBe(200);
  });

  it("base64-encodes non-JSON step bodies (a text/plain $count)", async () => {
    const groups = await batch(h.token(ANA), [
      { id: "1", method: "GET", url: "/groups?$filter=mailEnabled eq true" },
    ]);
    const group = (obj(groups[0]?.body).value as Array<{ id: string }>)[0];
    const [count] = await batch(h.token(ANA), [
      {
        id: "1",
        method: "GET",
        url: `/groups/${group?.id ?? ""}/members/$count`,
        headers: { ConsistencyLevel: "eventual" },
      },
    ]);
    expect(count?.status).toBe(200);
    expect(atob(String(count?.body))).toMatch(/^\d+$/);
  });
});
