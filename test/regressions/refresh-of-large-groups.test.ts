/**
 * Refresh of groups with many members, through the REAL provider host. get_group_info without a ResponseFilter
 * returns every member of every group, and the service refuses answers over 1 MB with 10018
 * (https://cloud.tencent.com/document/product/269/1616): a batched refresh of 50 groups of 300 members each failed.
 * Reads now ask only for the fields the resource manages, and a 10018 that still happens halves the batch.
 */
import type { Props } from "../../harness/host";
import { inputsOf, programOf, startE2E, type E2E } from "../../harness/e2e";

const GROUPS = 50;
const MEMBERS = 300;

/** Creates `n` groups through the host, then gives each `members` imported accounts as members (out of band). */
async function largeGroups(e2e: E2E, prefix: string, n: number, members: number) {
  const decl = Object.fromEntries(
    Array.from({ length: n }, (_, i) => [
      `${prefix}${i}`,
      { type: "Public", name: `${prefix} ${i}`, groupId: `${prefix}-${i}`, maxMemberCount: 2000 },
    ]),
  );
  const regs = await e2e.register(programOf(decl));
  const created = await Promise.all(
    regs.map(async (reg) => {
      const checked = await e2e.host.check(reg.urn, {}, inputsOf(reg));
      const { id, properties } = await e2e.host.create(reg.urn, checked.inputs);
      return { id, urn: reg.urn, outs: properties as Props };
    }),
  );
  for (const g of created) {
    const group = e2e.emulator.store.getGroup(g.id)!;
    const list = Array.from({ length: members }, (_, m) => `${g.id}-user-${m}`);
    for (const account of list) e2e.emulator.store.putAccount(account);
    e2e.emulator.store.putGroup({
      ...group,
      Members: list.map((Member_Account) => ({ Member_Account, Role: "Member" as const, JoinTime: 1 })),
    });
  }
  return created;
}

describe(`refresh of ${GROUPS} groups of ${MEMBERS} members`, () => {
  let e2e: E2E;
  let groups: Awaited<ReturnType<typeof largeGroups>>;
  beforeAll(async () => {
    e2e = await startE2E();
    groups = await largeGroups(e2e, "big", GROUPS, MEMBERS);
  }, 120_000);
  afterAll(() => e2e?.stop());

  test("an unfiltered get_group_info of these groups is over 1 MB (10018): the case is real", async () => {
    await expect(e2e.client.getGroupInfo({ GroupIdList: groups.map((g) => g.id) })).rejects.toMatchObject({
      errorCode: 10018,
    });
  });

  test("every Read succeeds with memberNum 300, in at most ceil(50/50) + 2 get_group_info calls", async () => {
    e2e.emulator.resetCounters();
    const reads = await Promise.all(groups.map((g) => e2e.host.read(g.id, g.urn, g.outs)));
    reads.forEach((r, i) => {
      expect(r.id).toBe(groups[i]!.id);
      expect(r.properties).toMatchObject({ groupId: groups[i]!.id, memberNum: MEMBERS, maxMemberCount: 2000 });
      expect(r.properties).not.toHaveProperty("MemberList");
    });
    const calls = e2e.emulator.counters().get_group_info;
    expect(calls).toBeGreaterThanOrEqual(1);
    expect(calls).toBeLessThanOrEqual(3);
  });
});

describe("a 10018 that still happens halves the batch instead of failing the refresh", () => {
  let e2e: E2E;
  let groups: Awaited<ReturnType<typeof largeGroups>>;
  beforeAll(async () => {
    // A tiny reply limit: even the filtered answer for 50 groups is too large, so the client must split.
    e2e = await startE2E({ behaviour: { maxReplyBytes: 4000 } });
    groups = await largeGroups(e2e, "small", GROUPS, 3);
  }, 120_000);
  afterAll(() => e2e?.stop());

  test("every Read succeeds; some calls were refused with 10018 and split", async () => {
    e2e.emulator.resetCounters();
    const reads = await Promise.all(groups.map((g) => e2e.host.read(g.id, g.urn, g.outs)));
    reads.forEach((r, i) => expect(r).toMatchObject({ id: groups[i]!.id, properties: { memberNum: 3 } }));
    const calls = e2e.emulator.counters().get_group_info;
    // More calls than batches: the refused ones were halved and asked again (each half under the limit).
    expect(calls).toBeGreaterThan(Math.ceil(GROUPS / 50));
  });
});
