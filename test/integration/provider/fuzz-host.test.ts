/**
 * Fuzzed validation through the REAL provider host (issue 5, property 2): a seeded sample of invalid inputs goes
 * through the host's Check over gRPC (with the real serialized `__provider`), exactly as the engine sends them.
 * Each is refused naming the broken property, the host's answer equals the in-process check's, and the host's Check
 * sends no request to the service (Check never builds a client; the emulator's counter is shown to be live by a
 * valid create through the same host at the end). 100 inputs in `npm test`; FUZZ_RUNS=10000 sends 1,000.
 */
import fc from "fast-check";
import { check } from "../../../provider/resource/check";
import { inputsOf, programOf, startE2E, type E2E } from "../../../harness/e2e";
import { fuzzConfig, invalidInputs, junkInputs, names, type Input } from "../../fuzz/validation.fuzz";
import { FUZZ_APP_PROFILES } from "../../fuzz/arbitraries";

const cfg = fuzzConfig();
let e2e: E2E;
let urn: string;
let provider: unknown;
beforeAll(async () => {
  e2e = await startE2E();
  // The app profiles the fuzz may name exist, so the provider's profile check agrees with the pure check.
  const profile = { sdkAppId: 1400099999, secretKey: "fuzz-profile-key" };
  await e2e.host.configure({
    ...e2e.config,
    "tencent-chat:apps": JSON.stringify(Object.fromEntries(FUZZ_APP_PROFILES.map((n) => [n, profile]))),
  });
  const [reg] = await e2e.register(programOf({ g: { type: "Public", name: "fuzz" } }));
  urn = reg!.urn;
  provider = inputsOf(reg!).__provider;
}, 60_000);
afterAll(() => e2e?.stop());

/**
 * The input as it can cross a protobuf Struct, or undefined when it cannot: lone surrogates become U+FFFD (the same
 * 3 UTF-8 bytes, so validity is unchanged; protobuf's UTF-8 encoding, like the Pulumi SDK's own, would otherwise
 * mangle them), and inputs holding NaN, ±Infinity or -0 (no JSON form) or a "__proto__" key (Struct.toJavaScript on
 * the host side assigns it, which sets a prototype instead of a key) are skipped.
 */
function forStruct(input: Input): Input | undefined {
  const wf = (s: string): string => (s as string & { toWellFormed(): string }).toWellFormed();
  let safe = true;
  const walk = (v: unknown): unknown => {
    if (typeof v === "number" && (!Number.isFinite(v) || Object.is(v, -0))) safe = false;
    if (typeof v === "string") return wf(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === "object" && v !== null && Object.prototype.hasOwnProperty.call(v, "__proto__")) safe = false;
    if (typeof v === "object" && v !== null)
      return Object.fromEntries(
        Object.entries(v)
          .filter(([, x]) => x !== undefined)
          .map(([k, x]) => [wf(k), walk(x)]),
      );
    return v;
  };
  const out = walk(input) as Input;
  return safe ? out : undefined;
}

/** Failures in a canonical order: a Struct does not keep map key order, so same-field failures may come reordered. */
const sorted = (fs: { property: string; reason: string }[]) =>
  [...fs].sort((a, b) => (a.property + a.reason < b.property + b.reason ? -1 : 1));

const totalRequests = (): number => Object.values(e2e.emulator.counters()).reduce((a, b) => a + b, 0);

test(
  `${cfg.hostRuns} invalid inputs through the host's Check: all refused, same failures as in process, 0 requests`,
  async () => {
    e2e.emulator.resetCounters();
    const single = fc
      .sample(invalidInputs, { seed: cfg.seed, numRuns: cfg.hostRuns * 2 })
      .flatMap((s) => {
        const input = forStruct(s.input);
        return input === undefined ? [] : [{ ...s, input }];
      })
      .slice(0, cfg.hostRuns);
    expect(single.length).toBe(cfg.hostRuns);
    for (const { field, input, label } of single) {
      const { failures } = await e2e.host.check(urn, {}, { ...input, __provider: provider });
      if (failures.length === 0 || !failures.every((f) => names(f.property, field))) {
        throw new Error(`${label}: host answered ${JSON.stringify(failures)} for ${JSON.stringify(input)}`);
      }
      expect(sorted(failures)).toEqual(sorted(check({}, input).failures));
    }
    expect(totalRequests()).toBe(0);
    // The zero above is measured, not assumed: the same host, stack config and counter see a valid create.
    const valid = await e2e.host.check(urn, {}, { type: "Public", name: "fuzz-control", __provider: provider });
    expect(valid.failures).toEqual([]);
    await e2e.host.create(urn, valid.inputs);
    expect(e2e.emulator.counters().import_group).toBe(1);
  },
  5 * 60_000,
);

test(
  "junk that check refuses never reaches the emulator either",
  async () => {
    e2e.emulator.resetCounters();
    const refused = fc
      .sample(junkInputs, { seed: cfg.seed + 1, numRuns: cfg.hostRuns * 2 })
      .flatMap((raw) => {
        const input = forStruct(raw);
        return input !== undefined && check({}, input).failures.length > 0 ? [input] : [];
      })
      .slice(0, cfg.hostRuns);
    expect(refused.length).toBe(cfg.hostRuns);
    for (const input of refused) {
      const { failures } = await e2e.host.check(urn, {}, { ...input, __provider: provider });
      expect(sorted(failures)).toEqual(sorted(check({}, input).failures));
    }
    expect(totalRequests()).toBe(0);
  },
  5 * 60_000,
);
