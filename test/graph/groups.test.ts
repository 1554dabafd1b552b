import { http, HttpResponse } from "msw";
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
