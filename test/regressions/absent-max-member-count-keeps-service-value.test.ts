/**
 * An absent `maxMemberCount` used to mean 2000: a Community the service created with its own (larger) default read
 * back as a diff, and the next `up` sent MaxMemberNum 2000 — shrinking it. Absent now means "whatever the service
 * has" (a sticky input). The emulator is set to give Communities 100,000 when MaxMemberCount is absent, as a plan may.
 * Through the real provider host.
 */
import { inputsOf, programOf, startE2E, type E2E } from "../../harness/e2e";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E({ behaviour: { memberLimits: { importDefaultCommunity: 100_000 } } });
}, 60_000);
afterAll(() => e2e?.stop());

test("a Community created without maxMemberCount keeps the service's 100000: no diff after read, an update leaves it alone", async () => {
  const [reg] = await e2e.register(
    programOf({ c: { type: "Community", name: "community", groupId: "@TGS#_keep-size" } }),
  );
  const checked = await e2e.host.check(reg!.urn, {}, inputsOf(reg!));
  expect(checked.inputs).not.toHaveProperty("maxMemberCount");
  const { id, properties } = await e2e.host.create(reg!.urn, checked.inputs);
  expect(properties.maxMemberCount).toBe(100_000);
  const read = await e2e.host.read(id, reg!.urn, properties);
  expect(read.properties.maxMemberCount).toBe(100_000);
  await expect(e2e.host.diff(id, reg!.urn, read.properties, checked.inputs)).resolves.toMatchObject({
    changes: "none",
  });

  // An unrelated change: the update must not send MaxMemberNum.
  const [reg2] = await e2e.register(
    programOf({ c: { type: "Community", name: "renamed community", groupId: "@TGS#_keep-size" } }),
  );
  const checked2 = await e2e.host.check(reg2!.urn, read.properties, inputsOf(reg2!));
  const updated = await e2e.host.update(id, reg2!.urn, read.properties, checked2.inputs);
  expect(updated.properties).toMatchObject({ name: "renamed community", maxMemberCount: 100_000 });
  expect(e2e.emulator.store.getGroup(id)?.MaxMemberNum).toBe(100_000);
});

test("declaring a maxMemberCount above 6000 for a Public group passes check only when the setting allows it", async () => {
  const [reg] = await e2e.register(
    programOf({ p: { type: "Public", name: "big", groupId: "big-public", maxMemberCount: 20_000 } }),
  );
  const refused = await e2e.host.check(reg!.urn, {}, inputsOf(reg!));
  expect(refused.failures).toEqual([
    expect.objectContaining({
      property: "maxMemberCount",
      reason: expect.stringMatching(/tencent-chat:maxMemberCount/),
    }),
  ]);
  const host = await e2e.newHost();
  await host.configure({ ...e2e.config, "tencent-chat:maxMemberCount": "20000" });
  const accepted = await host.check(reg!.urn, {}, inputsOf(reg!));
  expect(accepted.failures).toEqual([]);
  expect(accepted.inputs.maxMemberCount).toBe(20_000);
});
