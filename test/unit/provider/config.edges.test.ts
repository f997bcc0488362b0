/**
 * Provider settings at their edges: bounds, empty values, exact messages, profile shapes. Each test here was written
 * against a surviving mutant of provider/config.ts (test/mutation/RESULTS.md), so each can fail on one changed rule.
 */
import {
  appDefinedKeysSetting,
  collectSettings,
  isConfigStored,
  memberLimitSettings,
  profileNames,
  rawSdkAppId,
  rawSettings,
  resetStoredConfig,
  resolveProfile,
  resolveSettings,
  storeConfig,
  type RawSettings,
} from "../../../provider/config";

afterEach(() => resetStoredConfig());

const ok: RawSettings = { sdkAppId: "1400000001", secretKey: "k" };
const store = (entries: Record<string, unknown>): void => {
  const config = new Map(Object.entries(entries));
  storeConfig({ get: (k) => config.get(k) });
};
const message = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected a throw");
};

describe("stored stack config", () => {
  test("isConfigStored follows storeConfig and resetStoredConfig", () => {
    expect(isConfigStored()).toBe(false);
    store({});
    expect(isConfigStored()).toBe(true);
    resetStoredConfig();
    expect(isConfigStored()).toBe(false);
    expect(rawSettings({ TENCENT_CHAT_SDK_APP_ID: "5" })).toEqual({ sdkAppId: "5" });
    expect(profileNames()).toEqual([]);
  });
  test("an empty stack value is unset (the environment fills it); a number is kept as text; other types ignored", () => {
    store({ "tencent-chat:sdkAppId": "", "tencent-chat:timeoutMs": 2500, "tencent-chat:region": true });
    expect(rawSettings({ TENCENT_CHAT_SDK_APP_ID: "9", TENCENT_CHAT_REGION: "tokyo" })).toEqual({
      sdkAppId: "9",
      timeoutMs: "2500",
      region: "tokyo",
    });
  });
  test("an empty environment value is unset, and does not take a pair from the stack", () => {
    store({ "tencent-chat:region": "tokyo" });
    const { raw, origins } = collectSettings({ TENCENT_CHAT_SDK_APP_ID: "", TENCENT_CHAT_ENDPOINT: "http://h:1" });
    expect(raw).toEqual({ region: "tokyo" });
    expect(origins).toEqual({ region: "`tencent-chat:region` (stack config)" });
  });
  test("origins label the environment by variable", () => {
    const { origins } = collectSettings({ TENCENT_CHAT_IDENTIFIER: "ops" });
    expect(origins).toEqual({ identifier: "`TENCENT_CHAT_IDENTIFIER` (environment)" });
  });
  test("without stored config, resolveSettings() reads the process environment", () => {
    const saved = { ...process.env };
    try {
      process.env.TENCENT_CHAT_SDK_APP_ID = "77";
      process.env.TENCENT_CHAT_USER_SIG = "sig";
      process.env.TENCENT_CHAT_ENDPOINT = "http://h:1";
      expect(resolveSettings()).toMatchObject({ sdkAppId: 77, userSig: "sig", endpoint: "http://h:1" });
    } finally {
      process.env = saved;
    }
  });
});

