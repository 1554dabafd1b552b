// Attachments over HTTP: list/get/$value, small POSTs, and large files through an upload session.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ANA, COMMS, errorCode, list, obj, setupEmulator } from "./helpers";

const h = setupEmulator();
const PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

function fixture(): Record<string, unknown> {
  const path = join(__dirname, "fixtures", "03-flyer-attachment.json");
  return JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
}

async function newDraft(token: string): Promise<string> {
  return String(obj((await h.call(token, "POST", "/me/messages", { subject: "Masivo" })).body).id);
}

describe("reading attachments", () => {
  it("lists and gets a seeded fileAttachment with contentBytes, and serves the raw bytes at $value", async () => {
    const id = h.tenant.deliver(COMMS, fixture());
    const token = h.token(ANA);
    const message = obj(
      (await h.call(token, "GET", `/users/${COMMS}/messages/${encodeURIComponent(id)}`)).body,
    );
    expect(message.hasAttachments).toBe(true);
    const [attachment] = list(
      (await h.call(token, "GET", `/users/${COMMS}/messages/${encodeURIComponent(id)}/attachments`)).body,
    );
    expect(attachment?.["@odata.type"]).toBe("#microsoft.graph.fileAttachment");
    expect(attachment?.name).toBe("pieza-curso-ofimatica.png");
    expect(attachment?.contentBytes).toBe(PNG);
    const one = await h.call(
      token,
      "GET",
      `/users/${COMMS}/messages/${encodeURIComponent(id)}/attachments/${encodeURIComponent(String(attachment?.id))}?$select=name,size`,
    );
    expect(Object.keys(obj(one.body)).sort()).toEqual(["@odata.type", "id", "name", "size"]);
    const raw = await fetch(
      `https://graph.microsoft.com/v1.0/users/${COMMS}/messages/${encodeURIComponent(id)}/attachments/${encodeURIComponent(String(attachment?.id))}/$value`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    expect(raw.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await raw.arrayBuffer()).slice(1, 4)).toEqual(new Uint8Array([0x50, 0x4e, 0x47]));
  });

  it("expands attachments on a message, and answers 404 for an unknown attachment id", async () => {
    const id = h.tenant.deliver(COMMS, fixture());
    const token = h.token(ANA);
    const message = obj(
      (await h.call(token, "GET", `/users/${COMMS}/messages/${encodeURIComponent(id)}?$expand=attachments`))
        .body,
    );
    expect(message.attachments).toHaveLength(1);
    const missing = await h.call(
      token,
      "GET",
      `/users/${COMMS}/messages/${encodeURIComponent(id)}/attachments/AAMkNOPE`,
    );
    expect(errorCode(missing.body)).toBe("ErrorItemNotFound");
  });
});

describe("$select on attachments (derived-type properties need the cast)", () => {
  const PARSE_URI = "RequestBroker--ParseUri";

  async function seeded(): Promise<{ token: string; id: string; attachmentId: string }> {
    const id = h.tenant.deliver(COMMS, fixture());
    const token = h.token(ANA);
    const [attachment] = list(
      (
        await h.call(
          token,
          "GET",
          `/users/${COMMS}/messages/${encodeURIComponent(id)}/attachments?$select=name`,
        )
      ).body,
    );
    return { token, id, attachmentId: String(attachment?.id) };
  }

  it.each(["contentId", "contentBytes", "contentLocation"])(
    "refuses a plain %s on the list, on one attachment and inside $expand, as Graph does",
    async (property) => {
      const { token, id, attachmentId } = await seeded();
      const base = `/users/${COMMS}/messages/${encodeURIComponent(id)}`;
      for (const path of [
        `${base}/attachments?$select=id,name,${property}`,
        `${base}/attachments/${encodeURIComponent(attachmentId)}?$select=${property}`,
        `${base}?$expand=attachments($select=id,name,${property})`,
      ]) {
        const reply = await h.call(token, "GET", path);
        expect(reply.status).toBe(400);
        expect(errorCode(reply.body)).toBe(PARSE_URI);
        expect(obj(obj(reply.body).error).message).toBe(
          `Could not find a property named '${property}' on type 'microsoft.graph.attachment'.`,
        );
      }
    },
  );

  it("answers the cast microsoft.graph.fileAttachment/contentId under the plain name", async () => {
    const { token, id, attachmentId } = await seeded();
    const base = `/users/${COMMS}/messages/${encodeURIComponent(id)}`;
    const cast = "microsoft.graph.fileAttachment/contentId";
    const expanded = obj(
      (
        await h.call(
          token,
          "GET",
          `${base}?$select=subject&$expand=attachments($select=name,isInline,${cast})`,
        )
      ).body,
    );
    const [attachment] = list({ value: expanded.attachments });
    expect(Object.keys(attachment ?? {}).sort()).toEqual([
      "@odata.type",
      "contentId",
      "id",
      "isInline",
      "name",
    ]);
    const one = obj(
      (await h.call(token, "GET", `${base}/attachments/${encodeURIComponent(attachmentId)}?$select=${cast}`))
        .body,
    );
    expect(Object.keys(one).sort()).toEqual(["@odata.type", "contentId", "id"]);
    const listed = list((await h.call(token, "GET", `${base}/attachments?$select=${cast},name`)).body);
    expect(listed[0]).toHaveProperty("contentId");
  });

  it("refuses a cast to a type that is not an attachment type, or to a property that type lacks", async () => {
    const { token, id } = await seeded();
    for (const select of ["microsoft.graph.message/subject", "microsoft.graph.fileAttachment/item"]) {
      const reply = await h.call(
        token,
        "GET",
        `/users/${COMMS}/messages/${encodeURIComponent(id)}/attachments?$select=${select}`,
      );
      expect(reply.status).toBe(400);
      expect(errorCode(reply.body)).toBe(PARSE_URI);
    }
  });
});

