/**
 * Jest config for mutation testing (`npm run test:mutation`): the fast unit project only, transpile-only
 * (tsconfig's isolatedModules), so each mutant is judged by the unit tests in seconds. Stryker's TypeScript
 * checker, not ts-jest, discards mutants that do not compile.
 */
const path = require("node:path");
module.exports = {
  rootDir: path.resolve(__dirname, "../.."),
  testEnvironment: "node",
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }] },
  testMatch: ["<rootDir>/test/unit/**/*.test.ts"],
};
