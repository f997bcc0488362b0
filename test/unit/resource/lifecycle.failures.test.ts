/**
 * The lifecycle's failure paths against the in-memory API (./fake-group-api.ts): what each failure leaves behind
 * (the partial-failure shape, its message, the properties recorded) and which errors pass through. These pin the
 * module's own decisions for the mutation score; the same paths against the emulator, whose faults can lose answers,
 * are in test/integration/provider/lifecycle-failures.test.ts.
 */
import { ChatApiError, ChatError, ErrorCodes } from "../../../provider/client/errors";
import {
  createGroup,
  deleteGroup,
  diffGroup,
  isPartialFailure,
  readGroup,
  updateGroup,
  type AccountApi,
} from "../../../provider/resource/lifecycle";
import { UNKNOWN } from "../../../provider/resource/types";
import { existing, fakeApi, GONE } from "./fake-group-api";

async function caught(p: Promise<unknown>): Promise<ChatError & Record<string, unknown>> {
  try {
    await p;
  } catch (e) {
    return e as ChatError & Record<string, unknown>;
  }
  throw new Error("expected a failure");
}
const refused = (action: string, code = 10004) => new ChatApiError(action as never, code, "refused");
const finish = "Pulumi keeps the group in state; fix the cause and run `pulumi up` again to finish.";

test("isPartialFailure: by code only", () => {
  expect(isPartialFailure(new ChatError(ErrorCodes.Partial, "p"))).toBe(true);
  expect(isPartialFailure(new ChatError(ErrorCodes.Api, "p"))).toBe(false);
  expect(isPartialFailure(null)).toBe(false);
  expect(isPartialFailure("CHAT_ERR_PARTIAL")).toBe(false);
  expect(isPartialFailure({ code: ErrorCodes.Partial })).toBe(true);
});

