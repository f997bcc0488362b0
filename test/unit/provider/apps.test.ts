/** Which app serves a group: new groups by their `app` input, existing ones only by their recorded SDKAppID. */
import { recordedApp, settingsForRecorded } from "../../../provider/apps";
import { diff, update } from "../../../provider/provider";
import { configureStack, isolateConfig } from "../../helpers/stack-config";

isolateConfig(); // no TENCENT_CHAT_* from the machine running the tests

describe("settingsForRecorded", () => {
  test("the profile the group names, when it still has the recorded SDKAppID", () => {
    configureStack({ intl: { sdkAppId: 2, secretKey: "k2" }, twin: { sdkAppId: 2, secretKey: "k2b" } });
    expect(settingsForRecorded("g", { sdkAppId: 2, app: "twin" })).toMatchObject({
      sdkAppId: 2,
      secretKey: "k2b",
      app: "twin",
    });
  });
  test("else the top-level settings, else any profile with that SDKAppID", () => {
    configureStack({ intl: { sdkAppId: 2, secretKey: "k2" } });
    expect(settingsForRecorded("g", { sdkAppId: 1, app: "intl" })).toMatchObject({ sdkAppId: 1, secretKey: "k1" });
    expect(settingsForRecorded("g", { sdkAppId: 2 })).toMatchObject({ sdkAppId: 2, app: "intl" });
  });
  test("no configured app has it: the error names the group, its app, what is configured and what to do", () => {
    configureStack({ intl: { sdkAppId: 2, secretKey: "k2" } });
    expect(() => settingsForRecorded("g1", { sdkAppId: 3, app: "gone" })).toThrow(
      /group "g1" belongs to Tencent Cloud Chat app 3 \(app profile "gone"\).*tencent-chat:sdkAppId is 1, profile "intl" is 2.*Nothing was read/,
    );
  });
  test("the right app with incomplete settings reports that app's problems", () => {
    configureStack({ intl: { sdkAppId: 2 } });
    expect(() => settingsForRecorded("g", { sdkAppId: 2 })).toThrow(/app profile "intl".*no credentials/);
  });
  test("old state (no recorded SDKAppID) is served by the app it names now", () => {
    configureStack({ intl: { sdkAppId: 2, secretKey: "k2" } });
    expect(settingsForRecorded("g", {})).toMatchObject({ sdkAppId: 1 });
    expect(settingsForRecorded("g", { app: "intl" })).toMatchObject({ sdkAppId: 2 });
  });
  test("recordedApp ignores malformed values", () => {
    expect(recordedApp({ sdkAppId: "1", app: 3 })).toEqual({});
    expect(recordedApp({ sdkAppId: 7, app: "x" })).toEqual({ sdkAppId: 7, app: "x" });
  });
});

describe("diff: a different app is a create-first replacement", () => {
  const olds = { type: "Public", name: "n", groupId: "g", customGroupId: true, sdkAppId: 1 };
  test.each<[string, Record<string, unknown>, boolean]>([
    ["same app", { type: "Public", name: "n", groupId: "g" }, false],
    ["a profile with the same SDKAppID", { type: "Public", name: "n", groupId: "g", app: "same" }, false],
    ["a profile with another SDKAppID", { type: "Public", name: "n", groupId: "g", app: "intl" }, true],
  ])("%s", async (_n, news, replaced) => {
    configureStack({ intl: { sdkAppId: 2, secretKey: "k2" }, same: { sdkAppId: 1, secretKey: "k1" } });
    const plan = await diff("g", olds, news);
    expect(plan.replaces.includes("sdkAppId")).toBe(replaced);
    if (replaced) expect(plan).toMatchObject({ changes: true, deleteBeforeReplace: false });
  });
  test("a type change in another app still creates first (the id is free there)", async () => {
    configureStack({ intl: { sdkAppId: 2, secretKey: "k2" } });
    const plan = await diff("g", olds, { type: "Private", name: "n", groupId: "g", app: "intl" });
    expect(plan).toMatchObject({ changes: true, deleteBeforeReplace: false });
    expect(plan.replaces).toEqual(expect.arrayContaining(["type", "sdkAppId"]));
  });
  test("switching the top-level SDKAppID replaces; old state without one does not", async () => {
    configureStack(undefined, { "tencent-chat:sdkAppId": "5" });
    expect((await diff("g", olds, { type: "Public", name: "n", groupId: "g" })).replaces).toEqual(["sdkAppId"]);
    const { sdkAppId: _, ...legacy } = olds;
    expect((await diff("g", legacy, { type: "Public", name: "n", groupId: "g" })).changes).toBe(false);
  });
});

test("update refuses to act when the program now puts the group in another app (diff should have replaced it)", async () => {
  configureStack({ intl: { sdkAppId: 2, secretKey: "k2" } });
  await expect(
    update(
      "g",
      { type: "Public", name: "n", groupId: "g", sdkAppId: 1 },
      { type: "Public", name: "m", groupId: "g", app: "intl" },
    ),
  ).rejects.toMatchObject({
    code: "CHAT_ERR_CONFIG",
    message: expect.stringMatching(
      /group "g" belongs to app 1, but the program now puts it in app 2\. Nothing was changed/,
    ),
  });
});
