/**
 * The benchmark's fixture: the emulator in its own process with a quota on every action; a program directory with
 * the package installed; the real provider host (batched, as shipped), configured once and shared by every command
 * as one `pulumi up` shares it; an idle host (memory baseline); and a host running the "unbatched" variant, whose
 * installed copy in its own temporary program directory reads one group per call (the repository's provider code
 * is not changed).
 */
import type { ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ACTION_NAMES, type ChatAction } from "../protocol/actions";
import { Engine } from "../harness/engine";
import { ProviderHost, type ConfigValue, type Props } from "../harness/host";
import { ADMIN, SDK_APP_ID, SECRET_KEY } from "../harness/e2e";
import { collectRegistrations, makeProgramDir, type ProgramDir, type Registration } from "../harness/program-dir";
import { startEmulatorProcess, type EmulatorProcess } from "./emulator-process";
import { processesInGroup, processMemory } from "./util";

const TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroup";
const PROJECT = "chat-test";

/** The running fixture. */
export interface BenchStack {
  emulator: EmulatorProcess;
  /** The quota set on every action, calls per second. */
  quota: number;
  program: ProgramDir;
  config: Record<string, ConfigValue>;
  /** The configured host running the package as shipped. */
  host: ProviderHost;
  /** A configured host that serves nothing (memory baseline). */
  idleHost: ProviderHost;
  /** A configured host whose provider reads one group per get_group_info call. */
  unbatchedHost: ProviderHost;
  /** The real `__provider` text of a ChatGroup (from one program run). */
  provider: string;
  /** Milliseconds to start and configure one host (what every real `pulumi` command pays once). */
  hostStartMs: number;
  /** A stack of `groups` (name → args) on the shared host, with registrations built from the real `__provider`. */
  engine(key: string, groups: Record<string, Props>): Engine;
  stop(): Promise<void>;
}

/** The text replaced in the unbatched copy, and its replacement; the bench fails loudly when it is not found. */
const BATCHED_READ = "getGroup: (id, filter) => groupReads.getGroup(id, filter)";
const UNBATCHED_READ = "getGroup: (id, filter) => chat.getGroup(id, filter)";

function unbatchedProgramDir(): ProgramDir {
  const program = makeProgramDir(PROJECT);
  const file = path.join(program.dir, "node_modules", "pulumi-tencent-chat", "dist", "provider", "provider.js");
  const source = fs.readFileSync(file, "utf8");
  if (!source.includes(BATCHED_READ)) {
    program.cleanup();
    throw new Error(
      `cannot build the unbatched variant: ${JSON.stringify(BATCHED_READ)} not found in dist/provider/provider.js`,
    );
  }
  fs.writeFileSync(file, source.replace(BATCHED_READ, UNBATCHED_READ));
  return program;
}

/** Starts the fixture with `quota` calls/s on every action of the emulator. */
export async function startBenchStack(quota: number): Promise<BenchStack> {
  const cleanups: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const c of cleanups.reverse()) await c();
  };
  try {
    const perAction = Object.fromEntries(ACTION_NAMES.map((a) => [a, quota])) as Record<ChatAction, number>;
    const emulator = await startEmulatorProcess({
      sdkAppId: SDK_APP_ID,
      secretKey: SECRET_KEY,
      admin: ADMIN,
      quota: perAction,
    });
    cleanups.push(() => emulator.stop());
    const program = makeProgramDir(PROJECT);
    cleanups.push(() => program.cleanup());
    const unbatchedDir = unbatchedProgramDir();
    cleanups.push(() => unbatchedDir.cleanup());
    const config: Record<string, ConfigValue> = {
      "tencent-chat:sdkAppId": String(SDK_APP_ID),
      "tencent-chat:secretKey": { secret: SECRET_KEY },
      "tencent-chat:identifier": ADMIN,
      "tencent-chat:endpoint": emulator.url,
    };
    const startHost = async (dir: string) => {
      const h = await ProviderHost.start({ cwd: dir, project: PROJECT });
      cleanups.push(() => h.stop());
      await h.configure(config);
      return h;
    };
    const t0 = performance.now();
    const host = await startHost(program.dir);
    const hostStartMs = performance.now() - t0;
    const idleHost = await startHost(program.dir);
    const unbatchedHost = await startHost(unbatchedDir.dir);
    const src = `const { ChatGroup } = require("pulumi-tencent-chat"); new ChatGroup("proto", { type: "Public", name: "proto" });`;
    const [proto] = await collectRegistrations(program.dir, src, PROJECT);
    const provider = proto!.inputs.__provider as string;
    const registration = (name: string, args: Props): Registration => ({
      type: TYPE,
      name,
      urn: `urn:pulumi:dev::${PROJECT}::${TYPE}::${name}`,
      inputs: { ...args, __provider: provider },
    });
    return {
      emulator,
      quota,
      program,
      config,
      host,
      idleHost,
      unbatchedHost,
      provider,
      hostStartMs,
      stop,
      engine: (key, groups) =>
        new Engine({
          projectDir: program.dir,
          project: PROJECT,
          stack: "dev",
          config,
          host,
          statePath: path.join(program.dir, ".bench", `${key}.json`),
          program: async () => ({
            registrations: Object.entries(groups).map(([n, a]) => registration(n, a)),
            outputs: {},
          }),
        }),
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Memory of the node process serving a host (the child of the host's launcher script, same process group). */
export function hostMemory(host: ProviderHost): { pid: number; rssMiB: number; peakMiB: number } {
  const pgid = (host as unknown as { child: ChildProcess }).child.pid;
  if (pgid === undefined) throw new Error("host has no pid");
  const [pid] = processesInGroup(pgid, "node");
  if (pid === undefined) throw new Error(`no node process in the host's process group ${pgid}`);
  return { pid, ...processMemory(pid) };
}
