// `npm run bench`: one table of what a slow laptop and a busy tenant feel, measured in one run on this machine.
// Budgets are counts, sizes and ratios, never absolute times (those depend on the machine):
//   1. initial JS (the scripts taskpane.html loads before anything else), gzip, against a hello-world Fluent v9
//      pane and a "naive stack" (hello-world + MSAL NAA + Graph client) built now with the same webpack settings;
//   2. time to the first screen in Chromium under 4x CPU throttling, as a ratio to the hello-world pane
//      (Office.js stubbed, medians of interleaved runs);
//   3. intake extraction + sanitizing CPU at 100 KB / 1 MB / 10 MB, as a ratio to JSON.parse of the same bytes;
//   4. Graph requests and round trips per action and per case, against the embedded tenant
//      (test/bench/requestCounts.test.ts).
// `--ci` (or `npm run bench:budgets`) exits 1 when the size or request budget is exceeded.
// Options: --runs N (first-screen runs per page, default 5), --skip-build (reuse the last build in .bench/),
// --compare DIR (another build's dist/, e.g. an older commit's, measured in the same run: sizes and first screen).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { serveStatic } from "./serve.mjs";

const require = createRequire(import.meta.url);
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, ".bench");
const args = process.argv.slice(2);
const CI = args.includes("--ci");
const RUNS = Number(args[args.indexOf("--runs") + 1]) || 5;
const SKIP_BUILD = args.includes("--skip-build");
/** --compare DIR: another production build of the pane (e.g. an older commit's dist/), shown beside this one. */
const COMPARE = args.includes("--compare") ? resolve(args[args.indexOf("--compare") + 1]) : undefined;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/** The budgets (issue 11): sizes in KiB of gzip, counts of requests. */
const BUDGET = { initialGzipKiB: 165 };

const KiB = (bytes) => (bytes / 1024).toFixed(1);
const gzip = (buffer) => gzipSync(buffer, { level: 9 }).length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// ---------------------------------------------------------------------------------------------- builds
const BENCH_HTML = `<!doctype html><html lang="es"><head><meta charset="utf-8"><title>bench</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' https://appsforoffice.microsoft.com; style-src 'self' 'unsafe-inline'">
<script src="${OFFICE_JS}"></script></head><body><div id="root"></div></body></html>`;

async function build() {
  const webpack = require("webpack");
  const HtmlWebpackPlugin = require("html-webpack-plugin");
  const makeConfig = require(join(ROOT, "webpack.config.js"));
  const pane = await makeConfig({}, { mode: "production" });
  pane.output = { ...pane.output, path: join(OUT, "pane") };
  writeFileSync(join(OUT, "bench.html"), BENCH_HTML);
  // The references: the pane's own module rules, resolution, minifier and output naming; one entry each.
  const reference = (name, entry) => ({
    mode: "production",
    context: ROOT,
    entry: { [name]: entry },
    devtool: false,
    output: { ...pane.output, path: join(OUT, name) },
    resolve: pane.resolve,
    module: pane.module,
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: join(OUT, "bench.html"), inject: "body" }),
    ],
    performance: { hints: false },
  });
  const configs = [
    pane,
    reference("hello", "./scripts/bench/hello.tsx"),
    reference("naive", "./scripts/bench/naive.tsx"),
    reference("extract", "./scripts/bench/extract.ts"),
  ];
  await new Promise((done, fail) =>
    webpack(configs, (error, stats) => {
      if (error) return fail(error);
      if (stats.hasErrors()) return fail(new Error(stats.toString({ all: false, errors: true })));
      done();
    }),
  );
}

// ------------------------------------------------------------------------------------------ sizes
/** The scripts an HTML page loads by itself (its <script src> of this origin), and every .js file beside it. */
function sizes(dir, page) {
  const html = readFileSync(join(dir, page), "utf8");
  const initial = [...html.matchAll(/<script\b[^>]*\bsrc="?([^" >]+)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  const files = readdirSync(dir).filter((f) => f.endsWith(".js"));
  const all = files.map((file) => {
    const bytes = readFileSync(join(dir, file));
    return { file, bytes: bytes.length, gzip: gzip(bytes), initial: initial.includes(file) };
  });
  const initialGzip = all.filter((f) => f.initial).reduce((s, f) => s + f.gzip, 0);
  const initialBytes = all.filter((f) => f.initial).reduce((s, f) => s + f.bytes, 0);
  return { initial, all, initialGzip, initialBytes };
}

