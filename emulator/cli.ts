#!/usr/bin/env node
/**
 * `tencent-chat-emulator`: run the emulator from a shell. The first stdout line is `listening on <url>`;
 * SIGINT/SIGTERM close it gracefully. The secret key is read from TENCENT_CHAT_SECRET_KEY (preferred: argv is
 * visible to other users) or --secret-key, and is never printed.
 */
import { ACTION_NAMES, type ChatAction } from "../protocol/actions";
import { startEmulator } from "./index";
import type { EmulatorBehaviourOverrides, EmulatorOptions, RunningEmulator } from "./types";

/** Where {@link main} writes and how it waits for a stop signal; injectable for tests. */
export interface CliIo {
  stdout(line: string): void;
  stderr(line: string): void;
  env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the process should stop (SIGINT/SIGTERM in the real bin). */
  untilStopped(): Promise<void>;
  /** Called once the emulator is listening (tests use it to reach the server). */
  onStarted?(emulator: RunningEmulator): void;
}

/** Exit code for bad usage. */
export const USAGE_EXIT = 2;

/** The `--help` text. */
export const HELP = `Usage: tencent-chat-emulator --sdk-app-id <id> [options]

Local emulator of the Tencent Cloud Chat group REST API (loopback HTTP).

Required:
  --sdk-app-id <id>            SDKAppID UserSigs must be issued for
  --secret-key <key>           secret key (prefer env TENCENT_CHAT_SECRET_KEY)
Options:
  --port <n>                   TCP port, 0 = any free port (default 0)
  --host <addr>                listen address (default 127.0.0.1)
  --admin <identifier>         App admin identifier (default administrator)
  --state-file <path>          persist groups and accounts to this JSON file
  --quota <action>=<n>         calls per second for an action (repeatable)
  --quota-error-code <code>    code for an exceeded quota (default 60007)
  --max-body-bytes <n>         request body limit (default 1048576)
  --list-cursor-base <n>       offset of get_appid_group_list cursors (default 0)
  --not-found-code <10010|10015>           get_group_info code for a missing group
  --limits <name,intro,notification,face>  byte limits (default 30,240,300,100)
  --accept-type-aliases        accept Type Work/Meeting on import
  --mute-field <MuteAllMember|ShutUpAllMember|both>
  --owner-not-member-code <code>           change_group_owner code (default 10007)
  --max-app-defined-keys <n>   custom group fields per group (default 10)
  --app-defined-keys <k1,k2>   configured custom keys (others: "all defined key is invalid")
  --lenient-accounts           accept owners and members that were never imported
                               (default: refused with 10019, as documented)
  --require-imported-accounts  the documented default, kept for old scripts
  --max-reply-bytes <n>        get_group_info/get_appid_group_list answers above this get 10018 (default 1048576)
  --join-option-rules <fixed|fixed-ignore|settable>
                               ApplyJoinOption of Private/ChatRoom groups (default fixed)
  --member-limits <max,community,default,communityDefault>
                               plan member limits (default 6000,100000,2000,2000)
  --log                        one line per request on stderr
  --help                       show this text
`;

class UsageError extends Error {}

