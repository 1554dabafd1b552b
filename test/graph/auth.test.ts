import { http, HttpResponse } from "msw";
import { REQUEST_ID, graphMessage } from "./fixtures";
import { GRAPH, createHarness, startGraphServer } from "./harness";

startGraphServer();

const claims = '{"access_token":{"nbf":{"essential":true,"value":"1764252000"}}}';

describe("claims challenge", () => {
  it("asks the token provider once more with the decoded claims and repeats the request", async () => {
    const h = createHarness();
    let call = 0;
    h.use(
      http.get(`${GRAPH}/me/messages/:id`, () => {
        call++;
        if (call > 1) return HttpResponse.json(graphMessage());
        return HttpResponse.json(
          {
            error: {
              code: "InvalidAuthenticationToken",
              message: "Continuous access evaluation resulted in challenge",
            },
          },
          {
            status: 401,
            headers: {
              "WWW-Authenticate": `Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", error="insufficient_claims", claims="${btoa(claims)}"`,
            },
          },
        );
      }),
    );

    await h.service.getMessage("me", REQUEST_ID);

    expect(h.tokenRequests).toEqual([undefined, claims]);
    expect(h.requests).toHaveLength(2);
  });

  it("does not loop: a second 401 reaches the caller as unauthenticated", async () => {
    const h = createHarness();
    h.use(
      http.get(`${GRAPH}/me/messages/:id`, () =>
        HttpResponse.json(
          { error: { code: "InvalidAuthenticationToken", message: "Access token has expired." } },
          {
            status: 401,
            headers: { "WWW-Authenticate": `Bearer error="insufficient_claims", claims="${btoa(claims)}"` },
          },
        ),
      ),
    );

    await expect(h.service.getMessage("me", REQUEST_ID)).rejects.toMatchObject({ code: "unauthenticated" });
    expect(h.requests).toHaveLength(2);
  });
});
