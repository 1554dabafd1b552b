import { http, HttpResponse, delay } from "msw";
import { graphMessage } from "./fixtures";
import { GRAPH, createHarness, startGraphServer } from "./harness";

startGraphServer();

describe("per-mailbox concurrency", () => {
  it("keeps at most 4 requests in flight per mailbox, independently for each mailbox", async () => {
    const h = createHarness();
    const inFlight = new Map<string, number>();
    const peak = new Map<string, number>();
    const track = (mailbox: string) => async () => {
      const now = (inFlight.get(mailbox) ?? 0) + 1;
      inFlight.set(mailbox, now);
      peak.set(mailbox, Math.max(peak.get(mailbox) ?? 0, now));
      await delay(20);
      inFlight.set(mailbox, (inFlight.get(mailbox) ?? 1) - 1);
      return HttpResponse.json(graphMessage());
    };
    h.use(
      http.get(`${GRAPH}/me/messages/:id`, track("me")),
      http.get(`${GRAPH}/users/:mailbox/messages/:id`, track("shared")),
    );

    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => h.service.getMessage("me", `m${i}`)),
      ...Array.from({ length: 10 }, (_, i) =>
        h.service.getMessage("comunicaciones@uni.example.edu.co", `s${i}`),
      ),
    ]);

    expect(peak.get("me")).toBe(4);
    expect(peak.get("shared")).toBe(4);
    expect(h.requests).toHaveLength(20);
  });
});
