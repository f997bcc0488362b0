// Jest for one compatibility cell: the cell's lifecycle test plus the repository's end-to-end cases, whose program
// directories link the cell's @pulumi/pulumi (PTC_COMPAT_NODE_MODULES, see harness/program-dir.ts).
"use strict";
const path = require("node:path");

const E2E = ["chat-group.e2e", "secrets.e2e", "batching.e2e", "serialization"];
module.exports = {
  rootDir: path.resolve(__dirname, "..", ".."),
  testEnvironment: "node",
  testTimeout: 120_000,
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testMatch: [
    "<rootDir>/test/compat/**/*.test.ts",
    ...E2E.map((f) => `<rootDir>/test/integration/provider/${f}.test.ts`),
  ],
};
