/**
 * Regression (issue 14, defect 1): removing appDefinedData keys named like Object.prototype members ("toString",
 * "constructor", "valueOf") sent the prototype's function text as their new value, because the removed key's new
 * value was looked up on a plain object: the live group then held "function toString() { [native code] }".
 * Fixed: toModifyRequest reads own entries only (normalize.ts `ownEntry`). Driven through the real provider host.
 */
import { toModifyRequest } from "../../provider/resource/mapping";
import { inputsOf, programOf, startE2E, type E2E } from "../../harness/e2e";

const BUILTINS = { toString: "a", constructor: "b", valueOf: "c", isPrototypeOf: "d" };

test("the modify body deletes each removed built-in-named key with an empty value", () => {
  const olds = { type: "Public", name: "g", appDefinedData: { ...BUILTINS, team: "x" } };
  const news = { type: "Public", name: "g", appDefinedData: { team: "x" } };
  expect(toModifyRequest("g1", olds, news)?.AppDefinedData).toEqual(
    Object.keys(BUILTINS)
      .sort()
      .map((Key) => ({ Key, Value: "" })),
  );
  // And the reverse: adding them sends their own values, not the prototype's.
  expect(toModifyRequest("g1", news, olds)?.AppDefinedData).toEqual(
    Object.entries(BUILTINS)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([Key, Value]) => ({ Key, Value })),
  );
});

describe("through the real provider host", () => {
  let e2e: E2E;
  beforeAll(async () => {
    e2e = await startE2E();
  }, 60_000);
  afterAll(() => e2e?.stop());

  test("create with built-in-named keys, remove them: the live group keeps only the remaining key", async () => {
    const [first] = await e2e.register(
      programOf({ g: { type: "Public", name: "g", appDefinedData: { ...BUILTINS, team: "x" } } }),
    );
    const checked = await e2e.host.check(first!.urn, {}, inputsOf(first!));
    expect(checked.failures).toEqual([]);
    const { id, properties: outs } = await e2e.host.create(first!.urn, checked.inputs);
    expect(e2e.emulator.store.getGroup(id)!.AppDefinedData).toEqual(
      [...Object.entries(BUILTINS), ["team", "x"]]
        .sort(([a], [b]) => (a! < b! ? -1 : 1))
        .map(([Key, Value]) => ({ Key, Value })),
    );

    const [second] = await e2e.register(programOf({ g: { type: "Public", name: "g", appDefinedData: { team: "x" } } }));
    const next = await e2e.host.check(second!.urn, checked.inputs, inputsOf(second!));
    expect(next.failures).toEqual([]);
    const planned = await e2e.host.diff(id, second!.urn, outs, next.inputs);
    expect(planned).toMatchObject({ changes: "some", replaces: [] });
    const { properties: updated } = await e2e.host.update(id, second!.urn, outs, next.inputs);

    expect(e2e.emulator.store.getGroup(id)!.AppDefinedData).toEqual([{ Key: "team", Value: "x" }]);
    expect(updated.appDefinedData).toEqual({ team: "x" });
    // A refresh reads the same, and the program then shows no change.
    const read = await e2e.host.read(id, second!.urn, updated);
    expect(read.properties.appDefinedData).toEqual({ team: "x" });
    expect((await e2e.host.diff(id, second!.urn, read.properties, next.inputs)).changes).toBe("none");
  });
});
