import { http, HttpResponse } from "msw";
import { AppError } from "../../src/domain/errors";
import { GraphMailService } from "../../src/graph";
import type { AccessTokenRequest } from "../../src/graph";
import { REQUEST_ID, graphMessage } from "./fixtures";
import { GRAPH, createHarness, startGraphServer } from "./harness";

startGraphServer();

describe("groupMemberCount", () => {
  it("finds the group by mail, then counts the users at every level of nesting with ConsistencyLevel: eventual (text/plain answer)", async () => {
    const h = createHarness();
    h.use(
      http.get(`${GRAPH}/groups`, () =>
        HttpResponse.json({
          "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#groups(id)",
          value: [{ id: "02bd9fd6-8f93-4758-87c3-1fb73740a315" }],
        }),
      ),
      http.get(`${GRAPH}/groups/:id/transitiveMembers/microsoft.graph.user/$count`, ({ request }) =>
        request.headers.get("ConsistencyLevel") === "eventual"
          ? HttpResponse.text("12834")
          : HttpResponse.json(
              { error: { code: "Request_BadRequest", message: "ConsistencyLevel" } },
              { status: 400 },
            ),
      ),
    );

    const count = await h.service.groupMemberCount("estudiantes@uni.example.edu.co");

    expect(h.requests[0]?.url.searchParams.get("$filter")).toBe("mail eq 'estudiantes@uni.example.edu.co'");
    expect(h.requests[0]?.url.searchParams.get("$select")).toBe("id");
    expect(h.requests[1]?.url.pathname).toBe(
      "/v1.0/groups/02bd9fd6-8f93-4758-87c3-1fb73740a315/transitiveMembers/microsoft.graph.user/$count",
    );
    expect(count).toBe(12834);
  });

  it("says notFound when no group has the address", async () => {
    const h = createHarness();
    h.use(http.get(`${GRAPH}/groups`, () => HttpResponse.json({ value: [] })));

    await expect(h.service.groupMemberCount("nadie@uni.example.edu.co")).rejects.toMatchObject({
      code: "notFound",
    });
  });
});

describe("incremental consent for member counts", () => {
  /** A token provider that records what each request asked for, and refuses GroupMember.Read.All if told to. */
  function consentingTokens(refuse: boolean) {
    const asked: Array<readonly string[]> = [];
    return {
      asked,
      getAccessToken: async (request?: AccessTokenRequest) => {
        asked.push(request?.scopes ?? []);
        if (refuse && request?.scopes?.includes("GroupMember.Read.All")) {
          throw new AppError("consentRequired", "refused", { details: { scopes: "GroupMember.Read.All" } });
        }
        return request?.scopes?.length ? "token-with-groups" : "token-mail";
      },
    };
  }

  function serveGroupsAndMail(h: { use: ReturnType<typeof createHarness>["use"] }, seen: string[]) {
    h.use(
      http.get(`${GRAPH}/groups`, ({ request }) => {
        seen.push(`groups ${request.headers.get("Authorization")}`);
        return HttpResponse.json({ value: [{ id: "02bd9fd6-8f93-4758-87c3-1fb73740a315" }] });
      }),
      http.get(`${GRAPH}/groups/:id/transitiveMembers/microsoft.graph.user/$count`, ({ request }) => {
        seen.push(`count ${request.headers.get("Authorization")}`);
        return HttpResponse.text("1387");
      }),
      http.get(`${GRAPH}/me/messages/:id`, ({ request }) => {
        seen.push(`message ${request.headers.get("Authorization")}`);
        return HttpResponse.json(graphMessage());
      }),
    );
  }

  it("mail calls ask for the sign-in's scopes only; the member count asks for GroupMember.Read.All", async () => {
    const h = createHarness();
    const seen: string[] = [];
    serveGroupsAndMail(h, seen);
    const tokens = consentingTokens(false);
    const service = new GraphMailService(tokens);

    await service.getMessage("me", REQUEST_ID);
    expect(tokens.asked).toEqual([[]]);
    await expect(service.groupMemberCount("docentes@uni.example.edu.co")).resolves.toBe(1387);

    expect(tokens.asked).toEqual([[], ["GroupMember.Read.All"], ["GroupMember.Read.All"]]);
    expect(seen).toEqual([
      "message Bearer token-mail",
      "groups Bearer token-with-groups",
      "count Bearer token-with-groups",
    ]);
  });

  it("consent refused: the count fails with consentRequired before any directory call; mail still works", async () => {
    const h = createHarness();
    const seen: string[] = [];
    serveGroupsAndMail(h, seen);
    const service = new GraphMailService(consentingTokens(true));

    await expect(service.groupMemberCount("docentes@uni.example.edu.co")).rejects.toMatchObject({
      code: "consentRequired",
      details: { scopes: "GroupMember.Read.All" },
    });
    expect(seen).toEqual([]);
    await expect(service.getMessage("me", REQUEST_ID)).resolves.toMatchObject({ id: REQUEST_ID });
    expect(seen).toEqual(["message Bearer token-mail"]);
  });
});
