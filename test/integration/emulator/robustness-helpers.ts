/**
 * Helpers of the emulator robustness suite: the compiled CLI as a child process (so a crash is a process exit),
 * raw HTTP over `net` sockets (so malformed requests reach the server byte for byte), and signed query strings.
 * Loopback only; every wait is for an event (a line, an answer, a close, an exit), never a sleep.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { connect } from "node:net";
import * as path from "node:path";

// jest reads the first of tls-sig-api-v2's two "main" fields, which names a missing file: load the file itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Api } = require("tls-sig-api-v2/TLSSigAPIv2.js") as {
  Api: new (app: number, key: string) => { genUserSig(id: string, expire: number): string };
};

/** Repository root. */
export const ROOT = path.join(__dirname, "..", "..", "..");
/** The compiled CLI. */
export const CLI = path.join(ROOT, "dist", "emulator", "cli.js");
/** Credentials of the spawned emulators. */
export const APP = 1400000009;
export const KEY = "robustness-key";
export const ADMIN = "administrator";

/** Builds dist/ when it is missing (npm test builds before jest; a lone `npx jest` may not have). */
export function ensureBuilt(): void {
  if (!existsSync(CLI))
    execFileSync(
      process.execPath,
      [path.join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"],
      { cwd: ROOT, stdio: "inherit" },
    );
}

/** A valid query string for the admin (one UserSig, reused: generating one per request would dominate). */
export function signedQuery(overrides: Record<string, string | undefined> = {}): string {
  const params: Record<string, string | undefined> = {
    sdkappid: String(APP),
    identifier: ADMIN,
    usersig: new Api(APP, KEY).genUserSig(ADMIN, 86400),
    random: "12345",
    contenttype: "json",
    ...overrides,
  };
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, v);
  return q.toString();
}

/** A spawned emulator CLI. */
export interface Child {
  proc: ChildProcess;
  url: string;
  port: number;
  /** Resolves with the exit code/signal once the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Everything written to stderr so far. */
  stderr(): string;
  alive(): boolean;
}

/** Spawns `node dist/emulator/cli.js --port 0 …` and resolves once it prints `listening on <url>`. */
export function spawnEmulator(args: readonly string[]): Promise<Child> {
  ensureBuilt();
  const proc = spawn(process.execPath, [CLI, "--port", "0", "--sdk-app-id", String(APP), "--admin", ADMIN, ...args], {
    env: { ...process.env, TENCENT_CHAT_SECRET_KEY: KEY },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  proc.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    proc.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return new Promise((resolve, reject) => {
    let out = "";
    proc.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /^listening on (http:\/\/127\.0\.0\.1:(\d+))\n/.exec(out);
      if (m)
        resolve({
          proc,
          url: m[1]!,
          port: Number(m[2]),
          exited,
          stderr: () => err,
          alive: () => proc.exitCode === null && proc.signalCode === null,
        });
    });
    void exited.then(({ code, signal }) =>
      reject(new Error(`emulator exited (${code ?? signal}) before listening: ${err}`)),
    );
  });
}

/** A parsed HTTP answer, or what came back when there was none. */
export interface RawAnswer {
  /** HTTP status, undefined when the server closed without answering. */
  status?: number;
  headers: Record<string, string>;
  body: string;
  /** The body as JSON, when it is JSON. */
  json?: Record<string, unknown>;
  /** The socket error, if the server reset the connection (e.g. while we were still sending). */
  error?: string;
}

/** Parses the first complete HTTP/1.1 response in `buf`, or undefined when incomplete. */
function parseResponse(buf: Buffer, head: boolean): RawAnswer | undefined {
  const end = buf.indexOf("\r\n\r\n");
  if (end < 0) return undefined;
  const lines = buf.subarray(0, end).toString("latin1").split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0]!)?.[1]);
  const headers: Record<string, string> = {};
  for (const l of lines.slice(1)) {
    const i = l.indexOf(":");
    if (i > 0) headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim();
  }
  const length = head ? 0 : Number(headers["content-length"] ?? 0);
  if (buf.length < end + 4 + length) return undefined;
  const body = buf.subarray(end + 4, end + 4 + length).toString("utf8");
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(body) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status, headers, body, json };
}

/** Options of {@link rawHttp}. */
export interface RawOptions {
  /** The request was HEAD: the answer has no body. */
  head?: boolean;
  /** Close our side right after writing (the server sees the client go away). */
  endAfterWrite?: boolean;
  /** Give up (resolve without status) after this long without progress; a safety net, not a synchroniser. */
  idleMs?: number;
}

/**
 * Sends `payload` on a fresh loopback connection and resolves with the first complete answer, or with what
 * arrived when the server closed or reset the connection.
 */
export function rawHttp(port: number, payload: string | Buffer, opts: RawOptions = {}): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let buf = Buffer.alloc(0);
    let done = false;
    const finish = (a: RawAnswer): void => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve(a);
    };
    socket.setTimeout(opts.idleMs ?? 30_000, () =>
      finish({ headers: {}, body: buf.toString("latin1"), error: "idle" }),
    );
    socket.on("data", (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const a = parseResponse(buf, opts.head ?? false);
      if (a) finish(a);
    });
    socket.on("error", (e) =>
      finish({
        ...(parseResponse(buf, opts.head ?? false) ?? { headers: {}, body: buf.toString("latin1") }),
        error: e.message,
      }),
    );
    socket.on("close", () =>
      finish(parseResponse(buf, opts.head ?? false) ?? { headers: {}, body: buf.toString("latin1") }),
    );
    socket.on("connect", () => {
      socket.write(payload);
      if (opts.endAfterWrite) socket.end();
    });
  });
}

/** An HTTP/1.1 request as text (Connection: close, Content-Length from the body unless given). */
export function httpRequest(
  method: string,
  target: string,
  body: string | Buffer = "",
  headers: Record<string, string> = {},
): Buffer {
  const b = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  const h: Record<string, string> = {
    Host: "127.0.0.1",
    Connection: "close",
    "Content-Type": "application/json",
    "Content-Length": String(b.length),
    ...headers,
  };
  const head = `${method} ${target} HTTP/1.1\r\n${Object.entries(h)
    .filter(([, v]) => v !== "")
    .map(([k, v]) => `${k}: ${v}`)
    .join("\r\n")}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head, "latin1"), b]);
}

/** True for a documented envelope: `{ActionStatus: "OK"|"FAIL", ErrorCode: number, ErrorInfo: string}`. */
export function isEnvelope(json: unknown): boolean {
  const j = json as Record<string, unknown> | undefined;
  return (
    j !== undefined &&
    j !== null &&
    (j.ActionStatus === "OK" || j.ActionStatus === "FAIL") &&
    typeof j.ErrorCode === "number" &&
    typeof j.ErrorInfo === "string"
  );
}
