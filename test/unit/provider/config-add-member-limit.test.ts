/**
 * The `tencent-chat:addMemberLimit` setting (DECISIONS.md M-block, C90): absent → the batcher's default; 1–500
 * accepted, per app profile too; anything else a config error naming the key.
 */
import { resolveSettings, resolveProfile, storeConfig, resetStoredConfig } from "../../../provider/config";

const ok = { sdkAppId: "1400000001", secretKey: "k", endpoint: "http://127.0.0.1:9" };

afterEach(() => resetStoredConfig());

test("absent: no addMemberLimit (the batcher keeps 20)", () => {
  expect(resolveSettings(ok).addMemberLimit).toBeUndefined();
});

test.each([
  ["1", 1],
  ["300", 300],
  ["500", 500],
])("%s is accepted", (text, value) => {
  expect(resolveSettings({ ...ok, addMemberLimit: text }).addMemberLimit).toBe(value);
});

test.each(["0", "501", "20.5", "twenty", "-3"])("%s is refused with the key, the range and the default", (text) => {
  expect(() => resolveSettings({ ...ok, addMemberLimit: text })).toThrow(
    new RegExp(
      `tencent-chat:addMemberLimit must be a whole number of members per add_group_member call from 1 to 500 \\(default 20; 300 per the English page\\), got "${text.replace(/[.-]/g, "\\$&")}"`,
    ),
  );
});

test("a profile has its own addMemberLimit, else the top-level one", () => {
  const config: Record<string, unknown> = {
    "tencent-chat:sdkAppId": "1400000001",
    "tencent-chat:secretKey": "k",
    "tencent-chat:endpoint": "http://127.0.0.1:9",
    "tencent-chat:addMemberLimit": "300",
    "tencent-chat:apps": JSON.stringify({
      intl: { sdkAppId: "1400000002", secretKey: "k2", addMemberLimit: "100" },
      cn: { sdkAppId: "1400000003", secretKey: "k3" },
    }),
  };
  storeConfig({ get: (k) => config[k] });
  expect(resolveProfile("intl", {}).addMemberLimit).toBe(100);
  expect(resolveProfile("cn", {}).addMemberLimit).toBe(300);
});
