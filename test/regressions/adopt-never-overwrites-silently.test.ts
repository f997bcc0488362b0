/**
 * Regression (issue 9, defect 6): adopting overwrote the live group silently — `preview` showed a plain create and
 * `up` wiped the introduction, maxMemberCount and custom fields the program did not repeat. Adoption now follows
 * Pulumi's `import` rule: if the live group differs from the program in any field, nothing is changed and the error
 * lists every differing field with its live value, ready to paste; `adopt: "overwrite"` opts into applying the
 * declared values. Also: `adopt` on a service-assigned `@TGS#` id can be removed afterwards, and declaring such an id
 * without adopt says what is going on. Through the real provider host and the engine model, against the emulator with
 * imported accounts required.
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
  // Reads ask only for the custom keys the stack knows or `appDefinedKeys` lists (README "Reads stay small"): list
  // the app's keys, as a user adopting groups with custom fields would, so adoption sees the live ones.
  await host.configure({ ...e2e.config, "tencent-chat:appDefinedKeys": "level,region" });
  await e2e.client.accountImport({ UserID: "leckie" });
});
afterAll(() => e2e?.stop());

/** A live group made outside the stack, with values the program below does not repeat. */
async function legacy(groupId?: string): Promise<string> {
  const { GroupId } = await e2e.client.importGroup({
    Type: "Public",
    Name: "legacy",
    Owner_Account: "leckie",
    Introduction: "kept by the team",
    MaxMemberCount: 300,
    AppDefinedData: [
      { Key: "level", Value: "gold" },
      { Key: "region", Value: "eu" },
    ],
    ...(groupId ? { GroupId: groupId } : {}),
  });
  return GroupId;
}

const snapshotOf = (id: string) => JSON.parse(JSON.stringify(e2e.emulator.store.getGroup(id))) as unknown;
const writes = () => {
  const c = e2e.emulator.counters();
  return c.import_group + c.modify_group_base_info + c.change_group_owner + c.destroy_group;
};

/** The `field: value` lines of the error's paste block, parsed back: what a user would paste into the program. */
function pasted(message: string): Props {
  const lines = message.split("\n").filter((l) => /^ {2}\w+: .*, \/\/ declared /.test(l));
  return Object.fromEntries(
    lines.map((l) => {
      const m = /^ {2}(\w+): (.*), \/\/ declared /.exec(l)!;
      return [m[1]!, JSON.parse(m[2]!) as unknown];
    }),
  );
}

test("adopt: true on a group that differs changes nothing, records nothing, and lists every live value to declare", async () => {
  const id = await legacy("adopt-differs");
  const before = snapshotOf(id);
  // maxMemberCount declared: when omitted it is the service's value (sticky), never a difference.
  let program: Props = { type: "Public", groupId: id, name: "legacy", maxMemberCount: 2000, adopt: true };
  const engine = matrixStack(e2e, host, provider, id, () => ({ g: program }));
  e2e.emulator.resetCounters();
  // Preview never reads the live group: it shows a create, and sends nothing (README "Adopting a group").
  expect((await engine.preview()).steps.map((s) => s.op)).toEqual(["create"]);
  const failed = await engine.up();
  expect(failed.ok).toBe(false);
  const message = failed.steps[0]!.error!;
  expect(message).toMatch(
    /cannot adopt group "adopt-differs": the live group differs from the program in 3 fields \(introduction, maxMemberCount, appDefinedData\)/,
  );
  expect(message).toMatch(/Nothing was changed/);
  expect(message).toMatch(/adopt: "overwrite"/);
  expect(writes()).toBe(0);
  expect(snapshotOf(id)).toEqual(before);
  expect(engine.snapshot().resources).toEqual([]);

  // Pasting the listed values makes the program describe the group: it is adopted as it is, with no write.
  const values = pasted(message);
  expect(values).toEqual({
    introduction: "kept by the team",
    maxMemberCount: 300,
    appDefinedData: { level: "gold", region: "eu" },
  });
  program = { ...program, ...values };
  const adopted = await engine.up();
  expect(adopted.steps.map((s) => s.error)).toEqual([undefined]);
  expect(writes()).toBe(0);
  expect(snapshotOf(id)).toEqual(before);
  expect(engine.snapshot().resources[0]).toMatchObject({
    id,
    outputs: { ownerAccount: "leckie", __provider: provider },
  });
  expect((await engine.preview()).steps.map((s) => s.op)).toEqual(["same"]);
  expect((await engine.destroy()).ok).toBe(true);
});

