/**
 * The export's command line: the provider's settings from the environment with flags over them (a pair replaced
 * whole), the key only from the environment or a file — a plain `--secret-key` is refused with what to do — and
 * every bad flag named. Also the progress estimate (counted, not timed).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  BOOL_FLAGS,
  HELP,
  parseArgs,
  UsageError,
  VALUE_FLAGS,
  type ExportOptions,
} from "../../../../cli/export/options";
import { Progress } from "../../../../cli/export/progress";

const ENV = { TENCENT_CHAT_SDK_APP_ID: "1400000000", TENCENT_CHAT_SECRET_KEY: "env-key" };
const parse = (argv: string[], env: NodeJS.ProcessEnv = ENV) => parseArgs(argv, env) as ExportOptions;

test("settings from the environment; flags win; a flag's pair replaces the environment's pair", () => {
  const o = parse(["--out", "x"], { ...ENV, TENCENT_CHAT_REGION: "singapore" });
  expect(o.settings).toMatchObject({ sdkAppId: 1400000000, secretKey: "env-key", region: "singapore" });
  const f = parse(["--out", "x", "--endpoint", "http://127.0.0.1:1", "--sdk-app-id", "1400000001"], {
    ...ENV,
    TENCENT_CHAT_REGION: "singapore",
  });
  expect(f.settings).toMatchObject({ sdkAppId: 1400000001, endpoint: "http://127.0.0.1:1" });
  expect(f.settings.region).toBeUndefined();
});

test("the key from a file (trailing newline dropped) replaces the environment's credentials", () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ptc-key-")), "key");
  fs.writeFileSync(file, "file-key\n");
  const o = parse(["--out", "x", "--secret-key-file", file], { ...ENV, TENCENT_CHAT_USER_SIG: "sig" });
  expect(o.settings.secretKey).toBe("file-key");
  expect(o.settings.userSig).toBeUndefined();
});

test.each([
  [
    ["--out", "x", "--secret-key", "k"],
    /--secret-key is not accepted: .*TENCENT_CHAT_SECRET_KEY or use --secret-key-file/,
  ],
  [["--out", "x", "--secret-key=k"], /--secret-key is not accepted/],
  [["--out", "x", "--user-sig", "s"], /--user-sig is not accepted/],
  [[], /--out <dir> is required/],
  [["--out"], /--out needs a value/],
  [["--out", "x", "--type", "Chat"], /--type must be one of/],
  [["--out", "x", "--layout", "yaml"], /--layout must be auto, inline or json/],
  [["--out", "x", "--bogus"], /unknown argument "--bogus"/],
  [["--out", "x", "--region", "singapore", "--endpoint", "http://h"], /--region and --endpoint both given/],
  [["--out", "x", "--secret-key-file", "/nonexistent/k"], /--secret-key-file: cannot read/],
])("%j is refused: %s", (argv, message) => {
  expect(() => parse(argv)).toThrow(UsageError);
  expect(() => parse(argv)).toThrow(message);
});

test("missing settings: one config error listing each", () => {
  expect(() => parse(["--out", "x"], {})).toThrow(/SDKAppID is not set.*no credentials/);
});

test("--type takes the newer names; --members, --quiet, --help", () => {
  expect(parse(["--out", "x", "--type", "Work"]).type).toBe("Private");
  expect(parse(["--out", "x", "--type", "Meeting"]).type).toBe("ChatRoom");
  expect(parse(["--out", "x", "--members", "--quiet"])).toMatchObject({ members: true, quiet: true });
  expect(parseArgs(["--help"], {})).toBe("help");
});

test("progress: the estimate is the quota bound of what is left, lines throttled to one a second", () => {
  const lines: string[] = [];
  let now = 0;
  const p = new Progress({ write: (l) => lines.push(l), now: () => now }, false, 1000);
  p.listedGroups(1000, 10000, 1); // 9 pages left at 1/s, 200 reads at 200/s → 10 s
  expect(lines).toEqual(["listed 1000 of 10000 groups (1 page), about 10 s left"]);
  p.listedGroups(2000, 10000, 2); // within the same second: not printed
  expect(lines).toHaveLength(1);
  now = 1000;
  p.readGroups(5000);
  expect(lines[1]).toMatch(/^read 5000 of 10000 groups \(50%\), about \d+ s left$/);
  p.listedGroups(10000, 10000, 10); // a phase's end is always printed
  expect(lines[2]).toBe("listed 10000 of 10000 groups (10 pages)");
  expect(new Progress(undefined, false, 1).eta()).toBe(0);
});

test("--help names every flag the parser accepts", () => {
  for (const flag of [...Object.keys(VALUE_FLAGS), ...BOOL_FLAGS]) expect(HELP).toContain(`  ${flag}`);
});

test("the bin's exit codes: 2 for bad usage or settings (with a pointer to --help), 0 for --help", async () => {
  const { main } = await import("../../../../cli/export/main");
  const run = async (argv: string[], env: NodeJS.ProcessEnv) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env });
    return { code, out: out.join("\n"), err: err.join("\n") };
  };
  const usage = await run(["--out", "x", "--secret-key", "k"], ENV);
  expect(usage.code).toBe(2);
  expect(usage.err).toMatch(/^tencent-chat-export: --secret-key is not accepted/);
  expect(usage.err).toContain("Run tencent-chat-export --help for the options.");
  expect(usage.err).not.toContain("k\n");
  const config = await run(["--out", "x"], {});
  expect(config.code).toBe(2);
  expect(config.err).toMatch(/SDKAppID is not set/);
  const help = await run(["--help"], {});
  expect(help).toMatchObject({ code: 0, err: "" });
  expect(help.out).toMatch(/^Usage: tencent-chat-export --out <dir>/);
});
