/**
 * Provider configuration: stack config read in `configure()`, environment variables as the fallback, resolved and
 * validated at call time. Nothing here is ever captured in the serialized provider or written to state.
 *
 * Precedence: stack config wins over the environment per setting, and AS A WHOLE for settings that only make sense
 * together — the location (region / endpoint) and the credentials (secretKey / userSig): when the stack config sets
 * either member of such a pair, the environment's values for that pair are ignored. Messages name where each value
 * came from (config key or environment variable).
 *
 * App profiles (`tencent-chat:apps.<name>.*`, set with `pulumi config set --path`) let one stack manage groups in
 * several apps; the host hands the whole `tencent-chat:apps` object over as one JSON string.
 *
 * The host caches the provider before awaiting `configure()`, so concurrent first calls may run before it finishes
 * (see DECISIONS.md D2): {@link storeConfig} is synchronous, never throws, and validation is lazy.
 */
import { ChatError, ErrorCodes } from "./client/errors";
import { DEFAULT_DEADLINE_MS } from "./client/executor";
import { isRegion, REGION_NAMES, type Region } from "../protocol/regions";
import { resolveBaseUrl } from "./client/url";
import { userIdProblem } from "../protocol/user-id";

/** Config namespace: `pulumi config set tencent-chat:sdkAppId 1400000000`. */
export const CONFIG_NAMESPACE = "tencent-chat";

/** The config key holding the app profiles (an object, set with `pulumi config set --path`). */
export const APPS_KEY = `${CONFIG_NAMESPACE}:apps`;

/** Largest `addMemberLimit` accepted: the most any page ever documented for add_group_member (older pages: 500). */
export const ADD_MEMBER_LIMIT_MAX = 500;

/** Each setting: its config key (in {@link CONFIG_NAMESPACE}) and environment fallback. Declared once for docs too. */
export const SETTINGS = {
  sdkAppId: { env: "TENCENT_CHAT_SDK_APP_ID", secret: false, doc: "The app's SDKAppID (required)." },
  secretKey: {
    env: "TENCENT_CHAT_SECRET_KEY",
    secret: true,
    doc: "The app's secret key; UserSigs are generated from it.",
  },
  userSig: {
    env: "TENCENT_CHAT_USER_SIG",
    secret: true,
    doc: "A ready UserSig for the identifier, instead of the key.",
  },
  identifier: { env: "TENCENT_CHAT_IDENTIFIER", secret: false, doc: "The App admin account; default `administrator`." },
  region: {
    env: "TENCENT_CHAT_REGION",
    secret: false,
    doc: `The app's region (${REGION_NAMES.join(", ")}); default \`china\`.`,
  },
  endpoint: {
    env: "TENCENT_CHAT_ENDPOINT",
    secret: false,
    doc: "A full base URL instead of the region, e.g. the emulator.",
  },
  timeoutMs: {
    env: "TENCENT_CHAT_TIMEOUT_MS",
    secret: false,
    doc: "Deadline per request in ms (100–600000); default 10000.",
  },
  deadlineMs: {
    env: "TENCENT_CHAT_DEADLINE_MS",
    secret: false,
    doc: `Most time one API call may take, all attempts and back-off included, in ms (100–3600000); default ${DEFAULT_DEADLINE_MS}.`,
  },
  appDefinedKeys: {
    env: "TENCENT_CHAT_APP_DEFINED_KEYS",
    secret: false,
    doc: "The group custom-field keys configured in the console, comma-separated: reads ask for them all, so a key set outside the program shows as drift (reads name the keys they want: without this, only keys the stack knows).",
  },
  maxMemberCount: {
    env: "TENCENT_CHAT_MAX_MEMBER_COUNT",
    secret: false,
    doc: "Largest `maxMemberCount` check accepts for non-Community groups; default 6000 (raise it if your Enterprise plan allows more).",
  },
  maxMemberCountCommunity: {
    env: "TENCENT_CHAT_MAX_MEMBER_COUNT_COMMUNITY",
    secret: false,
    doc: "Largest `maxMemberCount` check accepts for Community groups; default 100000 (up to 1000000 once raised for your app).",
  },
  addMemberLimit: {
    env: "TENCENT_CHAT_ADD_MEMBER_LIMIT",
    secret: false,
    doc: `Most members per add_group_member call (1–${ADD_MEMBER_LIMIT_MAX}); default 20, the newest documented limit. Raise it (e.g. 300, the English page's limit) only if your app's service accepts it; a 10005 answer halves the call anyway. Per app profile too.`,
  },
} as const;

