/**
 * Command line of `tencent-chat-export`. The connection settings are the provider's (provider/config.ts): the
 * `TENCENT_CHAT_*` environment variables, which flags override; the secret key or a UserSig only from the
 * environment or a file (`--secret-key-file`, `--user-sig-file`), never as a flag value that shell history and
 * process lists would keep.
 */
import * as fs from "node:fs";
import {
  appDefinedKeysSetting,
  collectSettings,
  memberLimitSettings,
  resolveSettings,
  type RawSettings,
  type ResolvedSettings,
} from "../../provider/config";
import { ChatError, ErrorCodes } from "../../provider/client/errors";

/** Exit code for bad usage (as the emulator's bin). */
export const USAGE_EXIT = 2;

/** Bad usage: printed with a hint to --help, exit 2. */
export class UsageError extends Error {}

/** Everything the export needs, parsed and validated. */
export interface ExportOptions {
  settings: ResolvedSettings;
  appDefinedKeys: string[];
  limits: { maxMemberCount?: number; maxMemberCountCommunity?: number };
  out: string;
  /** Replace a non-empty `out`. */
  force: boolean;
  type?: string;
  members: boolean;
  quiet: boolean;
  project?: string;
  /** The pulumi-tencent-chat dependency of the generated package.json; default `^<this version>`. */
  packageSpec?: string;
  layout: "auto" | "inline" | "json";
  /** Listing page size (tests page through small apps); default 10,000. */
  pageSize?: number;
}

/** The `--help` text. */
export const HELP = `Usage: tencent-chat-export --out <dir> [options]

Writes a Pulumi TypeScript project that declares every group of a Tencent Cloud Chat app (and with --members
their membership), each adopting its live group: the first \`pulumi up\` writes nothing to the service.

Connection (the provider's settings; flags override the TENCENT_CHAT_* environment variables):
  --sdk-app-id <id>          TENCENT_CHAT_SDK_APP_ID (required)
  --region <name>            TENCENT_CHAT_REGION (default china)
  --endpoint <url>           TENCENT_CHAT_ENDPOINT (instead of the region, e.g. the emulator)
  --identifier <account>     TENCENT_CHAT_IDENTIFIER, an App admin (default administrator)
  --secret-key-file <path>   read the key from a file; else TENCENT_CHAT_SECRET_KEY (never a flag value)
  --user-sig-file <path>     read a UserSig from a file; else TENCENT_CHAT_USER_SIG
  --app-defined-keys <k,..>  TENCENT_CHAT_APP_DEFINED_KEYS: the custom group field keys to export
  --timeout-ms <n>           TENCENT_CHAT_TIMEOUT_MS: deadline per request (default 10000)
  --deadline-ms <n>          TENCENT_CHAT_DEADLINE_MS: most time one API call may take (default 30000)
Export:
  --out <dir>                where the project goes (must not exist or be empty; --force replaces it)
  --force                    replace a non-empty --out (only once the new project is complete)
  --type <type>              only groups of this type (Public, Private/Work, ChatRoom/Meeting, Community, AVChatRoom)
  --members                  declare each group's members (ChatGroupMembers)
  --project <name>           Pulumi project name (default tencent-chat-<sdkAppId>)
  --package <spec>           the pulumi-tencent-chat dependency (default ^<this version>)
  --layout <auto|inline|json>  declarations in index.ts or groups.json (auto: json above 200 groups or 2000 members)
  --page-size <n>            ids per listing page (default and maximum 10000)
  --quiet                    no progress on stderr (the summary still goes to stdout)
  --help                     show this text
`;

/** Flags that take a value → the option they set. */
export const VALUE_FLAGS: Readonly<Record<string, string>> = {
  "--sdk-app-id": "sdkAppId",
  "--region": "region",
  "--endpoint": "endpoint",
  "--identifier": "identifier",
  "--secret-key-file": "secretKeyFile",
  "--user-sig-file": "userSigFile",
  "--app-defined-keys": "appDefinedKeys",
  "--timeout-ms": "timeoutMs",
  "--deadline-ms": "deadlineMs",
  "--out": "out",
  "--type": "type",
  "--project": "project",
  "--package": "package",
  "--layout": "layout",
  "--page-size": "pageSize",
};
/** Flags without a value. */
export const BOOL_FLAGS: ReadonlySet<string> = new Set(["--members", "--quiet", "--force", "--help"]);

const TYPES: Readonly<Record<string, string>> = {
  Public: "Public",
  Private: "Private",
  Work: "Private",
  ChatRoom: "ChatRoom",
  Meeting: "ChatRoom",
  Community: "Community",
  AVChatRoom: "AVChatRoom",
};