function integer(flag: string, text: string, min: number): number {
  if (!/^-?\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    throw new UsageError(`${flag} expects an integer >= ${min}, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

const VALUE_FLAGS = new Set([
  "--port",
  "--host",
  "--sdk-app-id",
  "--secret-key",
  "--admin",
  "--state-file",
  "--quota",
  "--quota-error-code",
  "--max-body-bytes",
  "--list-cursor-base",
  "--not-found-code",
  "--limits",
  "--mute-field",
  "--owner-not-member-code",
  "--max-app-defined-keys",
  "--app-defined-keys",
  "--max-reply-bytes",
  "--join-option-rules",
  "--member-limits",
]);
const SWITCHES = new Set([
  "--accept-type-aliases",
  "--require-imported-accounts",
  "--lenient-accounts",
  "--log",
  "--help",
]);

/** Parse argv (without node and script) into options; throws UsageError naming the bad flag. */
export function parseArgs(
  argv: readonly string[],
  env: CliIo["env"],
): { options: EmulatorOptions; help: boolean; log: boolean } {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    let flag = argv[i];
    let value: string | undefined;
    const eq = flag.indexOf("=");
    if (flag.startsWith("--") && eq > 0) [flag, value] = [flag.slice(0, eq), flag.slice(eq + 1)];
    if (SWITCHES.has(flag)) {
      if (value !== undefined) throw new UsageError(`${flag} takes no value`);
      switches.add(flag);
    } else if (VALUE_FLAGS.has(flag)) {
      value ??= argv[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      values.set(flag, [...(values.get(flag) ?? []), value]);
    } else {
      throw new UsageError(`unknown flag ${JSON.stringify(flag)}; see --help`);
    }
  }
  if (switches.has("--help")) return { options: { sdkAppId: 0, secretKey: "" }, help: true, log: false };
  const one = (flag: string): string | undefined => values.get(flag)?.at(-1);

  const sdkAppIdText = one("--sdk-app-id");
  if (sdkAppIdText === undefined) throw new UsageError("--sdk-app-id is required");
  const secretKey = one("--secret-key") ?? env.TENCENT_CHAT_SECRET_KEY;
  if (secretKey === undefined || secretKey === "") {
    throw new UsageError("--secret-key is required (or set TENCENT_CHAT_SECRET_KEY)");
  }
  const behaviour: EmulatorBehaviourOverrides = {};
  const notFound = one("--not-found-code");
  if (notFound !== undefined) {
    if (notFound !== "10010" && notFound !== "10015") throw new UsageError("--not-found-code must be 10010 or 10015");
    behaviour.notFoundCode = Number(notFound) as 10010 | 10015;
  }
  const limits = one("--limits");
  if (limits !== undefined) {
    const parts = limits.split(",");
    if (parts.length !== 4)
      throw new UsageError("--limits expects four numbers: name,introduction,notification,faceUrl");
    const [name, introduction, notification, faceUrl] = parts.map((p) => integer("--limits", p, 1));
    behaviour.limits = { name, introduction, notification, faceUrl };
  }
  if (switches.has("--accept-type-aliases")) behaviour.acceptTypeAliases = true;
  if (switches.has("--require-imported-accounts") && switches.has("--lenient-accounts")) {
    throw new UsageError("--require-imported-accounts and --lenient-accounts contradict each other; keep one");
  }
  if (switches.has("--require-imported-accounts")) behaviour.requireImportedAccounts = true;
  if (switches.has("--lenient-accounts")) behaviour.requireImportedAccounts = false;
  const replyBytes = one("--max-reply-bytes");
  if (replyBytes !== undefined) behaviour.maxReplyBytes = integer("--max-reply-bytes", replyBytes, 64);
  const joinRules = one("--join-option-rules");
  if (joinRules !== undefined) {
    if (joinRules !== "fixed" && joinRules !== "fixed-ignore" && joinRules !== "settable") {
      throw new UsageError("--join-option-rules must be fixed, fixed-ignore or settable");
    }
    behaviour.joinOptionRules = joinRules;
  }
  const memberLimits = one("--member-limits");
  if (memberLimits !== undefined) {
    const parts = memberLimits.split(",");
    if (parts.length !== 4)
      throw new UsageError("--member-limits expects four numbers: max,community,default,communityDefault");
    const [max, maxCommunity, importDefault, importDefaultCommunity] = parts.map((p) =>
      integer("--member-limits", p, 1),
    );
    behaviour.memberLimits = { max, maxCommunity, importDefault, importDefaultCommunity };
  }
  const mute = one("--mute-field");
  if (mute !== undefined) {
    if (mute !== "MuteAllMember" && mute !== "ShutUpAllMember" && mute !== "both") {
      throw new UsageError("--mute-field must be MuteAllMember, ShutUpAllMember or both");
    }
    behaviour.muteField = mute;
  }
  const ownerCode = one("--owner-not-member-code");
  if (ownerCode !== undefined) behaviour.ownerNotMemberCode = integer("--owner-not-member-code", ownerCode, 1);
  const maxKeys = one("--max-app-defined-keys");
  if (maxKeys !== undefined) behaviour.maxAppDefinedKeys = integer("--max-app-defined-keys", maxKeys, 0);
  const keys = one("--app-defined-keys");
  if (keys !== undefined) behaviour.appDefinedKeys = keys.split(",").filter((k) => k !== "");

  const quota: Partial<Record<ChatAction, number>> = {};
  for (const spec of values.get("--quota") ?? []) {
    const [action, n] = spec.split("=");
    if (!(ACTION_NAMES as string[]).includes(action) || n === undefined) {
      throw new UsageError(`--quota expects <action>=<calls per second> with action one of ${ACTION_NAMES.join(", ")}`);
    }
    quota[action as ChatAction] = integer("--quota", n, 1);
  }
  const options: EmulatorOptions = {
    sdkAppId: integer("--sdk-app-id", sdkAppIdText, 1),
    secretKey,
    port: one("--port") === undefined ? 0 : integer("--port", one("--port") as string, 0),
    host: one("--host") ?? "127.0.0.1",
    admin: one("--admin") ?? "administrator",
    stateFile: one("--state-file"),
    behaviour,
    quota,
  };
  if (options.port !== undefined && options.port > 65535) throw new UsageError("--port must be between 0 and 65535");
  const quotaCode = one("--quota-error-code");
  if (quotaCode !== undefined) options.quotaErrorCode = integer("--quota-error-code", quotaCode, 1);
  const maxBody = one("--max-body-bytes");
  if (maxBody !== undefined) options.maxBodyBytes = integer("--max-body-bytes", maxBody, 2);
  const base = one("--list-cursor-base");
  if (base !== undefined) {
    if (!/^\d{1,19}$/.test(base)) throw new UsageError("--list-cursor-base expects a non-negative integer");
    options.listCursorBase = BigInt(base);
  }
  return { options, help: false, log: switches.has("--log") };
}

/** Run the CLI: returns the exit code (0 after a graceful stop, 2 for bad usage, 1 when the server cannot start). */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(argv, io.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`tencent-chat-emulator: ${error.message}`);
    return USAGE_EXIT;
  }
  if (parsed.help) {
    io.stdout(HELP);
    return 0;
  }
  if (parsed.log) parsed.options.log = (line) => io.stderr(line);
  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator(parsed.options);
  } catch (error) {
    io.stderr(`tencent-chat-emulator: cannot start: ${(error as Error).message}`);
    return 1;
  }
  io.stdout(`listening on ${emulator.url}`);
  io.onStarted?.(emulator);
  await io.untilStopped();
  await emulator.close();
  io.stderr("tencent-chat-emulator: stopped");
  return 0;
}

if (require.main === module) {
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  main(process.argv.slice(2), {
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    env: process.env,
    untilStopped: () => stopped,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`tencent-chat-emulator: ${(error as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
