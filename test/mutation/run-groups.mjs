#!/usr/bin/env node
/**
 * Runs Stryker one source file at a time (`node test/mutation/run-groups.mjs [path…]`; default: every file that
 * stryker.config.json's `mutate` globs select, smallest first), each with its own report and incremental file under
 * reports/mutation/, so a finished file's results are kept even if a later one is stopped. Then
 * `node test/mutation/summary.mjs` totals the reports. `npm run test:mutation` runs everything in one go instead.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

/** The glob forms stryker.config.json uses (`**`, `*`, `{a,b}`) as a regular expression over relative paths. */
function globRegex(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*" && glob[i + 1] === "*") {
      re += "(?:.*/)?";
      i += glob[i + 2] === "/" ? 2 : 1;
    } else if (c === "*") re += "[^/]*";
    else if (c === "{") {
      const end = glob.indexOf("}", i);
      re += `(?:${glob
        .slice(i + 1, end)
        .split(",")
        .map((x) => x.replace(/[.+^$()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*"))
        .join("|")})`;
      i = end;
    } else re += c.replace(/[.+^$()|[\]\\?]/g, "\\$&");
  }
  return new RegExp(`^${re}$`);
}
/** Every file under provider/ and emulator/, as paths relative to the root. */
function sources(dir = "") {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const rel = dir === "" ? d.name : `${dir}/${d.name}`;
    if (d.isDirectory()) return dir === "" && !["provider", "emulator"].includes(d.name) ? [] : sources(rel);
    return [rel];
  });
}
const globSync = (glob) => sources().filter((f) => globRegex(glob).test(f));
const base = JSON.parse(readFileSync(join(root, "stryker.config.json"), "utf8"));
const globs = base.mutate.filter((g) => !g.startsWith("!"));
const negated = base.mutate.filter((g) => g.startsWith("!")).map((g) => g.slice(1));
const files =
  process.argv.slice(2).length > 0
    ? process.argv.slice(2)
    : [...new Set(globs.flatMap((g) => globSync(g)))]
        .filter((f) => !negated.some((n) => globSync(n).includes(f)))
        .sort((a, b) => statSync(join(root, a)).size - statSync(join(root, b)).size);
/**
 * Files measured with `coverageAnalysis: "all"` (every related test file judges every mutant) instead of "perTest":
 * most of their mutants are module-level data (the field table), evaluated once when the module loads, and perTest
 * coverage credits that load to whichever test happened to load the module first, so a table mutant was judged by
 * that one test only (DECISIONS.md T94). `ignoreStatic` only applies to perTest runs.
 */
const COVERAGE_ALL = new Set([
  "provider/resource/fields.ts",
  "provider/resource/ids.ts",
  "provider/resource/mapping.ts",
  "provider/resource/schema.ts",
  "provider/resource/adopt.ts",
]);
mkdirSync(join(root, "reports/mutation"), { recursive: true });
for (const file of files) {
  const name = file.replace(/[/.]/g, "_");
  const config = {
    ...base,
    mutate: [file],
    ...(COVERAGE_ALL.has(file) ? { coverageAnalysis: "all", ignoreStatic: false } : {}),
    // A second pipeline running beside the first needs its own sandbox directory.
    tempDirName: process.env.STRYKER_TEMP_DIR ?? base.tempDirName,
    incrementalFile: `reports/mutation/${name}.incremental.json`,
    jsonReporter: { fileName: `reports/mutation/${name}.json` },
    reporters: ["clear-text", "json", "progress-append-only"],
  };
  const path = join(root, `reports/mutation/${name}.config.json`);
  writeFileSync(path, JSON.stringify(config, null, 2));
  console.log(`== ${file}`);
  const r = spawnSync("npx", ["stryker", "run", path], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) console.log(`== ${file}: stryker exited ${r.status}`);
}
