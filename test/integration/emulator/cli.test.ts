/**
 * The CLI's `main(argv, io)` in-process: first stdout line, serving until stopped, flags reaching the emulator,
 * usage errors (exit 2) naming the flag, and the secret key never printed.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main, type CliIo } from "../../../emulator/cli";
import type { RunningEmulator } from "../../../emulator";
import { APP_ID, query, SECRET_KEY } from "./harness";

interface Run {
  out: string[];
  err: string[];
  io: CliIo;
  stop: () => void;
  started: Promise<RunningEmulator>;
}

function fakeIo(env: Record<string, string | undefined> = {}): Run {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let onStarted!: (e: RunningEmulator) => void;
  const started = new Promise<RunningEmulator>((resolve) => (onStarted = resolve));
  return {
    out,
    err,
    stop,
    started,
    io: { stdout: (l) => out.push(l), stderr: (l) => err.push(l), env, untilStopped: () => stopped, onStarted },
  };
}

const post = async (url: string, path: string, body: unknown) =>
  (await fetch(`${url}/v4/${path}?${query()}`, { method: "POST", body: JSON.stringify(body) })).json();

test("prints `listening on <url>` first, serves, and exits 0 after the stop signal (key from env)", async () => {
  const run = fakeIo({ TENCENT_CHAT_SECRET_KEY: SECRET_KEY });
  const exit = main(["--port", "0", "--sdk-app-id", String(APP_ID), "--admin", "administrator", "--log"], run.io);
  const emu = await run.started;
  expect(run.out[0]).toBe(`listening on http://127.0.0.1:${emu.port}`);
  expect(await post(emu.url, "group_open_http_svc/import_group", { Type: "Public", Name: "n" })).toMatchObject({
    ErrorCode: 0,
  });
  run.stop();
  expect(await exit).toBe(0);
  expect(run.err.some((l) => l.startsWith("POST import_group ErrorCode=0"))).toBe(true);
  expect([...run.out, ...run.err].join("\n")).not.toContain(SECRET_KEY);
});

test("behaviour flags, quotas and a state file reach the emulator; state survives a restart", async () => {
  const dir = mkdtempSync(join(tmpdir(), "emu-cli-"));
  const stateFile = join(dir, "state.json");
  try {
    const argv = [
      "--sdk-app-id",
      String(APP_ID),
      "--secret-key",
      SECRET_KEY,
      "--state-file",
      stateFile,
      "--not-found-code",
      "10015",
      "--quota",
      "get_appid_group_list=1",
      "--app-defined-keys",
      "k1,k2",
      "--limits=10,10,10,10",
      "--accept-type-aliases",
    ];
    const first = fakeIo();
    const exit1 = main(argv, first.io);
    const emu = await first.started;
    expect(
      await post(emu.url, "group_open_http_svc/import_group", { Type: "Work", Name: "n", GroupId: "kept" }),
    ).toMatchObject({ ErrorCode: 0 });
    expect(
      await post(emu.url, "group_open_http_svc/import_group", { Type: "Public", Name: "x".repeat(11) }),
    ).toMatchObject({ ErrorCode: 10004 });
    expect(
      await post(emu.url, "group_open_http_svc/import_group", {
        Type: "Public",
        Name: "n",
        AppDefinedData: [{ Key: "k3", Value: "v" }],
      }),
    ).toMatchObject({ ErrorInfo: "all defined key is invalid" });
    expect(await post(emu.url, "group_open_http_svc/get_group_info", { GroupIdList: ["none"] })).toMatchObject({
      GroupInfo: [{ ErrorCode: 10015 }],
    });
    expect(await post(emu.url, "group_open_http_svc/get_appid_group_list", {})).toMatchObject({ ErrorCode: 0 });
    expect(await post(emu.url, "group_open_http_svc/get_appid_group_list", {})).toMatchObject({ ErrorCode: 60007 });
    first.stop();
    expect(await exit1).toBe(0);

    const second = fakeIo();
    const exit2 = main(argv, second.io);
    const emu2 = await second.started;
    expect(emu2.store.getGroup("kept")?.Type).toBe("Private");
    second.stop();
    expect(await exit2).toBe(0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("fidelity flags: accounts required by default, --lenient-accounts, --max-reply-bytes, --join-option-rules, --member-limits", async () => {
  const strict = fakeIo();
  const exitStrict = main(["--sdk-app-id", String(APP_ID), "--secret-key", SECRET_KEY], strict.io);
  const emu = await strict.started;
  expect(
    await post(emu.url, "group_open_http_svc/import_group", { Type: "Public", Name: "n", Owner_Account: "ghost" }),
  ).toMatchObject({ ErrorCode: 10019 });
  strict.stop();
  expect(await exitStrict).toBe(0);

  const argv = [
    "--sdk-app-id",
    String(APP_ID),
    "--secret-key",
    SECRET_KEY,
    "--lenient-accounts",
    "--max-reply-bytes",
    "300",
    "--join-option-rules",
    "settable",
    "--member-limits",
    "20000,1000000,2000,100000",
  ];
  const lenient = fakeIo();
  const exit = main(argv, lenient.io);
  const emu2 = await lenient.started;
  const made = (await post(emu2.url, "group_open_http_svc/import_group", {
    Type: "Private",
    Name: "n",
    Owner_Account: "ghost",
    ApplyJoinOption: "FreeAccess",
    MaxMemberCount: 20000,
  })) as Record<string, unknown>;
  expect(made).toMatchObject({ ErrorCode: 0 });
  expect(emu2.store.getGroup(made.GroupId as string)).toMatchObject({
    ApplyJoinOption: "FreeAccess",
    MaxMemberNum: 20000,
  });
  expect(await post(emu2.url, "group_open_http_svc/get_group_info", { GroupIdList: [made.GroupId] })).toMatchObject({
    ErrorCode: 10018,
  });
  const community = (await post(emu2.url, "group_open_http_svc/import_group", {
    Type: "Community",
    Name: "c",
  })) as Record<string, unknown>;
  expect(emu2.store.getGroup(community.GroupId as string)?.MaxMemberNum).toBe(100000);
  lenient.stop();
  expect(await exit).toBe(0);
});

test.each([
  [["--sdk-app-id", "1", "--secret-key", "k", "--lenient-accounts", "--require-imported-accounts"], "contradict"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--join-option-rules", "loose"], "--join-option-rules"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--member-limits", "1,2,3"], "--member-limits"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--max-reply-bytes", "10"], "--max-reply-bytes"],
  [["--sdk-app-id", "1"], "--secret-key"],
  [["--secret-key", "k"], "--sdk-app-id"],
  [["--sdk-app-id", "abc", "--secret-key", "k"], "--sdk-app-id"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--port", "70000"], "--port"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--port"], "--port needs a value"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--bogus"], "--bogus"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--quota", "nope=3"], "--quota"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--quota", "import_group=0"], "--quota"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--not-found-code", "404"], "--not-found-code"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--mute-field", "Mute"], "--mute-field"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--limits", "1,2"], "--limits"],
  [["--sdk-app-id", "1", "--secret-key", "k", "--log=yes"], "--log"],
])("%j → exit 2 naming %s", async (argv, flag) => {
  const run = fakeIo();
  expect(await main(argv, run.io)).toBe(2);
  expect(run.out).toEqual([]);
  expect(run.err.join("\n")).toContain(flag);
  expect(run.err.join("\n")).not.toContain("secret-value");
});

test("--help prints usage and exits 0", async () => {
  const run = fakeIo();
  expect(await main(["--help"], run.io)).toBe(0);
  expect(run.out[0]).toContain("Usage: tencent-chat-emulator");
  expect(run.out[0]).toContain("TENCENT_CHAT_SECRET_KEY");
});

test("a port already in use → exit 1 with a message, never the key", async () => {
  const run = fakeIo();
  const exit = main(["--sdk-app-id", "1", "--secret-key", "secret-value"], run.io);
  const emu = await run.started;
  const clash = fakeIo();
  expect(await main(["--sdk-app-id", "1", "--secret-key", "secret-value", "--port", String(emu.port)], clash.io)).toBe(
    1,
  );
  expect(clash.err.join("\n")).toContain("cannot start");
  expect(clash.err.join("\n")).not.toContain("secret-value");
  run.stop();
  expect(await exit).toBe(0);
});
