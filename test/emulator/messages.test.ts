// Message CRUD over HTTP: drafts, reads, PATCH validation and concurrency, deletes, folders.
import { ANA, CASE_ID_PROP, COMMS, errorCode, incoming, list, obj, setupEmulator } from "./helpers";

const h = setupEmulator();

async function draft(
  token: string,
  body: Record<string, unknown> = { subject: "Borrador" },
): Promise<Record<string, unknown>> {
  const reply = await h.call(token, "POST", "/me/messages", body);
  expect(reply.status).toBe(201);
  return obj(reply.body);
}

describe("POST /messages", () => {
  it("creates a draft with Graph-like ids, etag, change key and dates", async () => {
    const created = await draft(h.token(ANA), {
      subject: "Convocatoria",
      body: { contentType: "HTML", content: "<p>Hola <b>todos</b></p>" },
      toRecipients: [{ emailAddress: { address: "alguien@externo.example" } }],
    });
    expect(String(created.id)).toMatch(/^AAMk[A-Za-z0-9+/_-]{60,}=*$/);
    expect(created.isDraft).toBe(true);
    expect(created["@odata.etag"]).toBe(`W/"${String(created.changeKey)}"`);
    expect(created.internetMessageId).toMatch(/^<[^@]+@universidad\.example>$/);
    expect(created.bodyPreview).toBe("Hola todos");
    expect(obj(created.body).contentType).toBe("html");
    expect(typeof created.conversationId).toBe("string");
    expect(created.parentFolderId).toBe(h.tenant.mailbox(ANA)?.folderId("drafts"));
    expect(created).not.toHaveProperty("internetMessageHeaders");
  });

  it("accepts x- internet headers and returns them only with $select", async () => {
    const token = h.token(ANA);
    const created = await draft(token, {
      subject: "h",
      internetMessageHeaders: [{ name: "x-pregon-case", value: "CM-1" }],
    });
    const selected = await h.call(
      token,
      "GET",
      `/me/messages/${encodeURIComponent(String(created.id))}?$select=subject,internetMessageHeaders`,
    );
    expect(obj(selected.body).internetMessageHeaders).toEqual([{ name: "x-pregon-case", value: "CM-1" }]);
    expect(Object.keys(obj(selected.body)).sort()).toEqual([
      "@odata.context",
      "@odata.etag",
      "id",
      "internetMessageHeaders",
      "subject",
    ]);
  });

  it("rejects a header that does not start with x- (400 InvalidInternetMessageHeader)", async () => {
    const reply = await h.call(h.token(ANA), "POST", "/me/messages", {
      subject: "h",
      internetMessageHeaders: [{ name: "Case-Id", value: "CM-1" }],
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe("InvalidInternetMessageHeader");
  });

  it("rejects an unknown property (400 RequestBodyRead) and an unreadable body", async () => {
    const reply = await h.call(h.token(ANA), "POST", "/me/messages", { subject: "x", caseId: "CM-1" });
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe("RequestBodyRead");
    const broken = await fetch("https://graph.microsoft.com/v1.0/me/messages", {
      method: "POST",
      headers: { Authorization: `Bearer ${h.token(ANA)}`, "Content-Type": "application/json" },
      body: "{not json",
    });
    expect(broken.status).toBe(400);
  });
});

describe("GET /messages/{id}", () => {
  it("answers 404 ErrorItemNotFound for an id that does not exist, 400 for a malformed id", async () => {
    const token = h.token(ANA);
    const created = await draft(token);
    const missing = String(created.id).replace(/.{8}AAA=$/, "ZZZZZZZZAAA=");
    const reply = await h.call(token, "GET", `/me/messages/${encodeURIComponent(missing)}`);
    expect(reply.status).toBe(404);
    expect(errorCode(reply.body)).toBe("ErrorItemNotFound");
    // Not an item id at all (an Office.js id never converted has another structure; see src/demo/officeIds.ts).
    const malformed = await h.call(
      token,
      "GET",
      `/me/messages/${encodeURIComponent("QUFNa0FEZXdzL2lk+w==")}`,
    );
    expect(malformed.status).toBe(400);
    expect(errorCode(malformed.body)).toBe("ErrorInvalidIdMalformed");
  });

  it("reads a seeded message in a shared mailbox with $select, and refuses an unknown $select property", async () => {
    const id = h.tenant.deliver(COMMS, incoming("Solicitud"));
    const token = h.token(ANA);
    const reply = await h.call(
      token,
      "GET",
      `/users/${COMMS}/messages/${encodeURIComponent(id)}?$select=subject,from,receivedDateTime`,
    );
    expect(reply.status).toBe(200);
    expect(obj(reply.body).subject).toBe("Solicitud");
    expect(obj(reply.body).receivedDateTime).toBe("2026-11-27T14:05:00Z");
    expect(obj(reply.body)).not.toHaveProperty("body");
    const bad = await h.call(
      token,
      "GET",
      `/users/${COMMS}/messages/${encodeURIComponent(id)}?$select=subjectLine`,
    );
    expect(bad.status).toBe(400);
  });

  it("converts the body to text when asked with Prefer: outlook.body-content-type", async () => {
    const id = h.tenant.deliver(
      COMMS,
      incoming("Texto", { body: { contentType: "html", content: "<p>uno</p><p>dos &amp; tres</p>" } }),
    );
    const reply = await h.call(
      h.token(ANA),
      "GET",
      `/users/${COMMS}/messages/${encodeURIComponent(id)}`,
      undefined,
      {
        Prefer: 'outlook.body-content-type="text"',
      },
    );
    expect(obj(obj(reply.body).body)).toEqual({ contentType: "text", content: "uno\ndos & tres" });
  });
});

describe("PATCH /messages/{id}", () => {
  it("updates writable properties and changes the etag on every write", async () => {
    const token = h.token(ANA);
    const created = await draft(token);
    const reply = await h.call(token, "PATCH", `/me/messages/${encodeURIComponent(String(created.id))}`, {
      subject: "Nuevo",
      categories: ["Pregón"],
    });
    expect(reply.status).toBe(200);
    const updated = obj(reply.body);
    expect(updated.subject).toBe("Nuevo");
    expect(updated.categories).toEqual(["Pregón"]);
    expect(updated["@odata.etag"]).not.toBe(created["@odata.etag"]);
    expect(reply.headers.get("etag")).toBe(updated["@odata.etag"]);
  });

  it("rejects an unknown property with 400 RequestBodyRead", async () => {
    const token = h.token(ANA);
    const created = await draft(token);
    const reply = await h.call(token, "PATCH", `/me/messages/${encodeURIComponent(String(created.id))}`, {
      caseState: "received",
    });
    expect(reply.status).toBe(400);
    expect(errorCode(reply.body)).toBe("RequestBodyRead");
  });

  it("rejects read-only and draft-only properties with 400 ErrorInvalidPropertySet", async () => {
    const token = h.token(ANA);
    const id = h.tenant.deliver(ANA, incoming("Recibido"));
    const readOnly = await h.call(token, "PATCH", `/me/messages/${encodeURIComponent(id)}`, {
      conversationId: "x",
    });
    expect(errorCode(readOnly.body)).toBe("ErrorInvalidPropertySet");
    const draftOnly = await h.call(token, "PATCH", `/me/messages/${encodeURIComponent(id)}`, {
      subject: "cambiado",
    });
    expect(draftOnly.status).toBe(400);
    expect(errorCode(draftOnly.body)).toBe("ErrorInvalidPropertySet");
    const allowed = await h.call(token, "PATCH", `/me/messages/${encodeURIComponent(id)}`, {
      isRead: true,
      categories: ["Pregón: Recibida"],
    });
    expect(allowed.status).toBe(200);
  });

  it("honours If-Match: the current etag passes, a stale one answers 412 ErrorIrresolvableConflict", async () => {
    const token = h.token(ANA);
    const id = h.tenant.deliver(ANA, incoming("Concurrencia"));
    const first = obj((await h.call(token, "GET", `/me/messages/${encodeURIComponent(id)}`)).body);
    const ok = await h.call(
      token,
      "PATCH",
      `/me/messages/${encodeURIComponent(id)}`,
      { categories: ["A"] },
      { "If-Match": String(first["@odata.etag"]) },
    );
    expect(ok.status).toBe(200);
    const stale = await h.call(
      token,
      "PATCH",
      `/me/messages/${encodeURIComponent(id)}`,
      { categories: ["B"] },
      { "If-Match": String(first["@odata.etag"]) },
    );
    expect(stale.status).toBe(412);
    expect(errorCode(stale.body)).toBe("ErrorIrresolvableConflict");
    expect(h.tenant.storedMessages(ANA)[0]?.categories).toEqual(["A"]);
  });
});

describe("DELETE and folders", () => {
  it("moves a deleted message to Deleted Items with a new id; the old id is gone", async () => {
    const token = h.token(ANA);
    const id = h.tenant.deliver(ANA, incoming("Borrar"));
    expect((await h.call(token, "DELETE", `/me/messages/${encodeURIComponent(id)}`)).status).toBe(204);
    expect((await h.call(token, "GET", `/me/messages/${encodeURIComponent(id)}`)).status).toBe(404);
    const deleted = list((await h.call(token, "GET", "/me/mailFolders/deleteditems/messages")).body);
    expect(deleted.map((m) => m.subject)).toEqual(["Borrar"]);
  });

  it("lists well-known folders by name and by id", async () => {
    const token = h.token(ANA);
    h.tenant.deliver(ANA, incoming("Uno"));
    const folders = list((await h.call(token, "GET", "/me/mailFolders")).body);
    const inbox = folders.find((f) => f.displayName === "Inbox");
    expect(inbox?.totalItemCount).toBe(1);
    const byId = await h.call(
      token,
      "GET",
      `/me/mailFolders/${encodeURIComponent(String(inbox?.id))}/messages`,
    );
    expect(list(byId.body)).toHaveLength(1);
    expect((await h.call(token, "GET", "/me/mailFolders/Inbox/messages")).status).toBe(200);
    expect((await h.call(token, "GET", "/me/mailFolders/archive/messages")).status).toBe(404);
  });
});

describe("extended properties", () => {
  it("are set by PATCH and read back with $expand and a $filter on id (canonical id, lower-case GUID)", async () => {
    const token = h.token(ANA);
    const id = h.tenant.deliver(COMMS, incoming("Caso"));
    const patch = await h.call(token, "PATCH", `/users/${COMMS}/messages/${encodeURIComponent(id)}`, {
      singleValueExtendedProperties: [
        { id: CASE_ID_PROP, value: "CM-2611-7F3K" },
        { id: "String {00020329-0000-0000-C000-000000000046} Name pregon.state", value: "received" },
      ],
    });
    expect(patch.status).toBe(200);
    const filter = encodeURIComponent(`id eq '${CASE_ID_PROP}'`);
    const reply = await h.call(
      token,
      "GET",
      `/users/${COMMS}/messages/${encodeURIComponent(id)}?$expand=singleValueExtendedProperties($filter=${filter})`,
    );
    expect(obj(reply.body).singleValueExtendedProperties).toEqual([
      { id: "String {00020329-0000-0000-c000-000000000046} Name pregon.caseId", value: "CM-2611-7F3K" },
    ]);
  });

  it("are created with POST /messages and omitted from $expand when none match", async () => {
    const token = h.token(ANA);
    const created = await draft(token, {
      subject: "p",
      singleValueExtendedProperties: [{ id: CASE_ID_PROP, value: "CM-1" }],
    });
    const other = encodeURIComponent(
      "id eq 'String {00020329-0000-0000-C000-000000000046} Name pregon.other'",
    );
    const reply = await h.call(
      token,
      "GET",
      `/me/messages/${encodeURIComponent(String(created.id))}?$expand=singleValueExtendedProperties($filter=${other})`,
    );
    expect(obj(reply.body)).not.toHaveProperty("singleValueExtendedProperties");
    const both = encodeURIComponent(
      `id eq '${CASE_ID_PROP}' or id eq 'String {00020329-0000-0000-C000-000000000046} Name pregon.other'`,
    );
    const again = await h.call(
      token,
      "GET",
      `/me/messages/${encodeURIComponent(String(created.id))}?$expand=singleValueExtendedProperties($filter=${both})`,
    );
    expect(obj(again.body).singleValueExtendedProperties).toHaveLength(1);
  });

  it("rewrites a property in place (same id in any GUID case) instead of adding a second one", async () => {
    const token = h.token(ANA);
    const created = await draft(token, {
      subject: "p",
      singleValueExtendedProperties: [{ id: CASE_ID_PROP, value: "CM-1" }],
    });
    await h.call(token, "PATCH", `/me/messages/${encodeURIComponent(String(created.id))}`, {
      singleValueExtendedProperties: [
        {
          id: CASE_ID_PROP.toLowerCase()
            .replace("string", "String")
            .replace("name", "Name")
            .replace("pregon.caseid", "pregon.caseId"),
          value: "CM-2",
        },
      ],
    });
    expect(h.tenant.storedMessages(ANA, "drafts")[0]?.singleValueExtendedProperties).toEqual([
      { id: "String {00020329-0000-0000-c000-000000000046} Name pregon.caseId", value: "CM-2" },
    ]);
  });

  it("rejects a malformed property id", async () => {
    const reply = await h.call(h.token(ANA), "POST", "/me/messages", {
      subject: "p",
      singleValueExtendedProperties: [{ id: "pregon.caseId", value: "x" }],
    });
    expect(reply.status).toBe(400);
  });
});
