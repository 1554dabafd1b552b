// `npm run test:e2e`: the browser tests. Builds the demo (and the production build when dist/ has none), runs
// jest with jest.e2e.config.js against Debian's Chromium, and ends with one line "N passed, M failed" (what
// .ci/run counts). Exits non-zero when anything failed.
// Usage: npm run test:e2e [-- --no-build] [-- <jest arguments, e.g. -t dashboard>]
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const noBuild = args.includes("--no-build");
const jestArgs = args.filter((a) => a !== "--no-build");
const started = Date.now();

/** The last line is the verdict, alone on its line. */
function finish(passed, failed) {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`\ne2e finished in ${seconds} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

function webpack(label, extra) {
  console.log(`\n=== ${label}`);
  const bin = join(root, "node_modules", "webpack", "bin", "webpack.js");
  const result = spawnSync(process.execPath, [bin, "--mode", "production", ...extra], {
    cwd: root,
    stdio: "inherit",
  });
  return result.status === 0;
}

// The demo: always rebuilt (the tests must see the current source), unless --no-build and it exists.
const demoIndex = join(root, "dist-demo", "index.html");
if (!noBuild || !existsSync(demoIndex)) {
  if (
    !webpack("build the demo (webpack --mode production --env demo)", ["--env", "demo"]) ||
    !existsSync(demoIndex)
  ) {
    console.error("The demo build failed; no browser test can run.");
    finish(0, 1);
  }
} else {
  console.log("--no-build: using the existing dist-demo/");
}

// The production build, for the CSP test: only when dist/ has none. A failure here fails that test alone.
if (!existsSync(join(root, "dist", "taskpane.html"))) {
  if (!webpack("build the add-in (webpack --mode production), dist/ has no taskpane.html", [])) {
    console.error("warning: the production build failed; the CSP test will fail and say so.");
  }
}

const work = mkdtempSync(join(tmpdir(), "pregon-e2e-"));
const report = join(work, "jest.json");
rmSync(join(root, "test-results", "timings.jsonl"), { force: true });
console.log("\n=== jest -c jest.e2e.config.js");
const jest = spawnSync(
  process.execPath,
  [
    join(root, "node_modules", "jest", "bin", "jest.js"),
    "-c",
    join(root, "jest.e2e.config.js"),
    "--ci",
    "--json",
    `--outputFile=${report}`,
    ...jestArgs,
  ],
  { cwd: root, stdio: "inherit", env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? "0" } },
);

/** Jest's own counts; a run without a report (global setup failed) counts as one failure. */
function counts() {
  if (!existsSync(report)) {
    console.error(
      `jest wrote no report (exit ${jest.status ?? jest.signal}); the global setup probably failed.`,
    );
    return { passed: 0, failed: 1 };
  }
  const r = JSON.parse(readFileSync(report, "utf8"));
  const passed = r.numPassedTests ?? 0;
  // A suite that could not run (a syntax or setup error) has no failed tests of its own; count it once.
  const failed = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  if (jest.status !== 0 && failed === 0) {
    console.error(
      `jest exited ${jest.status} with no failed test (an error outside the tests, e.g. global setup).`,
    );
    return { passed, failed: 1 };
  }
  return { passed, failed };
}
const { passed, failed } = counts();
rmSync(work, { recursive: true, force: true });

const timings = join(root, "test-results", "timings.jsonl");
if (existsSync(timings)) {
  console.log("\nTimings (ms):");
  for (const line of readFileSync(timings, "utf8").split("\n").filter(Boolean)) {
    const { name, ms } = JSON.parse(line);
    console.log(`  ${name}: ${ms}`);
  }
}
finish(passed, failed);
