/** Provider settings: stack config first, environment second, every problem reported at once. */
import {
  appDefinedKeysSetting,
  collectSettings,
  memberLimitSettings,
  profileNames,
  rawSettings,
  resetStoredConfig,
  resolveProfile,
  resolveSettings,
  storeConfig,
  SETTINGS,
  type RawSettings,
} from "../../../provider/config";
import * as fs from "node:fs";
import * as path from "node:path";
import { isChatError } from "../../../provider/client/errors";

afterEach(() => resetStoredConfig());

const ok: RawSettings = { sdkAppId: "1400000001", secretKey: "k" };

test.each<[string, RawSettings, object]>([
  [
    "defaults: administrator in china",
    ok,
    { sdkAppId: 1400000001, identifier: "administrator", secretKey: "k", region: "china" },
  ],
  ["a region", { ...ok, region: "singapore" }, { region: "singapore" }],
  [
    "an endpoint with a path prefix (a proxy), as the client accepts it",
    { ...ok, endpoint: "https://proxy.example/chat/" },
    { endpoint: "https://proxy.example/chat" },
  ],
  [
    "an endpoint instead of a region, trailing slash dropped",
    { ...ok, endpoint: "http://127.0.0.1:9000/" },
    { endpoint: "http://127.0.0.1:9000" },
  ],
  ["a UserSig instead of a key", { sdkAppId: "1", userSig: "sig" }, { userSig: "sig" }],
  ["a request deadline", { ...ok, timeoutMs: "2500" }, { timeoutMs: 2500 }],
  ["an operation deadline", { ...ok, deadlineMs: "45000" }, { deadlineMs: 45000 }],
  ["an identifier with _ and -", { ...ok, identifier: "ops_admin-1" }, { identifier: "ops_admin-1" }],
])("valid: %s", (_name, raw, expected) => {
  expect(resolveSettings(raw)).toMatchObject(expected);
});

test.each<[string, RawSettings, RegExp[]]>([
  [
    "nothing set",
    {},
    [
      /SDKAppID is not set.*tencent-chat:sdkAppId.*TENCENT_CHAT_SDK_APP_ID/,
      /tencent-chat:secretKey.*TENCENT_CHAT_SECRET_KEY.*tencent-chat:userSig.*TENCENT_CHAT_USER_SIG/,
    ],
  ],
  ["sdkAppId not a number", { ...ok, sdkAppId: "14e8" }, [/sdkAppId must be a positive integer/]],
  ["both key and sig", { ...ok, userSig: "s" }, [/both tencent-chat:secretKey and tencent-chat:userSig/]],
  ["unknown region", { ...ok, region: "mars" }, [/region "mars" is not a known region; use one of china, singapore/]],
  [
    "region and endpoint",
    { ...ok, region: "china", endpoint: "https://x" },
    [/both tencent-chat:region and tencent-chat:endpoint/],
  ],
  [
    "endpoint with a query (the client's own rule)",
    { ...ok, endpoint: "https://x/?a=1" },
    [/tencent-chat:endpoint: .*must not contain credentials, a query or a fragment/],
  ],
  [
    "endpoint not a URL",
    { ...ok, endpoint: "127.0.0.1:9000" },
    [/tencent-chat:endpoint: .*(not an absolute URL|protocol "127\.0\.0\.1:" is not supported)/],
  ],
  [
    "identifier with a space",
    { ...ok, identifier: "ad min" },
    [/identifier "ad min" contains " "; use 1-32 characters of A-Z a-z 0-9 _ -/],
  ],
  [
    "identifier with a dot (refused here, not on the first create)",
    { ...ok, identifier: "admin.ops" },
    [/identifier "admin.ops" contains "."/],
  ],
  ["identifier over 32 characters", { ...ok, identifier: "a".repeat(33) }, [/is 33 characters long/]],
  [
    "deadlineMs not a number",
    { ...ok, deadlineMs: "soon" },
    [/deadlineMs must be a whole number of milliseconds from 100 to 3600000/],
  ],
  [
    "timeoutMs too small",
    { ...ok, timeoutMs: "50" },
    [/timeoutMs must be a whole number of milliseconds from 100 to 600000/],
  ],
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
  const config = new Map([
    ["tencent-chat:sdkAppId", "1"],
    ["tencent-chat:secretKey", "cfg-key"],
    ["aws:region", "x"],
  ]);
  storeConfig({ get: (k) => config.get(k) });
  expect(rawSettings(env)).toEqual({ sdkAppId: "1", secretKey: "cfg-key", region: "tokyo" });
});

