// Closes what globalSetup.mjs started: the browser, the static servers, the browser's profile folder.
import { rm } from "node:fs/promises";

export default async function globalTeardown() {
  const handles = globalThis.__pregonE2e;
  if (!handles) return;
  globalThis.__pregonE2e = undefined;
  await handles.server.close().catch((e) => console.error("closing Chromium:", e));
  await Promise.all(handles.servers.map((s) => s.close().catch((e) => console.error("closing server:", e))));
  await rm(handles.userDataDir, { recursive: true, force: true }).catch(() => undefined);
}
