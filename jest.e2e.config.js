// Browser tests (npm run test:e2e → scripts/e2e.mjs): Node test environment driving Debian's Chromium through
// playwright-core. The TypeScript transform is the unit tests' own (jest.config.js); the global setup and
// teardown are native ES modules, so only .ts files go through ts-jest here.

/** @returns {Promise<import('jest').Config>} */
module.exports = async () => {
  const { default: unit } = await import("./jest.config.js");
  const { transform, transformIgnorePatterns, moduleFileExtensions } = unit.projects[0];
  return {
    rootDir: __dirname,
    displayName: "e2e",
    testEnvironment: "node",
    testMatch: ["<rootDir>/test/e2e/**/*.e2e.test.ts"],
    transform: { "^.+\\.tsx?$": Object.values(transform)[0] },
    transformIgnorePatterns,
    moduleFileExtensions,
    globalSetup: "<rootDir>/test/e2e/globalSetup.mjs",
    globalTeardown: "<rootDir>/test/e2e/globalTeardown.mjs",
    // Two test files at once, each in its own browser context (storage, service worker) of the one Chromium: the
    // tests mostly wait on the page, so the run nearly halves (83 tests: 320 s in one worker, 196 s in two, in
    // one sitting on 2 busy cores, 0 failures). Nothing is shared between files but the browser and the static
    // server; timings are appended line by line (helpers.recordTiming).
    maxWorkers: 2,
    testTimeout: 120_000,
    slowTestThreshold: 30,
    verbose: true,
  };
};
