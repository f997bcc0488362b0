/**
 * Fuzzed validation of ChatGroup inputs (issue 5): the properties, run by
 * test/unit/resource/validation.fuzz.test.ts (reduced count in `npm test`) and at full count by `npm run test:fuzz`
 * (FUZZ_RUNS=10000). Every run is seeded (FUZZ_SEED, default {@link DEFAULT_SEED}); a failure prints the seed and
 * the path to replay it.
 *
 * Properties:
 * 1. every input that breaks exactly one rule is refused by check, and every failure names the broken property;
 *    arbitrary junk is refused exactly on the properties an independent oracle (oracle.ts) says are broken;
 * 2. (host level, test/integration/provider/fuzz-host.test.ts) invalid inputs never reach the emulator;
 * 3. every valid input is accepted by check, created by the real lifecycle against a real emulator, and the
 *    read-back outputs diff as no change against the inputs; inputs holding Pulumi's unknown placeholder are accepted;
 * 4. every in-place change of custom fields (keys added, changed, removed, many named like Object.prototype members)
 *    is sent as exactly that change, and the live group then holds exactly the new fields.
 */
import fc from "fast-check";
import type { ChatClient } from "../../provider/client/client";
import { check } from "../../provider/resource/check";
import { diff } from "../../provider/resource/diff";
import { createGroup, deleteGroup, readGroup, updateGroup } from "../../provider/resource/lifecycle";
import { toModifyRequest } from "../../provider/resource/mapping";
import type { RunningEmulator } from "../../emulator";
import { type Input } from "./arbitraries";
import { brokenProperties, topLevel } from "./oracle";

export * from "./arbitraries";
export { brokenProperties, topLevel } from "./oracle";

/** Seed used when FUZZ_SEED is not set: runs are reproducible. */
export const DEFAULT_SEED = 5_2026_1127;

/** Run counts and seed, from FUZZ_RUNS / FUZZ_SEED. */
export interface FuzzConfig {
  seed: number;
  /** Runs of the pure check properties (each). */
  checkRuns: number;
  /** Runs of the create-against-the-emulator property (slower: four HTTP calls each). */
  emulatorRuns: number;
  /** Invalid inputs sent through the real provider host's Check. */
  hostRuns: number;
}

/**
 * {@link fuzzConfig} reads FUZZ_RUNS (default 300: the `npm test` count), FUZZ_SEED and FUZZ_EMULATOR_RUNS (default
 * max(100, FUZZ_RUNS/10); 0 skips the properties that run against an emulator, as mutation testing does for speed).
 */
export function fuzzConfig(env: NodeJS.ProcessEnv = process.env): FuzzConfig {
  const runs = env.FUZZ_RUNS === undefined ? 300 : Number(env.FUZZ_RUNS);
  if (!Number.isSafeInteger(runs) || runs < 1)
    throw new Error(`FUZZ_RUNS must be a positive integer, got ${JSON.stringify(env.FUZZ_RUNS)}`);
  const seed = env.FUZZ_SEED === undefined ? DEFAULT_SEED : Number(env.FUZZ_SEED);
  if (!Number.isSafeInteger(seed))
    throw new Error(`FUZZ_SEED must be an integer, got ${JSON.stringify(env.FUZZ_SEED)}`);
  const emulatorRuns =
    env.FUZZ_EMULATOR_RUNS === undefined ? Math.max(100, Math.ceil(runs / 10)) : Number(env.FUZZ_EMULATOR_RUNS);
  if (!Number.isSafeInteger(emulatorRuns) || emulatorRuns < 0)
    throw new Error(`FUZZ_EMULATOR_RUNS must be a whole number, got ${JSON.stringify(env.FUZZ_EMULATOR_RUNS)}`);
  return { seed, checkRuns: runs, emulatorRuns, hostRuns: Math.max(100, Math.ceil(runs / 10)) };
}

/** Whether a failure property names `field` (itself, or a member such as `appDefinedData.<key>`). */
export function names(property: string, field: string): boolean {
  return property === field || property.startsWith(`${field}.`);
}