describe("adding attachments", () => {
  it("POSTs a small fileAttachment to a draft (201) and deletes it (204)", async () => {
    const token = h.token(ANA);
    const draft = await newDraft(token);
    const reply = await h.call(token, "POST", `/me/messages/${encodeURIComponent(draft)}/attachments`, {
      "@odata.type": "#microsoft.graph.fileAttachment",
      name: "pieza.png",
      contentType: "image/png",
      contentBytes: PNG,
    });
    expect(reply.status).toBe(201);
    expect(obj(reply.body).size).toBe(70);
    const attachmentId = String(obj(reply.body).id);
    expect(
      (
        await h.call(
          token,
          "DELETE",
          `/me/messages/${encodeURIComponent(draft)}/attachments/${encodeURIComponent(attachmentId)}`,
        )
      ).status,
    ).toBe(204);
    expect(
      list((await h.call(token, "GET", `/me/messages/${encodeURIComponent(draft)}/attachments`)).body),
    ).toEqual([]);
  });

  it("refuses more than 3 MB in one POST and anything but a fileAttachment", async () => {
    const token = h.token(ANA);
    const draft = await newDraft(token);
    const big = btoa("x".repeat(3 * 1024 * 1024 + 3));
    const tooBig = await h.call(token, "POST", `/me/messages/${encodeURIComponent(draft)}/attachments`, {
      "@odata.type": "#microsoft.graph.fileAttachment",
      name: "big.bin",
      contentBytes: big,
    });
    expect(tooBig.status).toBe(413);
    const item = await h.call(token, "POST", `/me/messages/${encodeURIComponent(draft)}/attachments`, {
      "@odata.type": "#microsoft.graph.itemAttachment",
      name: "x",
    });
    expect(item.status).toBe(501);
  });
});

