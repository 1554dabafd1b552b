import { http, HttpResponse } from "msw";
import { CASE_ID_HEADER_PROPERTY_ID, CASE_PROPERTY_IDS } from "../../src/graph";
import type { OutgoingOptions } from "../../src/ports/mailService";
import { REQUEST_ID, graphMessage } from "./fixtures";
import { GRAPH, createHarness, graphError, settle, startGraphServer } from "./harness";

startGraphServer();

const MAILBOX = "comunicaciones@uni.example.edu.co";
const ROOT = `${GRAPH}/users/${encodeURIComponent(MAILBOX)}`;
const DRAFT_ID = "AAMkDraft1=";
const QUOTED =
  '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><hr><b>From:</b> Facultad de Ciencias<br><p>Cordial saludo</p></body></html>';
const SUMMARY = "<p><b>[CM-2611-7F3K]</b> Envío a estudiantes el 3 de diciembre.</p>";

const forwardOptions: OutgoingOptions = {
  to: [{ name: "División TIC", address: "tic@uni.example.edu.co" }],
  subject: "[CM-2611-7F3K] Solicitud de envío masivo: semana de la ciencia",
  commentHtml: SUMMARY,
  caseId: "CM-2611-7F3K",
  kind: "forward",
};

function draft(overrides: Record<string, unknown> = {}) {
  return graphMessage({
    id: DRAFT_ID,
    isDraft: true,
    subject: "RV: Solicitud de envío masivo: semana de la ciencia",
    body: { contentType: "html", content: QUOTED },
    internetMessageId: "<draft1@uni.example.edu.co>",
    conversationId: "AAQkConv1",
    singleValueExtendedProperties: undefined,
    ...overrides,
  });
}

function happyPath(h: ReturnType<typeof createHarness>, action: "createForward" | "createReply") {
  h.use(
    http.post(`${ROOT}/messages/:id/${action}`, () => HttpResponse.json(draft(), { status: 201 })),
    http.patch(`${ROOT}/messages/:id`, () => HttpResponse.json(draft())),
    http.post(`${ROOT}/messages/:id/send`, () => new HttpResponse(null, { status: 202 })),
    http.get(`${ROOT}/mailFolders/sentitems/messages`, () =>
      HttpResponse.json({
        value: [
          {
            id: "AAMkSent1=",
            internetMessageId: "<draft1@uni.example.edu.co>",
            conversationId: "AAQkConv1",
            sentDateTime: "2026-11-27T14:00:03Z",
          },
        ],
      }),
    ),
  );
}

