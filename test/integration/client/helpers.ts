/**
 * Harness of the client integration suites: an emulator on port 0 and ChatClients pointed at it, retries off and
 * zero-delay sleeps and no rate limiting unless a test opts in (then with a private registry), and
 * teardown of everything started.
 */
import { Api } from "tls-sig-api-v2/TLSSigAPIv2.js";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../../emulator";
import { ChatClient, type ChatClientOptions } from "../../../provider/client";

export const APP_ID = 1400000123;
/** Distinctive so the secret-scan test can search for it. */
export const SECRET_KEY = "KEYSCAN-9f8e7d6c5b4a-client-integration-secret";
export const ADMIN = "administrator";

const started: Array<{ close(): Promise<void> }> = [];

/** Start an emulator for this app; closed in {@link teardown}. */
export async function emulator(options: Partial<EmulatorOptions> = {}): Promise<RunningEmulator> {
  const emu = await startEmulator({ sdkAppId: APP_ID, secretKey: SECRET_KEY, admin: ADMIN, ...options });
  started.push(emu);
  return emu;
}

/** A client for `emu`: key credentials, retries off, zero-delay sleep, no rate limiting. Closed in teardown. */
export function client(emu: RunningEmulator, overrides: Partial<ChatClientOptions> = {}): ChatClient {
  const base: ChatClientOptions = {
    sdkAppId: APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    endpoint: emu.url,
    retry: 0,
    sleep: async () => undefined,
    rateLimit: false,
  };
  const opts = { ...base, ...overrides } as ChatClientOptions;
  if (overrides.userSig !== undefined && overrides.secretKey === undefined) delete opts.secretKey;
  const c = new ChatClient(opts);
  started.push(c);
  return c;
}

/** A UserSig signed by the official library (wall-clock time). */
export function sign(identifier = ADMIN, opts: { app?: number; key?: string; expire?: number } = {}): string {
  return new Api(opts.app ?? APP_ID, opts.key ?? SECRET_KEY).genUserSig(identifier, opts.expire ?? 86400);
}

/** The thrown value of a promise that must reject. */
export async function rejection(p: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    return e as Error & Record<string, unknown>;
  }
  throw new Error("expected a rejection, but the call succeeded");
}

/** Close every emulator and client started since the last teardown. */
export async function teardown(): Promise<void> {
  while (started.length > 0) await started.pop()!.close();
}
