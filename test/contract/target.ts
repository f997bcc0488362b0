/**
 * Where the contract cases run: the local emulator (in `npm test`) or a real Tencent Cloud Chat app (`npm run
 * test:live`). Both give the cases the same things: a client, a provider host configured for the target, a unique
 * prefix for every group id, accounts, and cleanup that destroys every group the run made — plus, on the live
 * target, a sweep of leftovers of earlier runs that crashed (by prefix and age).
 */
import { randomBytes } from "node:crypto";
import { startEmulator, type RunningEmulator } from "../../emulator";
import { ChatClient } from "../../provider/client/client";
import { isNotFound } from "../../provider/client/errors";
import { isRegion, type Region } from "../../protocol/regions";
import { ProviderHost, type ConfigValue } from "../../harness/host";
import { programOf } from "../../harness/e2e";
import { collectRegistrations, makeProgramDir, type ProgramDir, type Registration } from "../../harness/program-dir";

/** Every group id a contract run creates starts with this (Community ids with `@TGS#_` before it). */
export const CONTRACT_PREFIX = "ptc-ct-";
/** Leftovers older than this are swept at the start of a live run (younger ones may belong to a run in progress). */
export const SWEEP_AGE_MS = 60 * 60 * 1000;

/** The environment variables of the live target. */
export const LIVE_ENV = {
  sdkAppId: "TENCENT_CHAT_LIVE_SDK_APP_ID",
  secretKey: "TENCENT_CHAT_LIVE_SECRET_KEY",
  region: "TENCENT_CHAT_LIVE_REGION",
  identifier: "TENCENT_CHAT_LIVE_IDENTIFIER",
  endpoint: "TENCENT_CHAT_LIVE_ENDPOINT",
  groups: "TENCENT_CHAT_LIVE_LARGE_GROUPS",
  members: "TENCENT_CHAT_LIVE_LARGE_MEMBERS",
} as const;

/** One target of the contract suite. */
export interface ContractTarget {
  readonly name: "emulator" | "live";
  /** A client with the provider's defaults (retries and limiter on). */
  readonly client: ChatClient;
  /** A provider host configured for this target, for the ChatGroup lifecycle cases. */
  readonly host: ProviderHost;
  /** Registrations (urn, inputs with the real `__provider`) of a program declaring these ChatGroups. */
  register(groups: Record<string, Record<string, unknown>>): Promise<Registration[]>;
  /** The emulator, on the emulator target only (cases must not need it). */
  readonly emulator?: RunningEmulator;
  /** Size of the large-group refresh case. */
  readonly large: { groups: number; members: number };
  /** A group id unique to this run: `ptc-ct-<time>-<random>-<suffix>` (Community: `@TGS#_` first). */
  id(suffix: string, community?: boolean): string;
  /** An account name: fixed per name, so repeated live runs reuse the same accounts instead of importing new ones. */
  account(name: string): string;
  /** Import accounts (idempotent on the service). */
  importAccounts(names: readonly string[]): Promise<void>;
  /** Destroy every group of this run (and, live, leftovers of crashed runs); never throws on "already gone". */
  cleanup(): Promise<void>;
  close(): Promise<void>;
}

function runPrefix(now: number): string {
  return `${CONTRACT_PREFIX}${now.toString(36)}-${randomBytes(2).toString("hex")}-`;
}

/** The creation time (ms) encoded in a contract group id, or undefined when it is not one. */
export function contractIdTime(id: string): number | undefined {
  const bare = id.startsWith("@TGS#_") ? id.slice(6) : id;
  const m = /^ptc-ct-([0-9a-z]+)-[0-9a-f]{4}-/.exec(bare);
  return m ? parseInt(m[1]!, 36) : undefined;
}

