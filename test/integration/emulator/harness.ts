/**
 * Test harness for the emulator suites: a started emulator on port 0 with a movable clock, real UserSigs from
 * the official `tls-sig-api-v2` package, and a raw HTTP caller (undici) that leaves every byte visible.
 */
import { request } from "undici";
import { actionPath, type ChatAction } from "../../../protocol/actions";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../../emulator";

// The package.json of tls-sig-api-v2 1.0.2 has two "main" keys; jest's resolver picks the first (a missing file),
// so the implementation file is named directly.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Api } = require("tls-sig-api-v2/TLSSigAPIv2.js") as {
  Api: new (app: number, key: string) => { genUserSig(id: string, expire: number): string };
};

/** Credentials every suite uses. */
export const APP_ID = 1400000001;
export const SECRET_KEY = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
export const ADMIN = "administrator";

/** A real UserSig (signed "now" by the library, i.e. by wall-clock time). */
export function userSig(identifier = ADMIN, opts: { app?: number; key?: string; expire?: number } = {}): string {
  return new Api(opts.app ?? APP_ID, opts.key ?? SECRET_KEY).genUserSig(identifier, opts.expire ?? 86400);
}

/** A clock tests move by hand (milliseconds). */
export class TestClock {
  now = Date.now();
  readonly fn = (): number => this.now;
  advance(ms: number): void {
    this.now += ms;
  }
}

/** What {@link Harness.call} returns. */
export interface CallResult {
  status: number;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Overrides of one call. */
export interface CallOptions {
  query?: Record<string, string | undefined>;
  method?: "POST" | "GET" | "PUT" | "DELETE";
  headers?: Record<string, string>;
}

/** A running emulator with its clock and a caller. */
export interface Harness {
  emu: RunningEmulator;
  clock: TestClock;
  call(action: ChatAction, body: unknown, opts?: CallOptions): Promise<CallResult>;
  raw(path: string, body: string | undefined, opts?: CallOptions): Promise<CallResult>;
}

/** The standard query string for the admin, with overrides (undefined removes a parameter). */
export function query(overrides: Record<string, string | undefined> = {}): string {
  const params: Record<string, string | undefined> = {
    sdkappid: String(APP_ID),
    identifier: ADMIN,
    usersig: userSig(),
    random: "99999999",
    contenttype: "json",
    ...overrides,
  };
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, v);
  return search.toString();
}

/** Start an emulator for a suite. */
export async function startHarness(options: Partial<EmulatorOptions> = {}): Promise<Harness> {
  const clock = new TestClock();
  const emu = await startEmulator({
    sdkAppId: APP_ID,
    secretKey: SECRET_KEY,
    admin: ADMIN,
    clock: clock.fn,
    ...options,
  });
  const raw = async (path: string, body: string | undefined, opts: CallOptions = {}): Promise<CallResult> => {
    const res = await request(`${emu.url}${path}`, {
      method: opts.method ?? "POST",
      body,
      headers: { "content-type": "application/json; charset=utf-8", ...(opts.headers ?? {}) },
    });
    const text = await res.body.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, text, json };
  };
  const call = (action: ChatAction, body: unknown, opts: CallOptions = {}): Promise<CallResult> =>
    raw(`/${actionPath(action)}?${query(opts.query)}`, typeof body === "string" ? body : JSON.stringify(body), opts);
  return { emu, clock, call, raw };
}

/** `{ActionStatus:"FAIL", ErrorCode}` matcher with an optional ErrorInfo fragment. */
export function failure(code: number, info?: string | RegExp): Record<string, unknown> {
  return {
    ActionStatus: "FAIL",
    ErrorCode: code,
    ErrorInfo:
      info === undefined
        ? expect.any(String)
        : typeof info === "string"
          ? expect.stringContaining(info)
          : expect.stringMatching(info),
  };
}
