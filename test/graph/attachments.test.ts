import { http, HttpResponse } from "msw";
import { GRAPH, createHarness, settle, startGraphServer } from "./harness";

startGraphServer();

const UPLOAD_URL =
  "https://outlook.office.com/api/v2.0/Users('a1b2@c3d4')/Messages('AAMkMass1=')/AttachmentSessions('AAMkSess1=')?authtoken=eyJhbGciOiJSUzI1NiJ9.x";

function bytes(length: number): Uint8Array<ArrayBuffer> {
  const data = new Uint8Array(length);
  for (let i = 0; i < length; i++) data[i] = i % 251;
  return data;
}

function source(name: string, length: number, type = "#microsoft.graph.fileAttachment") {
  return [
    http.get(`${GRAPH}/me/messages/req-1/attachments/:id`, () =>
      HttpResponse.json({
        "@odata.type": type,
        id: "att",
        name,
        contentType: "application/pdf",
        size: length + 200,
        isInline: true,
      }),
    ),
    http.get(`${GRAPH}/me/messages/req-1/attachments/:id/$value`, () =>
      HttpResponse.arrayBuffer(bytes(length).buffer, {
        headers: { "Content-Type": "application/octet-stream" },
      }),
    ),
  ];
}

describe("copyAttachments", () => {
  it("copies a small file in one POST with its bytes in base64; inline without a Content-ID becomes a plain file", async () => {
    const h = createHarness();
    h.use(
      ...source("afiche.pdf", 1_000),
      http.post(`${GRAPH}/me/messages/draft-1/attachments`, () =>
        HttpResponse.json({ id: "new" }, { status: 201 }),
      ),
    );

    await h.service.copyAttachments("me", "req-1", "draft-1", ["att-1"]);
    await settle();

    const [meta, value, post] = h.requests;
    expect(meta?.url.searchParams.get("$select")).toBe(
      "id,name,contentType,size,isInline,microsoft.graph.fileAttachment/contentId",
    );
    expect(value?.url.pathname).toBe("/v1.0/me/messages/req-1/attachments/att-1/$value");
    expect(JSON.parse(post?.body ?? "")).toEqual({
      "@odata.type": "#microsoft.graph.fileAttachment",
      name: "afiche.pdf",
      contentType: "application/pdf",
      isInline: false,
      contentBytes: Buffer.from(bytes(1_000)).toString("base64"),
    });
  });

  it("uploads a large file through an upload session in 320 KiB-multiple ranges, without Authorization", async () => {
    const h = createHarness();
    const total = 3_500_000;
    const received: Uint8Array[] = [];
    h.use(
      ...source("video.mp4", total),
      http.post(`${GRAPH}/me/messages/draft-1/attachments/createUploadSession`, () =>
        HttpResponse.json(
          {
            "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.uploadSession",
            uploadUrl: UPLOAD_URL,
            expirationDateTime: "2026-11-27T15:00:00Z",
            nextExpectedRanges: ["0-"],
          },
          { status: 201 },
        ),
      ),
      http.put("https://outlook.office.com/api/v2.0/*", async ({ request }) => {
        received.push(new Uint8Array(await request.arrayBuffer()));
        const range = /bytes (\d+)-(\d+)\/(\d+)/.exec(request.headers.get("Content-Range") ?? "");
        const end = Number(range?.[2]);
        if (end + 1 === total) {
          return new HttpResponse(null, {
            status: 201,
            headers: {
              Location:
                "https://outlook.office.com/api/v2.0/Users('a1b2@c3d4')/Messages('AAMkMass1=')/Attachments('AAMkAtt9=')",
            },
          });
        }
        return HttpResponse.json({
          expirationDateTime: "2026-11-27T15:00:00Z",
          nextExpectedRanges: [String(end + 1)],
        });
      }),
    );

    await h.service.copyAttachments("me", "req-1", "draft-1", ["att-1"]);
    await settle();

    const session = h.requests[2];
    expect(JSON.parse(session?.body ?? "")).toEqual({
      AttachmentItem: {
        attachmentType: "file",
        name: "video.mp4",
        size: total,
        contentType: "application/pdf",
        isInline: false,
      },
    });
    const puts = h.requests.filter((r) => r.method === "PUT");
    expect(puts.map((r) => r.url.href)).toEqual([UPLOAD_URL, UPLOAD_URL]);
    expect(puts.map((r) => r.headers.get("Content-Range"))).toEqual([
      "bytes 0-3276799/3500000",
      "bytes 3276800-3499999/3500000",
    ]);
    expect(puts.map((r) => r.headers.get("Content-Type"))).toEqual([
      "application/octet-stream",
      "application/octet-stream",
    ]);
    expect(puts.every((r) => !r.headers.has("Authorization"))).toBe(true);
    expect(3_276_800 % (320 * 1024)).toBe(0);
    const joined = new Uint8Array(received.reduce((n, chunk) => n + chunk.length, 0));
    let at = 0;
    for (const chunk of received) {
      joined.set(chunk, at);
      at += chunk.length;
    }
    expect(joined).toEqual(bytes(total));
  });

  it("re-attaches an attached message as an .eml file", async () => {
    const h = createHarness();
    h.use(
      ...source("Solicitud original", 500, "#microsoft.graph.itemAttachment"),
      http.post(`${GRAPH}/me/messages/draft-1/attachments`, () =>
        HttpResponse.json({ id: "new" }, { status: 201 }),
      ),
    );

    await h.service.copyAttachments("me", "req-1", "draft-1", ["att-1"]);
    await settle();

    expect(JSON.parse(h.requests[2]?.body ?? "")).toMatchObject({
      name: "Solicitud original.eml",
      contentType: "message/rfc822",
    });
  });

  it("refuses a reference attachment: there are no bytes to copy", async () => {
    const h = createHarness();
    h.use(...source("link", 0, "#microsoft.graph.referenceAttachment"));

    await expect(h.service.copyAttachments("me", "req-1", "draft-1", ["att-1"])).rejects.toMatchObject({
      code: "badRequest",
      details: { attachmentType: "#microsoft.graph.referenceAttachment" },
    });
  });

  it("in a shared mailbox, refuses a file over 3 MB with its own code instead of an upload session Exchange would refuse (403)", async () => {
    const h = createHarness();
    const tic = "tic@universidad.example";
    const ticMessages = `${GRAPH}/users/${encodeURIComponent(tic)}/messages`;
    h.use(
      http.get(`${ticMessages}/req-1/attachments/:id`, () =>
        HttpResponse.json({
          "@odata.type": "#microsoft.graph.fileAttachment",
          id: "att",
          name: "video.mp4",
          contentType: "video/mp4",
          size: 3_500_200,
          isInline: false,
        }),
      ),
      http.get(`${ticMessages}/req-1/attachments/:id/$value`, () =>
        HttpResponse.arrayBuffer(bytes(3_500_000).buffer, {
          headers: { "Content-Type": "application/octet-stream" },
        }),
      ),
    );

    await expect(h.service.copyAttachments(tic, "req-1", "draft-1", ["att-1"])).rejects.toMatchObject({
      code: "attachmentTooLargeForSharedMailbox",
      nextStep: "none",
      details: { name: "video.mp4" },
    });
    expect(h.requests.some((r) => r.url.pathname.endsWith("/createUploadSession"))).toBe(false);
  });
});

describe("assertAttachmentsCopyable (before the draft exists)", () => {
  const big = { name: "video.mp4", size: 3_000_001 };
  const small = { name: "afiche.pdf", size: 3_000_000 };

  it("lets any size through in the signed-in user's own mailbox, and files up to 3 MB anywhere", () => {
    const h = createHarness();
    expect(() => h.service.assertAttachmentsCopyable("me", [small, big])).not.toThrow();
    expect(() => h.service.assertAttachmentsCopyable("tic@universidad.example", [small])).not.toThrow();
    expect(h.requests).toHaveLength(0);
  });

  it("refuses a file over 3 MB in a shared mailbox, naming it", () => {
    const h = createHarness();
    expect(() => h.service.assertAttachmentsCopyable("tic@universidad.example", [small, big])).toThrow(
      expect.objectContaining({ code: "attachmentTooLargeForSharedMailbox", details: { name: "video.mp4" } }),
    );
  });
});
