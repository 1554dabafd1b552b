// The emulator in the browser (demo): a service worker answers requests to the tenant's base URL and to its
// upload origin (Exchange's upload-session host). The build copies msw's worker script to /mockServiceWorker.js;
// everything else bypasses the worker.
import { setupWorker } from "msw/browser";
import type { SetupWorker } from "msw/browser";
import { createGraphHandlers } from "./handlers";
import type { Tenant } from "./state/tenant";

export interface BrowserEmulator {
  worker: SetupWorker;
  stop(): void;
}

export async function startBrowserEmulator(
  tenant: Tenant,
  workerUrl = "/mockServiceWorker.js",
): Promise<BrowserEmulator> {
  const worker = setupWorker(...createGraphHandlers(tenant));
  await worker.start({ serviceWorker: { url: workerUrl }, onUnhandledRequest: "bypass", quiet: true });
  return { worker, stop: () => worker.stop() };
}
