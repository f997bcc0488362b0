/** Jest projects: fast pure unit tests, and integration tests over real loopback HTTP / the real provider host. */
const tsJest = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };
// Stryker's sandboxes (npm run test:mutation) hold a copy of the project; never collect modules or tests from them.
const common = {
  testEnvironment: "node",
  transform: tsJest,
  modulePathIgnorePatterns: ["<rootDir>/.stryker-tmp[^/]*/"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/.stryker-tmp[^/]*/"],
};
module.exports = {
  // Integration tests start emulators, provider hosts and programs; a whole engine run takes seconds on 2 cores.
  testTimeout: 90_000,
  projects: [
    { ...common, displayName: "unit", testMatch: ["<rootDir>/test/unit/**/*.test.ts"] },
    // Integration suites run the built dist/: the global setup rebuilds it first when it is older than the sources.
    {
      ...common,
      displayName: "integration",
      globalSetup: "<rootDir>/test/global-setup.cjs",
      testMatch: ["<rootDir>/test/integration/**/*.test.ts", "<rootDir>/test/regressions/**/*.test.ts"],
    },
  ],
};
