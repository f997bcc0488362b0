// Packs a released version from git history, as it was published: `git archive <commit>` into a scratch directory,
// `npm ci` with that commit's own lockfile, its own build (tsc -p tsconfig.build.json), `npm pack`. The tarball is
// cached by commit hash under the cache root (see scripts/compat/node-binaries.cjs), so it is built once per machine.
// Usage: node scripts/pack-release.cjs [version]   (default: the newest in releases.json) → prints the tarball path.
// Fails, never skips, when the commit is not in this clone (a shallow clone: `git fetch --unshallow`).
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { cacheRoot } = require("./compat/node-binaries.cjs");

const REPO = path.resolve(__dirname, "..");

/** releases.json's entries, oldest first. */
function releases() {
  const list = JSON.parse(fs.readFileSync(path.join(REPO, "releases.json"), "utf8")).releases;
  const semver = require("semver");
  return [...list].sort((a, b) => semver.compare(a.version, b.version));
}

/** The release entry for `version`, or the newest. */
function release(version) {
  const list = releases();
  const found = version ? list.find((r) => r.version === version) : list[list.length - 1];
  if (!found) throw new Error(`releases.json lists no version ${version}`);
  return found;
}

function run(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
}

/** The packed tarball of a release (built on first use, then cached by commit). */
function packRelease(version) {
  const { version: v, commit } = release(version);
  try {
    run("git", ["cat-file", "-e", `${commit}^{commit}`], REPO);
  } catch {
    throw new Error(
      `release ${v} was packed from commit ${commit}, which this clone does not have. ` +
        "Fetch the full history (`git fetch --unshallow`, or clone without --depth) so the upgrade test can pack it.",
    );
  }
  const dir = path.join(cacheRoot(), "releases", commit);
  const tarball = path.join(dir, `pulumi-tencent-chat-${v}.tgz`);
  if (fs.existsSync(tarball)) return tarball;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const tmp = fs.mkdtempSync(`${dir}.tmp-`);
  try {
    const src = path.join(tmp, "src");
    fs.mkdirSync(src);
    execFileSync("sh", ["-c", `git archive --format=tar "${commit}" | tar -x -C "${src}"`], {
      cwd: REPO,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const pkg = JSON.parse(fs.readFileSync(path.join(src, "package.json"), "utf8"));
    if (pkg.version !== v) throw new Error(`commit ${commit} holds version ${pkg.version}, releases.json says ${v}`);
    run("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline"], src);
    run(
      process.execPath,
      [path.join(src, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
      src,
    );
    const [packed] = JSON.parse(run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", tmp], src));
    fs.mkdirSync(path.join(tmp, "out"));
    fs.renameSync(path.join(tmp, packed.filename), path.join(tmp, "out", path.basename(tarball)));
    fs.rmSync(dir, { recursive: true, force: true });
    fs.renameSync(path.join(tmp, "out"), dir); // atomic: a half-built tarball is never seen as cached
    return tarball;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

module.exports = { packRelease, release, releases };

if (require.main === module) console.log(packRelease(process.argv[2]));
