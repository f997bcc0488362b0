/**
 * Re-renders bench/RESULTS.md and bench/refresh.svg from bench/results.json without measuring again (for report
 * layout changes). `node <build>/bench/render.js`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../harness/program-dir";
import { writeReport } from "./report";
import type { BenchResults } from "./run";

const dir = path.join(REPO_ROOT, "bench");
const results = JSON.parse(fs.readFileSync(path.join(dir, "results.json"), "utf8")) as BenchResults;
for (const f of writeReport(dir, results)) process.stdout.write(`wrote ${path.relative(REPO_ROOT, f)}\n`);