test('adopt: "overwrite" applies the declared values to the live group', async () => {
  const id = await legacy("adopt-overwrite");
  const engine = matrixStack(e2e, host, provider, id, () => ({
    g: { type: "Public", groupId: id, name: "managed", maxMemberCount: 2000, adopt: "overwrite" },
  }));
  const up = await engine.up();
  expect(up.steps.map((s) => s.error)).toEqual([undefined]);
  expect(e2e.emulator.store.getGroup(id)).toMatchObject({
    Name: "managed",
    Introduction: "",
    MaxMemberNum: 2000,
    AppDefinedData: [],
    Owner_Account: "leckie",
  });
  expect((await engine.preview()).steps.map((s) => s.op)).toEqual(["same"]);
  expect((await engine.destroy()).ok).toBe(true);
});

test('a difference no API can change is refused even with "overwrite", before any write', async () => {
  const { GroupId } = await e2e.client.importGroup({ Type: "ChatRoom", Name: "room", GroupId: "adopt-wrong-type" });
  const engine = matrixStack(e2e, host, provider, GroupId, () => ({
    g: { type: "Public", groupId: GroupId, name: "room", adopt: "overwrite" },
  }));
  e2e.emulator.resetCounters();
  const failed = await engine.up();
  expect(failed.steps[0]!.error).toContain('  type: "ChatRoom", // declared "Public"');
  expect(failed.steps[0]!.error).toMatch(/cannot change in place/);
  expect(writes()).toBe(0);
  expect(engine.snapshot().resources).toEqual([]);
});

test("adopt on a service-assigned @TGS# id can be removed from the program afterwards", async () => {
  const id = await legacy();
  expect(id).toMatch(/^@TGS#/);
  let program: Props = {
    type: "Public",
    groupId: id,
    name: "legacy",
    introduction: "kept by the team",
    maxMemberCount: 300,
    appDefinedData: { level: "gold", region: "eu" },
    adopt: true,
  };
  const engine = matrixStack(e2e, host, provider, "tgs-adopted", () => ({ g: program }));
  expect((await engine.up()).steps.map((s) => s.error)).toEqual([undefined]);
  const { adopt: _removed, ...rest } = program;
  program = rest;
  const preview = await engine.preview();
  expect(preview.steps.map((s) => [s.op, s.failures])).toEqual([["same", []]]);
  expect((await engine.up()).ok).toBe(true);
  expect((await engine.refresh()).ok).toBe(true);
  expect((await engine.preview()).steps.map((s) => [s.op, s.failures])).toEqual([["same", []]]);
  expect((await engine.destroy()).ok).toBe(true);
  expect(e2e.emulator.store.getGroup(id)).toBeUndefined();
});

test("declaring a service-assigned id for a new group explains that the service assigns them and how to adopt", async () => {
  const [reg] = await e2e.register(
    `const { ChatGroup } = require("pulumi-tencent-chat"); new ChatGroup("g", { type: "Public", name: "n", groupId: "@TGS#MINE" });`,
  );
  const { failures } = await host.check(reg!.urn, {}, JSON.parse(JSON.stringify(reg!.inputs)) as Props);
  expect(failures).toHaveLength(1);
  expect(failures[0]!.property).toBe("groupId");
  expect(failures[0]!.reason).toMatch(
    /the prefix of ids the service assigns itself: import_group refuses such ids \(10004\)/,
  );
  expect(failures[0]!.reason).toMatch(/set adopt: true/);
  expect(failures[0]!.reason).not.toMatch(/Choose another id/);
});