/** Reads a secret file: its contents without the trailing newline. */
function readSecretFile(flag: string, file: string): string {
  try {
    return fs.readFileSync(file, "utf8").replace(/\r?\n$/, "");
  } catch (e) {
    throw new UsageError(`${flag}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/**
 * {@link parseArgs}: the options, or `"help"`. Throws {@link UsageError} for bad flags and a `CHAT_ERR_CONFIG`
 * ChatError listing every missing or malformed setting.
 */
export function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): ExportOptions | "help" {
  const values: Record<string, string> = {};
  const bools = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] =
      arg.startsWith("--") && arg.includes("=")
        ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
        : [arg, undefined];
    if (flag === "--secret-key" || flag === "--user-sig")
      throw new UsageError(
        `${flag} is not accepted: a value on the command line stays in shell history and process lists. ` +
          `Set ${flag === "--secret-key" ? "TENCENT_CHAT_SECRET_KEY" : "TENCENT_CHAT_USER_SIG"} or use ${flag}-file <path>.`,
      );
    if (BOOL_FLAGS.has(flag)) {
      if (inline !== undefined) throw new UsageError(`${flag} takes no value`);
      bools.add(flag);
      continue;
    }
    const key = VALUE_FLAGS[flag];
    if (key === undefined) throw new UsageError(`unknown argument ${JSON.stringify(arg)}`);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith("--")))
      throw new UsageError(`${flag} needs a value`);
    values[key] = value;
  }
  if (bools.has("--help")) return "help";
  if (values.out === undefined || values.out === "") throw new UsageError("--out <dir> is required");

  // The provider's settings from the environment, then the flags over them (a pair — region/endpoint,
  // key/UserSig — set by a flag replaces the environment's pair as a whole, as stack config does).
  const { raw: fromEnv, origins } = collectSettings(env);
  const raw: RawSettings = { ...fromEnv };
  const set = (name: keyof RawSettings, value: string, label: string, pair?: (keyof RawSettings)[]) => {
    for (const p of pair ?? []) {
      delete raw[p];
      delete origins[p];
    }
    raw[name] = value;
    origins[name] = label;
  };
  for (const name of ["sdkAppId", "identifier", "appDefinedKeys", "timeoutMs", "deadlineMs"] as const)
    if (values[name] !== undefined) set(name, values[name], `--${flagName(name)}`);
  if (values.region !== undefined && values.endpoint !== undefined)
    throw new UsageError("--region and --endpoint both given: keep one");
  if (values.region !== undefined) set("region", values.region, "--region", ["region", "endpoint"]);
  if (values.endpoint !== undefined) set("endpoint", values.endpoint, "--endpoint", ["region", "endpoint"]);
  if (values.secretKeyFile !== undefined && values.userSigFile !== undefined)
    throw new UsageError("--secret-key-file and --user-sig-file both given: keep one");
  if (values.secretKeyFile !== undefined)
    set("secretKey", readSecretFile("--secret-key-file", values.secretKeyFile), "--secret-key-file", [
      "secretKey",
      "userSig",
    ]);
  if (values.userSigFile !== undefined)
    set("userSig", readSecretFile("--user-sig-file", values.userSigFile), "--user-sig-file", ["secretKey", "userSig"]);
  const settings = resolveSettings(raw, origins);
  const problems: string[] = [];
  const appDefinedKeys = appDefinedKeysSetting(raw, problems);
  const limits = memberLimitSettings(raw, problems);
  if (problems.length > 0)
    throw new ChatError(ErrorCodes.Config, `tencent-chat-export settings: ${problems.join("; ")}.`);

  let type: string | undefined;
  if (values.type !== undefined) {
    type = TYPES[values.type];
    if (type === undefined)
      throw new UsageError(
        `--type must be one of ${Object.keys(TYPES).join(", ")}, got ${JSON.stringify(values.type)}`,
      );
  }
  const layout = values.layout ?? "auto";
  if (layout !== "auto" && layout !== "inline" && layout !== "json")
    throw new UsageError(`--layout must be auto, inline or json, got ${JSON.stringify(layout)}`);
  let pageSize: number | undefined;
  if (values.pageSize !== undefined) {
    pageSize = Number(values.pageSize);
    if (!/^\d+$/.test(values.pageSize) || pageSize < 1 || pageSize > 10_000)
      throw new UsageError(
        `--page-size must be a whole number from 1 to 10000, got ${JSON.stringify(values.pageSize)}`,
      );
  }
  if (values.project !== undefined && !/^[A-Za-z0-9_.-]{1,100}$/.test(values.project))
    throw new UsageError("--project must be 1-100 letters, digits, _, . or -");
  return {
    settings,
    appDefinedKeys,
    limits,
    out: values.out,
    force: bools.has("--force"),
    type,
    members: bools.has("--members"),
    quiet: bools.has("--quiet"),
    project: values.project,
    packageSpec: values.package,
    layout,
    pageSize,
  };
}

function flagName(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