test("storeConfig copies synchronously: later changes to the reader do not matter", () => {
  const config = new Map([["tencent-chat:sdkAppId", "7"]]);
  storeConfig({ get: (k) => config.get(k) });
  config.set("tencent-chat:sdkAppId", "8");
  expect(rawSettings({}).sdkAppId).toBe("7");
});

test("every problem is collected into one error", () => {
  expect(() => resolveSettings({ sdkAppId: "x", identifier: "a.b", region: "mars", timeoutMs: "1" })).toThrow(
    /sdkAppId must be a positive integer.*no credentials.*identifier "a\.b" contains.*region "mars" is not a known region.*timeoutMs must be/,
  );
});

describe("precedence: stack config wins over the environment as a whole for the location and the credentials", () => {
  const configured = (entries: Record<string, string>) => {
    const config = new Map(Object.entries(entries));
    storeConfig({ get: (k) => config.get(k) });
  };
  test("env region + config endpoint: the endpoint is used, the env region ignored (the issue's failing case)", () => {
    configured({
      "tencent-chat:sdkAppId": "1",
      "tencent-chat:secretKey": "k",
      "tencent-chat:endpoint": "http://127.0.0.1:9",
    });
    const { raw, origins } = collectSettings({ TENCENT_CHAT_REGION: "singapore" });
    expect(raw).toEqual({ sdkAppId: "1", secretKey: "k", endpoint: "http://127.0.0.1:9" });
    expect(resolveSettings(raw, origins)).toMatchObject({ endpoint: "http://127.0.0.1:9" });
    expect(resolveSettings(raw, origins).region).toBeUndefined();
  });
  test("env userSig + config secretKey: the key is used", () => {
    configured({ "tencent-chat:sdkAppId": "1", "tencent-chat:secretKey": "cfg-key" });
    const { raw, origins } = collectSettings({ TENCENT_CHAT_USER_SIG: "env-sig" });
    expect(resolveSettings(raw, origins)).toMatchObject({ secretKey: "cfg-key" });
    expect(raw.userSig).toBeUndefined();
  });
  test("a pair from the environment alone is used whole", () => {
    configured({ "tencent-chat:sdkAppId": "1" });
    const { raw } = collectSettings({ TENCENT_CHAT_SECRET_KEY: "env-key", TENCENT_CHAT_ENDPOINT: "http://h:1" });
    expect(raw).toEqual({ sdkAppId: "1", secretKey: "env-key", endpoint: "http://h:1" });
  });
  test.each([
    [
      "both in stack config",
      { "tencent-chat:region": "tokyo", "tencent-chat:endpoint": "http://h:1" },
      {},
      /both `tencent-chat:region` \(stack config\) and `tencent-chat:endpoint` \(stack config\) are set/,
    ],
    [
      "both in the environment",
      {},
      { TENCENT_CHAT_REGION: "tokyo", TENCENT_CHAT_ENDPOINT: "http://h:1" },
      /both `TENCENT_CHAT_REGION` \(environment\) and `TENCENT_CHAT_ENDPOINT` \(environment\) are set/,
    ],
    [
      "a malformed env value names the variable",
      {},
      { TENCENT_CHAT_REGION: "mars" },
      /`TENCENT_CHAT_REGION` \(environment\) "mars" is not a known region/,
    ],
  ])("a conflict names where each value came from: %s", (_n, cfg, env, message) => {
    configured({ "tencent-chat:sdkAppId": "1", "tencent-chat:secretKey": "k", ...cfg });
    const { raw, origins } = collectSettings(env);
    expect(() => resolveSettings(raw, origins)).toThrow(message);
  });
});