// ----------------------------------------------------------------------------------- the browser
const OFFICE_STUB = `window.Office = {
  HostType: { Outlook: "Outlook" },
  EventType: { ItemChanged: "olkItemSelectedChanged" },
  AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  onReady: (cb) => { const info = { host: "Outlook", platform: "OfficeOnline" }; if (cb) cb(info); return Promise.resolve(info); },
  context: {
    displayLanguage: "es-CO",
    requirements: { isSetSupported: () => true },
    mailbox: {
      item: null,
      userProfile: { emailAddress: "ana.rodriguez@universidad.example", displayName: "Ana" },
      diagnostics: { hostName: "OutlookWebApp" },
      addHandlerAsync: (type, handler, cb) => cb && cb({ status: "succeeded" }),
      removeHandlerAsync: (type, cb) => cb && cb({ status: "succeeded" }),
    },
  },
};`;

/** Marks the moment the first screen (a <main> landmark) is in the document, relative to navigation start. */
const FIRST_SCREEN_PROBE = `(() => {
  const seen = () => { if (document.querySelector("main")) { window.__firstScreen = performance.now(); return true; } return false; };
  new MutationObserver((_, obs) => { if (seen()) obs.disconnect(); }).observe(document, { childList: true, subtree: true });
})();`;

async function withBrowser(run) {
  const { chromium } = require("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}

/** One cold load (fresh context: no cache) under 4x CPU throttling; ms to the first screen, config requests. */
async function firstScreenOnce(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let configRequests = 0;
  page.on("request", (r) => {
    if (r.url().endsWith("/pregon.config.json")) configRequests += 1;
  });
  await page.route(OFFICE_JS, (route) =>
    route.fulfill({ status: 200, contentType: "text/javascript", body: OFFICE_STUB }),
  );
  await page.addInitScript(FIRST_SCREEN_PROBE);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await page.goto(url);
  await page.waitForFunction(() => window.__firstScreen !== undefined, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.__firstScreen);
  await context.close();
  return { ms, configRequests };
}

async function firstScreens(browser, urls) {
  const samples = Object.fromEntries(Object.keys(urls).map((k) => [k, []]));
  let configRequests = 0;
  await firstScreenOnce(browser, urls.hello); // warm-up: the browser's own start-up is not the pane's
  for (let i = 0; i < RUNS; i += 1) {
    for (const [name, url] of Object.entries(urls)) {
      const once = await firstScreenOnce(browser, url);
      samples[name].push(once.ms);
      if (name === "pane") configRequests = Math.max(configRequests, once.configRequests);
    }
  }
  return {
    medians: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])),
    configRequests,
  };
}

/** Seconds one size may take before it is reported as not measured (the page is then closed). */
const EXTRACT_CAP_S = 180;

async function extraction(browser, url) {
  const figures = [];
  for (const size of [100_000, 1_000_000, 10_000_000]) {
    const page = await browser.newPage();
    await page.route(OFFICE_JS, (route) =>
      route.fulfill({ status: 200, contentType: "text/javascript", body: "" }),
    );
    await page.goto(url);
    await page.waitForFunction(() => document.title === "ready");
    const timer = new Promise((done) => setTimeout(() => done(null), EXTRACT_CAP_S * 1000));
    const run = page.evaluate((n) => window.pregonBench([n])[0], size).catch(() => null);
    const figure = await Promise.race([run, timer]);
    figures.push(figure ?? { bytes: size, capped: true });
    await page.close().catch(() => undefined);
  }
  return figures;
}

// --------------------------------------------------------------------------------- request counts
function requestCounts() {
  const out = join(OUT, "requests.json");
  const result = spawnSync(
    process.execPath,
    [require.resolve("jest/bin/jest"), "--coverage=false", "test/bench/requestCounts.test.ts"],
    { cwd: ROOT, env: { ...process.env, PREGON_BENCH_REQUESTS: out }, encoding: "utf8" },
  );
  if (!existsSync(out)) throw new Error(`request count run failed:\n${result.stderr}`);
  return { ...JSON.parse(readFileSync(out, "utf8")), passed: result.status === 0 };
}

