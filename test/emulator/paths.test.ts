// Paths and ids as Exchange has them: resource names in any case, ids opaque with "/", "+" and "=" that a
// client must percent-encode to put in a path.
import { ANA, COMMS, errorCode, obj, setupEmulator } from "./helpers";

const h = setupEmulator();

function incoming(subject: string) {
  return {
    subject,
    from: { emailAddress: { address: "facultad@universidad.example" } },
    body: { contentType: "html", content: "<p>Solicitud</p>" },
  };
}

describe("ids", () => {
  it("mints message, attachment-less folder and conversation ids that need percent-encoding in a path", async () => {
    const id = h.tenant.deliver(COMMS, incoming("Uno"));
    expect(id).toMatch(/\//);
    expect(id).toMatch(/\+/);
    expect(id).toMatch(/=$/);
    const reply = await h.call(h.token(ANA), "GET", `/users/${COMMS}/messages/${encodeURIComponent(id)}`);
    expect(reply.status).toBe(200);
    expect(obj(reply.body).id).toBe(id);
    expect(String(obj(reply.body).parentFolderId)).toMatch(/\//);
  });

  it("does not find a message whose id was put in the path without encoding", async () => {
    const id = h.tenant.deliver(COMMS, incoming("Dos"));
    const raw = await h.call(h.token(ANA), "GET", `/users/${COMMS}/messages/${id}`);
    expect(raw.status).toBeGreaterThanOrEqual(400);
    expect(raw.status).toBeLessThan(500);
    // "+" left raw is still "+" in a path (not a space), but "/" splits the id into two segments.
    const plusOnly = await h.call(
      h.token(ANA),
      "GET",
      `/users/${COMMS}/messages/${id.replace(/\//g, "%2F")}`,
    );
    expect(plusOnly.status).toBe(200);
  });

  it("decodes %2F, %2B and %3D in an id, in either hex case", async () => {
    const id = h.tenant.deliver(COMMS, incoming("Tres"));
    const lower = encodeURIComponent(id).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
    const reply = await h.call(h.token(ANA), "PATCH", `/users/${COMMS}/messages/${lower}`, {
      categories: ["Pregón"],
    });
    expect(reply.status).toBe(200);
    expect(h.tenant.storedMessages(COMMS, "inbox")[0]?.categories).toEqual(["Pregón"]);
  });

  it("treats ids as case-sensitive: the same id in other case is another (absent) item", async () => {
    const id = h.tenant.deliver(COMMS, incoming("Cuatro"));
    const swapped = id.replace(/[A-Za-z]/g, (c) =>
      c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase(),
    );
    const reply = await h.call(
      h.token(ANA),
      "GET",
      `/users/${COMMS}/messages/${encodeURIComponent(swapped)}`,
    );
    expect(reply.status).not.toBe(200);
  });
});

describe("path names in any case (learn.microsoft.com/graph/call-api)", () => {
  it("routes /Me/Messages, /USERS/{address}/MailFolders/SentItems/Messages and /Me/MailFolders('Inbox')-less names", async () => {
    const token = h.token(ANA);
    const id = h.tenant.deliver(COMMS, incoming("Cinco"));
    expect((await h.call(token, "GET", "/Me/Messages")).status).toBe(200);
    expect((await h.call(token, "GET", "/ME")).status).toBe(200);
    const sent = await h.call(token, "GET", `/USERS/${COMMS}/MailFolders/SentItems/Messages`);
    expect(sent.status).toBe(200);
    const inbox = await h.call(token, "GET", `/Users/${COMMS}/mailfolders/INBOX/messages`);
    expect(inbox.status).toBe(200);
    expect((obj(inbox.body).value as Array<{ id: string }>).map((m) => m.id)).toEqual([id]);
    const one = await h.call(token, "GET", `/Users/${COMMS}/Messages/${encodeURIComponent(id)}`);
    expect(one.status).toBe(200);
  });

  it("still answers 400 for a segment Graph does not have, in any case", async () => {
    const reply = await h.call(h.token(ANA), "GET", "/Me/NothingHere");
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe("BadRequest");
  });
});
