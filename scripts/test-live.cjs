#!/usr/bin/env node
// `npm run test:live`: runs test/live (the contract cases) against a real app when the TENCENT_CHAT_LIVE_* variables
// are set; otherwise explains how to enable it and exits 0.
const { spawnSync } = require("node:child_process");
const required = ["TENCENT_CHAT_LIVE_SDK_APP_ID", "TENCENT_CHAT_LIVE_SECRET_KEY"];
const missing = required.filter((k) => !process.env[k]);
if (missing.length > 0) {
  process.stdout.write(
    [
      `test:live skipped: ${missing.join(" and ")} not set.`,
      "To run the contract suite against a real Tencent Cloud Chat app (it creates and destroys groups named ptc-ct-*,",
      "and imports accounts named ptc-ct-*):",
      "  export TENCENT_CHAT_LIVE_SDK_APP_ID=1400000000       # a test app, never production",
      "  export TENCENT_CHAT_LIVE_SECRET_KEY=...               # the app's key",
      "  export TENCENT_CHAT_LIVE_REGION=singapore             # optional, default china (or TENCENT_CHAT_LIVE_ENDPOINT)",
      "  export TENCENT_CHAT_LIVE_IDENTIFIER=administrator     # optional, an App admin",
      "  export TENCENT_CHAT_LIVE_LARGE_GROUPS=50 TENCENT_CHAT_LIVE_LARGE_MEMBERS=300  # optional; lower them on a trial plan",
      "  npm run test:live",
      "",
    ].join("\n"),
  );
  process.exit(0);
}
const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const jest = spawnSync("npx", ["jest", "--config", "jest.live.config.js", "--runInBand", ...process.argv.slice(2)], {
  stdio: "inherit",
});
process.exit(jest.status ?? 1);
