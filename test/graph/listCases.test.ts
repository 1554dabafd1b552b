import { http, HttpResponse } from "msw";
import { CASE_PROPERTY_IDS } from "../../src/graph";
import { graphMessage } from "./fixtures";
import { GRAPH, createHarness, startGraphServer } from "./harness";

startGraphServer();

const stateIs = (state: string) =>
  `singleValueExtendedProperties/Any(ep: ep/id eq '${CASE_PROPERTY_IDS.state}' and ep/value eq '${state}')`;

function page(ids: string[], nextLink?: string) {
  return {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages",
    value: ids.map((id) => graphMessage({ id })),
    ...(nextLink ? { "@odata.nextLink": nextLink } : {}),
  };
}

describe("listCases", () => {
  it("filters on the server, sorted by a property that leads the filter (no InefficientFilter)", async () => {
    const h = createHarness();
    h.use(http.get(`${GRAPH}/me/mailFolders/:folder/messages`, () => HttpResponse.json(page(["a", "b"]))));

    const result = await h.service.listCases("me", {
      folder: "inbox",
      states: ["received", "forwarded"],
      top: 20,
    });

    const url = h.requests[0]?.url;
    expect(url?.pathname).toBe("/v1.0/me/mailFolders/inbox/messages");
    expect(url?.searchParams.get("$filter")).toBe(
      `receivedDateTime ge 1900-01-01T00:00:00Z and (${stateIs("received")} or ${stateIs("forwarded")})`,
    );
    expect(url?.searchParams.get("$orderby")).toBe("receivedDateTime desc");
    expect(url?.searchParams.get("$top")).toBe("20");
    expect(url?.searchParams.get("$select")).toContain("bodyPreview");
    expect(url?.searchParams.get("$expand")).toMatch(/^singleValueExtendedProperties\(\$filter=id eq /);
    // Spaces, quotes and braces are percent-encoded on the wire.
    expect(url?.search).toContain("receivedDateTime%20ge%201900-01-01T00%3A00%3A00Z");
    expect(result.items.map((m) => m.id)).toEqual(["a", "b"]);
    expect(result.next).toBeUndefined();
  });

  it("combines case id, kind, conversation, sender, time and presence conditions", async () => {
    const h = createHarness();
    h.use(http.get(`${GRAPH}/users/:mailbox/messages`, () => HttpResponse.json(page([]))));

    await h.service.listCases("tic@uni.example.edu.co", {
      caseId: "CM-2611-7F3K",
      kind: "forward",
      conversationId: "AAQk'x",
      from: "comunicaciones@uni.example.edu.co",
      receivedSince: "2026-11-20T05:00:00.000Z",
      hasCase: true,
    });

    expect(h.requests[0]?.url.pathname).toBe("/v1.0/users/tic%40uni.example.edu.co/messages");
    expect(h.requests[0]?.url.searchParams.get("$filter")).toBe(
      [
        "receivedDateTime ge 2026-11-20T05:00:00Z",
        "conversationId eq 'AAQk''x'",
        "from/emailAddress/address eq 'comunicaciones@uni.example.edu.co'",
        `singleValueExtendedProperties/Any(ep: ep/id eq '${CASE_PROPERTY_IDS.caseId}' and ep/value eq 'CM-2611-7F3K')`,
        `singleValueExtendedProperties/Any(ep: ep/id eq '${CASE_PROPERTY_IDS.kind}' and ep/value eq 'forward')`,
        `singleValueExtendedProperties/Any(ep: ep/id eq '${CASE_PROPERTY_IDS.caseId}' and ep/value ne '')`,
      ].join(" and "),
    );
    expect(h.requests[0]?.url.searchParams.get("$top")).toBe("50");
  });

  it("refuses a receivedSince that is not an instant, before calling Graph", async () => {
    const h = createHarness();
    await expect(h.service.listCases("me", { receivedSince: "yesterday" })).rejects.toMatchObject({
      code: "badRequest",
      details: { field: "receivedSince" },
    });
    expect(h.requests).toHaveLength(0);
  });

  it("follows @odata.nextLink to the next page", async () => {
    const h = createHarness();
    const nextLink = `${GRAPH}/me/messages?%24filter=x&%24top=2&%24skip=2`;
    h.use(
      http.get(`${GRAPH}/me/messages`, ({ request }) =>
        new URL(request.url).searchParams.has("$skip")
          ? HttpResponse.json(page(["c"]))
          : HttpResponse.json(page(["a", "b"], nextLink)),
      ),
    );

    const first = await h.service.listCases("me", { top: 2 });
    expect(first.next).toBe(nextLink);
    const second = await h.service.nextPage(first.next ?? "");

    expect(second.items.map((m) => m.id)).toEqual(["c"]);
    expect(second.next).toBeUndefined();
    expect(h.requests[1]?.url.href).toBe(nextLink);
    expect(h.requests[1]?.headers.get("Authorization")).toBe("Bearer token-1");
  });

  it("never sends the token to a next link on another host", async () => {
    const h = createHarness();
    await expect(
      h.service.nextPage("https://evil.example.com/v1.0/me/messages?$skip=2"),
    ).rejects.toMatchObject({
      code: "badRequest",
    });
    expect(h.requests).toHaveLength(0);
  });
});
