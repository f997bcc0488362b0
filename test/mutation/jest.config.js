/**
 * Jest config for mutation testing (`npm run test:mutation`): the fast unit project only, transpile-only
 * (tsconfig's isolatedModules), so each mutant is judged by the unit tests in seconds. Stryker's TypeScript
 * checker, not ts-jest, discards mutants that do not compile.
 */
const path = require("node:path");
// Fewer fuzz cases, and none against an emulator: every mutant covered by check runs these properties again.
process.env.FUZZ_RUNS ??= "100";
process.env.FUZZ_EMULATOR_RUNS ??= "0";
module.exports = {
  rootDir: path.resolve(__dirname, "../.."),
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
  // The fuzz properties are left out unless MUTATION_FUZZ=1 (DECISIONS.md T83): jest runs the slowest file first, so
  // every mutant in check/mapping/fields paid for 100 fuzz cases before its unit tests. Without them the score is a
  // lower bound: a mutant only the fuzz would kill counts as surviving.
  // MUTATION_IGNORE (a path regex) leaves more test files out of one run, e.g. the batch read tests that run real
  // timers, where most mutants would time out (RESULTS.md says which runs used it); again only a lower bound.
  testPathIgnorePatterns: [
    "/node_modules/",
    ...(process.env.MUTATION_FUZZ === "1" ? [] : ["\\.fuzz\\.test\\.ts$"]),
    ...(process.env.MUTATION_IGNORE ? [process.env.MUTATION_IGNORE] : []),
  ],
};