describe("app profiles (tencent-chat:apps, a JSON string from the host)", () => {
  const withApps = (
    apps: unknown,
    top: Record<string, string> = { "tencent-chat:sdkAppId": "1", "tencent-chat:secretKey": "top-key" },
  ) => {
    const config = new Map<string, unknown>(Object.entries(top));
    config.set("tencent-chat:apps", typeof apps === "string" ? apps : JSON.stringify(apps));
    storeConfig({ get: (k) => config.get(k) });
  };
  test("a profile has its own app and key, and inherits identifier, timeouts and the location pair", () => {
    withApps(
      { intl: { sdkAppId: 2000000001, secretKey: "intl-key" } },
      {
        "tencent-chat:sdkAppId": "1",
        "tencent-chat:secretKey": "top-key",
        "tencent-chat:identifier": "ops",
        "tencent-chat:endpoint": "http://h:1",
        "tencent-chat:deadlineMs": "5000",
      },
    );
    expect(profileNames()).toEqual(["intl"]);
    expect(resolveProfile("intl", {})).toEqual({
      sdkAppId: 2000000001,
      secretKey: "intl-key",
      identifier: "ops",
      endpoint: "http://h:1",
      deadlineMs: 5000,
      app: "intl",
    });
  });
  test("a profile's own region replaces the inherited endpoint as a whole", () => {
    withApps(
      { intl: { sdkAppId: "2", userSig: "sig", region: "singapore" } },
      { "tencent-chat:endpoint": "http://h:1" },
    );
    expect(resolveProfile("intl", {})).toMatchObject({ region: "singapore", userSig: "sig" });
    expect(resolveProfile("intl", {}).endpoint).toBeUndefined();
  });
  test("credentials are never inherited: a profile without a key fails, naming the --path command", () => {
    withApps({ intl: { sdkAppId: "2" } });
    expect(() => resolveProfile("intl", {})).toThrow(
      /app profile "intl".*no credentials.*pulumi config set --path --secret tencent-chat:apps\.intl\.secretKey/,
    );
  });
  test("every problem of a profile in one error, each naming its key", () => {
    withApps({ intl: { sdkAppId: "x", secretkey: "k", identifier: "a.b" } });
    expect(() => resolveProfile("intl", {})).toThrow(
      /tencent-chat:apps\.intl\.secretkey is not a setting; did you mean secretKey\?.*`tencent-chat:apps\.intl\.sdkAppId` \(stack config\) must be a positive integer.*`tencent-chat:apps\.intl\.identifier` \(stack config\) "a\.b" contains/,
    );
  });
  test("an unknown profile names the configured ones and how to add it", () => {
    withApps({ intl: { sdkAppId: "2", secretKey: "k" } });
    expect(() => resolveProfile("cn", {})).toThrow(
      /app profile "cn" is not configured \(configured: intl\).*pulumi config set --path tencent-chat:apps\.cn\.sdkAppId/,
    );
  });
  test("the host's object form works too, with a nested secret still wrapped", () => {
    const config = new Map<string, unknown>([
      [
        "tencent-chat:apps",
        {
          intl: {
            sdkAppId: 2,
            secretKey: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "wrapped-key" },
          },
        },
      ],
    ]);
    storeConfig({ get: (k) => config.get(k) });
    expect(resolveProfile("intl", {})).toMatchObject({ sdkAppId: 2, secretKey: "wrapped-key" });
  });
  test("a malformed tencent-chat:apps is reported when a profile is used, never in configure", () => {
    withApps("not json");
    expect(profileNames()).toEqual([]);
    expect(() => resolveProfile("intl", {})).toThrow(/tencent-chat:apps is not a JSON object of app profiles/);
  });
});

test.each(Object.entries(SETTINGS))(
  "README's Configuration table documents %s and its environment variable",
  (name, spec) => {
    const readme = fs.readFileSync(path.join(__dirname, "..", "..", "..", "README.md"), "utf8");
    const section = readme.split("### Configuration")[1]!.split("### Inputs reference")[0]!;
    expect(section).toMatch(new RegExp(`\\| \`tencent-chat:${name}\`[^|]*\\| \`${spec.env}\` \\|`));
  },
);

describe("member limits and custom-field keys settings", () => {
  test("absent: no overrides, no keys", () => {
    expect(memberLimitSettings({})).toEqual({});
    expect(appDefinedKeysSetting({})).toEqual([]);
  });
  test("valid values are read", () => {
    expect(memberLimitSettings({ maxMemberCount: "20000", maxMemberCountCommunity: "1000000" })).toEqual({
      maxMemberCount: 20000,
      maxMemberCountCommunity: 1000000,
    });
    expect(appDefinedKeysSetting({ appDefinedKeys: " team, level ,team," })).toEqual(["level", "team"]);
  });
  test.each<[string, RawSettings, RegExp]>([
    ["zero", { maxMemberCount: "0" }, /tencent-chat:maxMemberCount must be a whole number from 1 to 10000000, got "0"/],
    [
      "not a number",
      { maxMemberCountCommunity: "lots" },
      /tencent-chat:maxMemberCountCommunity must be a whole number/,
    ],
    ["too large", { maxMemberCount: "20000000" }, /from 1 to 10000000/],
  ])("member limit %s is refused naming the key", (_l, raw, re) => {
    expect(() => memberLimitSettings(raw)).toThrow(re);
  });
  test("a bad custom-field key is refused naming it", () => {
    expect(() => appDefinedKeysSetting({ appDefinedKeys: "ok,bad-key" })).toThrow(/appDefinedKeys holds "bad-key"/);
  });
});