describe("resolveSettings bounds and messages", () => {
  test.each<[string, RawSettings, object]>([
    ["timeoutMs at its lower bound", { ...ok, timeoutMs: "100" }, { timeoutMs: 100 }],
    ["timeoutMs at its upper bound", { ...ok, timeoutMs: "600000" }, { timeoutMs: 600000 }],
    ["deadlineMs at its lower bound", { ...ok, deadlineMs: "100" }, { deadlineMs: 100 }],
    ["deadlineMs at its upper bound", { ...ok, deadlineMs: "3600000" }, { deadlineMs: 3600000 }],
    ["sdkAppId 1", { ...ok, sdkAppId: "1" }, { sdkAppId: 1 }],
  ])("valid: %s", (_n, raw, expected) => {
    expect(resolveSettings(raw)).toMatchObject(expected);
  });

  test("exactly the settings given: no timeouts, no region beside an endpoint, no userSig beside a key", () => {
    expect(resolveSettings(ok)).toEqual({
      sdkAppId: 1400000001,
      identifier: "administrator",
      secretKey: "k",
      region: "china",
    });
    expect(resolveSettings({ ...ok, endpoint: "http://h:1" })).toEqual({
      sdkAppId: 1400000001,
      identifier: "administrator",
      secretKey: "k",
      endpoint: "http://h:1",
    });
  });

  test.each<[string, RawSettings, string]>([
    [
      "sdkAppId 0",
      { ...ok, sdkAppId: "0" },
      'tencent-chat:sdkAppId must be a positive integer (the app\'s SDKAppID), got "0"',
    ],
    ["sdkAppId with a sign", { ...ok, sdkAppId: "+5" }, "tencent-chat:sdkAppId must be a positive integer"],
    ["sdkAppId past 2^53", { ...ok, sdkAppId: "9007199254740993" }, "tencent-chat:sdkAppId must be a positive integer"],
    [
      "timeoutMs 99",
      { ...ok, timeoutMs: "99" },
      'tencent-chat:timeoutMs must be a whole number of milliseconds from 100 to 600000 (above the service\'s 3 s), got "99"',
    ],
    ["timeoutMs 600001", { ...ok, timeoutMs: "600001" }, "tencent-chat:timeoutMs must be a whole number"],
    ["timeoutMs in exponent form", { ...ok, timeoutMs: "1e3" }, "tencent-chat:timeoutMs must be a whole number"],
    ["timeoutMs with a digit prefix", { ...ok, timeoutMs: "500ms" }, "tencent-chat:timeoutMs must be a whole number"],
    ["timeoutMs with a digit suffix", { ...ok, timeoutMs: " 500" }, "tencent-chat:timeoutMs must be a whole number"],
    [
      "deadlineMs 3600001",
      { ...ok, deadlineMs: "3600001" },
      'tencent-chat:deadlineMs must be a whole number of milliseconds from 100 to 3600000 (every attempt and back-off of one API call), got "3600001"',
    ],
    ["deadlineMs 99", { ...ok, deadlineMs: "99" }, "tencent-chat:deadlineMs must be a whole number"],
    [
      "an endpoint without a scheme: the client's message, without its prefix",
      { ...ok, endpoint: "ftp://h" },
      "tencent-chat:endpoint: ",
    ],
  ])("invalid: %s", (_n, raw, expected) => {
    const text = message(() => resolveSettings(raw));
    expect(text.startsWith("Tencent Cloud Chat provider configuration is incomplete: ")).toBe(true);
    expect(text).toContain(expected);
    expect(text).not.toContain("Invalid Tencent Cloud Chat endpoint");
    expect(text.endsWith(".")).toBe(true);
  });

  test("the hint for a missing secret says --secret; for a public setting it does not", () => {
    const text = message(() => resolveSettings({}));
    expect(text).toContain(
      "the SDKAppID is not set: set it with `pulumi config set tencent-chat:sdkAppId …` or the environment variable TENCENT_CHAT_SDK_APP_ID",
    );
    expect(text).toContain(
      "no credentials: set the secret key with `pulumi config set --secret tencent-chat:secretKey …` or the environment variable TENCENT_CHAT_SECRET_KEY, or a UserSig with `pulumi config set --secret tencent-chat:userSig …`",
    );
  });

  test("the identifier problem says it must be an App admin account", () => {
    expect(message(() => resolveSettings({ ...ok, identifier: "a b" }))).toMatch(
      /tencent-chat:identifier "a b" contains " ".*; it must be an App admin account/,
    );
  });

  test("member limits and custom-field keys are checked for the top-level settings only", () => {
    expect(message(() => resolveSettings({ ...ok, maxMemberCount: "0", appDefinedKeys: "a-b" }))).toMatch(
      /maxMemberCount must be a whole number.*appDefinedKeys holds "a-b"/,
    );
    expect(resolveSettings({ ...ok, maxMemberCount: "0", appDefinedKeys: "a-b" }, {}, { profile: "p" })).toMatchObject({
      sdkAppId: 1400000001,
    });
  });
});

describe("rawSdkAppId", () => {
  test.each<[string | undefined, number | undefined]>([
    ["1400000001", 1400000001],
    ["1", 1],
    ["0", undefined],
    ["-3", undefined],
    ["1.5", undefined],
    ["12a", undefined],
    ["a12", undefined],
    ["9007199254740993", undefined],
    [undefined, undefined],
  ])("top-level %j → %j", (value, expected) => {
    expect(rawSdkAppId(undefined, value === undefined ? {} : { TENCENT_CHAT_SDK_APP_ID: value })).toBe(expected);
  });
  test("of a profile, from the profile only", () => {
    store({ "tencent-chat:apps": JSON.stringify({ intl: { sdkAppId: 42 }, bare: {} }) });
    expect(rawSdkAppId("intl", { TENCENT_CHAT_SDK_APP_ID: "5" })).toBe(42);
    expect(rawSdkAppId("bare", { TENCENT_CHAT_SDK_APP_ID: "5" })).toBeUndefined();
    expect(rawSdkAppId("none", { TENCENT_CHAT_SDK_APP_ID: "5" })).toBeUndefined();
  });
});

