/**
 * The engine harness honours dependencies as the Pulumi engine does (pulumi/pulumi `pkg/resource/deploy/
 * step_executor.go`: a resource registers, and its step runs, only once the outputs it takes are resolved, i.e. after
 * its dependencies' steps; `step_generator.go` GenerateDeletes: dependents are deleted first). Each registration
 * carries its RegisterResourceRequest dependencies; `up` runs a resource's step after theirs, with inputs from their
 * new outputs (a group's generated id reaches its member in the same `up`); after a failure nothing further starts;
 * `destroy` deletes dependents first.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Engine } from "../../../harness/engine";
import { startE2E, type E2E } from "../../../harness/e2e";
import type { ProviderHost, Props } from "../../../harness/host";
import { programEnv } from "../../../harness/program-dir";

let e2e: E2E;
let host: ProviderHost;
/** Every create and delete the host served, in order: `create:<name>` / `delete:<name>`. */
const calls: string[] = [];
const nameOf = (urn: string) => urn.split("::").pop()!;

beforeAll(async () => {
  e2e = await startE2E();
  host = e2e.host;
  const create = host.create.bind(host);
  const remove = host.delete.bind(host);
  host.create = async (urn: string, props: Props) => {
    const r = await create(urn, props);
    calls.push(`create:${nameOf(urn)}`);
    return r;
  };
  host.delete = async (id: string, urn: string, props: Props) => {
    await remove(id, urn, props);
    calls.push(`delete:${nameOf(urn)}`);
  };
});
afterAll(() => e2e?.stop());

/** A stack running `source` (JS) on the fixture's configured host. */
function stack(key: string, source: string): Engine {
  const entry = path.join(e2e.program.dir, `${key}.js`);
  fs.writeFileSync(entry, source);
  return new Engine({
    projectDir: e2e.program.dir,
    entry,
    project: "chat-test",
    stack: "dev",
    statePath: path.join(e2e.program.dir, `.state-${key}`, "dev.json"),
    env: programEnv(e2e.program.dir),
    config: e2e.config,
    host,
  });
}

const CHAIN = `
const { ChatAccount, ChatGroup, ChatGroupMember } = require("pulumi-tencent-chat");
const owner = new ChatAccount("owner", { userId: "dep-owner" });
const member = new ChatAccount("member", { userId: "dep-member" });
// No groupId: check generates it, so the member can only learn it from the group's outputs.
const group = new ChatGroup("group", { type: "Public", name: "deps", ownerAccount: owner.userId });
new ChatGroupMember("group-member", { groupId: group.groupId, account: member.userId });
exports.groupId = group.groupId;
`;

test("up runs each step after those it depends on, with their new outputs; destroy deletes dependents first", async () => {
  const engine = stack("chain", CHAIN);
  calls.length = 0;
  const up = await engine.up();
  expect(up.steps.filter((s) => s.error || s.failures.length > 0)).toEqual([]);
  expect(up.steps.map((s) => s.op)).toEqual(["create", "create", "create", "create"]);
  const at = (c: string) => calls.indexOf(c);
  expect(at("create:owner")).toBeLessThan(at("create:group"));
  expect(at("create:group")).toBeLessThan(at("create:group-member"));
  expect(at("create:member")).toBeLessThan(at("create:group-member"));
  const groupId = up.outputs.groupId as string;
  expect(groupId).toMatch(/^group-[0-9a-f]{8}$/);
  expect(
    e2e.emulator.store
      .getGroup(groupId)
      ?.Members.map((m) => `${m.Member_Account}:${m.Role}`)
      .sort(),
  ).toEqual(["dep-member:Member", "dep-owner:Owner"]);
  // State records the dependencies, as a checkpoint does.
  const member = engine.snapshot().resources.find((r) => r.name === "group-member")!;
  expect(member.inputs.groupId).toBe(groupId);
  expect(member.dependencies?.map(nameOf).sort()).toEqual(["group", "member"]);

  expect((await engine.up()).steps.map((s) => s.op)).toEqual(["same", "same", "same", "same"]);
  calls.length = 0;
  expect((await engine.destroy()).ok).toBe(true);
  expect(calls.indexOf("delete:group-member")).toBeLessThan(calls.indexOf("delete:group"));
  expect(calls.indexOf("delete:group")).toBeLessThan(calls.indexOf("delete:owner"));
  expect(e2e.emulator.store.getGroup(groupId)).toBeUndefined();
}, 120_000);

test("after a failed step nothing that depends on it starts", async () => {
  // The owner account is never imported: the group's create fails (10019), so its member never registers.
  const engine = stack(
    "failed",
    `const { ChatGroup, ChatGroupMember } = require("pulumi-tencent-chat");
const group = new ChatGroup("lonely", { type: "Public", name: "no owner yet", ownerAccount: "never-imported" });
new ChatGroupMember("lonely-member", { groupId: group.groupId, account: "dep-member" });`,
  );
  calls.length = 0;
  const up = await engine.up();
  expect(up.ok).toBe(false);
  expect(up.steps.map((s) => `${s.name}:${s.op}:${s.error ? "error" : "ok"}`)).toEqual(["lonely:create:error"]);
  expect(calls).toEqual([]);
  expect(engine.snapshot().resources).toEqual([]);
}, 120_000);
