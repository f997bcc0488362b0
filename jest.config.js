/** Jest projects: fast pure unit tests, and integration tests over real loopback HTTP / the real provider host. */
const tsJest = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };
module.exports = {
  projects: [
    { displayName: "unit", testEnvironment: "node", transform: tsJest, testMatch: ["<rootDir>/test/unit/**/*.test.ts"] },
    { displayName: "integration", testEnvironment: "node", transform: tsJest, testMatch: ["<rootDir>/test/integration/**/*.test.ts", "<rootDir>/test/regressions/**/*.test.ts"] },
  ],
};