/** A setting name. */
export type SettingName = keyof typeof SETTINGS;

/** Raw values as found, before validation. */
export type RawSettings = Partial<Record<SettingName, string>>;

/** Where each raw value came from, as a label for messages (e.g. "`TENCENT_CHAT_REGION` (environment)"). */
export type Origins = Partial<Record<SettingName, string>>;

/** Settings that only make sense together: one source provides the whole pair. */
export const SETTING_GROUPS: Readonly<Record<"location" | "credentials", readonly SettingName[]>> = {
  location: ["region", "endpoint"],
  credentials: ["secretKey", "userSig"],
};

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
  /** Deadline per API call, attempts and back-off included; the client's default (30 s) when absent. */
  deadlineMs?: number;
  /** Most members per add_group_member call (the `addMemberLimit` setting); the batcher's default (20) when absent. */
  addMemberLimit?: number;
  /** The app profile these settings come from; undefined for the top-level settings. */
  app?: string;
}

/** What `configure()` receives: a config reader (the host's `Config`). */
export interface ConfigReader {
  get(key: string): unknown;
}

/** One app profile as stored: its raw values and what was wrong with its shape. */
export interface StoredProfile {
  raw: RawSettings;
  problems: string[];
}

interface Stored {
  top: RawSettings;
  apps: Record<string, StoredProfile>;
  /** Why `tencent-chat:apps` could not be read at all. */
  appsProblem?: string;
}

let stored: Stored | undefined;

/** Called from `configure()`: copies the stack config synchronously, before anything is awaited. Never throws. */
export function storeConfig(config: ConfigReader): void {
  const top: RawSettings = {};
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const value = config.get(`${CONFIG_NAMESPACE}:${name}`);
    if (typeof value === "string" && value !== "") top[name] = value;
    else if (typeof value === "number") top[name] = String(value);
  }
  stored = { top, ...readProfiles(config.get(APPS_KEY)) };
}

/** Forgets the stored stack config (tests). */
export function resetStoredConfig(): void {
  stored = undefined;
}

/** Whether `configure()` has stored the stack config. */
export function isConfigStored(): boolean {
  return stored !== undefined;
}

const PROFILE_NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** Parses `tencent-chat:apps` (a JSON string from the host, or an object) into profiles; problems are kept, not thrown. */
function readProfiles(value: unknown): Pick<Stored, "apps" | "appsProblem"> {
  const apps: Record<string, StoredProfile> = Object.create(null) as Record<string, StoredProfile>;
  if (value === undefined || value === "") return { apps };
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value);
    } catch {
      return {
        apps,
        appsProblem: `${APPS_KEY} is not a JSON object of app profiles; set it with \`pulumi config set --path ${APPS_KEY}.<name>.sdkAppId …\``,
      };
    }
  }
  if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
    return {
      apps,
      appsProblem: `${APPS_KEY} must be an object of app profiles (\`pulumi config set --path ${APPS_KEY}.<name>.sdkAppId …\`)`,
    };
  }
  for (const [name, body] of Object.entries(parsed as Record<string, unknown>)) {
    const problems: string[] = [];
    const raw: RawSettings = {};
    if (!PROFILE_NAME.test(name))
      problems.push(`the profile name ${JSON.stringify(name)} must be 1-64 characters of A-Z a-z 0-9 _ -`);
    if (body === null || typeof body !== "object" || Array.isArray(body)) {
      problems.push(`${APPS_KEY}.${name} must be an object of settings (sdkAppId, secretKey, …)`);
    } else {
      for (const [key, wrapped] of Object.entries(body as Record<string, unknown>)) {
        const v = unwrapSecret(wrapped);
        if (!Object.prototype.hasOwnProperty.call(SETTINGS, key)) {
          const near = (Object.keys(SETTINGS) as SettingName[]).find((s) => s.toLowerCase() === key.toLowerCase());
          problems.push(
            `${APPS_KEY}.${name}.${key} is not a setting${near ? `; did you mean ${near}?` : `; use ${Object.keys(SETTINGS).join(", ")}`}`,
          );
        } else if (typeof v === "string" || typeof v === "number") {
          if (v !== "") raw[key as SettingName] = String(v);
        } else {
          problems.push(`${APPS_KEY}.${name}.${key} must be a string or a number`);
        }
      }
    }
    apps[name] = { raw, problems };
  }
  return { apps };
}