/** Property 1a: a single broken rule is refused, and only the broken property is named (each reason names it too). */
export function assertRefusedNamingField(field: string, input: Input): void {
  const { failures } = check({}, input);
  if (failures.length === 0) throw new Error(`check accepted an input whose ${field} is invalid`);
  for (const f of failures) {
    if (!names(f.property, field))
      throw new Error(`failure names ${f.property}, but only ${field} is broken: ${f.reason}`);
    if (!f.reason.includes(field === f.property ? field : f.property.split(".")[0]!))
      throw new Error(`reason does not name ${field}: ${f.reason}`);
  }
}

/** Property 1b: check refuses exactly the properties the oracle says are broken (and accepts when none is). */
export function assertAgreesWithOracle(input: Input): void {
  const expected = [...brokenProperties(input)].sort();
  const { failures } = check({}, input);
  const got = [...new Set(failures.map((f) => topLevel(f.property, input)))].sort();
  if (JSON.stringify(got) !== JSON.stringify(expected)) {
    throw new Error(`check names ${JSON.stringify(got)}; the rules say ${JSON.stringify(expected)}`);
  }
}

/** Property 3a: a valid input is accepted, and its canonical form is a fixed point that diffs as no change. */
export function assertAccepted(input: Input): Record<string, unknown> {
  const { inputs, failures } = check({}, input);
  if (failures.length > 0) throw new Error(`check refused a valid input: ${JSON.stringify(failures)}`);
  if (check({}, inputs).failures.length > 0) throw new Error("check refused its own canonical output");
  if (diff(inputs, input).changes) throw new Error("the canonical form diffs against the program's inputs");
  return inputs;
}

/**
 * {@link withUniqueGroupId} makes a custom id unique per run (suffix `~<n>`), keeping its prefix rules and limit.
 */
export function withUniqueGroupId(input: Input, n: number): Input {
  if (typeof input.groupId !== "string") return input;
  const suffix = `~${n.toString(36)}`;
  return { ...input, groupId: input.groupId.slice(0, 48 - suffix.length) + suffix };
}

/**
 * Property 3b: check accepts the input, the real lifecycle creates it on the emulator, the read-back outputs
 * (and a refresh's inputs) diff as no change, and the group is then destroyed, leaving the emulator empty.
 */
export async function assertCreatedAsDeclared(client: ChatClient, emu: RunningEmulator, input: Input): Promise<void> {
  const checked = assertAccepted(input);
  // The service requires the owner to be an imported account (10019 otherwise).
  if (typeof input.ownerAccount === "string") await client.accountImport({ UserID: input.ownerAccount });
  const { id, outs } = await createGroup(client, checked);
  try {
    const wanted = typeof input.groupId === "string" ? input.groupId : undefined;
    if (wanted !== undefined && id !== wanted)
      throw new Error(`created ${JSON.stringify(id)}, declared ${JSON.stringify(wanted)}`);
    for (const [label, olds, news] of [
      ["outputs vs checked inputs", outs, checked],
      ["outputs vs program inputs", outs, input],
    ] as const) {
      const d = diff(olds, news);
      if (d.changes)
        throw new Error(
          `${label} diff as a change (replaces ${JSON.stringify(d.replaces)}): ${JSON.stringify({ outs, news })}`,
        );
    }
    const refreshed = await readGroup(client, id, outs);
    if (refreshed.id !== id || diff(refreshed.props, checked).changes)
      throw new Error(`a refresh right after create drifts: ${JSON.stringify(refreshed)}`);
    const reChecked = check({}, refreshed.inputs);
    if (reChecked.failures.length > 0)
      throw new Error(`a refresh's inputs fail check: ${JSON.stringify(reChecked.failures)}`);
  } finally {
    await deleteGroup(client, id);
  }
  if (emu.store.getGroup(id) !== undefined) throw new Error(`group ${id} survived destroy`);
}

/** The documented state of a custom-field map: a key with value "" is absent. */
const present = (m: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(m).filter(([, v]) => v !== ""));
const own = (m: object, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k);