describe("forward", () => {
  it("creates a forward draft, puts the HTML summary above the quote with header and properties, sends, and returns on the 202 without waiting", async () => {
    const h = createHarness();
    happyPath(h, "createForward");

    const result = await h.service.forward(MAILBOX, REQUEST_ID, {
      ...forwardOptions,
      headers: { "x-pregon-note": "1" },
    });
    await settle();

    const [create, patch, send] = h.requests;
    expect(create?.method).toBe("POST");
    expect(create?.url.pathname).toBe(
      `/v1.0/users/${encodeURIComponent(MAILBOX)}/messages/${encodeURIComponent(REQUEST_ID)}/createForward`,
    );
    expect(create?.headers.get("Prefer")).toBe('outlook.body-content-type="html"');
    // The draft carries the case id and kind from its creation (findable in Drafts if this answer is lost).
    expect(JSON.parse(create?.body ?? "")).toEqual({
      message: {
        toRecipients: [{ emailAddress: { name: "División TIC", address: "tic@uni.example.edu.co" } }],
        singleValueExtendedProperties: [
          { id: CASE_PROPERTY_IDS.caseId, value: "CM-2611-7F3K" },
          { id: CASE_PROPERTY_IDS.kind, value: "forward" },
        ],
      },
    });
    expect(JSON.parse(create?.body ?? "")).not.toHaveProperty("comment");

    expect(patch?.method).toBe("PATCH");
    expect(patch?.url.pathname).toBe(
      `/v1.0/users/${encodeURIComponent(MAILBOX)}/messages/${encodeURIComponent(DRAFT_ID)}`,
    );
    expect(JSON.parse(patch?.body ?? "")).toEqual({
      subject: "[CM-2611-7F3K] Solicitud de envío masivo: semana de la ciencia",
      body: {
        contentType: "html",
        content: QUOTED.replace("<body>", `<body>${SUMMARY}`),
      },
      singleValueExtendedProperties: [
        { id: CASE_ID_HEADER_PROPERTY_ID, value: "CM-2611-7F3K" },
        { id: "String {00020386-0000-0000-C000-000000000046} Name x-pregon-note", value: "1" },
        { id: CASE_PROPERTY_IDS.caseId, value: "CM-2611-7F3K" },
        { id: CASE_PROPERTY_IDS.kind, value: "forward" },
      ],
    });

    expect(send?.method).toBe("POST");
    expect(send?.url.pathname).toMatch(/\/messages\/AAMkDraft1%3D\/send$/);

    // Exchange files the Sent Items copy seconds later: no look-up and no sleep on the action's path. The
    // draft's internetMessageId is the one its mail keeps.
    expect(result).toEqual({
      internetMessageId: "<draft1@uni.example.edu.co>",
      conversationId: "AAQkConv1",
    });
    expect(h.requests).toHaveLength(3);
    expect(h.sleeps).toEqual([]);
  });

  it("refuses a forward without recipients and headers that are not x-, before creating anything", async () => {
    const h = createHarness();
    await expect(h.service.forward(MAILBOX, REQUEST_ID, { ...forwardOptions, to: [] })).rejects.toMatchObject(
      {
        code: "badRequest",
        details: { field: "to" },
      },
    );
    await expect(
      h.service.forward(MAILBOX, REQUEST_ID, { ...forwardOptions, headers: { "Reply-To": "x@y" } }),
    ).rejects.toMatchObject({ code: "badRequest", details: { field: "headers" } });
    expect(h.requests).toHaveLength(0);
  });

  it("deletes the draft when it cannot be completed, so a retry leaves no copies", async () => {
    const h = createHarness();
    h.use(
      http.post(`${ROOT}/messages/:id/createForward`, () => HttpResponse.json(draft(), { status: 201 })),
      http.patch(`${ROOT}/messages/:id`, () =>
        HttpResponse.json(graphError("ErrorInvalidProperty"), { status: 400 }),
      ),
      http.delete(`${ROOT}/messages/:id`, () => new HttpResponse(null, { status: 204 })),
    );

    await expect(h.service.forward(MAILBOX, REQUEST_ID, forwardOptions)).rejects.toMatchObject({
      code: "badRequest",
    });
    expect(h.requests.map((r) => r.method)).toEqual(["POST", "PATCH", "DELETE"]);
    expect(h.requests[2]?.url.pathname).toMatch(/\/messages\/AAMkDraft1%3D$/);
  });

  it("keeps the draft and reports maybeDelivered when the send's outcome is unclear", async () => {
    const h = createHarness();
    h.use(
      http.post(`${ROOT}/messages/:id/createForward`, () => HttpResponse.json(draft(), { status: 201 })),
      http.patch(`${ROOT}/messages/:id`, () => HttpResponse.json(draft())),
      http.post(`${ROOT}/messages/:id/send`, () =>
        HttpResponse.json(graphError("ServiceUnavailable"), { status: 503 }),
      ),
    );

    await expect(h.service.forward(MAILBOX, REQUEST_ID, forwardOptions)).rejects.toMatchObject({
      code: "unavailable",
      details: {
        maybeDelivered: 1,
        draftId: "AAMkDraft1=",
        internetMessageId: "<draft1@uni.example.edu.co>",
      },
    });
    expect(h.requests.map((r) => r.method)).toEqual(["POST", "PATCH", "POST"]);
  });

  it("an unclear send of a prepared draft (sendDraft) also says which draft it was", async () => {
    const h = createHarness();
    h.use(
      http.post(`${ROOT}/messages/:id/send`, () =>
        HttpResponse.json(graphError("ServiceUnavailable"), { status: 503 }),
      ),
    );

    await expect(h.service.sendDraft(MAILBOX, DRAFT_ID)).rejects.toMatchObject({
      code: "unavailable",
      details: { maybeDelivered: 1, draftId: DRAFT_ID },
    });
  });
});

