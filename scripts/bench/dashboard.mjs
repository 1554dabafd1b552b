// The dashboard bench: how long the Communications dashboard takes to show its first rows and all of them at
// 1,000, 10,000 and 50,000 cases, how many list requests of which page size it makes, their bytes and the
// emulator's own share, and the register CSV export at 10,000 cases. It runs test/bench/dashboard.bench.tsx
// through jest (jest.bench.config.js): the real DashboardView rendered in jsdom against the embedded tenant.
//
//   import { runDashboardBench, formatDashboardBench } from "./bench/dashboard.mjs";
//   const rows = await runDashboardBench({ sizes: [1000, 10000, 50000] });   // → BenchRow[] (see below)
//   console.log(formatDashboardBench(rows));
//
// or on its own: node scripts/bench/dashboard.mjs [sizes, e.g. 1000,10000]
// Each row: { cases, firstRowsMs, allRowsMs, requests, pageSizes, bytes, emulatorMs, csvMs? }.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Runs the bench and resolves with one row per size; rejects when jest fails, or — with `timeoutMs` — when the run
 * takes longer (jest is then stopped, and the error has `timedOut: true`).
 */
export function runDashboardBench({ sizes = [1000, 10000, 50000], quiet = true, timeoutMs } = {}) {
  const work = mkdtempSync(join(tmpdir(), "pregon-bench-"));
  const report = join(work, "dashboard.json");
  const child = spawn(
    process.execPath,
    [
      join(root, "node_modules", "jest", "bin", "jest.js"),
      "-c",
      join(root, "jest.bench.config.js"),
      "--ci",
      "--coverage=false",
      "test/bench/dashboard.bench.tsx",
    ],
    {
      cwd: root,
      stdio: ["ignore", quiet ? "ignore" : "inherit", quiet ? "pipe" : "inherit"],
      env: { ...process.env, BENCH_REPORT: report, BENCH_SIZES: sizes.join(","), FORCE_COLOR: "0" },
    },
  );
  let errors = "";
  child.stderr?.on("data", (chunk) => (errors += chunk));
  let timedOut = false;
  const timer =
    timeoutMs === undefined
      ? undefined
      : setTimeout(() => {
          timedOut = true;
          child.kill("SIGKILL");
        }, timeoutMs);
  return new Promise((resolve, reject) => {
    child.on("close", (code) => {
      clearTimeout(timer);
      try {
        if (timedOut) {
          throw Object.assign(new Error(`dashboard bench stopped after ${timeoutMs / 1000} s`), {
            timedOut: true,
          });
        }
        if (code !== 0) throw new Error(`dashboard bench failed (jest exit ${code})\n${errors.slice(-4000)}`);
        resolve(JSON.parse(readFileSync(report, "utf8")));
      } catch (e) {
        reject(e);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  });
}

const seconds = (ms) => (ms === undefined ? "" : `${(ms / 1000).toFixed(2)} s`);

/** The rows as a small fixed-width table. */
export function formatDashboardBench(rows) {
  const header = [
    "cases",
    "first rows",
    "all rows",
    "requests",
    "page size",
    "KiB",
    "emulator",
    "CSV export",
  ];
  const lines = rows.map((r) => [
    r.cases.toLocaleString("en"),
    seconds(r.firstRowsMs),
    seconds(r.allRowsMs),
    String(r.requests),
    r.pageSizes.join("/"),
    String(Math.round(r.bytes / 1024)),
    seconds(r.emulatorMs),
    seconds(r.csvMs),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const format = (cells) => cells.map((c, i) => c.padStart(widths[i])).join("  ");
  return [format(header), ...lines.map(format)].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const sizes = process.argv[2] ? process.argv[2].split(",").map(Number) : undefined;
  runDashboardBench({ sizes, quiet: false }).then(
    (rows) => console.log(`\nDashboard bench\n${formatDashboardBench(rows)}`),
    (e) => {
      console.error(e.message);
      process.exitCode = 1;
    },
  );
}
