/** Jest projects: fast pure unit tests, and integration tests over real loopback HTTP / the real provider host. */
const tsJest = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };
module.exports = {
  // Integration tests start emulators, provider hosts and programs; a whole engine run takes seconds on 2 cores.
  testTimeout: 90_000,
  // Stryker's sandboxes (npm run test:mutation) hold a copy of the project; never collect modules or tests from them.
  modulePathIgnorePatterns: ["<rootDir>/.stryker-tmp/"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/.stryker-tmp/"],
  projects: [
    { displayName: "unit", testEnvironment: "node", transform: tsJest, testMatch: ["<rootDir>/test/unit/**/*.test.ts"] },
    { displayName: "integration", testEnvironment: "node", transform: tsJest, testMatch: ["<rootDir>/test/integration/**/*.test.ts", "<rootDir>/test/regressions/**/*.test.ts"] },
  ],
};