describe("create: once the group exists, every failure carries its id", () => {
  test("the follow-up write fails: partial failure with the live group and the host's key", async () => {
    const { api, calls } = fakeApi([], { modifyGroupBaseInfo: refused("modify_group_base_info") });
    const e = await caught(
      createGroup(api, { type: "Public", name: "n", muteAllMember: true, __provider: "p", __resourceName: "r" }),
    );
    expect(isPartialFailure(e)).toBe(true);
    expect(e.id).toBe("@TGS#1");
    expect(e.groupId).toBe("@TGS#1");
    expect(e.message).toBe(
      `group "@TGS#1" exists, but finishing its creation failed: ${refused("modify_group_base_info").message} ${finish}`,
    );
    expect(e.reasons).toEqual([e.message]);
    expect(e.cause).toBeInstanceOf(ChatApiError);
    // What is really there: read back (mute still off), the serialized provider, not check's hidden inputs.
    expect(e.properties).toMatchObject({ groupId: "@TGS#1", name: "n", muteAllMember: false, __provider: "p" });
    expect(e.properties).not.toHaveProperty("__resourceName");
    expect(e.properties).not.toHaveProperty("unsettled");
    expect(calls).toEqual(["importGroup", "modifyGroupBaseInfo", "getGroup"]);
  });

  test("read-back fails and so does the best-known read: the declared state, marked unsettled", async () => {
    const down = new ChatError(ErrorCodes.Network, "down");
    const { api } = fakeApi([], { getGroup: [down, down] });
    const e = await caught(createGroup(api, { type: "Public", name: "n", groupId: "g9", __provider: "p" }));
    expect(isPartialFailure(e)).toBe(true);
    expect(e.properties).toMatchObject({
      groupId: "g9",
      customGroupId: true,
      name: "n",
      unsettled: true,
      __provider: "p",
    });
    expect(e.message).toContain('group "g9" exists, but finishing its creation failed: down');
  });

  test("the group is gone at read-back: the error says so, inside a partial failure", async () => {
    const { api } = fakeApi([], { getGroup: [GONE, GONE] });
    const e = await caught(createGroup(api, { type: "Public", name: "n" }));
    expect(isPartialFailure(e)).toBe(true);
    expect(e.message).toContain('group "@TGS#1" disappeared while it was being managed (destroyed out of band?).');
    expect((e.cause as ChatError).code).toBe(ErrorCodes.Api);
    expect(e.properties).toMatchObject({ groupId: "@TGS#1", customGroupId: false, unsettled: true });
  });

  test("a lost create with a custom id: the id is kept, follow-up fields at their defaults", async () => {
    const lost = new ChatError(ErrorCodes.AmbiguousCreate, "the answer was lost.");
    const { api } = fakeApi([], { importGroup: lost });
    const e = await caught(
      createGroup(api, {
        type: "Public",
        name: "n",
        groupId: "g7",
        muteAllMember: true,
        inviteJoinOption: "NeedPermission",
        __provider: "p",
      }),
    );
    expect(isPartialFailure(e)).toBe(true);
    expect(e.id).toBe("g7");
    expect(e.message).toBe(
      'group "g7" may or may not have been created: the answer was lost. Pulumi keeps the id in state so the group is ' +
        "never left untracked: `pulumi refresh` drops it if it does not exist; otherwise `pulumi up` finishes it.",
    );
    expect(e.reasons).toEqual([e.message]);
    expect(e.cause).toBe(lost);
    expect(e.properties).toMatchObject({
      groupId: "g7",
      customGroupId: true,
      name: "n",
      muteAllMember: false,
      __provider: "p",
    });
    expect(e.properties).not.toHaveProperty("inviteJoinOption");
  });

  test("any other import failure passes through unchanged", async () => {
    const error = refused("import_group");
    const { api } = fakeApi([], { importGroup: error });
    expect(await caught(createGroup(api, { type: "Public", name: "n", groupId: "g7" }))).toBe(error);
  });

  test("adopt race: the group appears between the look and the import, and is adopted", async () => {
    const { api, calls, groups } = fakeApi([], { getGroup: [GONE] });
    groups.set("g1", existing({ ApplyJoinOption: "NeedPermission", MaxMemberNum: 2000, MuteAllMember: "Off" }));
    const { id, outs } = await createGroup(api, {
      type: "Public",
      name: "old",
      groupId: "g1",
      adopt: true,
      __provider: "p",
    });
    expect(id).toBe("g1");
    expect(outs).toMatchObject({ name: "old", customGroupId: true, __provider: "p" });
    expect(calls).toEqual(["getGroup", "importGroup", "getGroup"]);
  });

  test("adopt race: gone again when read after the conflict", async () => {
    const { api, groups } = fakeApi([], { getGroup: [GONE, GONE] });
    groups.set("g1", existing());
    const e = await caught(createGroup(api, { type: "Public", name: "old", groupId: "g1", adopt: true }));
    expect(isPartialFailure(e)).toBe(false);
    expect(e.message).toBe(
      'group "g1" disappeared while it was being adopted (destroyed out of band?). Run `pulumi up` again.',
    );
  });

  test("a conflict without adopt is the service's error (no adoption read)", async () => {
    const { api, calls } = fakeApi([existing()]);
    const e = await caught(createGroup(api, { type: "Public", name: "old", groupId: "g1", adopt: false }));
    expect(e).toMatchObject({ errorCode: 10021 });
    expect(calls).toEqual(["importGroup"]);
  });

  test('adopt "overwrite" whose write fails: a partial failure naming adoption, with the live group', async () => {
    const { api } = fakeApi([existing()], { modifyGroupBaseInfo: refused("modify_group_base_info") });
    const e = await caught(
      createGroup(api, { type: "Public", name: "new", groupId: "g1", adopt: "overwrite", __provider: "p" }),
    );
    expect(isPartialFailure(e)).toBe(true);
    expect(e.message).toMatch(/^group "g1" exists, but adopting it failed: /);
    expect(e.properties).toMatchObject({ name: "old", __provider: "p" });
  });
});

describe("update failures", () => {
  const olds = { type: "Public", name: "old", groupId: "g1", customGroupId: true, ownerAccount: "a" };
  test("a group deleted out of band: the error says to refresh, and is no partial failure", async () => {
    const { api } = fakeApi([]);
    const e = await caught(updateGroup(api, "g1", olds, { ...olds, name: "new" }));
    expect(isPartialFailure(e)).toBe(false);
    expect(e.code).toBe(ErrorCodes.Api);
    expect(e.groupId).toBe("g1");
    expect(e.message).toMatch(
      /The group was deleted outside Pulumi: run `pulumi refresh`, then `pulumi up` re-creates it\.$/,
    );
  });
  test("a refused owner change is explained: the new owner must be a member", async () => {
    const { api } = fakeApi([existing({ Owner_Account: "a" })], {
      changeGroupOwner: refused("change_group_owner"),
    });
    const e = await caught(updateGroup(api, "g1", olds, { ...olds, ownerAccount: "b" }));
    expect(isPartialFailure(e)).toBe(true);
    const cause = e.cause as ChatError & { action?: string };
    expect(cause.message).toMatch(/^cannot make "b" the owner of group "g1": /);
    expect(cause.message).toContain("The new owner must already be a member of the group");
    expect(cause.action).toBe("change_group_owner");
  });
  test("an owner change failing otherwise keeps its own error", async () => {
    const down = new ChatError(ErrorCodes.Network, "down");
    const { api } = fakeApi([existing({ Owner_Account: "a" })], { changeGroupOwner: down });
    const e = await caught(updateGroup(api, "g1", olds, { ...olds, ownerAccount: "b" }));
    expect(e.cause).toBe(down);
    expect(e.message).toBe(`group "g1" exists, but updating it failed: down ${finish}`);
  });
  test("a failed update whose read fails too: the old outputs, marked unsettled", async () => {
    const down = new ChatError(ErrorCodes.Network, "down");
    const { api } = fakeApi([existing()], { modifyGroupBaseInfo: down, getGroup: down });
    const e = await caught(updateGroup(api, "g1", olds, { ...olds, name: "new", __provider: "p" }));
    expect(e.properties).toEqual({ ...olds, unsettled: true, __provider: "p" });
  });
  test("an update with nothing to send still reads back", async () => {
    const { api, calls } = fakeApi([existing()]);
    await updateGroup(api, "g1", { ...olds, name: "old" }, { ...olds, name: "old" });
    expect(calls).toEqual(["getGroup"]);
  });
});

