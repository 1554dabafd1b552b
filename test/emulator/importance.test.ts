// Graph's message `importance` ("low", "normal" or "high", message resource): the sender's opinion of the message
// (MAPI PidTagImportance), which travels with it, so the recipient's copy shows what the sender set. Pregón's
// urgent forward depends on it (issue 13). Any other value is refused like any invalid enum value.
import { ANA, TIC, errorCode, list, obj, setupEmulator } from "./helpers";

const h = setupEmulator();
const to = (address: string) => ({ emailAddress: { address } });

describe("message importance", () => {
  it("is normal on a new draft, refuses a value Graph does not define, and is set by PATCH", async () => {
    const token = h.token(ANA);
    const draft = obj(
      (await h.call(token, "POST", "/me/messages", { subject: "Urgente", toRecipients: [to(TIC)] })).body,
    );
    expect(draft.importance).toBe("normal");
    const path = `/me/messages/${encodeURIComponent(String(draft.id))}`;
    const bad = await h.call(token, "PATCH", path, { importance: "urgent" });
    expect(bad.status).toBe(400);
    expect(errorCode(bad.body)).toBe("RequestBodyRead");
    const good = await h.call(token, "PATCH", path, { importance: "high" });
    expect(good.status).toBe(200);
    expect(obj(good.body).importance).toBe("high");
  });

  it("travels with the sent mail: the recipient's copy and the Sent Items copy keep high", async () => {
    const token = h.token(ANA);
    const draft = obj(
      (
        await h.call(token, "POST", "/me/messages", {
          subject: "Urgente",
          toRecipients: [to(TIC)],
          importance: "high",
        })
      ).body,
    );
    const sent = await h.call(token, "POST", `/me/messages/${encodeURIComponent(String(draft.id))}/send`);
    expect(sent.status).toBe(202);
    const received = list(
      (await h.call(h.token(TIC), "GET", "/me/mailFolders/inbox/messages?$select=importance")).body,
    );
    expect(received.map((m) => m.importance)).toEqual(["high"]);
    h.afterSentItemsDelay();
    const filed = list(
      (await h.call(token, "GET", "/me/mailFolders/sentitems/messages?$select=importance")).body,
    );
    expect(filed.map((m) => m.importance)).toEqual(["high"]);
  });
});
