#!/usr/bin/env node
/**
 * Totals Stryker's JSON reports under reports/mutation/ (written by run-groups.mjs, or mutation.json by
 * `npm run test:mutation`) into a Markdown table per file plus every surviving / uncovered mutant, for
 * test/mutation/RESULTS.md. Score = detected / (detected + survived + no coverage); compile errors (discarded by the
 * TypeScript checker) and ignored (static) mutants are not counted, as in Stryker's own "score of covered + uncovered".
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? "reports/mutation";
const files = new Map();
for (const f of readdirSync(dir).filter(
  (n) => n.endsWith(".json") && !n.endsWith(".config.json") && !n.endsWith(".incremental.json"),
)) {
  const report = JSON.parse(readFileSync(join(dir, f), "utf8"));
  for (const [path, file] of Object.entries(report.files ?? {})) files.set(path, { ...file, source: file.source });
}
const row = (c) => {
  const detected = c.Killed + c.Timeout;
  const valid = detected + c.Survived + c.NoCoverage;
  return { ...c, score: valid === 0 ? 100 : (100 * detected) / valid };
};
const empty = () => ({
  Killed: 0,
  Timeout: 0,
  Survived: 0,
  NoCoverage: 0,
  CompileError: 0,
  Ignored: 0,
  RuntimeError: 0,
});
const total = empty();
const lines = [
  "| file | killed | timeout | survived | no coverage | compile error | ignored (static) | score |",
  "|---|---:|---:|---:|---:|---:|---:|---:|",
];
const open = [];
for (const [path, file] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
  const c = empty();
  for (const m of file.mutants) {
    c[m.status] = (c[m.status] ?? 0) + 1;
    total[m.status] = (total[m.status] ?? 0) + 1;
    if (m.status === "Survived" || m.status === "NoCoverage") {
      const src = file.source.split("\n")[m.location.start.line - 1]?.trim() ?? "";
      open.push(
        `- ${path}:${m.location.start.line} ${m.status} ${m.mutatorName}: \`${(m.replacement ?? "").replace(/\s+/g, " ").slice(0, 80)}\` in \`${src.slice(0, 100)}\``,
      );
    }
  }
  const r = row(c);
  lines.push(
    `| ${path} | ${r.Killed} | ${r.Timeout} | ${r.Survived} | ${r.NoCoverage} | ${r.CompileError} | ${r.Ignored} | ${r.score.toFixed(1)}% |`,
  );
}
const t = row(total);
lines.push(
  `| **all** | ${t.Killed} | ${t.Timeout} | ${t.Survived} | ${t.NoCoverage} | ${t.CompileError} | ${t.Ignored} | **${t.score.toFixed(1)}%** |`,
);
console.log(lines.join("\n"));
console.log(`\nSurviving and uncovered mutants (${open.length}):\n${open.join("\n")}`);
