// Two projects: the domain runs in plain Node (proving it needs no DOM); everything else in jsdom with
// fetch/Request (jest-fixed-jsdom). ts-jest also transforms the ESM-only packages that msw pulls in, and d3's
// (ESM only since v3), which the report chart's @fluentui/react-charts requires even from its CommonJS build.
const esmOnly = [
  "msw",
  "@mswjs",
  "@open-draft",
  "until-async",
  "rettime",
  "outvariant",
  "strict-event-emitter",
  "headers-polyfill",
  "is-node-process",
  "@bundled-es-modules",
  "graphql",
  "statuses",
  "tough-cookie",
  "type-fest",
  "path-to-regexp",
  "cookie",
  "d3-[a-z-]+",
  "internmap",
];
const transform = {
  "^.+\\.(t|j|mj)sx?$": ["ts-jest", { tsconfig: "tsconfig.test.json", diagnostics: { warnOnly: false } }],
};
const transformIgnorePatterns = [`node_modules/(?!(${esmOnly.join("|")})/)`];
const moduleFileExtensions = ["ts", "tsx", "js", "mjs", "cjs", "json"];

/** @type {import('jest').Config} */
module.exports = {
  // Coverage is always collected for the domain, so `npm test` itself enforces the threshold below.
  collectCoverage: true,
  // Jest's default (cores - 1) is a single worker on a two-core CI machine; most suites wait on module
  // loading rather than CPU, so two workers nearly halve the run.
  maxWorkers: 2,
  // Integration tests drive whole procedures through the emulator; on a loaded two-core machine one can take
  // several seconds, which is slow, not wrong. Assertions are unaffected.
  testTimeout: 30_000,
  // Istanbul ("babel") instruments only the files in collectCoverageFrom (the domain), so React, Fluent and the
  // emulator run at full speed. V8's provider turned block counting on for every function loaded in every
  // suite: measured on test/taskpane (35 suites), 80 s without coverage, 108 s with this provider, 190 s with v8.
  coverageProvider: "babel",
  collectCoverageFrom: ["src/domain/**/*.ts"],
  coverageThreshold: { "./src/domain/": { lines: 90 } },
  coverageReporters: ["text-summary", "json-summary"],
  projects: [
    {
      displayName: "domain",
      testEnvironment: "node",
      testMatch: ["<rootDir>/test/domain/**/*.test.ts"],
      transform,
      transformIgnorePatterns,
      moduleFileExtensions,
    },
    {
      displayName: "dom",
      testEnvironment: "jest-fixed-jsdom",
      testMatch: ["<rootDir>/test/**/*.test.{ts,tsx}"],
      testPathIgnorePatterns: ["<rootDir>/test/domain/", "<rootDir>/test/e2e/", "<rootDir>/test/faults/"],
      setupFiles: ["<rootDir>/test/setup/jsdom.ts"],
      transform,
      transformIgnorePatterns,
      moduleFileExtensions,
      testEnvironmentOptions: { customExportConditions: [""] },
    },
  ],
};