describe("app profile shapes", () => {
  const apps = (value: unknown): void => store({ "tencent-chat:apps": value });
  test("absent or empty: no profiles, no problem, and an unknown profile says none are configured", () => {
    apps("");
    expect(profileNames()).toEqual([]);
    expect(message(() => resolveProfile("cn", {}))).toBe(
      'Tencent Cloud Chat app profile "cn" is not configured (no profiles are configured). Set it with ' +
        "`pulumi config set --path tencent-chat:apps.cn.sdkAppId …` and `pulumi config set --path --secret tencent-chat:apps.cn.secretKey …`, " +
        "or remove `app` from the resource to use the top-level settings.",
    );
  });
  test.each([["[1,2]"], ["null"], ["5"]])("%s is not an object of profiles", (value) => {
    apps(value);
    expect(message(() => resolveProfile("x", {}))).toBe(
      "Tencent Cloud Chat provider configuration is incomplete: tencent-chat:apps must be an object of app profiles (`pulumi config set --path tencent-chat:apps.<name>.sdkAppId …`).",
    );
  });
  test("unparsable JSON names the --path command", () => {
    apps("{");
    expect(message(() => resolveProfile("x", {}))).toBe(
      "Tencent Cloud Chat provider configuration is incomplete: tencent-chat:apps is not a JSON object of app profiles; set it with `pulumi config set --path tencent-chat:apps.<name>.sdkAppId …`.",
    );
  });
  test.each<[string, unknown, string]>([
    ["a name with a dot", { "a.b": { sdkAppId: 1, secretKey: "k" } }, 'the profile name "a.b" must be 1-64 characters'],
    ["a 65-character name", { ["a".repeat(65)]: { sdkAppId: 1, secretKey: "k" } }, "must be 1-64 characters"],
    [
      "a body that is an array",
      { p: [1] },
      "tencent-chat:apps.p must be an object of settings (sdkAppId, secretKey, …)",
    ],
    ["a body that is null", { p: null }, "tencent-chat:apps.p must be an object of settings"],
    ["a body that is text", { p: "x" }, "tencent-chat:apps.p must be an object of settings"],
    [
      "a value that is an object",
      { p: { sdkAppId: 1, secretKey: "k", region: {} } },
      "tencent-chat:apps.p.region must be a string or a number",
    ],
    [
      "a value that is a boolean",
      { p: { sdkAppId: 1, secretKey: "k", region: true } },
      "tencent-chat:apps.p.region must be a string or a number",
    ],
    [
      "a key that is no setting at all",
      { p: { sdkAppId: 1, secretKey: "k", colour: "red" } },
      "tencent-chat:apps.p.colour is not a setting; use sdkAppId, secretKey, userSig, identifier, region",
    ],
  ])("a profile with %s is refused when used", (_n, value, expected) => {
    apps(JSON.stringify(value));
    const name = Object.keys(value as object)[0]!;
    const text = message(() => resolveProfile(name, {}));
    expect(text).toContain(`(app profile ${JSON.stringify(name)}) is incomplete`);
    expect(text).toContain(expected);
  });
  test("a 64-character name and an empty value are fine; the empty value is unset", () => {
    const name = "a".repeat(64);
    apps(JSON.stringify({ [name]: { sdkAppId: 3, secretKey: "k", identifier: "" } }));
    expect(resolveProfile(name, {})).toEqual({
      sdkAppId: 3,
      secretKey: "k",
      identifier: "administrator",
      region: "china",
      app: name,
    });
  });
  test("a profile takes identifier and timeouts from itself before the top level; an env origin is named", () => {
    store({
      "tencent-chat:apps": JSON.stringify({ p: { sdkAppId: 3, secretKey: "k", timeoutMs: "200" } }),
      "tencent-chat:timeoutMs": "300",
    });
    expect(resolveProfile("p", { TENCENT_CHAT_DEADLINE_MS: "400" })).toMatchObject({ timeoutMs: 200, deadlineMs: 400 });
    expect(message(() => resolveProfile("p", { TENCENT_CHAT_DEADLINE_MS: "1" }))).toContain(
      "`TENCENT_CHAT_DEADLINE_MS` (environment) must be a whole number",
    );
  });
  test("an object wrapped without the secret marker is not unwrapped", () => {
    store({ "tencent-chat:apps": { p: { sdkAppId: 3, secretKey: { value: "k" } } } });
    expect(message(() => resolveProfile("p", {}))).toContain(
      "tencent-chat:apps.p.secretKey must be a string or a number",
    );
  });
});

