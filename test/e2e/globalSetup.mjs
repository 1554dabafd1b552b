// Jest global setup for the browser tests: serves the demo build (dist-demo/) and the production build (dist/,
// with its Content-Security-Policy also sent as a header) on 127.0.0.1, and starts Debian's Chromium through
// playwright-core. The tests connect to that one browser by its wsEndpoint; teardown closes everything.
//
// Chromium gets exactly the flags below, plus a fresh --user-data-dir in a temp folder and
// --remote-debugging-pipe (the channel playwright-core drives it through). Nothing is downloaded.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serveStatic } from "../../scripts/serve.mjs";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The attributes of an HTML start tag (quoted or, as the minifier leaves them, unquoted values). */
function attributesOf(tag) {
  const out = {};
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? "";
  }
  return out;
}

/** The CSP of the production taskpane, read from its meta tag (the same policy is then sent as a header). */
export async function cspOf(htmlFile) {
  const html = await readFile(htmlFile, "utf8");
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
    const a = attributesOf(tag);
    if (a["http-equiv"]?.toLowerCase() === "content-security-policy" && a.content) {
      return a.content
        .replace(/&#39;|&apos;/g, "'")
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, "&");
    }
  }
  return undefined;
}

export default async function globalSetup() {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `The browser tests need Debian's Chromium at ${CHROMIUM_PATH}, and it is not installed. ` +
        "Install it with `apt-get install chromium` (CI does this); no downloaded browser is used.",
    );
  }
  const demoDir = join(root, "dist-demo");
  if (!existsSync(join(demoDir, "index.html"))) {
    throw new Error("dist-demo/index.html is missing: build the demo first (npm run test:e2e builds it).");
  }

  const servers = [];
  const demo = await serveStatic(demoDir, { port: 0 });
  servers.push(demo);

  const env = { demoUrl: demo.url, distUrl: "", csp: "", distProblem: "" };
  const taskpane = join(root, "dist", "taskpane.html");
  if (existsSync(taskpane)) {
    const csp = await cspOf(taskpane);
    if (csp) {
      const dist = await serveStatic(join(root, "dist"), {
        port: 0,
        headers: { "Content-Security-Policy": csp },
      });
      servers.push(dist);
      Object.assign(env, { distUrl: dist.url, csp });
    } else {
      env.distProblem = "dist/taskpane.html has no Content-Security-Policy meta tag.";
    }
  } else {
    env.distProblem = "dist/taskpane.html is missing: the production build did not run or failed.";
  }

  const userDataDir = await mkdtemp(join(tmpdir(), "pregon-e2e-chromium-"));
  let server;
  try {
    server = await chromium.launchServer({
      executablePath: CHROMIUM_PATH,
      // Only our flags: none of playwright's defaults.
      ignoreDefaultArgs: true,
      args: [...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`, "--remote-debugging-pipe"],
      timeout: 60_000,
    });
  } catch (error) {
    await Promise.all(servers.map((s) => s.close()));
    await rm(userDataDir, { recursive: true, force: true });
    throw new Error(`Could not start ${CHROMIUM_PATH}: ${error instanceof Error ? error.message : error}`, {
      cause: error,
    });
  }

  process.env.PREGON_E2E = JSON.stringify({ ...env, wsEndpoint: server.wsEndpoint() });
  globalThis.__pregonE2e = { server, servers, userDataDir };
}
