/**
 * A throwaway Pulumi program directory laid out as after `npm install pulumi-tencent-chat`: the package's
 * package.json and compiled dist/ copied into node_modules (so the serializer sees a real installed module and
 * emits `require("pulumi-tencent-chat/stub")`), its dependencies and @pulumi/pulumi linked from this checkout.
 * The install-path test uses a real `npm pack` instead. Needs `npm run build` first (npm test does it).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { runProgram, type Registration } from "./program";

export type { Registration };

/** Repository root: the nearest directory above this file holding this package's package.json (works from .build/ too). */
export const REPO_ROOT = findRepoRoot(__dirname);

function findRepoRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (
      fs.existsSync(pkg) &&
      (JSON.parse(fs.readFileSync(pkg, "utf8")) as { name?: string }).name === "pulumi-tencent-chat"
    )
      return dir;
  }
  throw new Error(`no pulumi-tencent-chat package.json above ${from}`);
}

/** A temporary program directory and its cleanup. */
export interface ProgramDir {
  dir: string;
  cleanup(): void;
}

/** Creates a program directory with the built package installed in it (NODE_PATH: see {@link programEnv}). */
export function makeProgramDir(project = "chat-test"): ProgramDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptc-program-"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: project, private: true }, null, 2));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${project}\nruntime: nodejs\n`);
  installBuiltPackage(dir);
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * {@link installBuiltPackage} lays out `dir/node_modules` as after `npm install pulumi-tencent-chat`: the package's
 * package.json and built dist/ copied in, its dependencies, @pulumi/pulumi and @types/node (for programs that read
 * files) linked from this checkout. Used for generated projects too (tencent-chat-export's round trip).
 */
export function installBuiltPackage(dir: string): void {
  if (!fs.existsSync(path.join(REPO_ROOT, "dist", "provider", "stub.js")))
    throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  const nm = path.join(dir, "node_modules");
  const pkgDir = path.join(nm, "pulumi-tencent-chat");
  fs.mkdirSync(pkgDir, { recursive: true });
  fs.copyFileSync(path.join(REPO_ROOT, "package.json"), path.join(pkgDir, "package.json"));
  fs.cpSync(path.join(REPO_ROOT, "dist"), path.join(pkgDir, "dist"), { recursive: true });
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  // The compatibility matrix (scripts/compat) points this at a project where another @pulumi/pulumi is installed.
  const from = process.env.PTC_COMPAT_NODE_MODULES || path.join(REPO_ROOT, "node_modules");
  for (const dep of [...Object.keys(pkg.dependencies), "@pulumi/pulumi"]) {
    const target = path.join(nm, dep);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.symlinkSync(path.join(from, dep), target, "dir");
  }
  const types = path.join(nm, "@types", "node");
  fs.mkdirSync(path.dirname(types), { recursive: true });
  if (!fs.existsSync(types)) fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "@types", "node"), types, "dir");
}

/**
 * Runs a program (JavaScript source declaring resources at top level) in `dir` under mocks and returns its
 * registrations with the real serialized `__provider`.
 */
export async function collectRegistrations(
  dir: string,
  programSource: string,
  project = "chat-test",
  stack = "dev",
): Promise<Registration[]> {
  const entry = path.join(dir, `program-${process.hrtime.bigint()}.js`);
  fs.writeFileSync(entry, programSource);
  return (await runProgram({ dir, entry, project, stack, env: programEnv(dir) })).registrations;
}

/**
 * Environment for programs run in a {@link makeProgramDir} directory. @pulumi/pulumi is a symlink there, so the
 * serializer (which resolves packages from its own real path) would not see its sibling pulumi-tencent-chat as it
 * does in a real install; NODE_PATH gives it the program's node_modules.
 */
export function programEnv(dir: string): NodeJS.ProcessEnv {
  return { NODE_PATH: path.join(dir, "node_modules") };
}
