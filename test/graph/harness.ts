// Test harness for the Graph adapter: an msw server that records every request, a fake clock that records
// every wait instead of waiting, and a service built against them.
import { setupServer } from "msw/node";
import type { RequestHandler } from "msw";
import { GraphMailService } from "../../src/graph";
import type { GraphMailServiceOptions } from "../../src/graph";
import type { Clock } from "../../src/graph";

export const GRAPH = "https://graph.microsoft.com/v1.0";
export const TOKEN = "token-1";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

export interface Harness {
  service: GraphMailService;
  requests: RecordedRequest[];
  sleeps: number[];
  clock: Clock;
  tokenRequests: (string | undefined)[];
  use(...handlers: RequestHandler[]): void;
}

const server = setupServer();
let recorded: RecordedRequest[] = [];

server.events.on("request:start", ({ request }) => {
  const copy = request.clone();
  const entry: RecordedRequest = {
    method: request.method,
    url: new URL(request.url),
    headers: request.headers,
    body: "",
  };
  recorded.push(entry);
  void copy.text().then((text) => (entry.body = text));
});

/** Call once per test file: starts the server and resets it between tests. */
export function startGraphServer(): void {
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => server.resetHandlers());
  afterAll(() => server.close());
}

export function createHarness(options: GraphMailServiceOptions = {}): Harness {
  recorded = [];
  const sleeps: number[] = [];
  let now = Date.parse("2026-11-27T14:00:00Z");
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
  };
  const tokenRequests: (string | undefined)[] = [];
  const service = new GraphMailService(
    {
      getAccessToken: async (request) => {
        tokenRequests.push(request?.claims);
        return TOKEN;
      },
    },
    { clock, ...options },
  );
  return {
    service,
    get requests() {
      return recorded;
    },
    sleeps,
    clock,
    tokenRequests,
    use: (...handlers) => server.use(...handlers),
  };
}

/** Waits until the bodies of recorded requests have been read. */
export async function settle(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Graph's error JSON. */
export function graphError(code: string, message = code): { error: { code: string; message: string } } {
  return { error: { code, message } };
}
