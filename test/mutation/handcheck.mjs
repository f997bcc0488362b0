#!/usr/bin/env node
/**
 * Applies surviving mutants by hand to check that a later test kills them:
 * `node test/mutation/handcheck.mjs <report.json> <id,id,…> <test file…>`. For each mutant id from a Stryker JSON
 * report (reports/mutation/*.json), it writes the mutated source into a scratch copy of the tree (never into this
 * one), runs the named test files with the mutation jest config, and prints KILLED (the tests fail or hang past 60 s,
 * as Stryker counts a timeout) or SURVIVED, after checking that the tests pass without any mutant. The report's source must still match the file (same sources as the run).
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const [reportPath, idList, ...tests] = process.argv.slice(2);
if (!reportPath || !idList || tests.length === 0) {
  console.error("usage: node test/mutation/handcheck.mjs <report.json> <id,id,…> <test file…>");
  process.exit(2);
}
const report = JSON.parse(readFileSync(reportPath, "utf8"));
const skip = new Set(["node_modules", ".git", "reports", "dist", "coverage"]);
const scratch = mkdtempSync(join(tmpdir(), "handcheck-"));
cpSync(root, scratch, {
  recursive: true,
  filter: (src) => {
    const top = relative(root, src).split("/")[0];
    return !skip.has(top) && !top.startsWith(".stryker-tmp");
  },
});
symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"));

/** Offset of a Stryker location (1-based line, 1-based column) in `source`. */
const offset = (source, { line, column }) =>
  source
    .split("\n")
    .slice(0, line - 1)
    .reduce((n, l) => n + l.length + 1, 0) +
  column -
  1;

/** Runs the named tests in the scratch tree; `status` 0 when they pass, `error` set when they hung. */
const runTests = () =>
  spawnSync("npx", ["jest", "-c", "test/mutation/jest.config.js", ...tests], {
    cwd: scratch,
    encoding: "utf8",
    timeout: 60_000,
  });

try {
  // A kill only means something if the tests pass without the mutant.
  if (runTests().status !== 0) throw new Error(`the tests fail without any mutant: ${tests.join(" ")}`);
  for (const id of idList.split(",")) {
    const entry = Object.entries(report.files).find(([, f]) => f.mutants.some((m) => String(m.id) === id));
    if (!entry) {
      console.log(`${id} not in the report`);
      continue;
    }
    const [path, file] = entry;
    const m = file.mutants.find((x) => String(x.id) === id);
    if (readFileSync(join(root, path), "utf8") !== file.source) throw new Error(`${path} changed since the run`);
    const mutated =
      file.source.slice(0, offset(file.source, m.location.start)) +
      m.replacement +
      file.source.slice(offset(file.source, m.location.end));
    writeFileSync(join(scratch, path), mutated);
    const r = runTests();
    writeFileSync(join(scratch, path), file.source);
    const line = `${path}:${m.location.start.line} ${m.mutatorName} ${JSON.stringify(m.replacement)}`;
    console.log(`${id} ${r.status === 0 ? "SURVIVED" : r.error ? "KILLED (timeout)" : "KILLED"}  ${line}`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