// ----------------------------------------------------------------------------------------- table
function row(...cells) {
  const [label, ...rest] = cells;
  return `${String(label).padEnd(56)}${rest.map((c) => String(c).padStart(13)).join("")}`;
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  if (!SKIP_BUILD) {
    console.log("building the pane and the reference panes (production)…");
    await build();
  }
  const pane = sizes(join(OUT, "pane"), "taskpane.html");
  const hello = sizes(join(OUT, "hello"), "index.html");
  const naive = sizes(join(OUT, "naive"), "index.html");

  const compare = COMPARE ? sizes(COMPARE, "taskpane.html") : undefined;
  const server = await serveStatic(OUT);
  const compareServer = COMPARE ? await serveStatic(COMPARE) : undefined;
  let screens;
  let extract;
  try {
    ({ screens, extract } = await withBrowser(async (browser) => {
      const firstScreen = await firstScreens(browser, {
        hello: `${server.url}hello/index.html`,
        naive: `${server.url}naive/index.html`,
        pane: `${server.url}pane/taskpane.html`,
        ...(compareServer ? { compare: `${compareServer.url}taskpane.html` } : {}),
      });
      console.log(
        `first screen, median ms on this machine (informational): ${JSON.stringify(firstScreen.medians)}`,
      );
      return { screens: firstScreen, extract: await extraction(browser, `${server.url}extract/index.html`) };
    }));
  } finally {
    await server.close();
    await compareServer?.close();
  }
  const requests = requestCounts();

  const failures = [];
  const lines = [];
  lines.push(row("", "Pregón", "hello-world", "naive stack", "budget"));
  const sizeOk = pane.initialGzip / 1024 <= BUDGET.initialGzipKiB && pane.initialGzip <= naive.initialGzip;
  if (!sizeOk) failures.push("initial JS over budget");
  lines.push(
    row(
      "initial JS, KiB gzip",
      KiB(pane.initialGzip),
      KiB(hello.initialGzip),
      KiB(naive.initialGzip),
      `   ≤ ${BUDGET.initialGzipKiB} and ≤ naive: ${sizeOk ? "ok" : "OVER"}`,
    ),
  );
  lines.push(
    row("initial JS, KiB minified", KiB(pane.initialBytes), KiB(hello.initialBytes), KiB(naive.initialBytes)),
  );
  const ratio = (name) => (screens.medians[name] / screens.medians.hello).toFixed(2);
  lines.push(
    row(
      `first screen, ratio to hello (4x CPU, median of ${RUNS})`,
      ratio("pane"),
      "1.00",
      ratio("naive"),
      "reported",
    ),
  );
  if (compare) {
    lines.push(
      row(
        "compared build: initial JS KiB gzip, first-screen ratio",
        KiB(compare.initialGzip),
        ratio("compare"),
      ),
    );
  }
  lines.push(row("config file requests per load (preload used)", screens.configRequests, "", "", "1"));
  if (screens.configRequests !== 1) failures.push("the configuration was requested more than once");
  lines.push("");
  lines.push("Pregón's chunks (* = loaded by taskpane.html):");
  for (const f of pane.all.sort((a, b) => b.gzip - a.gzip)) {
    lines.push(
      `  ${f.initial ? "*" : " "} ${f.file.padEnd(36)} ${KiB(f.bytes).padStart(8)} KiB  ${KiB(f.gzip).padStart(7)} KiB gzip`,
    );
  }
  lines.push("");
  lines.push(
    "extraction + sanitize (informational; ratio to JSON.parse of the same bytes, ms on this machine):",
  );
  for (const e of extract) {
    const label = e.bytes >= 1e6 ? `${(e.bytes / 1e6).toFixed(0)} MB` : `${(e.bytes / 1e3).toFixed(0)} KB`;
    if (e.capped) {
      lines.push(`  ${label.padEnd(8)} not measured: over ${EXTRACT_CAP_S} s in this run`);
      continue;
    }
    lines.push(
      `  ${label.padEnd(8)} extract ×${(e.extractMs / e.jsonParseMs).toFixed(0)} (${e.extractMs.toFixed(1)} ms)` +
        `  sanitize ×${(e.sanitizeMs / e.jsonParseMs).toFixed(0)} (${e.sanitizeMs.toFixed(1)} ms)` +
        `  JSON.parse ${e.jsonParseMs.toFixed(2)} ms`,
    );
  }
  lines.push("");
  lines.push("Graph requests per action (embedded tenant; round trips count a $batch once):");
  for (const a of requests.actions)
    lines.push(
      `  ${a.action.padEnd(34)} ${String(a.requests).padStart(4)} requests ${String(a.roundTrips).padStart(4)} round trips`,
    );
  const reqOk =
    requests.passed &&
    requests.total.requests <= requests.budget.requests &&
    requests.total.roundTrips <= requests.budget.roundTrips;
  if (!reqOk) failures.push("requests per case over budget");
  lines.push(
    `  ${"per case".padEnd(34)} ${String(requests.total.requests).padStart(4)} requests ${String(requests.total.roundTrips).padStart(4)} round trips` +
      `   budget ≤ ${requests.budget.requests} / ≤ ${requests.budget.roundTrips} ${reqOk ? "ok" : "OVER"}`,
  );
  lines.push("");
  lines.push("dashboard with 1k / 10k / 50k cases: not measured yet");
  lines.push("CSV export of 10k rows: not measured yet");
  console.log(lines.join("\n"));
  if (CI && failures.length > 0) {
    console.error(`\nbudgets exceeded: ${failures.join("; ")}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
