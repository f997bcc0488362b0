/**
 * Regression (issue 5, emulator robustness): with `--accept-type-aliases`, import_group looked the Type up in its
 * alias table with a plain `TYPE_ALIASES[value]`, so `Type: "constructor"` (or "toString", "valueOf", …) found
 * an Object.prototype member and the handler stored a FUNCTION as the group's type: the store's structuredClone
 * threw and the client got 10002 "internal server error" instead of the documented 10004 naming Type.
 * Fixed in emulator/validate.ts (own-property lookup).
 */
import { failure, startHarness, type Harness } from "../integration/emulator/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ behaviour: { acceptTypeAliases: true } });
});
afterAll(() => h.emu.close());

test.each(["constructor", "toString", "valueOf", "__proto__", "hasOwnProperty"])(
  "Type %s → 10004 naming Type, nothing stored",
  async (type) => {
    const res = await h.call("import_group", { Type: type, Name: "n", GroupId: `proto-${type}` });
    expect(res.status).toBe(200);
    expect(res.json).toEqual(failure(10004, "Type must be one of"));
    expect(h.emu.store.getGroup(`proto-${type}`)).toBeUndefined();
  },
);

test("the aliases themselves still work", async () => {
  const res = await h.call("import_group", { Type: "Work", Name: "n", GroupId: "alias-work" });
  expect(res.json).toMatchObject({ ErrorCode: 0 });
  expect(h.emu.store.getGroup("alias-work")!.Type).toBe("Private");
});
