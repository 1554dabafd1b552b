import { http, HttpResponse } from "msw";
import { CASE_PROPERTY_IDS } from "../../src/graph";
import { graphMessage } from "./fixtures";
import { GRAPH, createHarness, settle, startGraphServer } from "./harness";

startGraphServer();

describe("createDraft and sendDraft", () => {
  it("creates the mass-mail draft with BCC, From, case properties and x- headers in one POST", async () => {
    const h = createHarness();
    h.use(
      http.post(`${GRAPH}/me/messages`, () =>
        HttpResponse.json(
          graphMessage({ id: "AAMkMass1=", isDraft: true, singleValueExtendedProperties: [] }),
          {
            status: 201,
          },
        ),
      ),
    );

    const created = await h.service.createDraft("me", {
      subject: "Semana de la ciencia",
      bodyHtml: "<p>Invitación</p>",
      bcc: [{ name: "Estudiantes", address: "estudiantes@uni.example.edu.co" }],
      from: { address: "ciencias@uni.example.edu.co" },
      caseProps: { caseId: "CM-2611-7F3K", kind: "massMail", itRecord: '{"v":1}' },
      headers: { "x-pregon-case-id": "CM-2611-7F3K" },
    });
    await settle();

    expect(JSON.parse(h.requests[0]?.body ?? "")).toEqual({
      subject: "Semana de la ciencia",
      body: { contentType: "html", content: "<p>Invitación</p>" },
      toRecipients: [],
      bccRecipients: [{ emailAddress: { name: "Estudiantes", address: "estudiantes@uni.example.edu.co" } }],
      from: { emailAddress: { address: "ciencias@uni.example.edu.co" } },
      singleValueExtendedProperties: [
        { id: CASE_PROPERTY_IDS.kind, value: "massMail" },
        { id: CASE_PROPERTY_IDS.caseId, value: "CM-2611-7F3K" },
        { id: CASE_PROPERTY_IDS.itRecord, value: '{"v":1}' },
      ],
      internetMessageHeaders: [{ name: "x-pregon-case-id", value: "CM-2611-7F3K" }],
    });
    expect(created.id).toBe("AAMkMass1=");
    expect(created.isDraft).toBe(true);
  });

  it("refuses a header Graph would reject, before creating anything", async () => {
    const h = createHarness();
    await expect(
      h.service.createDraft("me", { subject: "s", bodyHtml: "b", headers: { Subject: "x" } }),
    ).rejects.toMatchObject({ code: "badRequest", details: { field: "headers" } });
    expect(h.requests).toHaveLength(0);
  });

  it("changes a draft's sender with a PATCH of from", async () => {
    const h = createHarness();
    h.use(
      http.patch(`${GRAPH}/me/messages/:id`, () => HttpResponse.json(graphMessage({ id: "AAMkMass1=" }))),
    );

    await h.service.setDraftSender("me", "AAMkMass1=", {
      name: "Comunicaciones",
      address: "comunicaciones@uni.example.edu.co",
    });
    await settle();

    expect(h.requests[0]?.method).toBe("PATCH");
    expect(h.requests[0]?.url.pathname).toBe("/v1.0/me/messages/AAMkMass1%3D");
    expect(JSON.parse(h.requests[0]?.body ?? "")).toEqual({
      from: { emailAddress: { name: "Comunicaciones", address: "comunicaciones@uni.example.edu.co" } },
    });
  });

  it("sends a draft with POST …/send", async () => {
    const h = createHarness();
    h.use(
      http.post(`${GRAPH}/users/:mailbox/messages/:id/send`, () => new HttpResponse(null, { status: 202 })),
    );

    await h.service.sendDraft("tic@uni.example.edu.co", "AAMkMass1=");

    expect(h.requests[0]?.url.pathname).toBe(
      "/v1.0/users/tic%40uni.example.edu.co/messages/AAMkMass1%3D/send",
    );
  });
});