describe("member limits and custom-field keys at their edges", () => {
  test("bounds 1 and 10000000 are accepted", () => {
    expect(memberLimitSettings({ maxMemberCount: "1", maxMemberCountCommunity: "10000000" })).toEqual({
      maxMemberCount: 1,
      maxMemberCountCommunity: 10000000,
    });
  });
  test.each([["10000001"], ["1.5"], ["x1"], ["1x"]])("%s is refused, thrown as one invalid-config error", (v) => {
    expect(message(() => memberLimitSettings({ maxMemberCount: v }))).toBe(
      `Tencent Cloud Chat provider configuration is invalid: tencent-chat:maxMemberCount must be a whole number from 1 to 10000000, got ${JSON.stringify(v)}.`,
    );
  });
  test("with a problems list, bad values are pushed there instead of thrown", () => {
    const problems: string[] = [];
    expect(memberLimitSettings({ maxMemberCount: "0", maxMemberCountCommunity: "5" }, problems)).toEqual({
      maxMemberCountCommunity: 5,
    });
    expect(problems).toHaveLength(1);
    expect(appDefinedKeysSetting({ appDefinedKeys: "ok,b-d,c d" }, problems)).toEqual([]);
    expect(problems[1]).toBe(
      'tencent-chat:appDefinedKeys holds "b-d", "c d"; keys are 1-16 letters, digits or _, comma-separated',
    );
  });
  test("keys: 16 characters pass, 17 do not; empty entries are dropped", () => {
    expect(appDefinedKeysSetting({ appDefinedKeys: `${"k".repeat(16)},,` })).toEqual(["k".repeat(16)]);
    expect(() => appDefinedKeysSetting({ appDefinedKeys: "k".repeat(17) })).toThrow(/appDefinedKeys holds/);
    expect(() => appDefinedKeysSetting({ appDefinedKeys: "ab!" })).toThrow(/appDefinedKeys holds "ab!"/);
    expect(() => appDefinedKeysSetting({ appDefinedKeys: "!ab" })).toThrow(/appDefinedKeys holds "!ab"/);
  });
  test("read from the settings when no raw values are given", () => {
    store({ "tencent-chat:maxMemberCount": "300", "tencent-chat:appDefinedKeys": "b,a" });
    expect(memberLimitSettings()).toEqual({ maxMemberCount: 300 });
    expect(appDefinedKeysSetting()).toEqual(["a", "b"]);
  });
});

describe("details (written against surviving mutants of the first run)", () => {
  test("no tencent-chat:apps at all: no problem, and an unknown profile says none are configured", () => {
    store({});
    expect(message(() => resolveProfile("cn", {}))).toContain('app profile "cn" is not configured (no profiles');
  });
  test("profile names are sorted, and listed with a comma when one is unknown", () => {
    store({ "tencent-chat:apps": JSON.stringify({ b: {}, a: {} }) });
    expect(profileNames()).toEqual(["a", "b"]);
    expect(message(() => resolveProfile("c", {}))).toContain("(configured: a, b)");
  });
  test.each([[" 12"], ["12 "], ["1e3"], ["0x10"]])("rawSdkAppId(%j) is not a number of digits", (value) => {
    expect(rawSdkAppId(undefined, { TENCENT_CHAT_SDK_APP_ID: value })).toBeUndefined();
  });
  test("a profile's values without origins are labelled with the profile's keys", () => {
    expect(
      message(() => resolveSettings({ sdkAppId: "x", secretKey: "k", timeoutMs: "1" }, {}, { profile: "p" })),
    ).toBe(
      'Tencent Cloud Chat provider configuration (app profile "p") is incomplete: tencent-chat:apps.p.sdkAppId must be ' +
        'a positive integer (the app\'s SDKAppID), got "x"; tencent-chat:apps.p.timeoutMs must be a whole number of ' +
        'milliseconds from 100 to 600000 (above the service\'s 3 s), got "1".',
    );
  });
  test("an endpoint beside a region: only the conflict is reported, the region is not judged", () => {
    const text = message(() => resolveSettings({ ...ok, region: "mars", endpoint: "http://h:1" }));
    expect(text).toContain("both tencent-chat:region and tencent-chat:endpoint are set: keep one");
    expect(text).not.toContain("not a known region");
  });
  test.each([
    ["ftp://h", 'tencent-chat:endpoint: protocol "ftp:" is not supported.'],
    ["h", 'tencent-chat:endpoint: "h": it is not an absolute URL.'],
  ])("the endpoint %j is refused with the client's reason, without its prefix", (endpoint, expected) => {
    expect(message(() => resolveSettings({ ...ok, endpoint }))).toContain(
      `Tencent Cloud Chat provider configuration is incomplete: ${expected}`,
    );
  });
  test("timeouts absent: no timeout keys at all in the settings", () => {
    expect(Object.keys(resolveSettings(ok)).sort()).toEqual(["identifier", "region", "sdkAppId", "secretKey"]);
  });
  test("several member-limit problems are joined with '; '", () => {
    expect(message(() => memberLimitSettings({ maxMemberCount: "0", maxMemberCountCommunity: "0" }))).toBe(
      'Tencent Cloud Chat provider configuration is invalid: tencent-chat:maxMemberCount must be a whole number from 1 to 10000000, got "0"; ' +
        'tencent-chat:maxMemberCountCommunity must be a whole number from 1 to 10000000, got "0".',
    );
  });
});
