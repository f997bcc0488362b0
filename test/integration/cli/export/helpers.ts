/**
 * Shared pieces of the tencent-chat-export tests: an emulator filled with groups of every type (custom fields,
 * owners, introductions in several scripts, members with roles), the bin run as a user runs it, and the store
 * snapshot and write counter the round trip compares.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator, type RunningEmulator } from "../../../../emulator";
import { REPO_ROOT } from "../../../../harness/program-dir";
import { ChatClient } from "../../../../provider/client/client";

export const KEY = "export-test-key";
export const APP = 1400000013;
export const KEYS = ["level", "toString", "constructor", "region"];

/** Actions that change something on the service; the round trip must send none of them. */
const WRITES = [
  "import_group",
  "modify_group_base_info",
  "destroy_group",
  "change_group_owner",
  "add_group_member",
  "import_group_member",
  "delete_group_member",
  "modify_group_member_info",
  "account_import",
  "multiaccount_import",
  "account_delete",
  "portrait_set",
] as const;

/** Write requests the emulator received since its counters were reset. */
export function writes(emu: RunningEmulator): number {
  const c = emu.counters() as Record<string, number>;
  return WRITES.reduce((n, a) => n + (c[a] ?? 0), 0);
}

/** The whole store as comparable text. */
export function storeText(emu: RunningEmulator): string {
  return JSON.stringify(
    emu.store
      .listGroups()
      .map((g) => emu.store.getGroup(g.GroupId))
      .sort((a, b) => (a!.GroupId < b!.GroupId ? -1 : 1)),
  );
}

/** Starts an emulator with the documented listing and read quotas and fills it. */
export async function filledEmulator(): Promise<RunningEmulator> {
  const emu = await startEmulator({
    sdkAppId: APP,
    secretKey: KEY,
    quota: { get_appid_group_list: 1, get_group_info: 200 },
  });
  for (const a of ["leckie", "peter", "mei", "omar", "ana", "zoe"]) emu.store.putAccount(a);
  const c = new ChatClient({ sdkAppId: APP, identifier: "administrator", secretKey: KEY, endpoint: emu.url });
  try {
    await c.importGroup({
      Type: "Public",
      GroupId: "eng-main",
      Name: "工程部 🚀",
      Owner_Account: "leckie",
      Introduction: 'Say "hi" \\ back — 你好，世界 👋',
      Notification: "line one\nline two\t'quoted'",
      FaceUrl: "https://example.com/face.png?a=1&b=2",
      MaxMemberCount: 500,
      ApplyJoinOption: "FreeAccess",
      AppDefinedData: [
        { Key: "level", Value: "gold" },
        { Key: "toString", Value: "not a function" },
        { Key: "constructor", Value: "{}" },
      ],
    });
    await c.modifyGroupBaseInfo({ GroupId: "eng-main", MuteAllMember: "On", InviteJoinOption: "DisableInvite" });
    await c.importGroup({ Type: "Private", Name: "ops", Owner_Account: "peter", Introduction: "Привет, мир" });
    await c.importGroup({ Type: "ChatRoom", GroupId: "room-ar", Name: "غرفة", Introduction: "مرحبا بالعالم" });
    await c.importGroup({
      Type: "Community",
      GroupId: "@TGS#_fans",
      Name: "Fans ファン",
      Owner_Account: "mei",
      SupportTopic: 1,
      CreateTime: 1609459200,
      AppDefinedData: [{ Key: "region", Value: "eu" }],
    });
    await c.importGroup({ Type: "Community", Name: "forum" });
    await c.importGroup({ Type: "Public", GroupId: "1-starts-with-digit", Name: "x" });
    await c.importGroup({ Type: "Public", GroupId: "class", Name: "reserved word id" });
    await c.importGroupMember({
      GroupId: "eng-main",
      MemberList: [{ Member_Account: "peter", Role: "Admin" }, { Member_Account: "mei" }, { Member_Account: "omar" }],
    });
    await c.modifyGroupMemberInfo({ GroupId: "eng-main", Member_Account: "mei", NameCard: '梅 "Mei" 🌸' });
    await c.addGroupMember({
      GroupId: "@TGS#_fans",
      MemberList: [{ Member_Account: "ana" }, { Member_Account: "zoe" }],
    });
    await c.addGroupMember({ GroupId: "room-ar", MemberList: [{ Member_Account: "omar" }] });
    // An owner whose account was deleted later: the group keeps it as its owner, but the account is gone.
    await c.accountImport({ UserID: "ghost" });
    await c.importGroup({ Type: "Public", GroupId: "haunted", Name: "haunted", Owner_Account: "ghost" });
    await c.accountDelete(["ghost"]);
  } finally {
    await c.close();
  }
  // An AVChatRoom (import_group refuses the type, so it is put in the store as if made in the console).
  emu.store.putGroup({
    GroupId: "@TGS#aLive",
    Type: "AVChatRoom",
    Name: "live",
    Introduction: "",
    Notification: "",
    FaceUrl: "",
    Owner_Account: "",
    CreateTime: 1700000000,
    LastInfoTime: 1700000000,
    InfoSeq: 1,
    MaxMemberNum: 0,
    ApplyJoinOption: "FreeAccess",
    MuteAllMember: "Off",
    SupportTopic: 0,
    AppDefinedData: [],
    Members: [],
  });
  return emu;
}

/** How a bin run ended. */
export interface BinRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built bin with `args` against `emu` (the key in the environment, as a user would). */
export function runBin(emu: RunningEmulator, args: string[], env: NodeJS.ProcessEnv = {}): Promise<BinRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, "dist", "cli", "export", "main.js"), ...args],
      {
        env: {
          PATH: process.env.PATH,
          TENCENT_CHAT_SDK_APP_ID: String(APP),
          TENCENT_CHAT_SECRET_KEY: KEY,
          TENCENT_CHAT_ENDPOINT: emu.url,
          ...env,
        },
        maxBuffer: 64 << 20,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

/** A fresh parent directory for `--out` (the out directory itself does not exist yet). */
export function outDir(name: string): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ptc-export-")), name);
}
