/**
 * ChatGroup end to end: programs run under mocks produce the real `__provider`; the real provider host runs it
 * against the emulator, driven over gRPC as the engine drives it (check → diff → create/update/delete, read).
 */
import { HostCallError, type Props } from "../../../harness/host";
import { inputsOf, programOf, startE2E, type E2E } from "../../../harness/e2e";
import { providerText } from "../../helpers/matrix";
import type { Registration } from "../../../harness/program-dir";

let e2e: E2E;
let provider: string;
beforeAll(async () => {
  e2e = await startE2E();
  provider = await providerText(e2e);
  e2e.emulator.store.putAccount("leckie"); // the vendor samples' owner: owners must be imported accounts
});
afterAll(() => e2e?.stop());
beforeEach(() => e2e.emulator.clearFaults());

/** The engine's create: Check against no olds, then Create with the checked inputs. */
async function create(reg: Registration): Promise<{ id: string; outs: Props; inputs: Props }> {
  const checked = await e2e.host.check(reg.urn, {}, inputsOf(reg));
  expect(checked.failures).toEqual([]);
  const { id, properties } = await e2e.host.create(reg.urn, checked.inputs);
  return { id, outs: properties, inputs: checked.inputs };
}

/** Registers a one-group program (really run) and returns its registration. */
async function program(args: Props): Promise<Registration> {
  const [reg] = await e2e.register(programOf({ g: args }));
  return reg!;
}

/**
 * The registration of a one-group program, built from the real serialized provider (the same text for every
 * ChatGroup) instead of running a program: ~2 s saved per case; the program path itself is covered above and in
 * serialization.test.ts.
 */
async function one(args: Props): Promise<Registration> {
  const type = "pulumi-nodejs:dynamic/tencent-chat:ChatGroup";
  return { type, name: "g", urn: `urn:pulumi:dev::chat-test::${type}::g`, inputs: { ...args, __provider: provider } };
}

