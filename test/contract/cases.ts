/**
 * The contract cases: what the client and the ChatGroup resource rely on the service to do, written once and run
 * against both targets (test/integration/contract/contract.test.ts: the emulator, in `npm test`;
 * test/live/contract.live.test.ts: a real app, `npm run test:live`). A case that passes on the emulator but fails on
 * the service shows where the emulator (or our reading of the docs) is wrong.
 *
 * Rules for cases: every group id comes from `t.id()` (cleanup finds them by prefix); every account is imported
 * first; assertions use error classes (`errorClass`) where the docs leave the exact code open.
 */
import { GroupReadBatcher } from "../../provider/client/batch";
import { isChatApiError, isConflict, isNotFound } from "../../provider/client/errors";
import { READ_BASE_INFO_FILTER } from "../../provider/resource/mapping";
import type { Props } from "../../harness/host";
import { inputsOf } from "../../harness/e2e";
import type { ContractTarget } from "./target";

/** One case: a name and a body that throws (jest `expect`) when the target breaks the contract. */
export interface ContractCase {
  name: string;
  run(t: ContractTarget): Promise<void>;
}

const FILTER = () => ({ GroupBaseInfoFilter: [...READ_BASE_INFO_FILTER] });

async function rejection(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected the call to fail, it succeeded");
}

const refused = (e: unknown) => isChatApiError(e) && (e.errorClass === "invalid" || e.errorClass === "not-found");

