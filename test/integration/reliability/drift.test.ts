/**
 * Drift: each mutable field changed out of band, the owner changed, the group deleted — refresh shows it, preview
 * proposes an in-place update of exactly that field (never a replace), up restores the declared state, and the
 * preview after that is clean.
 */
import type { ChatClient } from "../../../provider/client/client";
import type { ProviderHost, Props } from "../../../harness/host";
import { startE2E, type E2E } from "../../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../../helpers/matrix";

let e2e: E2E;
let host: ProviderHost;
let provider: string;
beforeAll(async () => {
  e2e = await startE2E();
  // Reads name the custom keys they want (get_group_info returns no others); the app's configured keys setting lets
  // refresh see a key set outside the program (k3 below).
  host = await sharedHost(e2e, { "tencent-chat:appDefinedKeys": "k1,k2,k3" });
  provider = await providerText(e2e);
  for (const u of ["leckie", "peter"]) await e2e.client.accountImport({ UserID: u });
});
afterAll(() => e2e?.stop());

const declared = (id: string): Props => ({
  type: "Public",
  groupId: id,
  name: id.slice(-30),
  ownerAccount: "leckie",
  introduction: "intro",
  notification: "notice",
  faceUrl: "http://example.com/face.png",
  maxMemberCount: 500,
  applyJoinOption: "FreeAccess",
  muteAllMember: false,
  appDefinedData: { k1: "v1", k2: "v2" },
});

type Drift = (c: ChatClient, id: string) => Promise<unknown>;
const CASES: [string, string, Drift][] = [
  ["name", "name", (c, id) => c.modifyGroupBaseInfo({ GroupId: id, Name: "renamed by hand" })],
  ["introduction", "introduction", (c, id) => c.modifyGroupBaseInfo({ GroupId: id, Introduction: "edited" })],
  ["notification", "notification", (c, id) => c.modifyGroupBaseInfo({ GroupId: id, Notification: "" })],
  ["faceUrl", "faceUrl", (c, id) => c.modifyGroupBaseInfo({ GroupId: id, FaceUrl: "http://elsewhere/x.png" })],
  ["maxMemberCount", "maxMemberCount", (c, id) => c.modifyGroupBaseInfo({ GroupId: id, MaxMemberNum: 321 })],
  [
    "applyJoinOption",
    "applyJoinOption",
    (c, id) => c.modifyGroupBaseInfo({ GroupId: id, ApplyJoinOption: "DisableApply" }),
  ],
  ["muteAllMember", "muteAllMember", (c, id) => c.modifyGroupBaseInfo({ GroupId: id, MuteAllMember: "On" })],
  [
    "appDefinedData: a value changed",
    "appDefinedData",
    (c, id) => c.modifyGroupBaseInfo({ GroupId: id, AppDefinedData: [{ Key: "k1", Value: "x" }] }),
  ],
  [
    "appDefinedData: a key added",
    "appDefinedData",
    (c, id) => c.modifyGroupBaseInfo({ GroupId: id, AppDefinedData: [{ Key: "k3", Value: "new" }] }),
  ],
  [
    "appDefinedData: a key removed",
    "appDefinedData",
    (c, id) => c.modifyGroupBaseInfo({ GroupId: id, AppDefinedData: [{ Key: "k2", Value: "" }] }),
  ],
  [
    "the owner",
    "ownerAccount",
    async (c, id) => {
      await c.addGroupMember({ GroupId: id, MemberList: [{ Member_Account: "peter" }] });
      await c.changeGroupOwner({ GroupId: id, NewOwner_Account: "peter" });
    },
  ],
];

/** The declared state as the emulator stores it. */
function stored(id: string) {
  const g = e2e.emulator.store.getGroup(id)!;
  return {
    Name: g.Name,
    Owner_Account: g.Owner_Account,
    Introduction: g.Introduction,
    Notification: g.Notification,
    FaceUrl: g.FaceUrl,
    MaxMemberNum: g.MaxMemberNum,
    ApplyJoinOption: g.ApplyJoinOption,
    MuteAllMember: g.MuteAllMember,
    AppDefinedData: g.AppDefinedData,
  };
}

test.each(CASES)("%s changed out of band: refresh shows it, up restores it in place", async (label, field, drift) => {
  const id = `drift-${label.replace(/\W+/g, "-")}`.slice(0, 48);
  const engine = matrixStack(e2e, host, provider, id, () => ({ g: declared(id) }));
  const first = await engine.up();
  expect(first.steps.map((s) => s.error ?? s.failures.map((f) => f.reason).join("; "))).toEqual([""]);
  const before = stored(id);
  await drift(e2e.client, id);
  expect(stored(id)).not.toEqual(before);

  const refresh = await engine.refresh();
  expect(refresh.steps[0]!.changedKeys).toContain(field);
  const preview = await engine.preview();
  expect(preview.steps[0]).toMatchObject({ op: "update", replaceKeys: [], changedKeys: [field] });
  expect((await engine.up()).ok).toBe(true);
  expect(stored(id)).toEqual(before);
  expect((await engine.preview()).steps[0]!.op).toBe("same");
  await engine.destroy();
});

test("deleted out of band: refresh drops it, preview plans a create, up re-creates it as declared", async () => {
  const id = "drift-deleted";
  const engine = matrixStack(e2e, host, provider, id, () => ({ g: declared(id) }));
  expect((await engine.up()).ok).toBe(true);
  const before = stored(id);
  await e2e.client.destroyGroup({ GroupId: id });
  const refresh = await engine.refresh();
  expect(refresh.steps[0]).toMatchObject({ gone: true });
  expect(engine.snapshot().resources).toHaveLength(0);
  expect((await engine.preview()).steps.map((s) => s.op)).toEqual(["create"]);
  expect((await engine.up()).ok).toBe(true);
  expect(stored(id)).toEqual(before);
  await engine.destroy();
});

test("a service-assigned id deleted out of band is re-created under a new id, exactly once", async () => {
  const engine = matrixStack(e2e, host, provider, "drift-assigned", () => ({
    g: { type: "Work", name: "drift assigned" },
  }));
  expect((await engine.up()).ok).toBe(true);
  const oldId = engine.snapshot().resources[0]!.id;
  await e2e.client.destroyGroup({ GroupId: oldId });
  await engine.refresh();
  expect((await engine.up()).ok).toBe(true);
  const newId = engine.snapshot().resources[0]!.id;
  expect(newId).not.toBe(oldId);
  expect(
    e2e.emulator.store
      .listGroups()
      .filter((g) => g.Name === "drift assigned")
      .map((g) => g.GroupId),
  ).toEqual([newId]);
  await engine.destroy();
});
