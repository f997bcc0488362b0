/**
 * Lifecycle decisions against an in-memory group API: which calls each path makes and what it returns. Failure
 * paths (refused import, read-back failure, the adopt race, partial update, out-of-band delete, refused destroy)
 * are tested against the emulator, whose faults can produce them: test/integration/provider/
 * lifecycle-failures.test.ts, and chat-group.e2e.test.ts for a failure after import; ./lifecycle.failures.test.ts
 * pins the same paths' results on the in-memory API for the mutation runner (DECISIONS.md T82).
 */
import { ChatApiError, ChatError, ErrorCodes } from "../../../provider/client/errors";
import type { GroupInfo } from "../../../provider/client/groups";
import {
  createGroup,
  deleteGroup,
  isPartialFailure,
  readGroup,
  updateGroup,
} from "../../../provider/resource/lifecycle";
import { existing, fakeApi } from "./fake-group-api";

async function caught(p: Promise<unknown>): Promise<ChatError & Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    return e as ChatError & Record<string, unknown>;
  }
  throw new Error("expected a failure");
}

describe("create", () => {
  test("import, then read back: outputs are the service's truth", async () => {
    const { api, calls } = fakeApi();
    const { id, outs } = await createGroup(api, { type: "Public", name: "n" });
    expect(id).toBe("@TGS#1");
    expect(outs).toMatchObject({ groupId: "@TGS#1", name: "n", customGroupId: false, memberNum: 0, createTime: 1 });
    expect(calls).toEqual(["importGroup", "getGroup"]);
  });

  test("an ambiguous create is passed through unchanged (the client already decided)", async () => {
    const ambiguous = new ChatError(ErrorCodes.AmbiguousCreate, "may exist");
    const { api } = fakeApi([], { importGroup: ambiguous });
    expect(await caught(createGroup(api, { type: "Public", name: "n" }))).toBe(ambiguous);
  });

  test("adopt: an existing group that matches the program is taken over without a write — no import is sent", async () => {
    const { api, calls } = fakeApi([
      existing({ ApplyJoinOption: "NeedPermission", MaxMemberNum: 2000, MuteAllMember: "Off" }),
    ]);
    const { id, outs } = await createGroup(api, {
      type: "Public",
      name: "old",
      groupId: "g1",
      adopt: true,
      __provider: "serialized",
    });
    expect(id).toBe("g1");
    expect(outs).toMatchObject({
      name: "old",
      adopt: true,
      customGroupId: true,
      createTime: 5,
      __provider: "serialized",
    });
    expect(calls).toEqual(["getGroup"]);
  });

  test("adopt: any difference fails before any write and lists every differing field with its live value", async () => {
    const { api, calls } = fakeApi([
      existing({
        ApplyJoinOption: "NeedPermission",
        MaxMemberNum: 300,
        MuteAllMember: "Off",
        Introduction: "hi",
      } as Partial<GroupInfo>),
    ]);
    const e = await caught(
      createGroup(api, { type: "Public", name: "new", groupId: "g1", maxMemberCount: 2000, adopt: true }),
    );
    expect(e.code).toBe(ErrorCodes.AdoptMismatch);
    expect(isPartialFailure(e)).toBe(false);
    expect(e.message).toContain("differs from the program in 3 fields (name, introduction, maxMemberCount)");
    expect(e.message).toContain('  name: "old", // declared "new"');
    expect(e.message).toContain('  introduction: "hi", // declared ""');
    expect(e.message).toContain("  maxMemberCount: 300, // declared 2000");
    expect(e.message).toContain('adopt: "overwrite"');
    expect(calls).toEqual(["getGroup"]);
  });

  test('adopt: "overwrite" applies the declared values', async () => {
    const { api, groups, calls } = fakeApi([existing()]);
    const { outs } = await createGroup(api, { type: "Public", name: "new", groupId: "g1", adopt: "overwrite" });
    expect(outs).toMatchObject({ name: "new", adopt: "overwrite" });
    expect(groups.get("g1")!.Name).toBe("new");
    expect(calls).toEqual(["getGroup", "modifyGroupBaseInfo", "getGroup"]);
  });

  test("adopt: no such group yet → it is imported as usual", async () => {
    const { api, groups, calls } = fakeApi();
    await createGroup(api, { type: "Public", name: "new", groupId: "g2", adopt: true });
    expect(groups.has("g2")).toBe(true);
    expect(calls).toEqual(["getGroup", "importGroup", "getGroup"]);
  });

  test("adopt: an immutable difference is refused without touching the group", async () => {
    const { api, calls } = fakeApi([existing({ Type: "ChatRoom" })]);
    const e = await caught(createGroup(api, { type: "Public", name: "new", groupId: "g1", adopt: "overwrite" }));
    expect(e.code).toBe(ErrorCodes.AdoptMismatch);
    expect(e.message).toContain('  type: "ChatRoom", // declared "Public"');
    expect(e.message).toMatch(/type cannot change in place .* so adopt: "overwrite" cannot help/);
    expect(isPartialFailure(e)).toBe(false);
    expect(calls).not.toContain("modifyGroupBaseInfo");
  });

  test("without adopt a conflict is the service's error", async () => {
    const { api } = fakeApi([existing()]);
    const e = await caught(createGroup(api, { type: "Public", name: "new", groupId: "g1" }));
    expect(e).toMatchObject({ code: "CHAT_ERR_API", errorCode: 10021 });
  });
});