describe("upload sessions", () => {
  const size = 5 * 1024 * 1024 + 123;
  const bytes = new Uint8Array(size).map((_, i) => i % 251);

  async function session(token: string, draft: string): Promise<Record<string, unknown>> {
    const reply = await h.call(
      token,
      "POST",
      `/me/messages/${encodeURIComponent(draft)}/attachments/createUploadSession`,
      {
        AttachmentItem: { attachmentType: "file", name: "video.mp4", size, contentType: "video/mp4" },
      },
    );
    expect(reply.status).toBe(201);
    return obj(reply.body);
  }

  function put(url: string, start: number, end: number): Promise<Response> {
    return fetch(url, {
      method: "PUT",
      headers: {
        "Content-Type": "application/octet-stream",
        "Content-Range": `bytes ${start}-${end - 1}/${size}`,
      },
      body: bytes.slice(start, end),
    });
  }

  it("accepts ranges in order without a bearer token and completes the attachment with 201 + Location", async () => {
    const token = h.token(ANA);
    const draft = await newDraft(token);
    const created = await session(token, draft);
    expect(created.nextExpectedRanges).toEqual(["0-"]);
    const url = String(created.uploadUrl);
    expect(url).toMatch(
      /^https:\/\/outlook\.office\.com\/api\/v2\.0\/Users\('.+'\)\/Messages\('.+'\)\/AttachmentSessions\('.+'\)\?authtoken=/,
    );
    const chunk = 10 * 327_680;
    const first = await put(url, 0, chunk);
    expect(first.status).toBe(200);
    expect(((await first.json()) as { nextExpectedRanges: string[] }).nextExpectedRanges).toEqual([
      String(chunk),
    ]);
    const outOfOrder = await put(url, chunk + 327_680, size);
    expect(outOfOrder.status).toBe(416);
    const last = await put(url, chunk, size);
    expect(last.status).toBe(201);
    expect(last.headers.get("location")).toMatch(
      /^https:\/\/outlook\.office\.com\/api\/v2\.0\/.*\/Attachments\('/,
    );
    const [attachment] = list(
      (await h.call(token, "GET", `/me/messages/${encodeURIComponent(draft)}/attachments?$select=name,size`))
        .body,
    );
    expect(attachment).toMatchObject({ name: "video.mp4", size });
    const raw = await fetch(
      `https://graph.microsoft.com/v1.0/me/messages/${encodeURIComponent(draft)}/attachments/${encodeURIComponent(String(attachment?.id))}/$value`,
      {
        headers: { Authorization: `Bearer ${token}` },
      },
    );
    const downloaded = new Uint8Array(await raw.arrayBuffer());
    expect(downloaded.length).toBe(size);
    expect(downloaded.every((b, i) => b === bytes[i])).toBe(true);
    expect((await put(url, 0, chunk)).status).toBe(404);
  }, 20_000);

  it("serves the upload URL on outlook.office.com only: Graph's host does not know it, and the authtoken is required", async () => {
    const token = h.token(ANA);
    const draft = await newDraft(token);
    const url = new URL(String((await session(token, draft)).uploadUrl));
    const onGraph = await put(`https://graph.microsoft.com${url.pathname}${url.search}`, 0, 327_680);
    expect(onGraph.status).toBe(400);
    const withoutToken = await put(`${url.origin}${url.pathname}`, 0, 327_680);
    expect(withoutToken.status).toBe(401);
    expect((await put(url.href, 0, 327_680)).status).toBe(200);
  });

  it("refuses a session on a shared mailbox's draft to a delegate with 403 ErrorAccessDenied (delegated permissions)", async () => {
    const token = h.token(ANA);
    const draft = String(
      obj((await h.call(token, "POST", `/users/${COMMS}/messages`, { subject: "Masivo" })).body).id,
    );
    const reply = await h.call(
      token,
      "POST",
      `/users/${COMMS}/messages/${encodeURIComponent(draft)}/attachments/createUploadSession`,
      {
        AttachmentItem: { attachmentType: "file", name: "video.mp4", size, contentType: "video/mp4" },
      },
    );
    expect(reply.status).toBe(403);
    expect(errorCode(reply.body)).toBe("ErrorAccessDenied");
    expect(h.tenant.uploadSessions.size).toBe(0);
  });

  it("keeps the contentId of an inline upload on the attachment", async () => {
    const token = h.token(ANA);
    const draft = await newDraft(token);
    const reply = await h.call(
      token,
      "POST",
      `/me/messages/${encodeURIComponent(draft)}/attachments/createUploadSession`,
      {
        AttachmentItem: {
          attachmentType: "file",
          name: "banner.png",
          size,
          isInline: true,
          contentId: "banner@x",
        },
      },
    );
    const url = String(obj(reply.body).uploadUrl);
    expect((await put(url, 0, 3_276_800)).status).toBe(200);
    expect((await put(url, 3_276_800, size)).status).toBe(201);
    const [attachment] = list(
      (
        await h.call(
          token,
          "GET",
          `/me/messages/${encodeURIComponent(draft)}/attachments?$select=isInline,microsoft.graph.fileAttachment/contentId`,
        )
      ).body,
    );
    expect(attachment).toMatchObject({ isInline: true, contentId: "banner@x" });
  });

  it("refuses sessions for small files and can be cancelled with DELETE", async () => {
    const token = h.token(ANA);
    const draft = await newDraft(token);
    const small = await h.call(
      token,
      "POST",
      `/me/messages/${encodeURIComponent(draft)}/attachments/createUploadSession`,
      {
        AttachmentItem: { attachmentType: "file", name: "a.txt", size: 1000 },
      },
    );
    expect(small.status).toBe(400);
    expect(errorCode(small.body)).toBe("ErrorAttachmentSizeShouldNotBeLessThanMinimumSize");
    const created = await session(token, draft);
    expect((await fetch(String(created.uploadUrl), { method: "DELETE" })).status).toBe(204);
    expect((await put(String(created.uploadUrl), 0, 1024)).status).toBe(404);
  });
});
