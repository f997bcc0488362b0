// Installs a copy of the built package (package.json + dist/) into its own node_modules, as `npm install` would
// into a user's project. This lets examples/ and the root Pulumi.yaml stack `import "pulumi-tencent-chat"` from a
// checkout, and the serialized provider is then the short `require("pulumi-tencent-chat/stub")` a user gets.
// A copy, not a symlink: Pulumi's serializer maps module paths through the package's real location.
// Runs after every build in a checkout; does nothing when the package is itself installed as a dependency.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
if (root.split(path.sep).includes("node_modules")) process.exit(0);
// Stamp the build with the hash of its inputs, so tests can tell a stale dist/ (test/global-setup.cjs).
const { sourceHash, STAMP } = require("./source-hash.cjs");
fs.writeFileSync(path.join(root, "dist", STAMP), `${sourceHash()}\n`);
const target = path.join(root, "node_modules", "pulumi-tencent-chat");
fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(target, { recursive: true });
fs.copyFileSync(path.join(root, "package.json"), path.join(target, "package.json"));
fs.cpSync(path.join(root, "dist"), path.join(target, "dist"), { recursive: true });
