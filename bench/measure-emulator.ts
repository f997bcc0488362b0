/**
 * The emulator's own throughput on loopback: it runs alone in a child process (the shipped CLI, no quota) and this
 * process drives get_group_info of one existing group through a keep-alive undici Pool, in bounded time windows.
 */
import { Pool } from "undici";
import { buildCallUrl } from "../provider/client/url";
import { createUserSigSource } from "../provider/client/usersig";
import { startEmulatorProcess } from "./emulator-process";
import { median, sleep } from "./util";

/** Requests per second, per window and their median. */
export interface EmulatorThroughputResult {
  connections: number;
  inFlight: number;
  windowMs: number;
  windows: number;
  requestsPerSecond: number[];
  medianRps: number;
  /**
   * Requests per second of CPU time the emulator process used (user + system), per window: its capacity with one
   * core to itself, which the machine's load from other processes does not lower.
   */
  requestsPerCpuSecond: number[];
  medianRpsPerCpuSecond: number;
  /** Requests per second in the warm-up windows (750 ms each), before the measured ones. */
  warmupRps: number[];
  /** Answers other than ErrorCode 0 (must be 0). */
  errors: number;
}

const APP = 1400054321;
const KEY = "bench-emulator-key";
const ADMIN = "administrator";

/** Measures `windows` windows of `windowMs` after a warm-up, with `connections` sockets and `inFlight` requests. */
export async function measureEmulator(
  connections = 32,
  inFlight = 64,
  windowMs = 600,
  windows = 5,
): Promise<EmulatorThroughputResult> {
  const emu = await startEmulatorProcess({ sdkAppId: APP, secretKey: KEY, admin: ADMIN });
  const origin = new URL(emu.url);
  const pool = new Pool(origin.origin, { connections, pipelining: 1 });
  try {
    const sig = createUserSigSource({ sdkAppId: APP, identifier: ADMIN, secretKey: KEY }).current();
    const url = (action: "import_group" | "get_group_info") =>
      new URL(buildCallUrl(emu.url, action, { sdkAppId: APP, identifier: ADMIN, userSig: sig, random: 12345 }));
    const call = async (action: "import_group" | "get_group_info", body: unknown): Promise<number> => {
      const u = url(action);
      const res = await pool.request({
        method: "POST",
        path: `${u.pathname}${u.search}`,
        body: JSON.stringify(body),
        headers: { "content-type": "application/json" },
      });
      const json = (await res.body.json()) as { ErrorCode?: number };
      return json.ErrorCode ?? -1;
    };
    if ((await call("import_group", { Type: "Public", Name: "throughput", GroupId: "tp-1" })) !== 0)
      throw new Error("emulator: import_group failed");
    const getBody = { GroupIdList: ["tp-1"] };
    let errors = 0;
    const drive = async (ms: number): Promise<{ rps: number; perCpu: number }> => {
      const cpu0 = emu.cpuSeconds();
      const deadline = performance.now() + ms;
      let done = 0;
      const worker = async () => {
        // Bounded: stops at the deadline, and in any case after 1e6 requests.
        for (let i = 0; i < 1_000_000 && performance.now() < deadline; i++) {
          if ((await call("get_group_info", getBody)) !== 0) errors++;
          done++;
        }
      };
      const t0 = performance.now();
      await Promise.all(Array.from({ length: inFlight }, worker));
      const seconds = (performance.now() - t0) / 1000;
      return { rps: done / seconds, perCpu: done / Math.max(0.01, emu.cpuSeconds() - cpu0) };
    };
    // Warm-up: the emulator runs several times slower for its first ~2-3 s of load (JIT), so those windows are
    // reported apart.
    const warmup: number[] = [];
    for (let w = 0; w < 4; w++) warmup.push((await drive(750)).rps);
    const rps: number[] = [];
    const perCpu: number[] = [];
    for (let w = 0; w < windows; w++) {
      const r = await drive(windowMs);
      rps.push(r.rps);
      perCpu.push(r.perCpu);
      await sleep(50);
    }
    return {
      connections,
      inFlight,
      windowMs,
      windows,
      requestsPerSecond: rps,
      medianRps: median(rps),
      requestsPerCpuSecond: perCpu,
      medianRpsPerCpuSecond: median(perCpu),
      warmupRps: warmup,
      errors,
    };
  } finally {
    await pool.close();
    await emu.stop();
  }
}
