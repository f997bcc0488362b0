/**
 * Provider configuration: stack config read in `configure()`, environment variables as the fallback, resolved and
 * validated at call time. Nothing here is ever captured in the serialized provider or written to state.
 *
 * The host caches the provider before awaiting `configure()`, so concurrent first calls may run before it
 * finishes (pulumi-dynamic-providers.md §2.4): {@link storeConfig} is synchronous and validation is lazy.
 */
import { ChatError, ErrorCodes } from "./client/errors";
import { isRegion, REGION_NAMES, type Region } from "./client/regions";

/** Config namespace: `pulumi config set tencent-chat:sdkAppId 1400000000`. */
export const CONFIG_NAMESPACE = "tencent-chat";

/** Each setting: its config key (in {@link CONFIG_NAMESPACE}) and environment fallback. Declared once for docs too. */
export const SETTINGS = {
  sdkAppId: { env: "TENCENT_CHAT_SDK_APP_ID", secret: false, doc: "The app's SDKAppID (required)." },
  secretKey: { env: "TENCENT_CHAT_SECRET_KEY", secret: true, doc: "The app's secret key; UserSigs are generated from it." },
  userSig: { env: "TENCENT_CHAT_USER_SIG", secret: true, doc: "A ready UserSig for the identifier, instead of the key." },
  identifier: { env: "TENCENT_CHAT_IDENTIFIER", secret: false, doc: "The App admin account; default `administrator`." },
  region: { env: "TENCENT_CHAT_REGION", secret: false, doc: `The app's region (${REGION_NAMES.join(", ")}); default \`china\`.` },
  endpoint: { env: "TENCENT_CHAT_ENDPOINT", secret: false, doc: "A full base URL instead of the region, e.g. the emulator." },
  timeoutMs: { env: "TENCENT_CHAT_TIMEOUT_MS", secret: false, doc: "Deadline per request in ms (100–600000); default 10000." },
  appDefinedKeys: { env: "TENCENT_CHAT_APP_DEFINED_KEYS", secret: false, doc: "The group custom-field keys configured in the console, comma-separated: reads ask for them all, so a key set outside the program shows as drift (reads name the keys they want: without this, only keys the stack knows)." },
  maxMemberCount: { env: "TENCENT_CHAT_MAX_MEMBER_COUNT", secret: false, doc: "Largest `maxMemberCount` check accepts for non-Community groups; default 6000 (raise it if your Enterprise plan allows more)." },
  maxMemberCountCommunity: { env: "TENCENT_CHAT_MAX_MEMBER_COUNT_COMMUNITY", secret: false, doc: "Largest `maxMemberCount` check accepts for Community groups; default 100000 (up to 1000000 once raised for your app)." },
} as const;

/** A setting name. */
export type SettingName = keyof typeof SETTINGS;

/** Raw values as found, before validation. */
export type RawSettings = Partial<Record<SettingName, string>>;

/** Validated settings. Exactly one of `secretKey` / `userSig` is set, and exactly one of `region` / `endpoint`. */
export interface ResolvedSettings {
  sdkAppId: number;
  identifier: string;
  secretKey?: string;
  userSig?: string;
  region?: Region;
  endpoint?: string;
  /** Deadline per request; the client's default (10 s) when absent. */
  timeoutMs?: number;
}

/** What `configure()` receives: a config reader (the host's `Config`). */
export interface ConfigReader {
  get(key: string): string | undefined;
}

let stored: RawSettings | undefined;

/** Called from `configure()`: copies the stack config synchronously, before anything is awaited. */
export function storeConfig(config: ConfigReader): void {
  const raw: RawSettings = {};
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const value = config.get(`${CONFIG_NAMESPACE}:${name}`);
    if (value !== undefined && value !== "") raw[name] = value;
  }
  stored = raw;
}

/** Forgets the stored stack config (tests). */
export function resetStoredConfig(): void {
  stored = undefined;
}

/** Stack config first, then the environment, read now (the host inherits the CLI's environment). */
export function rawSettings(env: NodeJS.ProcessEnv = process.env): RawSettings {
  const raw: RawSettings = {};
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const value = stored?.[name] ?? env[SETTINGS[name].env];
    if (value !== undefined && value !== "") raw[name] = value;
  }
  return raw;
}

function how(name: SettingName): string {
  const secret = SETTINGS[name].secret ? "--secret " : "";
  return `\`pulumi config set ${secret}${CONFIG_NAMESPACE}:${name} …\` or the environment variable ${SETTINGS[name].env}`;
}

