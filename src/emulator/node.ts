// The emulator in Node (tests): msw/node intercepts fetch to the tenant's base URL and upload origin; other
// requests pass.
import { setupServer } from "msw/node";
import type { SetupServer } from "msw/node";
import { createGraphHandlers } from "./handlers";
import type { Tenant } from "./state/tenant";

export interface NodeEmulator {
  server: SetupServer;
  close(): void;
}

export function startNodeEmulator(tenant: Tenant): NodeEmulator {
  const server = setupServer(...createGraphHandlers(tenant));
  server.listen({ onUnhandledRequest: "bypass" });
  return { server, close: () => server.close() };
}
