/**
 * A throwaway Pulumi program directory for the provider host: `package.json` plus `node_modules` links to this
 * repo's @pulumi/pulumi and to the package itself, so the host resolves `pulumi-tencent-chat/...` by bare name
 * exactly as it does in a user's project. The install-path test uses a real `npm pack` install instead.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** Repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..");

/** A temporary program directory and its cleanup. */
export interface ProgramDir {
  dir: string;
  cleanup(): void;
}

/** Creates a program directory linked to this checkout. */
export function makeProgramDir(project = "chat-test"): ProgramDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ptc-program-"));
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: project, private: true }, null, 2));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: ${project}\nruntime: nodejs\n`);
  const nm = path.join(dir, "node_modules");
  fs.mkdirSync(path.join(nm, "@pulumi"), { recursive: true });
  fs.symlinkSync(path.join(REPO_ROOT, "node_modules", "@pulumi", "pulumi"), path.join(nm, "@pulumi", "pulumi"), "dir");
  fs.symlinkSync(REPO_ROOT, path.join(nm, "pulumi-tencent-chat"), "dir");
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
