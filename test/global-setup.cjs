// Jest global setup of the integration project: suites there run the built dist/ and the copy installed into
// node_modules, so they must never test stale code. When the stamp of either differs from the hash of the sources,
// build (tsc + install-self) once. Cheap when current (one hash over the sources); one build at a time across
// concurrent jest processes (a lock directory); runs once per jest run, before any worker starts.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");
const { sourceHash, STAMP, root } = require("../scripts/source-hash.cjs");

const stamps = [path.join(root, "dist", STAMP), path.join(root, "node_modules", "pulumi-tencent-chat", "dist", STAMP)];
const current = (hash) => stamps.every((f) => fs.existsSync(f) && fs.readFileSync(f, "utf8").trim() === hash);

function build() {
  const run = (args) => {
    const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
    if (r.status !== 0)
      throw new Error(`build for the integration tests failed: node ${args.join(" ")} exited ${r.status}`);
  };
  run([path.join(root, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"]);
  run([path.join(root, "scripts", "install-self.cjs")]);
}

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

module.exports = async function globalSetup() {
  if (current(sourceHash())) return;
  const lock = path.join(root, "node_modules", ".cache", "pulumi-tencent-chat-build.lock");
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lock);
      fs.writeFileSync(path.join(lock, "pid"), String(process.pid));
      break;
    } catch {
      // Another jest process is building; take over a lock whose owner died, else wait for it.
      let owner = 0;
      try {
        owner = Number(fs.readFileSync(path.join(lock, "pid"), "utf8")) || 0;
      } catch {
        /* not written yet, or just released */
      }
      if (owner > 0 && !alive(owner)) fs.rmSync(lock, { recursive: true, force: true });
      else await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    if (!current(sourceHash())) {
      process.stdout.write("\nintegration tests: dist/ is older than the sources; building first\n");
      build();
    }
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
};