describe("read and delete", () => {
  test("read keeps the host's key and returns the inputs it found", async () => {
    const { api } = fakeApi([existing()]);
    const r = await readGroup(api, "g1", { groupId: "g1", customGroupId: true, __provider: "p" });
    expect(r.id).toBe("g1");
    expect(r.props).toMatchObject({ name: "old", customGroupId: true, __provider: "p" });
    expect(r.inputs).toMatchObject({ name: "old" });
  });
  test("read keeps a recorded customGroupId even when the id looks service-assigned (an adopted @TGS# group)", async () => {
    const { api } = fakeApi([existing({ GroupId: "@TGS#1" })]);
    expect((await readGroup(api, "@TGS#1", { groupId: "@TGS#1", customGroupId: true })).props.customGroupId).toBe(true);
    expect((await readGroup(api, "@TGS#1", { groupId: "@TGS#1" })).props.customGroupId).toBe(false);
  });
  test("delete passes any error but not-found through", async () => {
    const down = new ChatError(ErrorCodes.Network, "down");
    const { api } = fakeApi([existing()], { destroyGroup: down });
    expect(await caught(deleteGroup(api, "g1"))).toBe(down);
    const { api: ok, groups } = fakeApi([existing()]);
    await deleteGroup(ok, "g1");
    expect(groups.has("g1")).toBe(false);
  });
});

describe("diffGroup: the pre-flight of a delete-first replacement", () => {
  const olds = { type: "Public", name: "n", groupId: "g1", customGroupId: true, ownerAccount: "a", __provider: "p" };
  const news = { type: "Private", name: "n", groupId: "g1", ownerAccount: "b" };
  const accounts = (answer: Map<string, boolean> | Error) => {
    const asked: string[][] = [];
    const api: AccountApi = {
      accountCheck: async (ids: string[]) => {
        asked.push(ids);
        if (answer instanceof Error) throw answer;
        return answer as never;
      },
    };
    return { api, asked };
  };
  test("an imported owner: the plan, after one account_check", async () => {
    const { api, asked } = accounts(new Map([["b", true]]));
    const plan = await diffGroup(() => api, olds, news);
    expect(plan).toMatchObject({ deleteBeforeReplace: true, replaces: ["type"] });
    expect(asked).toEqual([["b"]]);
  });
  test("an owner that is not imported: refused before anything is deleted", async () => {
    const { api } = accounts(new Map([["b", false]]));
    const e = await caught(diffGroup(() => api, olds, news));
    expect(e.code).toBe(ErrorCodes.Validation);
    expect(e.message).toMatch(
      /^ownerAccount "b" is not an imported account \(account_check: NotImported\)\. Replacing group "g1"/,
    );
    expect(e.message).toContain("Nothing was deleted.");
  });
  test("a failed check: refused, saying nothing was deleted", async () => {
    const { api } = accounts(new Error("check down."));
    const e = await caught(diffGroup(() => api, olds, news));
    expect(e.code).toBe(ErrorCodes.Api);
    expect(e.message).toBe(
      'replacing group "g1" deletes it first (the new group reuses its id), so ownerAccount "b" is checked before; ' +
        "that check failed: check down. Nothing was deleted; run the command again.",
    );
  });
  test("no owner declared, or a create-first replacement: no check", async () => {
    const { api, asked } = accounts(new Error("must not be called"));
    const { ownerAccount: _o, ...noOwner } = news;
    void _o;
    await expect(diffGroup(() => api, olds, noOwner)).resolves.toMatchObject({ deleteBeforeReplace: true });
    await expect(diffGroup(() => api, olds, { ...news, groupId: "g2" })).resolves.toMatchObject({
      deleteBeforeReplace: false,
    });
    expect(asked).toEqual([]);
  });
});

