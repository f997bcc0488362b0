/**
 * Regression (issue 5, found by the validation fuzz): `adopt: true` with a service-assigned id (`@TGS#…`) passed
 * check but could never succeed — import_group refuses `@TGS#` ids (10004) before any conflict, so the adopt path
 * was never reached. Adopt now reads the group first.
 */
import { startEmulator, type RunningEmulator } from "../../emulator";
import { ChatClient } from "../../provider/client/client";
import { createGroup } from "../../provider/resource/lifecycle";

let emu: RunningEmulator;
let chat: ChatClient;
beforeAll(async () => {
  emu = await startEmulator({ sdkAppId: 1400000055, secretKey: "adopt-key" });
  chat = new ChatClient({
    sdkAppId: 1400000055,
    identifier: "administrator",
    secretKey: "adopt-key",
    endpoint: emu.url,
    retry: 0,
    rateLimit: false,
  });
});
afterAll(async () => {
  await chat.close();
  await emu.close();
});

test("a group with a service-assigned id is adopted and brought to the declared state, with no import sent", async () => {
  const { GroupId } = await chat.importGroup({ Type: "Public", Name: "legacy" });
  expect(GroupId).toMatch(/^@TGS#/);
  emu.resetCounters();
  // "overwrite": the declared name differs from the live one (adopt: true alone would refuse, issue 9).
  const { id, outs } = await createGroup(chat, {
    type: "Public",
    name: "managed now",
    groupId: GroupId,
    adopt: "overwrite",
  });
  expect(id).toBe(GroupId);
  expect(outs).toMatchObject({ name: "managed now", adopt: "overwrite" });
  expect(emu.store.getGroup(GroupId)!.Name).toBe("managed now");
  expect(emu.store.listGroups()).toHaveLength(1);
  expect(emu.counters().import_group).toBe(0);
});

test("adopting a service-assigned id that does not exist fails with the service's refusal, creating nothing", async () => {
  await expect(
    createGroup(chat, { type: "Public", name: "ghost", groupId: "@TGS#NOPE12345", adopt: true }),
  ).rejects.toMatchObject({ errorCode: 10004 });
  expect(emu.store.getGroup("@TGS#NOPE12345")).toBeUndefined();
});
