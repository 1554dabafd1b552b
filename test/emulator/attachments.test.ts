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
    expect(url.startsWith("https://graph.microsoft.com/")).toBe(true);
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
    expect(last.headers.get("location")).toContain("/attachments('");
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
