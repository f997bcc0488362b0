/** Account and profile methods against the emulator over real HTTP: per-item results and each documented error. */
import type { RunningEmulator } from "../../../emulator";
import { ChatClient, TAG_IMAGE, TAG_NICK } from "../../../provider/client";
import { client, emulator, rejection, teardown } from "./helpers";

let emu: RunningEmulator;
let chat: ChatClient;

beforeEach(async () => {
  emu = await emulator();
  chat = client(emu);
});
afterEach(teardown);

test("accountCheck (same shape as the documented page): id → imported", async () => {
  await chat.accountImport({ UserID: "alice" });
  expect(await chat.accountCheck(["alice", "ghost"])).toEqual(
    new Map([
      ["alice", true],
      ["ghost", false],
    ]),
  );
});

test("accountCheckItems: one entry per id; 101 ids are refused before any request", async () => {
  await chat.accountImport({ UserID: "alice" });
  expect(await chat.accountCheckItems(["alice", "ghost"])).toEqual([
    { id: "alice", ok: true, value: true },
    { id: "ghost", ok: true, value: false },
  ]);
  const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
  await expect(chat.accountCheckItems(many)).rejects.toMatchObject({ code: "CHAT_ERR_VALIDATION" });
  expect(emu.counters().account_check).toBe(1);
});

test("multiAccountImport imports with Nick/FaceUrl and updates an existing account; a bad id fails only itself", async () => {
  await chat.accountImport({ UserID: "old", Nick: "before" });
  const long = "x".repeat(33);
  const results = await chat.multiAccountImport([
    { UserID: "a", Nick: "A", FaceUrl: "https://f/a.png" },
    { UserID: "old", Nick: "after" },
    { UserID: long },
  ]);
  expect(results.map((r) => [r.id, r.ok])).toEqual([
    ["a", true],
    ["old", true],
    [long, false],
  ]);
  expect(results[2]).toMatchObject({ ok: false, error: { code: "CHAT_ERR_ITEM_FAILED" } });
  expect(emu.store.getAccount("a")).toEqual({ UserID: "a", Nick: "A", FaceUrl: "https://f/a.png" });
  expect(emu.store.getAccount("old")?.Nick).toBe("after");
});

test("multiAccountImport: a profile value over 500 bytes fails the call with 40601", async () => {
  const e = await rejection(chat.multiAccountImport([{ UserID: "a", Nick: "n".repeat(501) }]));
  expect(e).toMatchObject({ code: "CHAT_ERR_API", errorCode: 40601 });
  expect(emu.store.hasAccount("a")).toBe(false);
});

test("accountDelete: deleted, or absent for a missing id (70107 per item); memberships go with the account", async () => {
  await chat.accountImport({ UserID: "owner" });
  await chat.accountImport({ UserID: "bob" });
  await chat.importGroup({ Type: "Public", Name: "g", GroupId: "g1", Owner_Account: "owner" });
  await chat.addGroupMember({ GroupId: "g1", MemberList: [{ Member_Account: "bob" }] });
  expect(await chat.accountDelete(["bob", "never"])).toEqual([
    { id: "bob", ok: true, value: "deleted" },
    { id: "never", ok: true, value: "absent" },
  ]);
  expect(emu.store.hasAccount("bob")).toBe(false);
  expect(emu.store.getGroup("g1")?.Members.map((m) => m.Member_Account)).toEqual(["owner"]);
  expect((await chat.accountCheckItems(["bob"]))[0]).toMatchObject({ ok: true, value: false });
});

test("portraitSet then portraitGet round-trip Nick and FaceUrl; a missing account is that user's 40003", async () => {
  await chat.accountImport({ UserID: "alice" });
  await chat.portraitSet({ UserID: "alice", Nick: "Alice", FaceUrl: "https://f/alice.png" });
  const [alice, ghost] = await chat.portraitGet(["alice", "ghost"]);
  expect(alice).toEqual({
    id: "alice",
    ok: true,
    value: {
      Nick: "Alice",
      FaceUrl: "https://f/alice.png",
      tags: { [TAG_NICK]: "Alice", [TAG_IMAGE]: "https://f/alice.png" },
    },
  });
  expect(ghost).toMatchObject({ id: "ghost", ok: false, error: { code: "CHAT_ERR_API", errorCode: 40003 } });
});

test.each([
  ["account never imported", 40003, { UserID: "ghost", Nick: "x" }],
  ["value over 500 bytes", 40601, { UserID: "alice", Nick: "n".repeat(501) }],
  ["unknown tag", 40009, { UserID: "alice", items: [{ Tag: "Tag_Profile_IM_Gender", Value: "x" }] }],
  ["non-string value", 40610, { UserID: "alice", items: [{ Tag: TAG_NICK, Value: 7 }] }],
])("portraitSet: %s → %i", async (_name, code, input) => {
  await chat.accountImport({ UserID: "alice" });
  expect(await rejection(chat.portraitSet(input))).toMatchObject({ code: "CHAT_ERR_API", errorCode: code });
});

test("portraitGet with portraitGetMissing 'request' fails the call with 40003", async () => {
  const strict = await emulator({ behaviour: { portraitGetMissing: "request" } });
  const c = client(strict);
  await c.accountImport({ UserID: "alice" });
  expect(await rejection(c.portraitGet(["alice", "ghost"]))).toMatchObject({ errorCode: 40003 });
});

test("account_import keeps the stored profile on re-import by default; reimportUpdatesProfile overwrites", async () => {
  await chat.accountImport({ UserID: "a", Nick: "first" });
  await chat.accountImport({ UserID: "a", Nick: "second" });
  expect(emu.store.getAccount("a")?.Nick).toBe("first");
  const lenient = await emulator({ behaviour: { reimportUpdatesProfile: true } });
  const c = client(lenient);
  await c.accountImport({ UserID: "a", Nick: "first" });
  await c.accountImport({ UserID: "a", Nick: "second" });
  expect(lenient.store.getAccount("a")?.Nick).toBe("second");
});
