import { http, HttpResponse } from "msw";
import { CASE_PROPERTY_IDS } from "../../src/graph";
import { REQUEST_ID, graphMessage } from "./fixtures";
import { GRAPH, createHarness, graphError, settle, startGraphServer } from "./harness";

startGraphServer();

const ETAG = 'W/"CQAAABYAAADkm3Vg2ZBcRa3tSxV1q0HyAAAB6x8x"';
const NEW_ETAG = 'W/"CQAAABYAAADkm3Vg2ZBcRa3tSxV1q0HyAAAB6y01"';

describe("writeCaseProps", () => {
  it("PATCHes only the given properties and the categories, with If-Match, and returns the new etag", async () => {
    const h = createHarness();
    h.use(
      http.patch(`${GRAPH}/me/messages/:id`, () =>
        HttpResponse.json(graphMessage({ "@odata.etag": NEW_ETAG })),
      ),
    );

    const result = await h.service.writeCaseProps(
      "me",
      REQUEST_ID,
      { caseId: "CM-2611-7F3K", state: "forwarded", record: '{"v":1}' },
      { categories: ["Pregón: reenviada"], ifMatch: ETAG },
    );
    await settle();

    const request = h.requests[0];
    expect(request?.method).toBe("PATCH");
    expect(request?.headers.get("If-Match")).toBe(ETAG);
    expect(request?.headers.get("Content-Type")).toBe("application/json");
    expect(JSON.parse(request?.body ?? "")).toEqual({
      singleValueExtendedProperties: [
        { id: CASE_PROPERTY_IDS.caseId, value: "CM-2611-7F3K" },
        { id: CASE_PROPERTY_IDS.state, value: "forwarded" },
        { id: CASE_PROPERTY_IDS.record, value: '{"v":1}' },
      ],
      categories: ["Pregón: reenviada"],
    });
    expect(result).toEqual({ etag: NEW_ETAG });
  });

  it("sends no If-Match when no etag is given", async () => {
    const h = createHarness();
    h.use(http.patch(`${GRAPH}/me/messages/:id`, () => HttpResponse.json(graphMessage())));

    await h.service.writeCaseProps("me", REQUEST_ID, { state: "closed" });

    expect(h.requests[0]?.headers.has("If-Match")).toBe(false);
  });

  it("turns a stale etag (412 ErrorIrresolvableConflict) into a conflict, without retrying", async () => {
    const h = createHarness();
    h.use(
      http.patch(`${GRAPH}/me/messages/:id`, () =>
        HttpResponse.json(
          graphError(
            "ErrorIrresolvableConflict",
            "The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.",
          ),
          { status: 412 },
        ),
      ),
    );

    await expect(
      h.service.writeCaseProps("me", REQUEST_ID, { state: "forwarded" }, { ifMatch: ETAG }),
    ).rejects.toMatchObject({
      code: "conflict",
      nextStep: "retry",
      details: { status: 412, graphCode: "ErrorIrresolvableConflict" },
    });
    expect(h.requests).toHaveLength(1);
  });
});