/** Pulumi's secret marker, in case a nested secret ever arrives wrapped rather than already decrypted. */
const SECRET_SIG = "4dabf18193072939515e22adb298388d";

function unwrapSecret(value: unknown): unknown {
  if (value !== null && typeof value === "object" && SECRET_SIG in value && "value" in value)
    return (value as { value: unknown }).value;
  return value;
}

/** Label of a stack-config value. */
function configLabel(name: SettingName, profile?: string): string {
  return profile === undefined
    ? `\`${CONFIG_NAMESPACE}:${name}\` (stack config)`
    : `\`${APPS_KEY}.${profile}.${name}\` (stack config)`;
}

/** Label of an environment value. */
function envLabel(name: SettingName): string {
  return `\`${SETTINGS[name].env}\` (environment)`;
}

/** Top-level raw settings and where each came from: stack config first; a pair comes whole from one source. */
export function collectSettings(env: NodeJS.ProcessEnv = process.env): { raw: RawSettings; origins: Origins } {
  const raw: RawSettings = {};
  const origins: Origins = {};
  const fromConfig = (name: SettingName): string | undefined => stored?.top[name];
  const fromEnv = (name: SettingName): string | undefined => {
    const v = env[SETTINGS[name].env];
    return v === undefined || v === "" ? undefined : v;
  };
  const configOwns = new Set<SettingName>();
  for (const members of Object.values(SETTING_GROUPS)) {
    if (members.some((m) => fromConfig(m) !== undefined)) members.forEach((m) => configOwns.add(m));
  }
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const c = fromConfig(name);
    if (c !== undefined) {
      raw[name] = c;
      origins[name] = configLabel(name);
    } else if (!configOwns.has(name)) {
      const e = fromEnv(name);
      if (e !== undefined) {
        raw[name] = e;
        origins[name] = envLabel(name);
      }
    }
  }
  return { raw, origins };
}

/** Stack config first, then the environment, read now (the host inherits the CLI's environment). */
export function rawSettings(env: NodeJS.ProcessEnv = process.env): RawSettings {
  return collectSettings(env).raw;
}

/** Names of the configured app profiles. */
export function profileNames(): string[] {
  return stored === undefined ? [] : Object.keys(stored.apps).sort();
}

