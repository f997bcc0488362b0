/**
 * Regression (found by the lifecycle sequences once ChatGroupMembers was in the build; fixed: the delete
 * counts a not-found answer as done): destroying a ChatGroupMembers fails when its group goes
 * away between the delete's read of the group and its delete_group_member calls. The service then answers 10010
 * ("the group does not exist or was disbanded") and the delete reports "removing 1 of 1 managed members failed …
 * run `pulumi destroy` again". The sequences hit it when the group was destroyed in the same `pulumi destroy` (a
 * program naming the group by a literal id: nothing orders the two deletes); here the emulator answers 10010 to
 * delete_group_member, as the service does once the group is disbanded. A group that is gone has no members left
 * to remove: that answer should count as done, as ChatGroupMember's delete counts it (a group already gone when the
 * delete starts is handled: the second test).
 */
import * as path from "node:path";
import { Engine } from "../../harness/engine";
import type { ProviderHost } from "../../harness/host";
import { startE2E, type E2E } from "../../harness/e2e";
import { sharedHost } from "../helpers/matrix";

const TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroupMembers";
let e2e: E2E;
let host: ProviderHost;
let provider: string;

beforeAll(async () => {
  e2e = await startE2E({ behaviour: { requireImportedAccounts: true } });
  host = await sharedHost(e2e);
  const [proto] = await e2e.register(
    `const { ChatGroupMembers } = require("pulumi-tencent-chat"); new ChatGroupMembers("proto", { groupId: "x", members: [] });`,
  );
  provider = proto!.inputs.__provider as string;
  for (const u of ["boss", "alice"]) e2e.emulator.store.putAccount(u);
});
afterAll(() => e2e?.stop());

/** A stack declaring alice as the authoritative membership of `groupId`. */
function stack(groupId: string): Engine {
  return new Engine({
    projectDir: e2e.program.dir,
    project: "chat-test",
    stack: "dev",
    config: e2e.config,
    host,
    statePath: path.join(e2e.program.dir, ".regressions", `${groupId}.json`),
    program: async () => ({
      registrations: [
        {
          type: TYPE,
          name: "members",
          urn: `urn:pulumi:dev::chat-test::${TYPE}::members`,
          inputs: { groupId, members: [{ account: "alice" }], __provider: provider },
        },
      ],
      outputs: {},
    }),
  });
}

test("destroy of a ChatGroupMembers whose group is disbanded while it runs succeeds", async () => {
  await e2e.client.importGroup({ Type: "Public", Name: "gone", GroupId: "gone-group", Owner_Account: "boss" });
  const engine = stack("gone-group");
  expect((await engine.up()).ok).toBe(true);
  expect(e2e.emulator.store.getGroup("gone-group")!.Members.map((m) => m.Member_Account)).toContain("alice");

  // Disbanded after the delete read it: delete_group_member answers 10010.
  const remove = e2e.emulator.addFault({ action: "delete_group_member", effect: { kind: "error", errorCode: 10010 } });
  const destroy = await engine.destroy();
  remove();
  expect(destroy.steps.map((s) => s.error)).toEqual([undefined]);
  expect(destroy.ok).toBe(true);
  expect(engine.snapshot().resources).toEqual([]);
});

test("destroy of a ChatGroupMembers whose group was deleted before succeeds", async () => {
  await e2e.client.importGroup({ Type: "Public", Name: "gone", GroupId: "gone-before", Owner_Account: "boss" });
  const engine = stack("gone-before");
  expect((await engine.up()).ok).toBe(true);
  e2e.emulator.store.deleteGroup("gone-before"); // out of band
  const destroy = await engine.destroy();
  expect(destroy.steps.map((s) => s.error)).toEqual([undefined]);
  expect(engine.snapshot().resources).toEqual([]);
});