/** Destroys every group of the app whose id starts with `runPrefix`, or any contract id older than `olderThan`. */
export async function sweep(client: ChatClient, match: (id: string) => boolean): Promise<string[]> {
  const doomed: string[] = [];
  for await (const id of client.listAllGroupIds()) if (match(id)) doomed.push(id);
  for (const id of doomed) {
    try {
      await client.destroyGroup({ GroupId: id });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }
  return doomed;
}

async function makeTarget(
  name: ContractTarget["name"],
  settings: { sdkAppId: number; secretKey: string; identifier: string; region?: Region; endpoint?: string },
  large: ContractTarget["large"],
  emulator?: RunningEmulator,
): Promise<ContractTarget> {
  const started = Date.now();
  const prefix = runPrefix(started);
  const client = new ChatClient({ ...settings });
  const program: ProgramDir = makeProgramDir();
  const host = await ProviderHost.start({ cwd: program.dir, project: "chat-contract" });
  const config: Record<string, ConfigValue> = {
    "tencent-chat:sdkAppId": String(settings.sdkAppId),
    "tencent-chat:secretKey": { secret: settings.secretKey },
    "tencent-chat:identifier": settings.identifier,
    ...(settings.endpoint !== undefined
      ? { "tencent-chat:endpoint": settings.endpoint }
      : { "tencent-chat:region": settings.region ?? "china" }),
  };
  await host.configure(config);
  const accountPrefix = name === "live" ? "ptc-ct-" : "ct-";
  return {
    name,
    client,
    host,
    emulator,
    large,
    register: (groups) => collectRegistrations(program.dir, programOf(groups)),
    id: (suffix, community = false) => `${community ? "@TGS#_" : ""}${prefix}${suffix}`,
    account: (n) => `${accountPrefix}${n}`,
    importAccounts: async (names) => {
      for (const n of names) await client.accountImport({ UserID: n });
    },
    cleanup: async () => {
      await sweep(client, (id) => {
        if (id.includes(prefix)) return true;
        const t = contractIdTime(id);
        return name === "live" && t !== undefined && t < started - SWEEP_AGE_MS;
      });
    },
    close: async () => {
      await host.stop();
      await client.close();
      await emulator?.close();
      program.cleanup();
    },
  };
}

/** The emulator target: a fresh emulator with its documented defaults. */
export async function emulatorTarget(): Promise<ContractTarget> {
  const secretKey = "contract-key";
  const emulator = await startEmulator({ sdkAppId: 1400077001, secretKey, admin: "administrator" });
  return makeTarget(
    "emulator",
    { sdkAppId: 1400077001, secretKey, identifier: "administrator", endpoint: emulator.url },
    { groups: 50, members: 300 },
    emulator,
  );
}

/** Why the live target cannot run, or undefined when it can. */
export function liveUnavailable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const missing = [LIVE_ENV.sdkAppId, LIVE_ENV.secretKey].filter((k) => !env[k]);
  if (missing.length > 0) return `${missing.join(" and ")} ${missing.length > 1 ? "are" : "is"} not set`;
  const region = env[LIVE_ENV.region];
  if (region !== undefined && region !== "" && !isRegion(region))
    return `${LIVE_ENV.region}=${region} is not a known region`;
  return undefined;
}

/** The live target, from the TENCENT_CHAT_LIVE_* variables (check {@link liveUnavailable} first). */
export async function liveTarget(env: NodeJS.ProcessEnv = process.env): Promise<ContractTarget> {
  const why = liveUnavailable(env);
  if (why !== undefined) throw new Error(`live target unavailable: ${why}`);
  const int = (k: string, d: number) => (env[k] ? Number(env[k]) : d);
  return makeTarget(
    "live",
    {
      sdkAppId: Number(env[LIVE_ENV.sdkAppId]),
      secretKey: env[LIVE_ENV.secretKey]!,
      identifier: env[LIVE_ENV.identifier] || "administrator",
      ...(env[LIVE_ENV.endpoint]
        ? { endpoint: env[LIVE_ENV.endpoint] }
        : { region: (env[LIVE_ENV.region] || "china") as Region }),
    },
    { groups: int(LIVE_ENV.groups, 50), members: int(LIVE_ENV.members, 300) },
  );
}