/**
 * Property 4a: the modify_group_base_info body for a custom-field change, applied with the documented semantics
 * (each entry sets its key; `Value: ""` deletes it), turns the old fields into exactly the new ones, and sends
 * nothing for keys that did not change.
 */
export function assertModifySendsTheChange(before: Record<string, string>, after: Record<string, string>): void {
  const base = { type: "Public", name: "custom-fields" };
  const req = toModifyRequest("g", { ...base, appDefinedData: before }, { ...base, appDefinedData: after });
  const entries = (req?.AppDefinedData ?? []) as { Key: string; Value: unknown }[];
  const state = new Map(Object.entries(present(before)));
  for (const { Key, Value } of entries) {
    if (typeof Value !== "string") throw new Error(`${Key} is sent as ${typeof Value}, not a string`);
    const wanted = own(present(after), Key) ? present(after)[Key] : "";
    if (Value !== wanted)
      throw new Error(`${Key} is sent as ${JSON.stringify(Value)}; the program says ${JSON.stringify(wanted)}`);
    if ((state.get(Key) ?? "") === Value) throw new Error(`${Key} is sent although it did not change`);
    if (Value === "") state.delete(Key);
    else state.set(Key, Value);
  }
  const got = Object.fromEntries([...state].sort(([a], [b]) => (a < b ? -1 : 1)));
  if (
    JSON.stringify(got) !==
    JSON.stringify(Object.fromEntries(Object.entries(present(after)).sort(([a], [b]) => (a < b ? -1 : 1))))
  ) {
    throw new Error(
      `applying ${JSON.stringify(entries)} to ${JSON.stringify(before)} gives ${JSON.stringify(got)}, not ${JSON.stringify(after)}`,
    );
  }
}

/** Numbers the groups of property 4b. */
let customFieldGroups = 0;

/**
 * Property 4b: through the real lifecycle against the emulator, a group created with `before` and updated to
 * `after` holds exactly the new fields (read from the emulator's own store), the outputs say so, and a refresh
 * then shows no change.
 */
export async function assertCustomFieldsUpdated(
  client: ChatClient,
  emu: RunningEmulator,
  before: Record<string, string>,
  after: Record<string, string>,
): Promise<void> {
  // One declared id for both checks (without one, each check would choose its own: ids.ts).
  const base = { type: "Public", name: "custom-fields", groupId: `custom-fields-${++customFieldGroups}` };
  const olds = assertAccepted({ ...base, appDefinedData: before });
  const news = assertAccepted({ ...base, appDefinedData: after });
  const { id, outs } = await createGroup(client, olds);
  try {
    const { outs: updated } = await updateGroup(client, id, outs, news);
    const live = Object.fromEntries((emu.store.getGroup(id)?.AppDefinedData ?? []).map((e) => [e.Key, e.Value]));
    const want = present(after);
    if (!jsonSame(live, want))
      throw new Error(`the live group holds ${JSON.stringify(live)}; the program says ${JSON.stringify(want)}`);
    if (!jsonSame(updated.appDefinedData ?? {}, want))
      throw new Error(
        `outputs say ${JSON.stringify(updated.appDefinedData)}; the program says ${JSON.stringify(want)}`,
      );
    const refreshed = await readGroup(client, id, updated);
    if (diff(refreshed.props, news).changes)
      throw new Error(`a refresh after the update drifts: ${JSON.stringify(refreshed.props)}`);
  } finally {
    await deleteGroup(client, id);
  }
}

function jsonSame(a: object, b: object): boolean {
  const sorted = (o: object) => JSON.stringify(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : 1)));
  return sorted(a) === sorted(b);
}

/** Property 3c: a valid input with values not known yet (preview) is accepted by check. */
export function assertPreviewAccepted(input: Input): void {
  const { failures } = check({}, input);
  if (failures.length > 0)
    throw new Error(`check refused a valid input with unknown values: ${JSON.stringify(failures)}`);
}

/** fast-check parameters for a property of `runs` runs. */
export function params(cfg: FuzzConfig, runs: number): fc.Parameters<unknown> {
  return { seed: cfg.seed, numRuns: runs, endOnFailure: false };
}
