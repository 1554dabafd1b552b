// The benches (scripts/bench/*.mjs run them): the unit tests' dom project (the pane's environment and
// transform), limited to test/bench/*.bench.tsx, in one worker, with no time limit worth the name.

/** @returns {Promise<import('jest').Config>} */
module.exports = async () => {
  const { default: unit } = await import("./jest.config.js");
  const dom = unit.projects.find((p) => p.displayName === "dom");
  return {
    ...dom,
    rootDir: __dirname,
    displayName: "bench",
    testMatch: ["<rootDir>/test/bench/**/*.bench.{ts,tsx}"],
    testPathIgnorePatterns: [],
    maxWorkers: 1,
    testTimeout: 3_600_000,
  };
};