/** Raw SDKAppID of a profile (or of the top-level settings when `profile` is undefined), without validating the rest. */
export function rawSdkAppId(profile: string | undefined, env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = profile === undefined ? collectSettings(env).raw.sdkAppId : stored?.apps[profile]?.raw.sdkAppId;
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * The settings of app profile `name`: its own SDKAppID and credentials (never inherited: a key belongs to one app);
 * identifier, timeouts and — as a pair — the location fall back to the top-level settings.
 *
 * @throws ChatError `CHAT_ERR_CONFIG` naming the profile and every problem.
 */
export function resolveProfile(name: string, env: NodeJS.ProcessEnv = process.env): ResolvedSettings {
  if (stored?.appsProblem !== undefined) {
    throw new ChatError(
      ErrorCodes.Config,
      `Tencent Cloud Chat provider configuration is incomplete: ${stored.appsProblem}.`,
    );
  }
  const profile = stored?.apps[name];
  if (profile === undefined) {
    const known = profileNames();
    throw new ChatError(
      ErrorCodes.Config,
      `Tencent Cloud Chat app profile ${JSON.stringify(name)} is not configured` +
        `${known.length > 0 ? ` (configured: ${known.join(", ")})` : " (no profiles are configured)"}. Set it with ` +
        `\`pulumi config set --path ${APPS_KEY}.${name}.sdkAppId …\` and \`pulumi config set --path --secret ${APPS_KEY}.${name}.secretKey …\`, ` +
        "or remove `app` from the resource to use the top-level settings.",
    );
  }
  const top = collectSettings(env);
  const raw: RawSettings = {};
  const origins: Origins = {};
  const take = (key: SettingName, from: "profile" | "top"): void => {
    const value = from === "profile" ? profile.raw[key] : top.raw[key];
    if (value === undefined) return;
    raw[key] = value;
    origins[key] = from === "profile" ? configLabel(key, name) : (top.origins[key] ?? key);
  };
  for (const key of ["sdkAppId", "secretKey", "userSig"] as const) take(key, "profile");
  for (const key of ["identifier", "timeoutMs", "deadlineMs", "addMemberLimit"] as const)
    take(key, profile.raw[key] !== undefined ? "profile" : "top");
  const ownLocation = SETTING_GROUPS.location.some((k) => profile.raw[k] !== undefined);
  for (const key of SETTING_GROUPS.location) take(key, ownLocation ? "profile" : "top");
  return { ...resolveSettings(raw, origins, { profile: name, problems: profile.problems }), app: name };
}

/** How to set a missing setting, for the top-level settings or a profile. */
function how(name: SettingName, profile?: string): string {
  const secret = SETTINGS[name].secret ? "--secret " : "";
  if (profile !== undefined) return `\`pulumi config set --path ${secret}${APPS_KEY}.${profile}.${name} …\``;
  return `\`pulumi config set ${secret}${CONFIG_NAMESPACE}:${name} …\` or the environment variable ${SETTINGS[name].env}`;
}

/** Context of {@link resolveSettings}: the profile being resolved and problems already found in its shape. */
export interface ResolveContext {
  profile?: string;
  problems?: readonly string[];
}

/**
 * Validates raw settings; every problem is reported at once, each naming the key (and where its value came from,
 * when `origins` says) and how to set it.
 */
export function resolveSettings(
  raw?: RawSettings,
  origins: Origins = {},
  context: ResolveContext = {},
): ResolvedSettings {
  if (raw === undefined) {
    const found = collectSettings();
    raw = found.raw;
    origins = found.origins;
  }
  const { profile } = context;
  const label = (name: SettingName): string =>
    origins[name] ?? (profile === undefined ? `${CONFIG_NAMESPACE}:${name}` : `${APPS_KEY}.${profile}.${name}`);
  const problems: string[] = [...(context.problems ?? [])];
  const sdkAppId = Number(raw.sdkAppId);
  if (raw.sdkAppId === undefined) problems.push(`the SDKAppID is not set: set it with ${how("sdkAppId", profile)}`);
  else if (!/^\d+$/.test(raw.sdkAppId) || !Number.isSafeInteger(sdkAppId) || sdkAppId <= 0) {
    problems.push(
      `${label("sdkAppId")} must be a positive integer (the app's SDKAppID), got ${JSON.stringify(raw.sdkAppId)}`,
    );
  }
  if (raw.secretKey === undefined && raw.userSig === undefined) {
    problems.push(
      `no credentials: set the secret key with ${how("secretKey", profile)}, or a UserSig with ${how("userSig", profile)}`,
    );
  } else if (raw.secretKey !== undefined && raw.userSig !== undefined) {
    problems.push(`both ${label("secretKey")} and ${label("userSig")} are set: keep one`);
  }
  const identifier = raw.identifier ?? "administrator";
  const idProblem = userIdProblem(identifier);
  if (idProblem !== undefined) problems.push(`${label("identifier")} ${idProblem}; it must be an App admin account`);
  if (raw.region !== undefined && raw.endpoint !== undefined) {
    problems.push(`both ${label("region")} and ${label("endpoint")} are set: keep one`);
  }
  const region = raw.endpoint === undefined ? (raw.region ?? "china") : undefined;
  if (region !== undefined && !isRegion(region)) {
    problems.push(
      `${label("region")} ${JSON.stringify(region)} is not a known region; use one of ${REGION_NAMES.join(", ")}, or set an endpoint`,
    );
  }
  // The client's own endpoint rule (url.ts), so the settings accept exactly what the client accepts.
  let endpoint: string | undefined;
  if (raw.endpoint !== undefined) {
    try {
      endpoint = resolveBaseUrl({ endpoint: raw.endpoint });
    } catch (e) {
      problems.push(
        `${label("endpoint")}: ${(e as Error).message.replace(/^Invalid Tencent Cloud Chat endpoint:?\s*/, "")}`,
      );
    }
  }
  const timeoutMs = wholeMs(raw, "timeoutMs", 100, 600_000, "above the service's 3 s", label, problems);
  const deadlineMs = wholeMs(
    raw,
    "deadlineMs",
    100,
    3_600_000,
    "every attempt and back-off of one API call",
    label,
    problems,
  );
  const addMemberLimit = addMemberLimitOf(raw, label, problems);
  if (profile === undefined) {
    memberLimitSettings(raw, problems);
    appDefinedKeysSetting(raw, problems);
  }
  if (problems.length > 0) {
    const whose = profile === undefined ? "" : ` (app profile ${JSON.stringify(profile)})`;
    throw new ChatError(
      ErrorCodes.Config,
      `Tencent Cloud Chat provider configuration${whose} is incomplete: ${problems.join("; ")}.`,
    );
  }
  return {
    sdkAppId,
    identifier,
    ...(raw.secretKey !== undefined ? { secretKey: raw.secretKey } : { userSig: raw.userSig }),
    ...(endpoint !== undefined ? { endpoint } : { region: region as Region }),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(deadlineMs !== undefined ? { deadlineMs } : {}),
    ...(addMemberLimit !== undefined ? { addMemberLimit } : {}),
  };
}

/** `addMemberLimit`: a whole number from 1 to {@link ADD_MEMBER_LIMIT_MAX}, else a problem naming the key (C90). */
function addMemberLimitOf(raw: RawSettings, label: (n: SettingName) => string, problems: string[]): number | undefined {
  const text = raw.addMemberLimit;
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < 1 || value > ADD_MEMBER_LIMIT_MAX) {
    problems.push(
      `${label("addMemberLimit")} must be a whole number of members per add_group_member call from 1 to ${ADD_MEMBER_LIMIT_MAX} (default 20; 300 per the English page), got ${JSON.stringify(text)}`,
    );
    return undefined;
  }
  return value;
}