describe("reply", () => {
  it("creates a reply draft without recipients, keeps the reply subject when none is given", async () => {
    const h = createHarness();
    happyPath(h, "createReply");

    await h.service.reply(MAILBOX, REQUEST_ID, {
      commentHtml: "<p>Enviado.</p>",
      caseId: "CM-2611-7F3K",
      kind: "confirmation",
    });
    await settle();

    const [create, patch] = h.requests;
    expect(create?.url.pathname).toMatch(/\/createReply$/);
    expect(JSON.parse(create?.body ?? "")).toEqual({
      message: {
        singleValueExtendedProperties: [
          { id: CASE_PROPERTY_IDS.caseId, value: "CM-2611-7F3K" },
          { id: CASE_PROPERTY_IDS.kind, value: "confirmation" },
        ],
      },
    });
    const update = JSON.parse(patch?.body ?? "") as Record<string, unknown>;
    expect(update).not.toHaveProperty("subject");
    expect(update).not.toHaveProperty("toRecipients");
    expect(update.body).toEqual({
      contentType: "html",
      content: QUOTED.replace("<body>", "<body><p>Enviado.</p>"),
    });
  });

  it("quotes a plain-text original safely under the HTML", async () => {
    const h = createHarness();
    h.use(
      http.post(`${ROOT}/messages/:id/createReply`, () =>
        HttpResponse.json(draft({ body: { contentType: "text", content: "Hola <equipo> & co" } }), {
          status: 201,
        }),
      ),
      http.patch(`${ROOT}/messages/:id`, () => HttpResponse.json(draft())),
      http.post(`${ROOT}/messages/:id/send`, () => new HttpResponse(null, { status: 202 })),
      http.get(`${ROOT}/mailFolders/sentitems/messages`, () => HttpResponse.json({ value: [] })),
    );

    await h.service.reply(MAILBOX, REQUEST_ID, {
      to: [{ address: "ciencias@uni.example.edu.co" }],
      commentHtml: "<p>Listo</p>",
      caseId: "CM-2611-7F3K",
      kind: "relay",
    });
    await settle();

    const update = JSON.parse(h.requests[1]?.body ?? "") as {
      body: { content: string };
      toRecipients: unknown;
    };
    expect(update.body.content).toBe(
      '<p>Listo</p><hr><div style="white-space:pre-wrap">Hola &#60;equipo&#62; &#38; co</div>',
    );
    expect(update.toRecipients).toEqual([{ emailAddress: { address: "ciencias@uni.example.edu.co" } }]);
  });

  it("does not look in Sent Items when the draft has no internetMessageId either: the workflow does, later", async () => {
    const h = createHarness();
    h.use(
      http.post(`${ROOT}/messages/:id/createReply`, () =>
        HttpResponse.json(draft({ internetMessageId: undefined }), { status: 201 }),
      ),
      http.patch(`${ROOT}/messages/:id`, () => HttpResponse.json(draft())),
      http.post(`${ROOT}/messages/:id/send`, () => new HttpResponse(null, { status: 202 })),
    );

    const result = await h.service.reply(MAILBOX, REQUEST_ID, {
      commentHtml: "<p>Recordatorio</p>",
      caseId: "CM-2611-7F3K",
      kind: "reminder",
    });

    expect(h.requests.map((r) => r.method)).toEqual(["POST", "PATCH", "POST"]);
    expect(result).toEqual({ conversationId: "AAQkConv1" });
    expect(h.sleeps).toEqual([]);
  });
});