/** Validates raw settings; every problem is reported at once, each naming the key and how to set it. */
export function resolveSettings(raw: RawSettings = rawSettings()): ResolvedSettings {
  const problems: string[] = [];
  const sdkAppId = Number(raw.sdkAppId);
  if (raw.sdkAppId === undefined) problems.push(`the SDKAppID is not set: set it with ${how("sdkAppId")}`);
  else if (!/^\d+$/.test(raw.sdkAppId) || !Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) {
    problems.push(`${CONFIG_NAMESPACE}:sdkAppId must be a positive integer (the app's SDKAppID), got ${JSON.stringify(raw.sdkAppId)}`);
  }
  if (raw.secretKey === undefined && raw.userSig === undefined) {
    problems.push(`no credentials: set the secret key with ${how("secretKey")}, or a UserSig with ${how("userSig")}`);
  } else if (raw.secretKey !== undefined && raw.userSig !== undefined) {
    problems.push(`both ${CONFIG_NAMESPACE}:secretKey and ${CONFIG_NAMESPACE}:userSig are set (from config or environment): keep one`);
  }
  const identifier = raw.identifier ?? "administrator";
  if (!/^[\x21-\x7e]{1,32}$/.test(identifier)) {
    problems.push(`${CONFIG_NAMESPACE}:identifier must be 1-32 printable ASCII characters without spaces (an App admin account)`);
  }
  if (raw.region !== undefined && raw.endpoint !== undefined) {
    problems.push(`both ${CONFIG_NAMESPACE}:region and ${CONFIG_NAMESPACE}:endpoint are set: keep one`);
  }
  const region = raw.endpoint === undefined ? (raw.region ?? "china") : undefined;
  if (region !== undefined && !isRegion(region)) {
    problems.push(`${CONFIG_NAMESPACE}:region ${JSON.stringify(region)} is not a known region; use one of ${REGION_NAMES.join(", ")}, or set ${CONFIG_NAMESPACE}:endpoint`);
  }
  if (raw.endpoint !== undefined && !/^https?:\/\/[^/?#\s]+\/?$/.test(raw.endpoint)) {
    problems.push(`${CONFIG_NAMESPACE}:endpoint must be a base URL like https://host or http://127.0.0.1:8080, without a path`);
  }
  const timeoutMs = raw.timeoutMs === undefined ? undefined : Number(raw.timeoutMs);
  if (timeoutMs !== undefined && (!/^\d+$/.test(raw.timeoutMs!) || timeoutMs < 100 || timeoutMs > 600_000)) {
    problems.push(`${CONFIG_NAMESPACE}:timeoutMs must be a whole number of milliseconds from 100 to 600000 (above the service's 3 s), got ${JSON.stringify(raw.timeoutMs)}`);
  }
  if (problems.length > 0) {
    throw new ChatError(ErrorCodes.Config, `Tencent Cloud Chat provider configuration is incomplete: ${problems.join("; ")}.`);
  }
  return {
    sdkAppId,
    identifier,
    ...(raw.secretKey !== undefined ? { secretKey: raw.secretKey } : { userSig: raw.userSig }),
    ...(raw.endpoint !== undefined ? { endpoint: raw.endpoint.replace(/\/$/, "") } : { region: region as Region }),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}

/**
 * The member-limit settings (`maxMemberCount`, `maxMemberCountCommunity`) as overrides of check's limits: the plan
 * decides the real limits (https://cloud.tencent.com/document/product/269/9346), so users on larger plans raise
 * them here. Read separately from {@link resolveSettings} because check needs no credentials. Throws a config
 * error naming the key when a value is not a whole number from 1 to 10000000.
 */
export function memberLimitSettings(raw: RawSettings = rawSettings()): { maxMemberCount?: number; maxMemberCountCommunity?: number } {
  const out: { maxMemberCount?: number; maxMemberCountCommunity?: number } = {};
  const problems: string[] = [];
  for (const name of ["maxMemberCount", "maxMemberCountCommunity"] as const) {
    const text = raw[name];
    if (text === undefined) continue;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > 10_000_000) {
      problems.push(`${CONFIG_NAMESPACE}:${name} must be a whole number from 1 to 10000000, got ${JSON.stringify(text)}`);
    } else out[name] = n;
  }
  if (problems.length > 0) throw new ChatError(ErrorCodes.Config, `Tencent Cloud Chat provider configuration is invalid: ${problems.join("; ")}.`);
  return out;
}

/**
 * The `appDefinedKeys` setting: custom-field keys every read asks for (get_group_info returns only the keys its
 * filter names). Throws a config error naming the key when an entry breaks the key rule `[A-Za-z0-9_]{1,16}`.
 */
export function appDefinedKeysSetting(raw: RawSettings = rawSettings()): string[] {
  if (raw.appDefinedKeys === undefined) return [];
  const keys = raw.appDefinedKeys.split(",").map((k) => k.trim()).filter((k) => k !== "");
  const bad = keys.filter((k) => !/^[A-Za-z0-9_]{1,16}$/.test(k));
  if (bad.length > 0) {
    throw new ChatError(ErrorCodes.Config, `Tencent Cloud Chat provider configuration is invalid: ${CONFIG_NAMESPACE}:appDefinedKeys holds ${bad.map((k) => JSON.stringify(k)).join(", ")}; keys are 1-16 letters, digits or _, comma-separated.`);
  }
  return [...new Set(keys)].sort();
}