describe("details each failure must carry (written against surviving mutants)", () => {
  test("isPartialFailure(undefined) is false, not a TypeError", () => {
    expect(isPartialFailure(undefined)).toBe(false);
  });
  test("without a serialized provider in the inputs, no __provider key is added", async () => {
    const { api } = fakeApi();
    const { outs } = await createGroup(api, { type: "Public", name: "n" });
    expect(Object.keys(outs)).not.toContain("__provider");
  });
  test("the group gone at read-back: the error names the action and the group", async () => {
    const { api } = fakeApi([], { getGroup: [GONE, GONE] });
    const e = await caught(createGroup(api, { type: "Public", name: "n" }));
    expect(e.cause).toMatchObject({ action: "get_group_info", groupId: "@TGS#1" });
  });
  test("gone while adopted: the error names the action and the group", async () => {
    const { api, groups } = fakeApi([], { getGroup: [GONE, GONE] });
    groups.set("g1", existing());
    const e = await caught(createGroup(api, { type: "Public", name: "old", groupId: "g1", adopt: true }));
    expect(e).toMatchObject({ action: "get_group_info", groupId: "g1" });
  });
  test("the owner-change explanation ends with what to do", async () => {
    const olds = { type: "Public", name: "old", groupId: "g1", customGroupId: true, ownerAccount: "a" };
    const { api } = fakeApi([existing({ Owner_Account: "a" })], { changeGroupOwner: refused("change_group_owner") });
    const e = await caught(updateGroup(api, "g1", olds, { ...olds, ownerAccount: "b" }));
    expect((e.cause as Error).message).toMatch(
      /add them with add_group_member first, or keep the current ownerAccount\.$/,
    );
  });
  test("the sticky inputs the program declares are recorded in a partial failure's properties", async () => {
    const down = new ChatError(ErrorCodes.Network, "down");
    const { api } = fakeApi([], { getGroup: [down, down] });
    const e = await caught(createGroup(api, { type: "Public", name: "n", groupId: "g9", ownerAccount: "o" }));
    expect(e.properties).toMatchObject({
      declaredSticky: ["groupId", "ownerAccount"],
      undeclaredSticky: ["maxMemberCount", "createTime", "inviteJoinOption"],
    });
    const lost = new ChatError(ErrorCodes.AmbiguousCreate, "lost.");
    const { api: api2 } = fakeApi([], { importGroup: lost });
    const e2 = await caught(createGroup(api2, { type: "Public", name: "n", groupId: "g9", adopt: true }));
    // adopt has no wire field: it is kept as declared, not reset to its default
    expect(e2.properties).toMatchObject({ adopt: true, declaredSticky: ["groupId"] });
  });
  describe("an adopted service-assigned id (@TGS#…) is recorded as program-chosen", () => {
    const live = () =>
      existing({ GroupId: "@TGS#abc", ApplyJoinOption: "NeedPermission", MaxMemberNum: 2000, MuteAllMember: "Off" });
    const inputs = { type: "Public", name: "old", groupId: "@TGS#abc" };
    test("adopted as it is", async () => {
      const { api } = fakeApi([live()]);
      const { outs } = await createGroup(api, { ...inputs, adopt: true });
      expect(outs.customGroupId).toBe(true);
    });
    test("adopted by overwriting", async () => {
      const { api } = fakeApi([live()]);
      const { outs } = await createGroup(api, { ...inputs, name: "new", adopt: "overwrite" });
      expect(outs).toMatchObject({ name: "new", customGroupId: true });
    });
    test("an overwrite that fails: the partial failure's live state says so too", async () => {
      const { api } = fakeApi([live()], { modifyGroupBaseInfo: refused("modify_group_base_info") });
      const e = await caught(createGroup(api, { ...inputs, name: "new", adopt: "overwrite" }));
      expect(e.properties).toMatchObject({ name: "old", customGroupId: true });
    });
  });
  describe("pre-flight errors name the action and the old group", () => {
    const olds = { type: "Public", name: "n", groupId: "g1", customGroupId: true, ownerAccount: "a" };
    const news = { type: "Private", name: "n", groupId: "g1", ownerAccount: "b" };
    test("a failed check", async () => {
      const api: AccountApi = { accountCheck: () => Promise.reject(new Error("down.")) };
      const e = await caught(diffGroup(() => api, olds, news));
      expect(e).toMatchObject({ action: "account_check", groupId: "g1" });
    });
    test("an owner not imported, the new id still unknown (preview): the old id, never the placeholder", async () => {
      const api: AccountApi = { accountCheck: async () => new Map([["b", false]]) as never };
      const e = await caught(diffGroup(() => api, olds, { ...news, groupId: UNKNOWN }));
      expect(e).toMatchObject({ action: "account_check", groupId: "g1" });
      expect(e.message).toContain('Replacing group "g1" deletes it first');
    });
  });
});