describe("the import_group page's request bodies as ChatGroup inputs", () => {
  test.each([
    ["owner and CreateTime", { ownerAccount: "leckie", type: "Public", name: "TestGroup", createTime: 1448357837 }],
    ["Community with topics", { type: "Community", name: "test_import_group", supportTopic: true }],
    [
      "MyFirstGroup, every field",
      {
        ownerAccount: "leckie",
        type: "Public",
        groupId: "MyFirstGroup",
        name: "TestGroup",
        introduction: "This is group Introduction",
        notification: "This is group Notification",
        faceUrl: "http://this.is.face.url",
        maxMemberCount: 500,
        applyJoinOption: "FreeAccess",
        createTime: 1448357837,
        appDefinedData: { GroupTestData1: "xxxxx", GroupTestData2: "abc\u0000\u0001" },
      },
    ],
  ])("%s: created through the host, stored as declared, id = groupId", async (_label, args) => {
    const reg = await program(args);
    const { id, outs } = await create(reg);
    const stored = e2e.emulator.store.getGroup(id)!;
    expect(stored).toBeDefined();
    expect(outs.groupId).toBe(id);
    expect(stored.Name).toBe(args.name);
    expect(stored.Type).toBe(args.type);
    if ("groupId" in args) expect(id).toBe(args.groupId);
    else expect(id).toMatch(args.type === "Community" ? /^@TGS#_g-[0-9a-f]{8}$/ : /^g-[0-9a-f]{8}$/); // chosen in check from the resource name
    if ("createTime" in args) expect(stored.CreateTime).toBe(args.createTime);
    if ("ownerAccount" in args) expect(stored.Owner_Account).toBe("leckie");
    if ("supportTopic" in args) expect(stored.SupportTopic).toBe(1);
    if ("appDefinedData" in args) {
      expect(stored.AppDefinedData).toEqual([
        { Key: "GroupTestData1", Value: "xxxxx" },
        { Key: "GroupTestData2", Value: "abc\u0000\u0001" },
      ]);
      expect(outs.appDefinedData).toEqual(args.appDefinedData);
      expect(stored.MaxMemberNum).toBe(500);
    }
    // Right after create, the program's own inputs diff as no change.
    const d = await e2e.host.diff(id, reg.urn, outs, (await e2e.host.check(reg.urn, outs, inputsOf(reg))).inputs);
    expect(d).toEqual({ changes: "none", replaces: [], deleteBeforeReplace: false });
  });

  test('the vendor sample\'s key " GroupTestData2" (leading space) is refused by check, naming the property', async () => {
    const reg = await program({ type: "Public", name: "TestGroup", appDefinedData: { " GroupTestData2": "abc" } });
    const before = e2e.emulator.counters().import_group;
    const { failures } = await e2e.host.check(reg.urn, {}, inputsOf(reg));
    expect(failures).toHaveLength(1);
    expect(failures[0]!.property).toMatch(/^appDefinedData/);
    expect(failures[0]!.reason).toMatch(/GroupTestData2/);
    expect(e2e.emulator.counters().import_group).toBe(before);
  });
});

test("check reports every bad input at once and never calls the API", async () => {
  e2e.emulator.resetCounters();
  const reg = await one({
    type: "AVChatRoom",
    name: "x".repeat(31),
    maxMemberCount: 0,
    applyJoinOption: "Sometimes",
    adopt: true,
  });
  const { failures } = await e2e.host.check(reg.urn, {}, inputsOf(reg));
  expect(failures.map((f) => f.property).sort()).toEqual([
    "adopt",
    "applyJoinOption",
    "maxMemberCount",
    "name",
    "type",
  ]);
  for (const f of failures) expect(f.reason).toContain(f.property);
  expect(Object.values(e2e.emulator.counters()).reduce((a, b) => a + b, 0)).toBe(0);
});

test("preview: unknown values pass check and diff as a change, without any API call", async () => {
  const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
  const { id, outs } = await create(await one({ type: "Public", name: "preview-me" }));
  e2e.emulator.resetCounters();
  const reg = await one({ type: "Public", name: "placeholder" });
  const news = { ...inputsOf(reg), name: UNKNOWN };
  const checked = await e2e.host.check(reg.urn, outs, news);
  expect(checked.failures).toEqual([]);
  await expect(e2e.host.diff(id, reg.urn, outs, checked.inputs)).resolves.toEqual({
    changes: "some",
    replaces: [],
    deleteBeforeReplace: false,
  });
  expect(Object.values(e2e.emulator.counters()).reduce((a, b) => a + b, 0)).toBe(0);
});

test("rename is applied in place: same id, new name", async () => {
  const { id, outs } = await create(await one({ type: "Public", name: "before", groupId: "rename-me" }));
  const reg = await one({ type: "Public", name: "after", groupId: "rename-me" });
  const { inputs } = await e2e.host.check(reg.urn, outs, inputsOf(reg));
  await expect(e2e.host.diff(id, reg.urn, outs, inputs)).resolves.toEqual({
    changes: "some",
    replaces: [],
    deleteBeforeReplace: false,
  });
  const { properties } = await e2e.host.update(id, reg.urn, outs, inputs);
  expect(properties.name).toBe("after");
  expect(e2e.emulator.store.getGroup(id)!.Name).toBe("after");
});

test("a type change replaces, deleting first when the id is program-chosen", async () => {
  const { id, outs } = await create(await one({ type: "Public", name: "typed", groupId: "retype-me" }));
  const reg = await one({ type: "Work", name: "typed", groupId: "retype-me" });
  const { inputs } = await e2e.host.check(reg.urn, outs, inputsOf(reg));
  const d = await e2e.host.diff(id, reg.urn, outs, inputs);
  expect(d).toEqual({ changes: "some", replaces: ["type"], deleteBeforeReplace: true });
  // The engine honours deleteBeforeReplace: delete the old group, then create the new one with the same id.
  await e2e.host.delete(id, reg.urn, outs);
  const created = await e2e.host.create(reg.urn, inputs);
  expect(created.id).toBe("retype-me");
  expect(e2e.emulator.store.getGroup("retype-me")!.Type).toBe("Private");
});

test("a service-assigned id is replaced create-before-delete", async () => {
  const { id, outs } = await create(await one({ type: "Public", name: "assigned" }));
  const reg = await one({ type: "ChatRoom", name: "assigned" });
  const { inputs } = await e2e.host.check(reg.urn, outs, inputsOf(reg));
  await expect(e2e.host.diff(id, reg.urn, outs, inputs)).resolves.toEqual({
    changes: "some",
    replaces: ["type"],
    deleteBeforeReplace: false,
  });
});

describe("owner change", () => {
  test("to a non-member fails clearly, without touching the group", async () => {
    await e2e.client.accountImport({ UserID: "leckie" });
    await e2e.client.accountImport({ UserID: "peter" });
    const { id, outs } = await create(await one({ type: "Public", name: "owned", ownerAccount: "leckie" }));
    const reg = await one({ type: "Public", name: "owned", ownerAccount: "peter" });
    const { inputs } = await e2e.host.check(reg.urn, outs, inputsOf(reg));
    const err: HostCallError = await e2e.host.update(id, reg.urn, outs, inputs).catch((e) => e);
    expect(err).toBeInstanceOf(HostCallError);
    expect(err.details).toMatch(/"peter".*must already be a member/s);
    expect(e2e.emulator.store.getGroup(id)!.Owner_Account).toBe("leckie");
  });

  test("to a member goes through change_group_owner in place", async () => {
    const { id, outs } = await create(await one({ type: "Public", name: "owned2", ownerAccount: "leckie" }));
    await e2e.client.addGroupMember({ GroupId: id, MemberList: [{ Member_Account: "peter" }] });
    const reg = await one({ type: "Public", name: "owned2", ownerAccount: "peter" });
    const { inputs } = await e2e.host.check(reg.urn, outs, inputsOf(reg));
    await expect(e2e.host.diff(id, reg.urn, outs, inputs)).resolves.toMatchObject({ changes: "some", replaces: [] });
    const { properties } = await e2e.host.update(id, reg.urn, outs, inputs);
    expect(properties.ownerAccount).toBe("peter");
    expect(e2e.emulator.store.getGroup(id)!.Owner_Account).toBe("peter");
  });
});

describe("refresh", () => {
  test("after an out-of-band modify: read shows it, returns inputs, and up proposes to undo it", async () => {
    const args = { type: "Public", name: "declared", introduction: "intro" };
    const reg = await one(args);
    const { id, outs } = await create(reg);
    await e2e.client.modifyGroupBaseInfo({ GroupId: id, Name: "drifted", Introduction: "changed by hand" });
    const read = await e2e.host.read(id, reg.urn, outs);
    expect(read.id).toBe(id);
    expect(read.properties).toMatchObject({ name: "drifted", introduction: "changed by hand" });
    expect(read.inputs).toMatchObject({ name: "drifted", introduction: "changed by hand", type: "Public" });
    const { inputs } = await e2e.host.check(reg.urn, read.inputs!, inputsOf(reg));
    await expect(e2e.host.diff(id, reg.urn, read.properties, inputs)).resolves.toEqual({
      changes: "some",
      replaces: [],
      deleteBeforeReplace: false,
    });
    await e2e.host.update(id, reg.urn, read.properties, inputs);
    expect(e2e.emulator.store.getGroup(id)).toMatchObject({ Name: "declared", Introduction: "intro" });
  });

  test("right after a refresh with no drift, diff says no change", async () => {
    const reg = await one({ type: "Private", name: "steady", appDefinedData: { b: "2", a: "1" } });
    const { id, outs } = await create(reg);
    const read = await e2e.host.read(id, reg.urn, outs);
    const { inputs } = await e2e.host.check(reg.urn, read.inputs!, inputsOf(reg));
    await expect(e2e.host.diff(id, reg.urn, read.properties, inputs)).resolves.toEqual({
      changes: "none",
      replaces: [],
      deleteBeforeReplace: false,
    });
  });

  test("after an out-of-band delete: read returns an empty id, so Pulumi drops it", async () => {
    const reg = await one({ type: "Public", name: "doomed" });
    const { id, outs } = await create(reg);
    await e2e.client.destroyGroup({ GroupId: id });
    await expect(e2e.host.read(id, reg.urn, outs)).resolves.toMatchObject({ id: "" });
  });
});

describe("adopt", () => {
  test("without adopt, an id in use fails with a message that names the fix", async () => {
    await e2e.client.importGroup({ Type: "Public", Name: "theirs", GroupId: "taken-id" });
    const reg = await one({ type: "Public", name: "mine", groupId: "taken-id" });
    const err: HostCallError = await create(reg).catch((e) => e);
    expect(err.details).toMatch(/10021/);
    expect(err.details).toMatch(/adopt: true/);
    expect(e2e.emulator.store.getGroup("taken-id")!.Name).toBe("theirs");
  });

  test('with adopt: "overwrite", the existing group is taken over and brought to the declared state', async () => {
    await e2e.client.importGroup({ Type: "Public", Name: "legacy", GroupId: "adopt-me", Introduction: "old" });
    const before = e2e.emulator.store.listGroups().length;
    const { id, outs } = await create(
      await one({ type: "Public", name: "managed", groupId: "adopt-me", adopt: "overwrite" }),
    );
    expect(id).toBe("adopt-me");
    expect(outs).toMatchObject({ name: "managed", introduction: "", adopt: "overwrite", customGroupId: true });
    expect(e2e.emulator.store.getGroup("adopt-me")).toMatchObject({ Name: "managed", Introduction: "" });
    expect(e2e.emulator.store.listGroups().length).toBe(before);
  });

  test("with adopt, a group that differs in an immutable field is refused and left alone", async () => {
    await e2e.client.importGroup({ Type: "ChatRoom", Name: "room", GroupId: "adopt-wrong-type" });
    const err: HostCallError = await create(
      await one({ type: "Public", name: "room", groupId: "adopt-wrong-type", adopt: true }),
    ).catch((e) => e);
    expect(err.details).toMatch(/cannot adopt.*type: "ChatRoom", \/\/ declared "Public"/s);
    expect(err.initFailure).toBeUndefined();
    expect(e2e.emulator.store.getGroup("adopt-wrong-type")!.Type).toBe("ChatRoom");
  });
});

test("partial failure: a group created but not read back is reported with its id, and the next up finishes it", async () => {
  const reg = await one({ type: "Public", name: "half", groupId: "half-done", muteAllMember: true });
  // import succeeds; the follow-up modify (muteAllMember) fails with a non-retryable error.
  e2e.emulator.addFault({
    action: "modify_group_base_info",
    effect: { kind: "error", errorCode: 10004, errorInfo: "injected" },
  });
  const checked = await e2e.host.check(reg.urn, {}, inputsOf(reg));
  const err: HostCallError = await e2e.host.create(reg.urn, checked.inputs).catch((e) => e);
  expect(err.initFailure).toBeDefined();
  expect(err.initFailure!.id).toBe("half-done");
  expect(err.initFailure!.reasons.join(" ")).toMatch(/exists, but finishing its creation failed/);
  expect(err.initFailure!.properties).toMatchObject({ groupId: "half-done", muteAllMember: false });
  expect(e2e.emulator.store.getGroup("half-done")!.MuteAllMember).toBe("Off");
  // The engine records the partial state and always schedules an update next time.
  const olds = err.initFailure!.properties;
  const { properties } = await e2e.host.update("half-done", reg.urn, olds, checked.inputs);
  expect(properties.muteAllMember).toBe(true);
  expect(e2e.emulator.store.getGroup("half-done")!.MuteAllMember).toBe("On");
});

test("delete of a group already gone succeeds", async () => {
  const reg = await one({ type: "Public", name: "gone" });
  const { id, outs } = await create(reg);
  await e2e.client.destroyGroup({ GroupId: id });
  await expect(e2e.host.delete(id, reg.urn, outs)).resolves.toBeUndefined();
});

test("50 concurrent first calls on a fresh host all see the configuration", async () => {
  const host = await e2e.newHost();
  await host.configure(e2e.config);
  const groups = Object.fromEntries(
    Array.from({ length: 50 }, (_, i) => [`c${i}`, { type: "Public", name: `concurrent-${i}` }]),
  );
  const regs = await e2e.register(programOf(groups));
  const results = await Promise.all(regs.map((r) => host.create(r.urn, inputsOf(r))));
  expect(new Set(results.map((r) => r.id)).size).toBe(50);
  for (const r of results) expect(e2e.emulator.store.getGroup(r.id)).toBeDefined();
});

test("missing credentials: one clear error naming both ways to set them", async () => {
  const host = await e2e.newHost();
  await host.configure({ "tencent-chat:endpoint": e2e.emulator.url });
  const reg = await one({ type: "Public", name: "nocreds" });
  const err: HostCallError = await host.create(reg.urn, inputsOf(reg)).catch((e) => e);
  expect(err.details).toMatch(/tencent-chat:sdkAppId.*TENCENT_CHAT_SDK_APP_ID/s);
  expect(err.details).toMatch(
    /tencent-chat:secretKey.*TENCENT_CHAT_SECRET_KEY.*tencent-chat:userSig.*TENCENT_CHAT_USER_SIG/s,
  );
});
