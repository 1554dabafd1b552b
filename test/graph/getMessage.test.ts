import { http, HttpResponse } from "msw";
import { CASE_PROPERTY_IDS } from "../../src/graph";
import { REQUEST_ID, graphMessage } from "./fixtures";
import { GRAPH, TOKEN, createHarness, startGraphServer } from "./harness";

startGraphServer();

const caseIdsFilter = [
  CASE_PROPERTY_IDS.kind,
  CASE_PROPERTY_IDS.caseId,
  CASE_PROPERTY_IDS.state,
  CASE_PROPERTY_IDS.dueDate,
  CASE_PROPERTY_IDS.record,
  CASE_PROPERTY_IDS.history,
  CASE_PROPERTY_IDS.itRecord,
  // IT's answer to a reminder, kept on the reminder (domain/itStatus.ts).
  CASE_PROPERTY_IDS.answer,
]
  .map((id) => `id eq '${id}'`)
  .join(" or ");

describe("getMessage", () => {
  it("reads one message with Pregón's properties expanded and maps it to the port's shape", async () => {
    const h = createHarness();
    h.use(http.get(`${GRAPH}/me/messages/:id`, () => HttpResponse.json(graphMessage())));

    const message = await h.service.getMessage("me", REQUEST_ID);

    const [request] = h.requests;
    expect(request?.url.pathname).toBe(`/v1.0/me/messages/${encodeURIComponent(REQUEST_ID)}`);
    expect(request?.url.searchParams.get("$select")).toBe(
      "id,subject,from,toRecipients,ccRecipients,receivedDateTime,sentDateTime,conversationId,internetMessageId,categories,isDraft,hasAttachments,bodyPreview,bccRecipients",
    );
    expect(request?.url.searchParams.get("$expand")).toBe(
      `singleValueExtendedProperties($filter=${caseIdsFilter})`,
    );
    expect(request?.headers.get("Authorization")).toBe(`Bearer ${TOKEN}`);
    expect(message).toEqual({
      id: REQUEST_ID,
      subject: "Solicitud de envío masivo: semana de la ciencia",
      from: { name: "Facultad de Ciencias", address: "ciencias@uni.example.edu.co" },
      to: [{ name: "Comunicaciones", address: "comunicaciones@uni.example.edu.co" }],
      cc: [],
      bcc: [],
      receivedAt: "2026-11-26T15:01:00Z",
      sentAt: "2026-11-26T15:00:55Z",
      conversationId: "AAQkADc3MWUyMGQ0LTI0ZDItNDg2Zi05NGYzLWQ0ZTE0MWQ2YmRmOAAQAHt",
      internetMessageId: "<CAF1x2y3@mail.example.edu.co>",
      etag: 'W/"CQAAABYAAADkm3Vg2ZBcRa3tSxV1q0HyAAAB6x8x"',
      categories: ["Pregón: recibida"],
      isDraft: false,
      hasAttachments: true,
      bodyPreview: "Cordial saludo, solicitamos el envío…",
      caseProps: { caseId: "CM-2611-7F3K", state: "received", dueDate: "2026-12-03", kind: "request" },
    });
  });

  it("addresses a shared mailbox as /users/{address}, encoded", async () => {
    const h = createHarness();
    h.use(http.get(`${GRAPH}/users/:mailbox/messages/:id`, () => HttpResponse.json(graphMessage())));

    await h.service.getMessage("comunicaciones@uni.example.edu.co", "AAMk/x+y=");

    expect(h.requests[0]?.url.pathname).toBe(
      "/v1.0/users/comunicaciones%40uni.example.edu.co/messages/AAMk%2Fx%2By%3D",
    );
  });

  it("asks for body, attachments and headers only when told, and maps them", async () => {
    const h = createHarness();
    h.use(
      http.get(`${GRAPH}/me/messages/:id`, () =>
        HttpResponse.json(
          graphMessage({
            body: { contentType: "html", content: "<html><body><p>Hola</p></body></html>" },
            attachments: [
              {
                "@odata.type": "#microsoft.graph.fileAttachment",
                id: "AAMkAtt1=",
                name: "afiche.pdf",
                contentType: "application/pdf",
                size: 48213,
                isInline: false,
              },
            ],
            internetMessageHeaders: [
              { name: "Received", value: "from a" },
              { name: "Received", value: "from b" },
              { name: "X-Pregon-Case-Id", value: "CM-2611-7F3K" },
            ],
          }),
        ),
      ),
    );

    const message = await h.service.getMessage("me", REQUEST_ID, {
      withBody: true,
      withAttachments: true,
      withHeaders: true,
    });

    const url = h.requests[0]?.url;
    expect(url?.searchParams.get("$select")).toMatch(/,bccRecipients,body,internetMessageHeaders$/);
    expect(url?.searchParams.get("$expand")).toBe(
      `singleValueExtendedProperties($filter=${caseIdsFilter}),attachments($select=id,name,contentType,size,isInline,microsoft.graph.fileAttachment/contentId)`,
    );
    expect(message.body).toBe("<html><body><p>Hola</p></body></html>");
    expect(message.bodyType).toBe("html");
    expect(message.attachments).toEqual([
      { id: "AAMkAtt1=", name: "afiche.pdf", contentType: "application/pdf", size: 48213, isInline: false },
    ]);
    expect(message.headers).toEqual({ received: "from a", "x-pregon-case-id": "CM-2611-7F3K" });
  });

  it("drops a state or kind it does not know instead of guessing", async () => {
    const h = createHarness();
    h.use(
      http.get(`${GRAPH}/me/messages/:id`, () =>
        HttpResponse.json(
          graphMessage({
            singleValueExtendedProperties: [
              { id: CASE_PROPERTY_IDS.state, value: "archived" },
              { id: CASE_PROPERTY_IDS.kind, value: "newsletter" },
              { id: CASE_PROPERTY_IDS.record, value: '{"v":1}' },
            ],
          }),
        ),
      ),
    );

    const message = await h.service.getMessage("me", REQUEST_ID);

    expect(message.caseProps).toEqual({ record: '{"v":1}' });
  });
});
