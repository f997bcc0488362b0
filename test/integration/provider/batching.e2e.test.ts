/**
 * Batched reads through the REAL provider host: N concurrent Read RPCs (what `pulumi refresh` sends) must share
 * get_group_info calls of up to 50 ids, each Read still answering for its own group. Counts of calls, not timings.
 */
import type { Props } from "../../../harness/host";
import { inputsOf, programOf, startE2E, type E2E } from "../../../harness/e2e";

const N = 120;
const bound = (n: number) => Math.ceil(n / 50) + 2;

let e2e: E2E;
/** The N groups created through the host: id, urn and outputs (with `__provider`) as state would hold them. */
let groups: { id: string; urn: string; outs: Props; name: string }[];

beforeAll(async () => {
  e2e = await startE2E();
  const decl = Object.fromEntries(
    Array.from({ length: N }, (_, i) => [`g${i}`, { type: "Public", name: `batch ${i}`, groupId: `batch-${i}` }]),
  );
  const regs = await e2e.register(programOf(decl));
  groups = await Promise.all(
    regs.map(async (reg) => {
      const checked = await e2e.host.check(reg.urn, {}, inputsOf(reg));
      const { id, properties } = await e2e.host.create(reg.urn, checked.inputs);
      return { id, urn: reg.urn, outs: properties, name: checked.inputs.name as string };
    }),
  );
}, 60_000);
afterAll(() => e2e?.stop());

test(`creating ${N} groups concurrently: every read-back is batched too (fewer get_group_info calls than groups)`, () => {
  const c = e2e.emulator.counters();
  expect(c.import_group).toBe(N);
  expect(c.get_group_info).toBeLessThan(N);
  process.stdout.write(`batching.e2e: create of ${N} groups → ${c.get_group_info} get_group_info read-back calls\n`);
  expect(groups.every((g) => g.id === g.outs.groupId)).toBe(true);
});

test(`refresh of ${N} groups: at most ceil(N/50) + 2 get_group_info calls, each Read answers for its own group; a gone one reads as ""`, async () => {
  const gone = groups[77]!;
  await e2e.client.destroyGroup({ GroupId: gone.id });
  e2e.emulator.resetCounters();
  const reads = await Promise.all(groups.map((g) => e2e.host.read(g.id, g.urn, g.outs)));
  const calls = e2e.emulator.counters().get_group_info;
  expect(calls).toBeLessThanOrEqual(bound(N));
  expect(calls).toBeGreaterThanOrEqual(Math.ceil(N / 50));
  reads.forEach((r, i) => {
    const g = groups[i]!;
    if (g === gone) {
      expect(r.id).toBe("");
    } else {
      expect(r.id).toBe(g.id);
      expect(r.properties).toMatchObject({ groupId: g.id, name: g.name, type: "Public" });
    }
  });
  // Recorded for the report / README: the measured number of calls.
  process.stdout.write(`batching.e2e: refresh of ${N} groups → ${calls} get_group_info calls (bound ${bound(N)})\n`);
});

test("a lone Read is still one get_group_info call", async () => {
  const g = groups[3]!;
  e2e.emulator.resetCounters();
  await expect(e2e.host.read(g.id, g.urn, g.outs)).resolves.toMatchObject({ id: g.id, properties: { name: g.name } });
  expect(e2e.emulator.counters().get_group_info).toBe(1);
});

test("under a 50/s quota on import_group and get_group_info, 150 concurrent creates through the host all succeed", async () => {
  const M = 150;
  const decl = Object.fromEntries(
    Array.from({ length: M }, (_, i) => [`q${i}`, { type: "Private", name: `quota ${i}`, groupId: `quota-${i}` }]),
  );
  const regs = await e2e.register(programOf(decl));
  e2e.emulator.resetCounters();
  e2e.emulator.setQuota("import_group", 50);
  e2e.emulator.setQuota("get_group_info", 50);
  try {
    const results = await Promise.allSettled(
      regs.map(async (reg) => {
        const checked = await e2e.host.check(reg.urn, {}, inputsOf(reg));
        return e2e.host.create(reg.urn, checked.inputs);
      }),
    );
    const failed = results.filter((r) => r.status === "rejected");
    expect(failed).toEqual([]);
    const c = e2e.emulator.counters();
    expect(regs.every((r) => e2e.emulator.store.getGroup(`quota-${r.name.slice(1)}`) !== undefined)).toBe(true);
    process.stdout.write(
      `batching.e2e: ${M} creates at 50/s → ${c.import_group - M} import_group refusals, ${c.get_group_info} get_group_info calls (incl. refusals)\n`,
    );
  } finally {
    e2e.emulator.setQuota("import_group", undefined);
    e2e.emulator.setQuota("get_group_info", undefined);
  }
}, 60_000);
