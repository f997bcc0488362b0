/** `npm run test:live`: the contract cases against a real Tencent Cloud Chat app (scripts/test-live.cjs checks the env). */
const tsJest = { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] };
module.exports = {
  testTimeout: 600_000,
  testEnvironment: "node",
  transform: tsJest,
  testMatch: ["<rootDir>/test/live/**/*.test.ts"],
};
