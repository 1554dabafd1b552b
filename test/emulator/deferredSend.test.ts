// Deferred delivery (PidTagDeferredSendTime, `SystemTime 0x3FEF`) on a draft sent with /send: held in Drafts
// until the time, delivered once after it, withdrawn by deleting it first (sources in mail/deferredSend.ts).
import { CASE_ID_PROP, JUAN, LAURA, STUDENTS, TIC, errorCode, list, obj, setupEmulator } from "./helpers";
import { Tenant } from "../../src/emulator";

const h = setupEmulator();
const DEFERRED = "SystemTime 0x3FEF";
const HOUR = 3_600_000;

async function draftDeferredBy(ms: number, subject = "Convocatoria"): Promise<{ id: string; at: string }> {
  const at = new Date(h.tenant.now().getTime() + ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const created = await h.call(h.token(TIC), "POST", "/me/messages", {
    subject,
    body: { contentType: "html", content: "<p>Mensaje masivo</p>" },
    bccRecipients: [{ emailAddress: { address: STUDENTS } }],
    singleValueExtendedProperties: [
      { id: CASE_ID_PROP, value: "CM-2612-7F3K" },
      { id: DEFERRED, value: at },
    ],
  });
  expect(created.status).toBe(201);
  return { id: String(obj(created.body).id), at };
}

const inbox = (address: string) => h.tenant.storedMessages(address, "inbox");

describe("deferred send (SystemTime 0x3FEF)", () => {
  it("holds the message in Drafts, delivered to nobody and not in Sent Items, until the time", async () => {
    const { id, at } = await draftDeferredBy(3 * HOUR);
    const sent = await h.call(h.token(TIC), "POST", `/me/messages/${encodeURIComponent(id)}/send`);
    expect(sent.status).toBe(202);
    h.advance(HOUR);
    expect(inbox(LAURA)).toEqual([]);
    expect(inbox(JUAN)).toEqual([]);
    expect(h.tenant.storedMessages(TIC, "sentitems")).toEqual([]);
    // The draft id is gone (a send moves the message); the held item is in Drafts, visibly scheduled.
    const old = await h.call(h.token(TIC), "GET", `/me/messages/${encodeURIComponent(id)}`);
    expect(old.status).toBe(404);
    const drafts = await h.call(
      h.token(TIC),
      "GET",
      `/me/mailFolders/drafts/messages?$expand=singleValueExtendedProperties($filter=id eq '${DEFERRED}')`,
    );
    const [held] = list(drafts.body);
    expect(held?.id).not.toBe(id);
    expect(held?.singleValueExtendedProperties).toEqual([{ id: "SystemTime 0x3fef", value: at }]);
    expect(h.tenant.deferredSends.isHeld(TIC, String(held?.id))).toBe(true);
  });

  it("delivers once after the clock passes the time, and files the Sent Items copy after the usual delay", async () => {
    const { id } = await draftDeferredBy(2 * HOUR);
    await h.call(h.token(TIC), "POST", `/me/messages/${encodeURIComponent(id)}/send`);
    h.advance(2 * HOUR + 1);
    expect(inbox(LAURA)).toHaveLength(1);
    expect(inbox(JUAN)).toHaveLength(1);
    expect(h.tenant.storedMessages(TIC, "drafts")).toEqual([]);
    expect(h.tenant.storedMessages(TIC, "sentitems")).toEqual([]);
    h.afterSentItemsDelay();
    expect(h.tenant.storedMessages(TIC, "sentitems")).toHaveLength(1);
    h.advance(HOUR);
    expect(inbox(LAURA)).toHaveLength(1);
  });

  it("withdrawn by deleting the held item before the time: nothing is ever delivered", async () => {
    const { id } = await draftDeferredBy(HOUR);
    await h.call(h.token(TIC), "POST", `/me/messages/${encodeURIComponent(id)}/send`);
    const [held] = h.tenant.storedMessages(TIC, "drafts");
    const deleted = await h.call(
      h.token(TIC),
      "DELETE",
      `/me/messages/${encodeURIComponent(held?.id ?? "")}`,
    );
    expect(deleted.status).toBe(204);
    h.advance(2 * HOUR);
    h.afterSentItemsDelay();
    expect(inbox(LAURA)).toEqual([]);
    expect(h.tenant.storedMessages(TIC, "sentitems")).toEqual([]);
  });

  it("sends at once when the time is already past ([MS-OXOMSG] 2.2.3.4)", async () => {
    const { id } = await draftDeferredBy(-HOUR);
    await h.call(h.token(TIC), "POST", `/me/messages/${encodeURIComponent(id)}/send`);
    expect(inbox(LAURA)).toHaveLength(1);
  });

  it("is not honoured by the one-step sendMail (reported delivered at once)", async () => {
    const at = new Date(h.tenant.now().getTime() + HOUR).toISOString();
    const reply = await h.call(h.token(TIC), "POST", "/me/sendMail", {
      message: {
        subject: "Ahora",
        bccRecipients: [{ emailAddress: { address: STUDENTS } }],
        singleValueExtendedProperties: [{ id: DEFERRED, value: at }],
      },
    });
    expect(reply.status).toBe(202);
    expect(inbox(LAURA)).toHaveLength(1);
  });

  it("answers a send's errors at /send, not when the time comes", async () => {
    const at = new Date(h.tenant.now().getTime() + HOUR).toISOString();
    const created = await h.call(h.token(TIC), "POST", "/me/messages", {
      subject: "Sin destinatarios",
      singleValueExtendedProperties: [{ id: DEFERRED, value: at }],
    });
    const id = String(obj(created.body).id);
    const sent = await h.call(h.token(TIC), "POST", `/me/messages/${encodeURIComponent(id)}/send`);
    expect(sent.status).toBe(400);
    expect(errorCode(sent.body)).toBe("ErrorInvalidRecipients");
  });

  it("keeps held sends across a snapshot, neither lost nor sent early", async () => {
    const { id } = await draftDeferredBy(HOUR);
    await h.call(h.token(TIC), "POST", `/me/messages/${encodeURIComponent(id)}/send`);
    let nowMs = h.tenant.now().getTime();
    const again = Tenant.fromJSON(JSON.parse(JSON.stringify(h.tenant)), { now: () => new Date(nowMs) });
    expect(again.storedMessages(LAURA, "inbox")).toEqual([]);
    nowMs += HOUR;
    expect(again.storedMessages(LAURA, "inbox")).toHaveLength(1);
  });
});
