// MailService.readTogether in the Graph adapter: the reads a callback starts before its first pause go as one
// $batch, each with its own answer or error as if asked alone; a single read, and reads made after the pause, go
// as ordinary requests. What the workflow relies on when it sends a claim's read-back with other look-ups.
import { http, HttpResponse } from "msw";
import { GRAPH, createHarness, graphError, startGraphServer } from "./harness";

startGraphServer();

interface Step {
  id: string;
  method: string;
  url: string;
}

function message(id: string) {
  return { id, subject: `Subject ${id}`, isDraft: false, conversationId: `conv-${id}` };
}

/** A $batch endpoint answering message reads and lists; `fail` picks the steps answered 404. */
function batchEndpoint(fail: (step: Step) => boolean = () => false) {
  const rounds: Step[][] = [];
  return {
    rounds,
    handler: http.post(`${GRAPH}/$batch`, async ({ request }) => {
      const { requests } = (await request.json()) as { requests: Step[] };
      rounds.push(requests);
      return HttpResponse.json({
        responses: requests.map((s) => {
          if (fail(s))
            return {
              id: s.id,
              status: 404,
              headers: { "Content-Type": "application/json" },
              body: graphError("ErrorItemNotFound"),
            };
          const body = s.url.includes("/mailFolders/")
            ? { value: [message("sent-1")] }
            : message(/\/messages\/([^/?]+)/.exec(s.url)?.[1] ?? "?");
          return { id: s.id, status: 200, headers: { "Content-Type": "application/json" }, body };
        }),
      });
    }),
  };
}

const single = http.get(`${GRAPH}/me/messages/:id`, ({ params }) =>
  HttpResponse.json(message(String(params.id))),
);

describe("readTogether", () => {
  it("sends a message read and a Sent Items list started together as one $batch, each with its own answer", async () => {
    const h = createHarness();
    const endpoint = batchEndpoint();
    h.use(endpoint.handler);

    const [read, page] = await h.service.readTogether(() =>
      Promise.all([
        h.service.getMessage("me", "m1"),
        h.service.listCases("me", { folder: "sentitems", caseId: "CM-2611-7F3K", kind: "forward", top: 1 }),
      ]),
    );

    expect(h.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(["POST /v1.0/$batch"]);
    expect(endpoint.rounds[0]?.map((s) => s.method)).toEqual(["GET", "GET"]);
    expect(endpoint.rounds[0]?.[0]?.url).toMatch(/^\/me\/messages\/m1\?/);
    expect(endpoint.rounds[0]?.[1]?.url).toMatch(/^\/me\/mailFolders\/sentitems\/messages\?/);
    expect(read.id).toBe("m1");
    expect(page.items.map((m) => m.id)).toEqual(["sent-1"]);
  });

  it("gives a failed step the error a single read would get, and the other its answer", async () => {
    const h = createHarness();
    h.use(batchEndpoint((s) => s.url.includes("/messages/gone")).handler);

    const [gone, kept] = await h.service.readTogether(() =>
      Promise.allSettled([h.service.getMessage("me", "gone"), h.service.getMessage("me", "m2")]),
    );

    expect(gone).toMatchObject({ status: "rejected", reason: { code: "notFound" } });
    expect(kept).toMatchObject({ status: "fulfilled", value: { id: "m2" } });
  });

  it("sends one read alone, and reads made after the callback's first pause as ordinary requests", async () => {
    const h = createHarness();
    const endpoint = batchEndpoint();
    h.use(endpoint.handler, single);

    const alone = await h.service.readTogether(() => h.service.getMessage("me", "m1"));
    const [first, later] = await h.service.readTogether(async () => {
      const a = await h.service.getMessage("me", "m2");
      return [a, await h.service.getMessage("me", "m3")];
    });

    expect(endpoint.rounds).toEqual([]);
    expect(h.requests.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      "GET /v1.0/me/messages/m1",
      "GET /v1.0/me/messages/m2",
      "GET /v1.0/me/messages/m3",
    ]);
    expect([alone.id, first?.id, later?.id]).toEqual(["m1", "m2", "m3"]);
  });

  it("lets a readTogether inside another join the outer batch", async () => {
    const h = createHarness();
    const endpoint = batchEndpoint();
    h.use(endpoint.handler);

    await h.service.readTogether(() =>
      Promise.all([
        h.service.getMessage("me", "m1"),
        h.service.readTogether(() => h.service.getMessage("me", "m2")),
      ]),
    );

    expect(endpoint.rounds.map((r) => r.length)).toEqual([2]);
  });
});
