/**
 * Regression (issue 9, "Several apps in one stack"), through the real provider host with two emulated apps:
 * switching `tencent-chat:sdkAppId` made refresh read every group from the other app, find nothing and drop them
 * all (orphaned in the old app). Now each group records its app (`sdkAppId` output) and is only ever read, updated
 * or deleted there: with the old app gone from the settings, refresh fails saying which app the group belongs to
 * and drops nothing; with the old app configured as a profile, the group is moved by a create-first replacement.
 * One stack also manages groups in two apps at once (`app` input → `tencent-chat:apps.<name>`), and state written
 * before the app was recorded keeps working and gets it recorded on the next read.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import type { ConfigValue, Props } from "../../harness/host";
import { SDK_APP_ID, SECRET_KEY, startE2E, type E2E } from "../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../helpers/matrix";

const APP_B = 1400077777;
const KEY_B = "app-b-key-8c1f2e";
let e2e: E2E;
let appB: RunningEmulator;
let provider: string;
let configB: Record<string, ConfigValue>;
let profileA: Record<string, string>;

beforeAll(async () => {
  e2e = await startE2E();
  appB = await startEmulator({ sdkAppId: APP_B, secretKey: KEY_B, admin: "administrator" });
  provider = await providerText(e2e);
  configB = {
    "tencent-chat:sdkAppId": String(APP_B),
    "tencent-chat:secretKey": { secret: KEY_B },
    "tencent-chat:endpoint": appB.url,
  };
  profileA = { sdkAppId: String(SDK_APP_ID), secretKey: SECRET_KEY, endpoint: e2e.emulator.url };
}, 60_000);
afterAll(async () => {
  await appB?.close();
  await e2e?.stop();
});

const ids = (emu: RunningEmulator) =>
  emu.store
    .listGroups()
    .map((g) => g.GroupId)
    .sort();
const outputsOf = (state: { resources: { name: string; outputs: Props }[] }, name: string) =>
  state.resources.find((r) => r.name === name)?.outputs;

test("switching tencent-chat:sdkAppId never drops a group; with the old app as a profile it is moved, created first", async () => {
  const groups = () => ({ moving: { type: "Public", name: "moving", groupId: "moving-1" } });
  const first = matrixStack(e2e, await sharedHost(e2e), provider, "switch", groups);
  expect((await first.up()).ok).toBe(true);
  expect(outputsOf(first.snapshot(), "moving")).toMatchObject({ sdkAppId: SDK_APP_ID });

  // The stack now points at app B only: refresh must not look for the group there, and must not drop it.
  const switched = matrixStack(e2e, await sharedHost(e2e, configB), provider, "switch", groups);
  const refresh = await switched.refresh();
  expect(refresh.ok).toBe(false);
  expect(refresh.steps[0]!.error).toMatch(
    new RegExp(
      `group "moving-1" belongs to Tencent Cloud Chat app ${SDK_APP_ID}.*no configured app has SDKAppID ${SDK_APP_ID}.*Nothing was read, changed or removed from state.*tencent-chat:apps\\.<name>\\.sdkAppId ${SDK_APP_ID}`,
    ),
  );
  expect(switched.snapshot().resources.map((r) => r.id)).toEqual(["moving-1"]);
  expect(ids(e2e.emulator)).toEqual(["moving-1"]);
  expect(ids(appB)).toEqual([]);
  expect(appB.counters().get_group_info ?? 0).toBe(0); // never read against the wrong app

  // The old app as a profile: refresh reads it there; the preview plans a create-first replacement into app B.
  const both = matrixStack(
    e2e,
    await sharedHost(e2e, { ...configB, "tencent-chat:apps": JSON.stringify({ old: profileA }) }),
    provider,
    "switch",
    groups,
  );
  expect((await both.refresh()).ok).toBe(true);
  const preview = await both.preview();
  expect(preview.steps[0]).toMatchObject({ op: "replace", deleteBeforeReplace: false });
  expect(preview.steps[0]!.replaceKeys).toContain("sdkAppId");
  expect((await both.up()).ok).toBe(true);
  expect(ids(e2e.emulator)).toEqual([]);
  expect(ids(appB)).toEqual(["moving-1"]);
  expect(outputsOf(both.snapshot(), "moving")).toMatchObject({ sdkAppId: APP_B });
  expect((await both.preview()).steps[0]!.op).toBe("same");
  expect((await both.destroy()).ok).toBe(true);
  expect(ids(appB)).toEqual([]);
});

test("one stack manages groups in two apps; refresh and destroy use each group's own app", async () => {
  const config = {
    "tencent-chat:apps": JSON.stringify({ intl: { sdkAppId: APP_B, secretKey: KEY_B, endpoint: appB.url } }),
  };
  const groups = () => ({
    home: { type: "Public", name: "home", groupId: "home-1" },
    abroad: { type: "Public", name: "abroad", groupId: "abroad-1", app: "intl" },
  });
  const stack = matrixStack(e2e, await sharedHost(e2e, config), provider, "two-apps", groups);
  expect((await stack.up()).ok).toBe(true);
  expect(ids(e2e.emulator)).toEqual(["home-1"]);
  expect(ids(appB)).toEqual(["abroad-1"]);
  expect(outputsOf(stack.snapshot(), "home")).toMatchObject({ sdkAppId: SDK_APP_ID });
  expect(outputsOf(stack.snapshot(), "abroad")).toMatchObject({ sdkAppId: APP_B, app: "intl" });
  const refresh = await stack.refresh();
  expect(refresh.ok).toBe(true);
  expect(refresh.steps.every((s) => !s.gone)).toBe(true);
  expect((await stack.preview()).steps.map((s) => s.op)).toEqual(["same", "same"]);
  expect((await stack.destroy()).ok).toBe(true);
  expect([...ids(e2e.emulator), ...ids(appB)]).toEqual([]);
});

test("an app input naming no profile fails check, naming the fix; nothing is sent", async () => {
  const stack = matrixStack(e2e, await sharedHost(e2e), provider, "no-profile", () => ({
    lost: { type: "Public", name: "lost", app: "intl" },
  }));
  e2e.emulator.resetCounters();
  const preview = await stack.preview();
  expect(preview.steps[0]!.failures).toEqual([
    {
      property: "app",
      reason: expect.stringMatching(
        /app "intl" names no app profile.*pulumi config set --path tencent-chat:apps\.intl\.sdkAppId/,
      ),
    },
  ]);
  expect(Object.values(e2e.emulator.counters()).reduce((a, b) => a + b, 0)).toBe(0);
});

test("state written before the app was recorded is read in the default app and gets it recorded", async () => {
  const host = await sharedHost(e2e);
  const urn = "urn:pulumi:dev::chat-test::pulumi-nodejs:dynamic/tencent-chat:ChatGroup::legacy";
  const created = await host.create(urn, { type: "Public", name: "legacy", groupId: "legacy-1", __provider: provider });
  const { sdkAppId, ...oldState } = created.properties;
  expect(sdkAppId).toBe(SDK_APP_ID);
  const read = await host.read("legacy-1", urn, { ...oldState, __provider: provider });
  expect(read.id).toBe("legacy-1");
  expect(read.properties.sdkAppId).toBe(SDK_APP_ID);
  const diff = await host.diff(
    "legacy-1",
    urn,
    { ...oldState, __provider: provider },
    { type: "Public", name: "legacy", groupId: "legacy-1", __provider: provider },
  );
  expect(diff.changes).toBe("none");
  await host.delete("legacy-1", urn, { ...oldState, __provider: provider });
  expect(ids(e2e.emulator)).not.toContain("legacy-1");
});
