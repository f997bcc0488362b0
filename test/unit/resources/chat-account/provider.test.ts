/** The ChatAccount provider's app handling and destroy rule, without the API (config only). */
import { configureStack as configure, isolateConfig } from "../../../helpers/stack-config";
import { check, diff, remove, update } from "../../../../provider/resources/chat-account/provider";
import { UNKNOWN } from "../../../../provider/resource/types";

isolateConfig();

const olds = { userId: "u", deleteOnDestroy: false, onDestroy: "keep", adopted: false, sdkAppId: 1 };

describe("diff across apps", () => {
  beforeEach(() => configure({ intl: { sdkAppId: 2, secretKey: "k2" }, same: { sdkAppId: 1, secretKey: "k1b" } }));
  test.each<[string, Record<string, unknown>, boolean, string[]]>([
    ["same app", { userId: "u" }, false, []],
    ["a profile with the same SDKAppID", { userId: "u", app: "same" }, false, []],
    ["another SDKAppID: create-first replacement", { userId: "u", app: "intl" }, true, ["sdkAppId"]],
    ["an app not known yet: a change, no replacement claimed", { userId: "u", app: UNKNOWN }, true, []],
  ])("%s", async (_n, news, changes, replaces) => {
    const d = await diff("u", olds, news);
    expect([d.changes, d.replaces, d.deleteBeforeReplace]).toEqual([changes, replaces, false]);
  });

  test("update refuses to act in another app", async () => {
    await expect(update("u", olds, { userId: "u", app: "intl" })).rejects.toThrow(
      /account "u" belongs to app 1, but the program now puts it in app 2\. Nothing was changed/,
    );
  });
});

test("check names an app that no profile configures", async () => {
  configure({ intl: { sdkAppId: 2, secretKey: "k2" } });
  const { failures } = await check({}, { userId: "u", app: "nowhere" });
  expect(failures).toEqual([
    { property: "app", reason: expect.stringMatching(/names no app profile.*configured: intl/) },
  ]);
});

test("destroy with the default (keep) makes no call and needs no configured app", async () => {
  // No config stored at all: resolving settings would throw, so reaching the API would fail this test.
  await expect(remove("u", { ...olds, sdkAppId: 99 })).resolves.toBeUndefined();
});

test("destroy with deleteOnDestroy in an app no longer configured: refused, naming the account and its app", async () => {
  configure();
  await expect(remove("u", { ...olds, deleteOnDestroy: true, sdkAppId: 99 })).rejects.toThrow(
    /account "u" belongs to Tencent Cloud Chat app 99.*To move accounts to another app/,
  );
});
