/** Provider settings: stack config first, environment second, every problem reported at once. */
import { appDefinedKeysSetting, memberLimitSettings, rawSettings, resetStoredConfig, resolveSettings, storeConfig, type RawSettings } from "../../../provider/config";
import { isChatError } from "../../../provider/client/errors";

afterEach(() => resetStoredConfig());

const ok: RawSettings = { sdkAppId: "1400000001", secretKey: "k" };

test.each<[string, RawSettings, object]>([
  ["defaults: administrator in china", ok, { sdkAppId: 1400000001, identifier: "administrator", secretKey: "k", region: "china" }],
  ["a region", { ...ok, region: "singapore" }, { region: "singapore" }],
  ["an endpoint instead of a region, trailing slash dropped", { ...ok, endpoint: "http://127.0.0.1:9000/" }, { endpoint: "http://127.0.0.1:9000" }],
  ["a UserSig instead of a key", { sdkAppId: "1", userSig: "sig" }, { userSig: "sig" }],
  ["a request deadline", { ...ok, timeoutMs: "2500" }, { timeoutMs: 2500 }],
])("valid: %s", (_name, raw, expected) => {
  expect(resolveSettings(raw)).toMatchObject(expected);
});

test.each<[string, RawSettings, RegExp[]]>([
  ["nothing set", {}, [/SDKAppID is not set.*tencent-chat:sdkAppId.*TENCENT_CHAT_SDK_APP_ID/, /tencent-chat:secretKey.*TENCENT_CHAT_SECRET_KEY.*tencent-chat:userSig.*TENCENT_CHAT_USER_SIG/]],
  ["sdkAppId not a number", { ...ok, sdkAppId: "14e8" }, [/sdkAppId must be a positive integer/]],
  ["both key and sig", { ...ok, userSig: "s" }, [/both tencent-chat:secretKey and tencent-chat:userSig/]],
  ["unknown region", { ...ok, region: "mars" }, [/region "mars" is not a known region; use one of china, singapore/]],
  ["region and endpoint", { ...ok, region: "china", endpoint: "https://x" }, [/both tencent-chat:region and tencent-chat:endpoint/]],
  ["endpoint with a path", { ...ok, endpoint: "https://x/v4" }, [/endpoint must be a base URL/]],
  ["identifier with a space", { ...ok, identifier: "ad min" }, [/identifier must be 1-32 printable ASCII/]],
  ["timeoutMs too small", { ...ok, timeoutMs: "50" }, [/timeoutMs must be a whole number of milliseconds from 100 to 600000/]],
  ["timeoutMs not a number", { ...ok, timeoutMs: "10s" }, [/timeoutMs must be a whole number/]],
])("invalid: %s", (_name, raw, patterns) => {
  let error: unknown;
  try {
    resolveSettings(raw);
  } catch (e) {
    error = e;
  }
  expect(isChatError(error) && error.code).toBe("CHAT_ERR_CONFIG");
  for (const p of patterns) expect((error as Error).message).toMatch(p);
});

test("a secret never appears in the error about it", () => {
  expect(() => resolveSettings({ ...ok, userSig: "SIG-VALUE-123" })).toThrow(/keep one/);
  try {
    resolveSettings({ ...ok, userSig: "SIG-VALUE-123" });
  } catch (e) {
    expect((e as Error).message).not.toMatch(/SIG-VALUE-123|"k"/);
  }
});

test("stack config wins over the environment, which fills the gaps", () => {
  const env = { TENCENT_CHAT_SDK_APP_ID: "2", TENCENT_CHAT_SECRET_KEY: "env-key", TENCENT_CHAT_REGION: "tokyo" };
  const config = new Map([["tencent-chat:sdkAppId", "1"], ["tencent-chat:secretKey", "cfg-key"], ["aws:region", "x"]]);
  storeConfig({ get: (k) => config.get(k) });
  expect(rawSettings(env)).toEqual({ sdkAppId: "1", secretKey: "cfg-key", region: "tokyo" });
});

test("storeConfig copies synchronously: later changes to the reader do not matter", () => {
  const config = new Map([["tencent-chat:sdkAppId", "7"]]);
  storeConfig({ get: (k) => config.get(k) });
  config.set("tencent-chat:sdkAppId", "8");
  expect(rawSettings({}).sdkAppId).toBe("7");
});

describe("member limits and custom-field keys settings", () => {
  test("absent: no overrides, no keys", () => {
    expect(memberLimitSettings({})).toEqual({});
    expect(appDefinedKeysSetting({})).toEqual([]);
  });
  test("valid values are read", () => {
    expect(memberLimitSettings({ maxMemberCount: "20000", maxMemberCountCommunity: "1000000" })).toEqual({ maxMemberCount: 20000, maxMemberCountCommunity: 1000000 });
    expect(appDefinedKeysSetting({ appDefinedKeys: " team, level ,team," })).toEqual(["level", "team"]);
  });
  test.each<[string, RawSettings, RegExp]>([
    ["zero", { maxMemberCount: "0" }, /tencent-chat:maxMemberCount must be a whole number from 1 to 10000000, got "0"/],
    ["not a number", { maxMemberCountCommunity: "lots" }, /tencent-chat:maxMemberCountCommunity must be a whole number/],
    ["too large", { maxMemberCount: "20000000" }, /from 1 to 10000000/],
  ])("member limit %s is refused naming the key", (_l, raw, re) => {
    expect(() => memberLimitSettings(raw)).toThrow(re);
  });
  test("a bad custom-field key is refused naming it", () => {
    expect(() => appDefinedKeysSetting({ appDefinedKeys: "ok,bad-key" })).toThrow(/appDefinedKeys holds "bad-key"/);
  });
});
