// The hash of everything a build of dist/ is made from (sources, type stubs, package.json, build config), so a
// test run can tell whether dist/ and the installed copy are current: test/global-setup.cjs rebuilds when not.
"use strict";
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const INPUTS = [
  "protocol",
  "provider",
  "emulator",
  "cli",
  "types",
  "package.json",
  "tsconfig.json",
  "tsconfig.build.json",
  "scripts/install-self.cjs",
];
/** Name of the stamp file written into dist/ by install-self.cjs. */
const STAMP = ".source-hash";

function files(rel) {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return [];
  if (!fs.statSync(abs).isDirectory()) return [rel];
  return fs
    .readdirSync(abs)
    .sort()
    .flatMap((name) => files(path.join(rel, name)));
}

/** sha256 over the build's inputs (path and content of each file, in a fixed order). */
function sourceHash() {
  const h = createHash("sha256");
  for (const f of INPUTS.flatMap(files))
    h.update(f.split(path.sep).join("/"))
      .update("\0")
      .update(fs.readFileSync(path.join(root, f)))
      .update("\0");
  return h.digest("hex");
}

module.exports = { sourceHash, STAMP, root };
