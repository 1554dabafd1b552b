import { http, HttpResponse } from "msw";
import { REQUEST_ID } from "./fixtures";
import { GRAPH, createHarness, graphError, startGraphServer } from "./harness";

startGraphServer();

describe("Graph errors become AppErrors", () => {
  it.each([
    [400, "ErrorInvalidProperty", "badRequest", "none"],
    [400, "InefficientFilter", "badRequest", "none"],
    [401, "InvalidAuthenticationToken", "unauthenticated", "signIn"],
    [403, "ErrorAccessDenied", "forbidden", "contactAdmin"],
    [404, "ErrorItemNotFound", "notFound", "none"],
    [409, "ErrorIrresolvableConflict", "conflict", "retry"],
    [412, "ErrorIrresolvableConflict", "conflict", "retry"],
    [429, "ApplicationThrottled", "throttled", "retry"],
    [503, "ServiceUnavailable", "unavailable", "retry"],
    [504, "GatewayTimeout", "unavailable", "retry"],
    [500, "ErrorInternalServerError", "unknown", "retry"],
  ])("%i %s → %s", async (status, graphCode, code, nextStep) => {
    const h = createHarness({ retry: { maxRetries: 0, maxThrottleWaitMs: 0 } });
    h.use(
      http.get(`${GRAPH}/me/messages/:id`, () =>
        HttpResponse.json(
          {
            error: {
              code: graphCode,
              message: "m",
              innerError: { "request-id": "req-42", date: "2026-11-27T14:00:00" },
            },
          },
          { status },
        ),
      ),
    );

    await expect(h.service.getMessage("me", REQUEST_ID)).rejects.toMatchObject({
      name: "AppError",
      code,
      nextStep,
      details: { status, graphCode, requestId: "req-42" },
    });
  });

  it("tells a refused Send As apart from other 403s", async () => {
    const h = createHarness();
    h.use(
      http.post(`${GRAPH}/me/messages/:id/send`, () =>
        HttpResponse.json(
          graphError(
            "ErrorSendAsDenied",
            "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account.",
          ),
          { status: 403 },
        ),
      ),
    );

    await expect(h.service.sendDraft("me", "draft-1")).rejects.toMatchObject({
      code: "sendAsDenied",
      nextStep: "contactAdmin",
      details: { graphCode: "ErrorSendAsDenied" },
    });
  });

  it("copes with an error response that is not JSON", async () => {
    const h = createHarness();
    h.use(
      http.get(
        `${GRAPH}/me/messages/:id`,
        () => new HttpResponse("<html>Bad gateway</html>", { status: 404 }),
      ),
    );

    await expect(h.service.getMessage("me", REQUEST_ID)).rejects.toMatchObject({
      code: "notFound",
      details: { status: 404 },
    });
  });

  it("passes the token provider's own AppError through, and wraps anything else as unauthenticated", async () => {
    const { GraphMailService } = await import("../../src/graph");
    const { AppError } = await import("../../src/domain/errors");
    const consent = new GraphMailService({
      getAccessToken: () => Promise.reject(new AppError("consentRequired", "consent")),
    });
    await expect(consent.getMessage("me", REQUEST_ID)).rejects.toMatchObject({ code: "consentRequired" });
    const broken = new GraphMailService({ getAccessToken: () => Promise.reject(new Error("popup closed")) });
    await expect(broken.getMessage("me", REQUEST_ID)).rejects.toMatchObject({ code: "unauthenticated" });
  });
});