/** Cases of the REST actions the client uses. */
export const CLIENT_CASES: readonly ContractCase[] = [
  {
    name: "import_group with a custom id; get_group_info with the provider's filter; destroy; then not found",
    async run(t) {
      const id = t.id("basic");
      const { GroupId } = await t.client.importGroup({
        Type: "Public",
        Name: "contract basic",
        GroupId: id,
        Introduction: "intro",
        MaxMemberCount: 100,
      });
      expect(GroupId).toBe(id);
      const g = await t.client.getGroup(id, FILTER());
      expect(g).toMatchObject({
        GroupId: id,
        Type: "Public",
        Name: "contract basic",
        Introduction: "intro",
        MaxMemberNum: 100,
        MemberNum: 0,
      });
      expect(g).not.toHaveProperty("MemberList");
      await t.client.destroyGroup({ GroupId: id });
      expect(await t.client.getGroup(id, FILTER())).toBeUndefined();
      expect(isNotFound(await rejection(t.client.destroyGroup({ GroupId: id })))).toBe(true);
    },
  },
  {
    name: "import_group of an id in use is a conflict (10021/10025); the first group is untouched",
    async run(t) {
      const id = t.id("dup");
      await t.client.importGroup({ Type: "Public", Name: "first", GroupId: id });
      expect(isConflict(await rejection(t.client.importGroup({ Type: "Public", Name: "second", GroupId: id })))).toBe(
        true,
      );
      expect((await t.client.getGroup(id, FILTER()))?.Name).toBe("first");
    },
  },
  {
    name: "import_group with an owner that was never imported is refused (10019)",
    async run(t) {
      const e = await rejection(
        t.client.importGroup({
          Type: "Public",
          Name: "ghost owner",
          GroupId: t.id("ghost"),
          Owner_Account: `never-${Date.now().toString(36)}`,
        }),
      );
      expect(e).toMatchObject({ errorCode: 10019 });
    },
  },
  {
    name: "import_group of an AVChatRoom is refused (10007)",
    async run(t) {
      expect(
        await rejection(t.client.importGroup({ Type: "AVChatRoom", Name: "live", GroupId: t.id("av") })),
      ).toMatchObject({ errorCode: 10007 });
    },
  },
  {
    name: "add_group_member of an account never imported adds nothing (Result 0, or 10019 for the request: Q2)",
    async run(t) {
      const id = t.id("ghost-member");
      await t.client.importGroup({ Type: "Public", Name: "ghost member", GroupId: id });
      const ghost = `never-${Date.now().toString(36)}`;
      try {
        expect(await t.client.addGroupMember({ GroupId: id, MemberList: [{ Member_Account: ghost }] })).toEqual([
          { Member_Account: ghost, Result: 0 },
        ]);
      } catch (e) {
        expect(e).toMatchObject({ errorCode: 10019 });
      }
      expect((await t.client.getGroup(id, FILTER()))?.MemberNum).toBe(0);
    },
  },
  {
    name: "get_group_info: an unknown id is a per-entry not-found; the known one in the same call is returned",
    async run(t) {
      const id = t.id("known");
      await t.client.importGroup({ Type: "Private", Name: "known", GroupId: id });
      const entries = await t.client.getGroupInfo({ GroupIdList: [id, t.id("missing")], ResponseFilter: FILTER() });
      expect(entries[0]).toMatchObject({ ok: true, GroupId: id });
      expect(entries[1]!.ok).toBe(false);
      expect(isNotFound((entries[1] as { error: unknown }).error)).toBe(true);
    },
  },
  {
    name: "modify_group_base_info: profile, MaxMemberNum, InviteJoinOption and MuteAllMember read back",
    async run(t) {
      const id = t.id("modify");
      await t.client.importGroup({ Type: "Public", Name: "before", GroupId: id });
      await t.client.modifyGroupBaseInfo({
        GroupId: id,
        Name: "after",
        Notification: "notice",
        MaxMemberNum: 200,
        InviteJoinOption: "DisableInvite",
        MuteAllMember: "On",
        ApplyJoinOption: "FreeAccess",
      });
      expect(await t.client.getGroup(id, FILTER())).toMatchObject({
        Name: "after",
        Notification: "notice",
        MaxMemberNum: 200,
        InviteJoinOption: "DisableInvite",
        MuteAllMember: "On",
        ApplyJoinOption: "FreeAccess",
      });
    },
  },
  {
    name: "Community: ApplyJoinOption and InviteJoinOption are refused; the community is unchanged",
    async run(t) {
      const id = t.id("community", true);
      await t.client.importGroup({ Type: "Community", Name: "community", GroupId: id });
      expect(
        refused(await rejection(t.client.modifyGroupBaseInfo({ GroupId: id, ApplyJoinOption: "FreeAccess" }))),
      ).toBe(true);
      expect(
        refused(await rejection(t.client.modifyGroupBaseInfo({ GroupId: id, InviteJoinOption: "FreeAccess" }))),
      ).toBe(true);
      expect((await t.client.getGroup(id, FILTER()))?.Name).toBe("community");
    },
  },
  {
    name: "Work (Private) groups are DisableApply and Meeting (ChatRoom) groups FreeAccess when nothing is sent",
    async run(t) {
      const work = t.id("work");
      const meeting = t.id("meeting");
      await t.client.importGroup({ Type: "Private", Name: "work", GroupId: work });
      await t.client.importGroup({ Type: "ChatRoom", Name: "meeting", GroupId: meeting });
      expect((await t.client.getGroup(work, FILTER()))?.ApplyJoinOption).toBe("DisableApply");
      expect((await t.client.getGroup(meeting, FILTER()))?.ApplyJoinOption).toBe("FreeAccess");
    },
  },
  {
    name: "add_group_member and change_group_owner: a non-member cannot become owner; a member can",
    async run(t) {
      const [owner, member, outsider] = [t.account("owner"), t.account("member"), t.account("outsider")];
      await t.importAccounts([owner, member, outsider]);
      const id = t.id("owner");
      await t.client.importGroup({ Type: "Public", Name: "owned", GroupId: id, Owner_Account: owner });
      const added = await t.client.addGroupMember({
        GroupId: id,
        Silence: 1,
        MemberList: [{ Member_Account: member }, { Member_Account: owner }],
      });
      expect(added).toEqual([
        { Member_Account: member, Result: 1 },
        { Member_Account: owner, Result: 2 },
      ]);
      expect(refused(await rejection(t.client.changeGroupOwner({ GroupId: id, NewOwner_Account: outsider })))).toBe(
        true,
      );
      await t.client.changeGroupOwner({ GroupId: id, NewOwner_Account: member });
      expect(await t.client.getGroup(id, FILTER())).toMatchObject({ Owner_Account: member, MemberNum: 2 });
    },
  },
  {
    name: "get_appid_group_list finds a group this run created",
    async run(t) {
      const id = t.id("listed");
      await t.client.importGroup({ Type: "Public", Name: "listed", GroupId: id });
      const ids: string[] = [];
      for await (const g of t.client.listAllGroupIds({ GroupType: "Public" })) ids.push(g);
      expect(ids).toContain(id);
    },
  },
  {
    name: "refresh of large groups: batched reads with the provider's filter succeed for every group",
    async run(t) {
      const { groups, members } = t.large;
      const accounts = Array.from({ length: members }, (_, i) => t.account(`m${i}`));
      await t.importAccounts(accounts);
      const ids = Array.from({ length: groups }, (_, g) => t.id(`large-${g}`));
      await Promise.all(
        ids.map((id) =>
          t.client.importGroup({ Type: "Public", Name: "large", GroupId: id, MaxMemberCount: Math.max(members, 1) }),
        ),
      );
      // 20 per add_group_member call: the newest page's limit (older pages say 300; https://cloud.tencent.com/document/product/269/1621).
      await Promise.all(
        ids.map(async (id) => {
          for (let i = 0; i < accounts.length; i += 20) {
            await t.client.addGroupMember({
              GroupId: id,
              Silence: 1,
              MemberList: accounts.slice(i, i + 20).map((Member_Account) => ({ Member_Account })),
            });
          }
        }),
      );
      const reads = new GroupReadBatcher(t.client, { responseFilter: FILTER() });
      const got = await Promise.all(ids.map((id) => reads.getGroup(id)));
      got.forEach((g, i) => expect(g).toMatchObject({ GroupId: ids[i], MemberNum: members }));
      expect(got.every((g) => g?.MemberList === undefined)).toBe(true);
    },
  },
];

