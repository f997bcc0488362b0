/**
 * ChatGroupMembers at scale, through the client and the batcher against the emulator over HTTP: a 6,000-member group
 * (up from empty, refresh, destroy) and a 100,000-member Community paged with `Next` (a 64-bit cursor, as a string
 * and as a raw JSON number). Calls are counted per action; nothing here reads a clock.
 */
import type { RunningEmulator, StoredMember } from "../../../../../emulator";
import { ChatClient } from "../../../../../provider/client";
import type { ChatAction } from "../../../../../protocol/actions";
import { MemberBatcher } from "../../../../../provider/client/member-batch";
import { checkMembers } from "../../../../../provider/resources/chat-group-members/fields";
import {
  createMembers,
  deleteMembers,
  readMembers,
  type MembersApi,
} from "../../../../../provider/resources/chat-group-members/lifecycle";
import { MEMBER_PAGE, readAllMembers } from "../../../../../provider/resources/chat-group-members/members-read";
import { membersApiOf } from "../../../../../provider/resources/chat-group-members/api";
import { client, emulator, teardown } from "../../../../integration/client/helpers";

afterEach(teardown);

/** A client counting calls (and 10018 refusals) by action, its batcher, and the member API over both. */
function rig(emu: RunningEmulator): {
  api: MembersApi;
  calls: Map<ChatAction, number>;
  refusals: number[];
  chat: ChatClient;
} {
  const calls = new Map<ChatAction, number>();
  const refusals: number[] = [];
  const chat = client(emu, {
    onRequest: (e) => {
      calls.set(e.action, (calls.get(e.action) ?? 0) + 1);
      if (e.errorCode !== undefined) refusals.push(e.errorCode);
    },
  });
  const members = new MemberBatcher(chat);
  return { api: membersApiOf({ chat, groupReads: chat, members }), calls, refusals, chat };
}

const accountId = (i: number) => `user${String(i).padStart(6, "0")}`;

/** A group stored directly in the emulator, with `n` members besides the owner. */
function seed(emu: RunningEmulator, id: string, type: string, n: number, extra: Partial<StoredMember> = {}): void {
  const Members: StoredMember[] = [{ Member_Account: "owner", Role: "Owner", JoinTime: 1 }];
  for (let i = 0; i < n; i++) Members.push({ Member_Account: accountId(i), Role: "Member", JoinTime: 2, ...extra });
  emu.store.putGroup({
    GroupId: id,
    Type: type,
    Name: id,
    Introduction: "",
    Notification: "",
    FaceUrl: "",
    Owner_Account: "owner",
    CreateTime: 1,
    LastInfoTime: 1,
    InfoSeq: 1,
    MaxMemberNum: type === "Community" ? 100_000 + 1 : 6000,
    ApplyJoinOption: "FreeAccess",
    MuteAllMember: "Off",
    SupportTopic: 0,
    AppDefinedData: [],
    Members,
  });
}

test("a 6,000-member group: up from empty adds in calls of 20, refresh reads pages of 200, destroy removes in calls of 100", async () => {
  const emu = await emulator({ behaviour: { requireImportedAccounts: true } });
  for (let i = 0; i < 5999; i++) emu.store.putAccount(accountId(i));
  emu.store.putAccount("owner");
  seed(emu, "big", "Public", 0);
  const { api, calls, refusals } = rig(emu);
  const declared = Array.from({ length: 5999 }, (_, i) => ({
    account: accountId(i),
    ...(i < 3 ? { role: "Admin" } : {}),
  }));
  const checked = checkMembers({}, { groupId: "big", members: declared });
  expect(checked.failures).toEqual([]);

  const { outs } = await createMembers(api, checked.inputs);
  expect(emu.store.getGroup("big")!.Members).toHaveLength(6000); // the group's limit, owner included
  expect(Object.keys(outs.members)).toHaveLength(5999);
  expect(calls.get("add_group_member")).toBe(Math.ceil(5999 / 20));
  expect(calls.get("modify_group_member_info")).toBe(3);
  expect(calls.get("get_group_member_info")).toBe(1); // the owner-only group fits one page
  expect(refusals).toEqual([]);

  calls.clear();
  const read = await readMembers(api, "big", outs);
  expect(Object.keys(read.props.members as object)).toHaveLength(5999);
  expect(calls.get("get_group_member_info")).toBe(Math.ceil(6000 / MEMBER_PAGE));
  expect(calls.get("get_group_info")).toBe(1);

  calls.clear();
  await deleteMembers(api, "big", read.props);
  expect(emu.store.getGroup("big")!.Members.map((m) => m.Member_Account)).toEqual(["owner"]);
  expect(calls.get("delete_group_member")).toBe(Math.ceil(5999 / 100));
  expect(refusals).toEqual([]);
});

test.each([["string"], ["number"]] as const)(
  "a Community of 100,000 is read completely with Next paging (cursor above 2^53 as a JSON %s)",
  async (memberNextAs) => {
    const emu = await emulator({ behaviour: { memberNextAs }, listCursorBase: 144115265295492787n });
    seed(emu, "@TGS#_huge", "Community", 100_000 - 1);
    const { api, calls, refusals } = rig(emu);
    const members = await readAllMembers(api.page, "@TGS#_huge", { community: true, nameCards: false });
    expect(members).toHaveLength(100_000);
    expect(new Set(members.map((m) => m.account)).size).toBe(100_000);
    expect(calls.get("get_group_member_info")).toBe(100_000 / MEMBER_PAGE);
    expect(refusals).toEqual([]);
  },
);

test("an answer over 1 MB (10018) halves the page and the read still completes", async () => {
  // 12 KB stands in for 1 MB: a page of 200 members with 50-byte name cards is ~21 KB, so it is refused.
  const emu = await emulator({ behaviour: { maxReplyBytes: 12_000 } });
  seed(emu, "cards", "Public", 999, { NameCard: "n".repeat(50) });
  const { api, refusals } = rig(emu);
  const stats = { pages: 0, halvings: 0, attempts: 0 };
  const members = await readAllMembers(api.page, "cards", { community: false, nameCards: true }, stats);
  expect(members).toHaveLength(1000);
  expect(members.every((m) => m.role === "Owner" || m.nameCard === "n".repeat(50))).toBe(true);
  expect(refusals).toContain(10018);
  expect(stats.halvings).toBeGreaterThan(0);
});

test("a read whose count disagrees with MemberNum (someone joined while it ran) is repeated", async () => {
  const emu = await emulator();
  seed(emu, "moving", "Public", 450);
  const { api } = rig(emu);
  let first = true;
  const page: MembersApi["page"] = async (r) => {
    const p = await api.page(r);
    if (first && r.Offset === 200) {
      first = false;
      const g = emu.store.getGroup("moving")!;
      g.Members.unshift({ Member_Account: "newcomer", Role: "Member", JoinTime: 3 }); // shifts every Offset
      emu.store.putGroup(g);
    }
    return p;
  };
  const stats = { pages: 0, halvings: 0, attempts: 0 };
  const members = await readAllMembers(page, "moving", { community: false, nameCards: false }, stats);
  expect(stats.attempts).toBe(2);
  expect(members).toHaveLength(452);
  expect(members.map((m) => m.account)).toContain("newcomer");
});
