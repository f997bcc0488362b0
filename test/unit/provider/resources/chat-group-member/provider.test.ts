/** The ChatGroupMember provider's app handling, without the API (config only), as the ChatAccount provider's test. */
import { configureStack as configure, isolateConfig } from "../../../../helpers/stack-config";
import { check, diff, read, remove } from "../../../../../provider/resources/chat-group-member/provider";
import { UNKNOWN } from "../../../../../provider/resource/types";

isolateConfig();

const base = { groupId: "eng", account: "alice" };
const olds = { ...base, role: "Member", adopted: false, isOwner: false, sdkAppId: 1 };

describe("diff across apps", () => {
  beforeEach(() => configure({ intl: { sdkAppId: 2, secretKey: "k2" }, same: { sdkAppId: 1, secretKey: "k1b" } }));
  test.each<[string, Record<string, unknown>, boolean, string[]]>([
    ["same app", base, false, []],
    // An update that records the profile's name (the field table's "update"; no member API call).
    ["a profile with the same SDKAppID", { ...base, app: "same" }, true, []],
    // The replaced output is named as ChatGroup and ChatAccount name it.
    ["another SDKAppID: create-first replacement", { ...base, app: "intl" }, true, ["sdkAppId"]],
    ["an app not known yet: a change, no replacement claimed", { ...base, app: UNKNOWN }, true, []],
  ])("%s", async (_n, news, changes, replaces) => {
    const d = await diff("eng/alice", olds, news);
    expect([d.changes, d.replaces, d.deleteBeforeReplace]).toEqual([changes, replaces, false]);
  });
});

test("check names an app that no profile configures", async () => {
  configure({ intl: { sdkAppId: 2, secretKey: "k2" } });
  const { failures } = await check({}, { ...base, app: "nowhere" });
  expect(failures).toEqual([
    { property: "app", reason: expect.stringMatching(/names no app profile.*configured: intl/) },
  ]);
});

test.each([
  ["read", () => read("eng/alice", { ...olds, sdkAppId: 99 })],
  ["delete", () => remove("eng/alice", { ...olds, sdkAppId: 99 })],
])("%s in an app no longer configured: refused, naming the member and its app", async (_n, step) => {
  configure();
  const refusal = step();
  await expect(refusal).rejects.toMatchObject({ code: "CHAT_ERR_CONFIG" });
  await expect(refusal).rejects.toThrow(
    /^member "eng\/alice" belongs to Tencent Cloud Chat app 99.*To move members to another app/s,
  );
});
