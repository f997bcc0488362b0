/**
 * Regression (issue 5, found by the validation fuzz at ~6,900 cases): a `type` named like an Object.prototype
 * member ("valueOf", "toString", "constructor", "__proto__", …) was looked up in the field table's `refused` and
 * `aliases` records with a plain `record[value]`, which reads the prototype. check then returned a failure whose
 * `reason` was a FUNCTION (Object.prototype.valueOf), and canonical inputs whose `type` was a function or
 * Object.prototype itself; through the real provider host that is not a valid CheckResponse.
 * Fixed: own-property lookups (normalize.ts `ownEntry`, used by check.ts and normalize.ts).
 */
import { check } from "../../provider/resource/check";
import { canonicalType, normalizeInputs } from "../../provider/resource/normalize";
import { inputsOf, programOf, startE2E, type E2E } from "../../harness/e2e";

const PROTO_NAMES = [
  "valueOf",
  "toString",
  "constructor",
  "__proto__",
  "hasOwnProperty",
  "isPrototypeOf",
  "toLocaleString",
  "__defineGetter__",
];

describe.each(PROTO_NAMES)("%s", (name) => {
  test("as type: refused naming type, with a string reason; inputs stay plain JSON", () => {
    const { inputs, failures } = check({}, { type: name, name: "x" });
    expect(failures).toEqual([{ property: "type", reason: expect.stringContaining("type must be one of") }]);
    expect(JSON.parse(JSON.stringify(inputs))).toEqual(inputs);
    expect(inputs.type).toBe(name);
  });

  test("as applyJoinOption: refused, and normalisation never yields a prototype member", () => {
    const { inputs, failures } = check({}, { type: "Public", name: "x", applyJoinOption: name });
    expect(failures.map((f) => [f.property, typeof f.reason])).toEqual([["applyJoinOption", "string"]]);
    expect(inputs.applyJoinOption).toBe(name);
    expect(canonicalType(name)).toBeUndefined();
    expect(normalizeInputs({ type: name, name: "x" }).type).toBe(name);
  });
});

describe("through the real provider host", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 60_000);
  afterAll(() => e2e?.stop());

  test("Check answers a failure naming type (not a gRPC error), and nothing reaches the emulator", async () => {
    const [reg] = await e2e.register(programOf({ g: { type: "Public", name: "x" } }));
    for (const name of PROTO_NAMES) {
      const { failures } = await e2e.host.check(reg!.urn, {}, { ...inputsOf(reg!), type: name });
      expect(failures).toEqual([{ property: "type", reason: expect.stringContaining("type must be one of") }]);
    }
    expect(Object.values(e2e.emulator.counters()).reduce((a, b) => a + b, 0)).toBe(0);
  });
});
