// The request log: what was asked and answered, for assertions and benchmarks.
import { ANA, COMMS, TIC, setupEmulator } from "./helpers";

const h = setupEmulator();

describe("request log", () => {
  it("records method, decoded URL, parsed JSON body, status, caller, start time and duration", async () => {
    const token = h.token(ANA);
    await h.call(token, "POST", "/me/sendMail", {
      message: { subject: "Hola", toRecipients: [{ emailAddress: { address: TIC } }] },
    });
    await h.call(token, "GET", `/users/${COMMS}/messages?$filter=subject eq 'a b'`);
    await h.call(null, "GET", "/me");
    const [send, list, anonymous] = h.tenant.log.entries();
    expect(send).toMatchObject({
      method: "POST",
      status: 202,
      caller: ANA,
      requestBody: { message: { subject: "Hola" } },
    });
    expect(list?.url).toBe(
      `https://graph.microsoft.com/v1.0/users/${COMMS}/messages?$filter=subject eq 'a b'`,
    );
    expect(anonymous).toMatchObject({ status: 401, caller: null });
    expect(typeof send?.durationMs).toBe("number");
    expect(Date.parse(send?.startedAt ?? "")).not.toBeNaN();
  });

  it("filters by method, URL substring or pattern, status and caller; counts; clears", async () => {
    const token = h.token(ANA);
    await h.call(token, "GET", "/me");
    await h.call(token, "GET", "/me/messages");
    await h.call(h.token(TIC), "GET", "/me");
    expect(h.tenant.log.count({ method: "get", url: "/me/messages" })).toBe(1);
    expect(h.tenant.log.filter({ url: /\/me$/ }).map((e) => e.caller)).toEqual([ANA, TIC]);
    expect(h.tenant.log.count({ caller: TIC })).toBe(1);
    expect(h.tenant.log.count({ status: 200 })).toBe(3);
    h.tenant.log.clear();
    expect(h.tenant.log.entries()).toEqual([]);
  });
});
