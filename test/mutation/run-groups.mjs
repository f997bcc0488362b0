#!/usr/bin/env node
/**
 * Runs Stryker one module group at a time (`node test/mutation/run-groups.mjs [group…]`), each with its own
 * report and incremental file under reports/mutation/, so a finished group's results are kept even if a later one
 * is stopped. Groups take their globs from stryker.config.json's `mutate`; `npm run test:mutation` runs them all
 * in one go instead.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const base = JSON.parse(readFileSync(join(root, "stryker.config.json"), "utf8"));
/** Group → the prefix its `mutate` globs start with (negations of that prefix come along). */
const GROUPS = { client: "provider/client/", validate: "emulator/", config: "provider/{config", resource: "provider/resource/" };
const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(GROUPS);
mkdirSync(join(root, "reports/mutation"), { recursive: true });
for (const name of wanted) {
  const prefix = GROUPS[name];
  if (prefix === undefined) throw new Error(`unknown group ${name}; groups: ${Object.keys(GROUPS).join(", ")}`);
  const mutate = base.mutate.filter((g) => g.replace(/^!/, "").startsWith(prefix) || (name === "config" && g.startsWith("provider/settings/")));
  const config = {
    ...base,
    mutate,
    incrementalFile: `reports/mutation/${name}.incremental.json`,
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    htmlReporter: { fileName: `reports/mutation/${name}.html` },
    reporters: ["clear-text", "json", "html", "progress-append-only"],
  };
  const file = join(root, `reports/mutation/${name}.config.json`);
  writeFileSync(file, JSON.stringify(config, null, 2));
  console.log(`== ${name}: ${mutate.join(" ")}`);
  const r = spawnSync("npx", ["stryker", "run", file], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) console.log(`== ${name}: stryker exited ${r.status}`);
}