describe("update", () => {
  const olds = { type: "Public", name: "old", groupId: "g1", customGroupId: true, ownerAccount: "a" };

  test("a rename and an owner change: modify, then change owner, then read back", async () => {
    const { api, groups, calls } = fakeApi([existing({ Owner_Account: "a" })]);
    const { outs } = await updateGroup(api, "g1", olds, {
      type: "Public",
      name: "new",
      groupId: "g1",
      ownerAccount: "b",
    });
    expect(calls).toEqual(["modifyGroupBaseInfo", "changeGroupOwner", "getGroup"]);
    expect(outs).toMatchObject({ name: "new", ownerAccount: "b", customGroupId: true });
    expect(groups.get("g1")).toMatchObject({ Name: "new", Owner_Account: "b" });
  });

  test("a partial failure carries the __provider of the new inputs", async () => {
    const { api } = fakeApi([existing()], {
      modifyGroupBaseInfo: new ChatApiError("modify_group_base_info", 10004, "all defined key is invalid"),
    });
    const e = await caught(
      updateGroup(
        api,
        "g1",
        { ...olds, __provider: "old" },
        { type: "Public", name: "new", groupId: "g1", __provider: "new" },
      ),
    );
    expect(e.properties).toMatchObject({ name: "old", __provider: "new" });
  });

  test("unsettled outputs: the update starts from the live group, not from them", async () => {
    const { api, groups, calls } = fakeApi([existing({ Name: "applied but unheard" })]);
    const { outs } = await updateGroup(
      api,
      "g1",
      { ...olds, unsettled: true },
      { type: "Public", name: "old", groupId: "g1" },
    );
    expect(groups.get("g1")!.Name).toBe("old");
    expect(calls).toEqual(["getGroup", "modifyGroupBaseInfo", "getGroup"]);
    expect(outs).not.toHaveProperty("unsettled");
  });
});

describe("read and delete", () => {
  test("read of a gone group returns an empty id", async () => {
    await expect(readGroup(fakeApi().api, "g1", {})).resolves.toEqual({ id: "", props: {} });
  });

  test("delete of a gone group succeeds", async () => {
    await expect(deleteGroup(fakeApi().api, "nope")).resolves.toBeUndefined();
  });

  test("delete destroys the group its state recorded, and leaves a newer group that took the id", async () => {
    const group = { GroupId: "g", Type: "Public", Name: "n", CreateTime: 1700000000 } as GroupInfo;
    const newer = fakeApi([{ ...group, CreateTime: 1700000500 }]);
    await deleteGroup(newer.api, "g", { createTime: 1700000000 });
    expect(newer.calls).toEqual(["getGroup"]); // read, not destroyed
    expect(newer.groups.has("g")).toBe(true);
    const same = fakeApi([group]);
    await deleteGroup(same.api, "g", { createTime: 1700000000 });
    expect(same.calls).toEqual(["getGroup", "destroyGroup"]);
    expect(same.groups.has("g")).toBe(false);
    const unrecorded = fakeApi([group]); // state without createTime (a partial failure): destroyed as before
    await deleteGroup(unrecorded.api, "g", {});
    expect(unrecorded.calls).toEqual(["destroyGroup"]);
  });

  test("delete reads only the creation time, and destroys a group whose answer has none", async () => {
    const { CreateTime: _dropped, ...undated } = { GroupId: "g", Type: "Public", Name: "n", CreateTime: 1 };
    const fake = fakeApi([undated as GroupInfo]);
    const filters: unknown[] = [];
    const getGroup = fake.api.getGroup.bind(fake.api);
    fake.api.getGroup = (id, filter) => (filters.push(filter), getGroup(id, filter));
    await deleteGroup(fake.api, "g", { createTime: 1700000000 });
    expect(filters).toEqual([{ GroupBaseInfoFilter: ["CreateTime"] }]);
    expect(fake.calls).toEqual(["getGroup", "destroyGroup"]); // no time to compare: the id is what state holds
  });
});