function wholeMs(
  raw: RawSettings,
  name: "timeoutMs" | "deadlineMs",
  min: number,
  max: number,
  why: string,
  label: (n: SettingName) => string,
  problems: string[],
): number | undefined {
  const text = raw[name];
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    problems.push(
      `${label(name)} must be a whole number of milliseconds from ${min} to ${max} (${why}), got ${JSON.stringify(text)}`,
    );
    return undefined;
  }
  return value;
}

/**
 * The member-limit settings (`maxMemberCount`, `maxMemberCountCommunity`) as overrides of check's limits: the plan
 * decides the real limits (https://cloud.tencent.com/document/product/269/9346), so users on larger plans raise
 * them here. Read on their own by check (which needs no credentials) and validated again with every other setting
 * by {@link resolveSettings}. With `problems`, a bad value is pushed there; without, it throws a config error
 * naming the key. Values are whole numbers from 1 to 10000000.
 */
export function memberLimitSettings(
  raw: RawSettings = rawSettings(),
  problems?: string[],
): { maxMemberCount?: number; maxMemberCountCommunity?: number } {
  const out: { maxMemberCount?: number; maxMemberCountCommunity?: number } = {};
  const found: string[] = [];
  for (const name of ["maxMemberCount", "maxMemberCountCommunity"] as const) {
    const text = raw[name];
    if (text === undefined) continue;
    const n = Number(text);
    if (!/^\d+$/.test(text) || n < 1 || n > 10_000_000) {
      found.push(`${CONFIG_NAMESPACE}:${name} must be a whole number from 1 to 10000000, got ${JSON.stringify(text)}`);
    } else out[name] = n;
  }
  settingProblems(found, problems);
  return out;
}

/** Pushes `found` onto `problems` when given; otherwise throws them as one config error. */
function settingProblems(found: string[], problems: string[] | undefined): void {
  if (found.length === 0) return;
  if (problems !== undefined) problems.push(...found);
  else
    throw new ChatError(
      ErrorCodes.Config,
      `Tencent Cloud Chat provider configuration is invalid: ${found.join("; ")}.`,
    );
}

/**
 * The `appDefinedKeys` setting: custom-field keys every read asks for (get_group_info returns only the keys its
 * filter names). A key breaking the key rule `[A-Za-z0-9_]{1,16}` is a problem (see {@link memberLimitSettings}).
 */
export function appDefinedKeysSetting(raw: RawSettings = rawSettings(), problems?: string[]): string[] {
  if (raw.appDefinedKeys === undefined) return [];
  const keys = raw.appDefinedKeys
    .split(",")
    .map((k) => k.trim())
    .filter((k) => k !== "");
  const bad = keys.filter((k) => !/^[A-Za-z0-9_]{1,16}$/.test(k));
  settingProblems(
    bad.length === 0
      ? []
      : [
          `${CONFIG_NAMESPACE}:appDefinedKeys holds ${bad.map((k) => JSON.stringify(k)).join(", ")}; keys are 1-16 letters, digits or _, comma-separated`,
        ],
    problems,
  );
  return bad.length === 0 ? [...new Set(keys)].sort() : [];
}
