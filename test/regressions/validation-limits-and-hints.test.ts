/**
 * Regression (issue 9, defect 9): three validation gaps, through the real provider host's Check.
 * - Ten custom fields plus one `""` value (documented to mean absent) were refused as 11 keys.
 * - `maxMemberCount: 0` on a Public group named the Community bound (1–100000) instead of the Public one.
 * - A `createTime` in milliseconds was refused without saying that it is Unix seconds.
 */
import type { ProviderHost, Props } from "../../harness/host";
import { startE2E, type E2E } from "../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../helpers/matrix";

let e2e: E2E;
let host: ProviderHost;
let provider: string;
beforeAll(async () => {
  e2e = await startE2E({ behaviour: { requireImportedAccounts: true } });
  host = await sharedHost(e2e);
  provider = await providerText(e2e);
});
afterAll(() => e2e?.stop());

const URN = "urn:pulumi:dev::chat-test::pulumi-nodejs:dynamic/tencent-chat:ChatGroup::g";
const failuresOf = async (args: Props) => (await host.check(URN, {}, { ...args, __provider: provider })).failures;
const tenKeys = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, `v${i}`]));

test('ten custom fields plus one "" value are ten keys: accepted, created, and read back with no diff', async () => {
  const args = { type: "Public", groupId: "ten-plus-empty", name: "ten", appDefinedData: { ...tenKeys, removed: "" } };
  expect(await failuresOf(args)).toEqual([]);
  const engine = matrixStack(e2e, host, provider, "ten-plus-empty", () => ({ g: args }));
  expect((await engine.up()).steps.map((s) => s.error)).toEqual([undefined]);
  expect(e2e.emulator.store.getGroup("ten-plus-empty")!.AppDefinedData).toHaveLength(10);
  expect((await engine.refresh()).ok).toBe(true);
  expect((await engine.preview()).steps.map((s) => s.op)).toEqual(["same"]);
  expect((await engine.destroy()).ok).toBe(true);
});

test("eleven non-empty custom fields are still refused, counting only the non-empty ones", async () => {
  const failures = await failuresOf({
    type: "Public",
    name: "n",
    appDefinedData: { ...tenKeys, eleventh: "x", gone: "" },
  });
  expect(failures).toEqual([
    {
      property: "appDefinedData",
      reason: expect.stringMatching(
        /^appDefinedData has 11 keys \(not counting empty values, which mean absent\); the limit is 10\./,
      ),
    },
  ]);
});

test.each<[string, string, number, RegExp]>([
  [
    "0 on a Public group",
    "Public",
    0,
    /^maxMemberCount is 0; it must be between 1 and 6000 for a Public group\. Change it\.$/,
  ],
  ["0 on a Work (Private) group", "Work", 0, /between 1 and 6000 for a Private group/],
  ["7000 on a Public group", "Public", 7000, /between 1 and 6000 for a Public group/],
  ["0 on a Community group", "Community", 0, /between 1 and 100000 for a Community group/],
])("maxMemberCount %s names that type's bound", async (_label, type, n, reason) => {
  const failures = await failuresOf({ type, name: "n", maxMemberCount: n });
  expect(failures).toHaveLength(1);
  expect(failures[0]).toEqual({ property: "maxMemberCount", reason: expect.stringMatching(reason) });
  expect(failures[0]!.reason).not.toMatch(type === "Community" ? /6000/ : /100000/);
});

test("a createTime in milliseconds is refused with the hint that it is Unix seconds", async () => {
  const failures = await failuresOf({ type: "Public", name: "n", createTime: 1448357837000 });
  expect(failures).toEqual([
    {
      property: "createTime",
      reason:
        "createTime is 1448357837000; it must be between 1 and 4294967295. createTime is in Unix seconds, and 1448357837000 looks like milliseconds: use 1448357837.",
    },
  ]);
});

test("none of the refused inputs reached the service", () => {
  const c = e2e.emulator.counters();
  // Only the ten-keys group above was created, read and destroyed.
  expect(c.import_group).toBe(1);
  expect(c.destroy_group).toBe(1);
});
