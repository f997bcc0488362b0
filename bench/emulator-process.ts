/**
 * The emulator in its own process (the shipped CLI, dist/emulator/cli.js) on 127.0.0.1, port 0, driven through its
 * admin routes. Running it apart keeps its clock and event loop free of the benchmark's own work (the engine
 * harness, gRPC), which would otherwise delay requests and bunch them up against the quota window.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { ChatAction } from "../protocol/actions";
import { REPO_ROOT } from "../harness/program-dir";

/** A running emulator process. */
export interface EmulatorProcess {
  url: string;
  pid: number;
  /** Calls received per action (refused calls included). */
  counters(): Promise<Record<ChatAction, number>>;
  /** Sets (n calls/s) or clears (null) the quota of an action. */
  setQuota(action: ChatAction, perSecond: number | null): Promise<void>;
  /** CPU seconds (user + system) the process has used so far. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** Starts the emulator CLI with `quota` (action → calls/s); resolves once it prints its URL. */
export async function startEmulatorProcess(options: {
  sdkAppId: number;
  secretKey: string;
  admin: string;
  quota?: Partial<Record<ChatAction, number>>;
}): Promise<EmulatorProcess> {
  const cli = path.join(REPO_ROOT, "dist", "emulator", "cli.js");
  const quotaArgs = Object.entries(options.quota ?? {}).flatMap(([a, n]) => ["--quota", `${a}=${n}`]);
  const args = [
    cli,
    "--sdk-app-id",
    String(options.sdkAppId),
    "--admin",
    options.admin,
    "--port",
    "0",
    "--host",
    "127.0.0.1",
    ...quotaArgs,
  ];
  const child = spawn(process.execPath, args, {
    env: { ...process.env, TENCENT_CHAT_SECRET_KEY: options.secretKey },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /listening on (\S+)/.exec(out);
      if (m) {
        child.stdout!.off("data", onData);
        child.stdout!.resume(); // keep draining
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
    child.once("error", reject);
  });
  const pid = child.pid!;
  const admin = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}/_emulator/${route}`, {
      method,
      ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    });
    const json = (await res.json()) as unknown;
    if (!res.ok) throw new Error(`emulator admin ${method} ${route}: HTTP ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return {
    url,
    pid,
    counters: async () => (await admin("GET", "counters")) as Record<ChatAction, number>,
    setQuota: async (action, perSecond) => void (await admin("PUT", `quota/${action}`, { perSecond })),
    cpuSeconds: () => {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in 1/100 s ticks
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