/** Cases of the ChatGroup resource, through the real provider host. */
export const RESOURCE_CASES: readonly ContractCase[] = [
  {
    name: "ChatGroup: check, create, read (no drift), update in place, drift seen by read, delete",
    async run(t) {
      const owner = t.account("owner");
      await t.importAccounts([owner]);
      const id = t.id("res");
      const declared = {
        type: "Public",
        name: "resource",
        groupId: id,
        ownerAccount: owner,
        inviteJoinOption: "NeedPermission",
        appDefinedData: {},
      };
      const [reg] = await t.register({ res: declared });
      const checked = await t.host.check(reg!.urn, {}, inputsOf(reg!));
      expect(checked.failures).toEqual([]);
      const { properties } = await t.host.create(reg!.urn, checked.inputs);
      expect(properties).toMatchObject({ groupId: id, inviteJoinOption: "NeedPermission", ownerAccount: owner });
      const read = await t.host.read(id, reg!.urn, properties);
      expect((await t.host.diff(id, reg!.urn, read.properties, checked.inputs)).changes).toBe("none");
      const [reg2] = await t.register({
        res: { ...declared, name: "renamed", inviteJoinOption: "DisableInvite", muteAllMember: true },
      });
      const checked2 = await t.host.check(reg2!.urn, read.properties, inputsOf(reg2!));
      const diff = await t.host.diff(id, reg2!.urn, read.properties, checked2.inputs);
      expect(diff).toMatchObject({ changes: "some" });
      expect(diff.replaces ?? []).toEqual([]);
      const updated = await t.host.update(id, reg2!.urn, read.properties, checked2.inputs);
      expect(updated.properties).toMatchObject({
        name: "renamed",
        inviteJoinOption: "DisableInvite",
        muteAllMember: true,
      });
      await t.client.modifyGroupBaseInfo({ GroupId: id, InviteJoinOption: "FreeAccess" });
      const drifted = await t.host.read(id, reg2!.urn, updated.properties as Props);
      expect(drifted.properties).toMatchObject({ inviteJoinOption: "FreeAccess" });
      expect((await t.host.diff(id, reg2!.urn, drifted.properties, checked2.inputs)).changes).toBe("some");
      await t.host.delete(id, reg2!.urn, drifted.properties);
      expect(await t.client.getGroup(id, FILTER())).toBeUndefined();
    },
  },
  {
    name: "ChatGroup: a Community created without maxMemberCount never diffs and is never shrunk",
    async run(t) {
      const id = t.id("res-community", true);
      const [reg] = await t.register({ c: { type: "Community", name: "community", groupId: id } });
      const checked = await t.host.check(reg!.urn, {}, inputsOf(reg!));
      const { properties } = await t.host.create(reg!.urn, checked.inputs);
      const read = await t.host.read(id, reg!.urn, properties);
      expect(read.properties.maxMemberCount).toEqual(expect.any(Number));
      expect((await t.host.diff(id, reg!.urn, read.properties, checked.inputs)).changes).toBe("none");
    },
  },
  {
    name: "ChatGroup: each Work/Meeting/Public group reads back with no diff (join options as the service fixes them)",
    async run(t) {
      const decl = {
        w: { type: "Work", name: "w", groupId: t.id("res-w") },
        m: { type: "Meeting", name: "m", groupId: t.id("res-m") },
        p: { type: "Public", name: "p", groupId: t.id("res-p"), applyJoinOption: "DisableApply" },
      };
      for (const reg of await t.register(decl)) {
        const checked = await t.host.check(reg.urn, {}, inputsOf(reg));
        expect(checked.failures).toEqual([]);
        const { id, properties } = await t.host.create(reg.urn, checked.inputs);
        const read = await t.host.read(id, reg.urn, properties);
        expect((await t.host.diff(id, reg.urn, read.properties, checked.inputs)).changes).toBe("none");
      }
    },
  },
];
