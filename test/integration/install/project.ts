/**
 * A fresh Pulumi TypeScript project outside the repository, set up the way a user sets one up: the packed tarball
 * and @pulumi/pulumi as dependencies, `npm install`, the Pulumi template's tsconfig, and an `index.ts` program.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** Repository root. */
export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

/** The project name (Pulumi.yaml `name`, package.json `name`). */
export const PROJECT = "chat-install-test";

/** What a finished command printed and how it ended (never throws on a non-zero exit). */
export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * The environment of this process without what `npm test` injects for its own package (npm_package_*,
 * npm_lifecycle_*, the local prefix, INIT_CWD, the repository's node_modules/.bin on PATH), and without NODE_PATH:
 * child commands must behave as in a user's shell, where nothing points back at this repository. User-level npm
 * settings (cache, registry, cafile) stay.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (
      /^(npm_package_|npm_lifecycle_|npm_command$|npm_config_local_prefix$|npm_config_call$|INIT_CWD$|NODE_PATH$)/.test(
        k,
      )
    )
      continue;
    env[k] = v;
  }
  const inRepo = (p: string) => p === REPO_ROOT || p.startsWith(REPO_ROOT + path.sep);
  env.PATH = (process.env.PATH ?? "")
    .split(path.delimiter)
    .filter((p) => p && !inRepo(path.resolve(p)))
    .join(path.delimiter);
  return { ...env, ...extra };
}

/** Runs a command to completion. */
export function run(
  file: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number },
): Promise<RunResult> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, env: options.env ?? userEnv(), timeout: options.timeoutMs ?? 0, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr, ms: Date.now() - started });
      },
    );
  });
}

/** The tsconfig of Pulumi's `typescript` template (moduleResolution `node`, no skipLibCheck). */
export const TEMPLATE_TSCONFIG = {
  compilerOptions: {
    strict: true,
    outDir: "bin",
    target: "es2020",
    module: "commonjs",
    moduleResolution: "node",
    sourceMap: true,
    experimentalDecorators: true,
    pretty: false,
    noFallthroughCasesInSwitch: true,
    noImplicitReturns: true,
    forceConsistentCasingInFileNames: true,
  },
  files: ["index.ts"],
};

/** The program a user writes: one group of each flavour, ids exported as stack outputs. */
export const USER_PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { ChatGroup, type ChatGroupArgs } from "pulumi-tencent-chat";

const engineering: ChatGroupArgs = {
  type: "Public",
  name: "Engineering",
  groupId: "eng-main",
  introduction: "Where engineering talks",
  maxMemberCount: 500,
  applyJoinOption: "FreeAccess",
};
const eng = new ChatGroup("eng", engineering);
const ops = new ChatGroup("ops", { type: "Work", name: "Ops", ownerAccount: "leckie" });
const fans = new ChatGroup("fans", { type: "Community", name: "Fans", supportTopic: true });

export const engGroupId: pulumi.Output<string> = eng.groupId;
export const opsGroupId = ops.groupId;
export const fansGroupId = fans.groupId;
`;

/**
 * A program using every subpath export with its types. Checked with `node16` resolution, which reads `exports`;
 * the template's `node` resolution does not (see the test).
 */
export const SUBPATH_PROGRAM = `import { ChatGroup } from "pulumi-tencent-chat";
import { ChatClient, isChatError, type ChatError } from "pulumi-tencent-chat/client";
import { startEmulator, type RunningEmulator } from "pulumi-tencent-chat/emulator";
import * as impl from "pulumi-tencent-chat/provider";
import * as stub from "pulumi-tencent-chat/stub";

export async function main(): Promise<void> {
  const emu: RunningEmulator = await startEmulator({ sdkAppId: 1400000000, secretKey: "k" });
  const chat = new ChatClient({ sdkAppId: 1400000000, identifier: "administrator", secretKey: "k", endpoint: emu.url });
  try {
    await chat.importGroup({ Type: "Public", Name: "ops", GroupId: "ops-room" });
  } catch (e: unknown) {
    if (isChatError(e)) console.log((e as ChatError).code);
  } finally {
    await chat.close();
    await emu.close();
  }
  void ChatGroup; void impl.create; void stub.create;
}
`;

/** The node16 tsconfig for {@link SUBPATH_PROGRAM}. */
export const NODE16_TSCONFIG = {
  compilerOptions: { strict: true, noEmit: true, target: "es2020", module: "node16", moduleResolution: "node16" },
  files: ["subpaths.ts"],
};

/** Writes Pulumi.yaml, package.json (the tarball as a `file:` dependency), tsconfig.json and index.ts. */
export function writeProject(dir: string, tarball: string, pulumiVersion: string): void {
  const pkg = {
    name: PROJECT,
    private: true,
    dependencies: { "pulumi-tencent-chat": `file:${tarball}`, "@pulumi/pulumi": pulumiVersion },
  };
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    `name: ${PROJECT}\nruntime: nodejs\ndescription: install-path test\n`,
  );
  fs.writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, "tsconfig.json"), `${JSON.stringify(TEMPLATE_TSCONFIG, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, "index.ts"), USER_PROGRAM);
}

/** Type-checks a project (or one tsconfig in it) with this repository's TypeScript. */
export function typecheck(dir: string, tsconfig = "tsconfig.json"): Promise<RunResult> {
  const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
  return run(process.execPath, [tsc, "--noEmit", "-p", path.join(dir, tsconfig)], { cwd: dir, timeoutMs: 120_000 });
}
