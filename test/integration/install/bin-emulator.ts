/**
 * The emulator as a user starts it from their project: `npx --no-install tencent-chat-emulator`, resolved through
 * the project's node_modules/.bin (the installed package's `bin`), the key in the environment.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as net from "node:net";
import { userEnv } from "./project";

/** A running bin emulator. */
export interface BinEmulator {
  url: string;
  port: number;
  /** Everything it printed so far (for the secrets audit). */
  output(): string;
  /**
   * SIGTERM to its process group (npx and the bin); resolves once both have exited. npx does not wait for the bin,
   * so this waits for the stdout/stderr pipes they share to close, which happens only when the last holder exits.
   */
  stop(): Promise<void>;
}

/** Starts the installed bin with cwd = the project; resolves once it printed `listening on <url>`. */
export async function startBinEmulator(projectDir: string, args: string[], secretKey: string): Promise<BinEmulator> {
  // Its own process group: npx runs the bin as a child, and the whole group is signalled on stop.
  const child: ChildProcess = spawn("npx", ["--no-install", "tencent-chat-emulator", ...args], {
    cwd: projectDir,
    env: userEnv({ TENCENT_CHAT_SECRET_KEY: secretKey }),
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      if (!out.includes("\n")) return;
      const first = out.split("\n")[0]!;
      const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
      if (m) resolve(m[1]!);
      else reject(new Error(`the bin's first line was ${JSON.stringify(first)}; stderr: ${err}`));
    });
    child.once("error", reject);
    void exited.then((code) => reject(new Error(`the bin exited with ${code} before listening; stderr: ${err}`)));
  });
  let url: string;
  try {
    url = await listening;
  } catch (e) {
    signalGroup(child, "SIGKILL");
    throw e;
  }
  const port = Number(new URL(url).port);
  let stopping: Promise<void> | undefined;
  return {
    url,
    port,
    output: () => out + err,
    stop: () =>
      (stopping ??= (async () => {
        signalGroup(child, "SIGTERM");
        // A safety net, not synchronisation: a bin that ignores SIGTERM must not outlive the test run.
        const kill = setTimeout(() => signalGroup(child, "SIGKILL"), 15_000);
        try {
          await closed;
        } finally {
          clearTimeout(kill);
        }
      })()),
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // the group is already gone
  }
}

/** Whether something accepts connections on the loopback port. */
export function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1");
    s.once("connect", () => {
      s.destroy();
      resolve(true);
    });
    s.once("error", () => resolve(false));
  });
}
