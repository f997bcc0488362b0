// `npm run test:compat`: the compatibility matrix. For each Node.js major in NODE_MAJORS and for the oldest and the
// newest @pulumi/pulumi that package.json's peer range allows on that Node (per each version's `engines.node`), packs
// this package, installs the tarball with that @pulumi/pulumi into a fresh project outside the repository, and runs,
// under that Node, the quickstart lifecycle and the end-to-end cases through that version's own provider host
// (scripts/compat/jest.config.cjs). Prints the matrix; `--readme` also writes it into README.md's Compatibility section.
// Needs a built dist/ (npm test or npm run build). Node binaries: scripts/compat/node-binaries.cjs (cached).
// Options (env): COMPAT_NODES="22,24" narrows the Node majors; COMPAT_PULUMI="3.139.0" forces the versions.
"use strict";
const { execFileSync, spawn } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const semver = require("semver");
const { ensureNode } = require("./node-binaries.cjs");

const REPO = path.resolve(__dirname, "..", "..");
const NODE_MAJORS = (process.env.COMPAT_NODES || "20,22,24,26").split(",").map((s) => Number(s.trim()));
const pkg = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8"));
const PEER = pkg.peerDependencies["@pulumi/pulumi"];

/** Every released @pulumi/pulumi in the peer range with its engines.node (one registry call). */
function pulumiReleases() {
  const out = execFileSync("npm", ["view", `@pulumi/pulumi@${PEER}`, "version", "engines", "--json"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const parsed = JSON.parse(out);
  return (Array.isArray(parsed) ? parsed : [parsed])
    .filter((r) => semver.valid(r.version) && !semver.prerelease(r.version) && semver.satisfies(r.version, PEER))
    .map((r) => ({ version: r.version, engines: (r.engines && r.engines.node) || "*" }))
    .sort((a, b) => semver.compare(a.version, b.version));
}

/** The oldest and newest release whose engines accept this Node version. */
function endsFor(releases, nodeVersion) {
  if (process.env.COMPAT_PULUMI) return process.env.COMPAT_PULUMI.split(",");
  const ok = releases.filter((r) => semver.satisfies(nodeVersion, r.engines));
  if (ok.length === 0) return [];
  return [...new Set([ok[0].version, ok[ok.length - 1].version])];
}

function sh(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20, ...opts });
}

/** Runs one cell's jest under `bin/node`; resolves with pass/fail counts and the time taken. */
function runCell(cell, work) {
  return new Promise((resolve) => {
    const started = Date.now();
    const report = path.join(work, `jest-${cell.node}-${cell.pulumi}.json`);
    const env = {
      ...process.env,
      PATH: `${cell.bin}${path.delimiter}${process.env.PATH}`,
      COMPAT_PROJECT_DIR: cell.project,
      COMPAT_TARBALL: cell.tarball,
      COMPAT_PULUMI_VERSION: cell.pulumi,
      COMPAT_NODE_MAJOR: String(cell.major),
      PTC_COMPAT_NODE_MODULES: path.join(cell.project, "node_modules"),
    };
    const args = [
      path.join(REPO, "node_modules", "jest", "bin", "jest.js"),
      "--config",
      path.join(__dirname, "jest.config.cjs"),
    ];
    args.push("--maxWorkers=2", "--json", `--outputFile=${report}`);
    const child = spawn(path.join(cell.bin, "node"), args, { cwd: REPO, env, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (c) => (log += c));
    child.stderr.on("data", (c) => (log += c));
    child.on("close", (code) => {
      let passed = 0;
      let failed = 0;
      try {
        const r = JSON.parse(fs.readFileSync(report, "utf8"));
        passed = r.numPassedTests;
        failed = r.numFailedTests + r.numRuntimeErrorTestSuites;
      } catch {
        failed = failed || 1;
      }
      resolve({
        ...cell,
        ok: code === 0 && failed === 0 && passed > 0,
        passed,
        failed,
        seconds: Math.round((Date.now() - started) / 1000),
        log,
      });
    });
  });
}

function matrixTable(results, nodes) {
  const lines = ["| Node.js | @pulumi/pulumi | result |", "|---|---|---|"];
  for (const n of nodes) {
    const cells = results.filter((r) => r.major === n.major);
    if (cells.length === 0) lines.push(`| ${n.version} | none in \`${PEER}\` supports it | — |`);
    for (const r of cells)
      lines.push(
        `| ${r.node} | ${r.pulumi} | ${r.ok ? `pass (${r.passed} tests)` : `**FAIL** (${r.failed} failed)`} |`,
      );
  }
  return lines.join("\n");
}

function writeReadme(table) {
  const file = path.join(REPO, "README.md");
  const text = fs.readFileSync(file, "utf8");
  const begin = "<!-- compat-matrix:begin -->";
  const end = "<!-- compat-matrix:end -->";
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${begin} … ${end} block`);
  fs.writeFileSync(file, `${text.slice(0, a + begin.length)}\n${table}\n${text.slice(b)}`);
}

async function main() {
  const t0 = Date.now();
  if (!fs.existsSync(path.join(REPO, "dist", "provider", "stub.js")))
    throw new Error("dist/ is missing: run `npm run build` first");
  const work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "ptc-compat-")));
  try {
    const nodes = NODE_MAJORS.map((major) => ({ major, ...ensureNode(major) }));
    const releases = pulumiReleases();
    // --ignore-scripts: dist/ is already built; `prepare` would rebuild it in place.
    const [packed] = JSON.parse(
      sh("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], { cwd: REPO }),
    );
    const tarball = path.join(work, packed.filename);
    const projects = new Map(); // one installed project per @pulumi/pulumi version, shared by the Node versions
    const cells = [];
    for (const n of nodes) {
      for (const version of endsFor(releases, n.version)) {
        if (!projects.has(version)) {
          const dir = path.join(work, `project-${version}`);
          fs.mkdirSync(dir);
          const deps = { "pulumi-tencent-chat": `file:${tarball}`, "@pulumi/pulumi": version };
          fs.writeFileSync(
            path.join(dir, "package.json"),
            JSON.stringify({ name: "chat-install-test", private: true, dependencies: deps }, null, 2) + "\n",
          );
          const t = Date.now();
          sh("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--engine-strict=false"], { cwd: dir });
          console.log(
            `installed @pulumi/pulumi@${version} + ${packed.filename} in ${Math.round((Date.now() - t) / 1000)} s`,
          );
          projects.set(version, dir);
        }
        cells.push({
          major: n.major,
          node: n.version,
          bin: n.bin,
          pulumi: version,
          project: projects.get(version),
          tarball,
        });
      }
    }
    const results = [];
    for (const cell of cells) {
      const r = await runCell(cell, work);
      console.log(
        `Node ${r.node} × @pulumi/pulumi ${r.pulumi}: ${r.ok ? "pass" : "FAIL"} (${r.passed} passed, ${r.failed} failed, ${r.seconds} s)`,
      );
      if (!r.ok) console.log(r.log.split("\n").slice(-80).join("\n"));
      results.push(r);
    }
    const table = matrixTable(results, nodes);
    console.log(`\nCompatibility matrix (peer range ${PEER}):\n${table}\n`);
    console.log(`test:compat took ${Math.round((Date.now() - t0) / 1000)} s`);
    if (process.argv.includes("--readme")) writeReadme(table);
    const bad =
      results.filter((r) => !r.ok).length + nodes.filter((n) => !results.some((r) => r.major === n.major)).length;
    process.exitCode = bad === 0 ? 0 : 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
