// The fault matrix (npm run test:faults → scripts/faults.mjs): the unit tests' dom project (the workflow tests'
// environment and transform), limited to test/faults, in one worker (one world is open at a time).

/** @returns {Promise<import('jest').Config>} */
module.exports = async () => {
  const { default: unit } = await import("./jest.config.js");
  const dom = unit.projects.find((p) => p.displayName === "dom");
  return {
    ...dom,
    rootDir: __dirname,
    displayName: "faults",
    testMatch: ["<rootDir>/test/faults/**/*.test.ts"],
    testPathIgnorePatterns: [],
    maxWorkers: 1,
    testTimeout: 300_000,
  };
};
