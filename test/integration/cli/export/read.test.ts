/**
 * Reading an app (cli/export/read.ts) against the emulator: paging reaches every group once, `--type` filters, a
 * group deleted between its listing and its read is reported as gone (not declared, not an error), reads never ask
 * for member lists, and owners that are not imported accounts are found.
 */
import { startEmulator, type RunningEmulator } from "../../../../emulator";
import { readApp } from "../../../../cli/export/read";
import { ChatClient } from "../../../../provider/client/client";

const APP = 1400000031;
const KEY = "read-test-key";
let emu: RunningEmulator;
let chat: ChatClient;

beforeAll(async () => {
  emu = await startEmulator({ sdkAppId: APP, secretKey: KEY });
  emu.store.putAccount("owner");
  chat = new ChatClient({ sdkAppId: APP, identifier: "administrator", secretKey: KEY, endpoint: emu.url });
  for (let i = 0; i < 7; i++)
    await chat.importGroup({
      Type: i % 2 === 0 ? "Public" : "Private",
      GroupId: `g${i}`,
      Name: `g${i}`,
      ...(i === 0 ? { Owner_Account: "owner" } : {}),
    });
  await chat.accountImport({ UserID: "leaver" });
  await chat.importGroup({ Type: "Public", GroupId: "left", Name: "left", Owner_Account: "leaver" });
  await chat.accountDelete(["leaver"]);
});
afterAll(async () => {
  await chat?.close();
  await emu?.close();
});

test("pages of 3 reach every group once; a group deleted after its listing is gone, not an error", async () => {
  const listed: number[] = [];
  let deleted = false;
  const app = await readApp(chat, {
    members: false,
    appDefinedKeys: [],
    pageSize: 3,
    events: {
      listed: (n) => {
        listed.push(n);
        if (!deleted) {
          deleted = true;
          emu.store.deleteGroup("g1"); // listed on the first page, gone before its read
        }
      },
    },
  });
  expect(listed).toEqual([3, 6, 8]);
  expect(app.groups.map((g) => g.info.GroupId)).toEqual(["g0", "g2", "g3", "g4", "g5", "g6", "left"]);
  expect(app.gone).toEqual(["g1"]);
  expect(app.groups.every((g) => g.info.MemberList === undefined)).toBe(true);
  expect([...app.missingAccounts]).toEqual([["leaver", ["left"]]]);
  expect(app.calls).toMatchObject({ get_appid_group_list: 3, account_check: 1 });
});

test("--type lists only that type", async () => {
  const app = await readApp(chat, { members: false, appDefinedKeys: [], type: "Private" });
  expect(app.groups.map((g) => g.info.GroupId)).toEqual(["g3", "g5"]); // g1 was deleted above
});
