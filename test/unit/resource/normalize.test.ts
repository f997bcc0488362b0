/** normalize.ts: the canonical form shared by check, diff and read (table-driven; found by mutation testing). */
import {
  canonicalType,
  containsUnknown,
  customGroupIdOf,
  jsonEqual,
  normalizeInputs,
} from "../../../provider/resource/normalize";
import { UNKNOWN } from "../../../provider/resource/types";

test("containsUnknown looks inside arrays and maps", () => {
  expect(containsUnknown([1, UNKNOWN])).toBe(true);
  expect(containsUnknown([1, 2])).toBe(false);
  expect(containsUnknown({ a: "x", b: UNKNOWN })).toBe(true);
  expect(containsUnknown({ a: "x" })).toBe(false);
});

test("canonicalType maps aliases and refuses anything else", () => {
  expect(canonicalType("Work")).toBe("Private");
  expect(canonicalType("Meeting")).toBe("ChatRoom");
  expect(canonicalType("Public")).toBe("Public");
  expect(canonicalType("AVChatRoom")).toBeUndefined();
  expect(canonicalType(7)).toBeUndefined();
});

describe("normalizeInputs", () => {
  test('custom-field values that mean absent ("", null, undefined) are dropped; keys sorted', () => {
    const n = normalizeInputs({
      type: "Public",
      name: "n",
      appDefinedData: { z: "1", a: "", b: null, c: undefined, m: "2" },
    });
    expect(n.appDefinedData).toEqual({ m: "2", z: "1" });
    expect(Object.keys(n.appDefinedData as object)).toEqual(["m", "z"]);
  });

  test("an object where a text is expected passes through untouched (check reports it)", () => {
    const name = { b: "", a: "x" };
    expect(normalizeInputs({ type: "Public", name }).name).toBe(name);
  });

  test("absent inputs without a default are absent keys, not undefined entries", () => {
    const keys = Object.keys(normalizeInputs({ type: "Public", name: "n" }));
    expect(keys).not.toContain("groupId");
    expect(keys).not.toContain("ownerAccount");
    expect(keys).not.toContain("maxMemberCount"); // sticky: absent means the service's value (DECISIONS D52)
    expect(keys).toContain("introduction"); // defaults are filled in
  });

  test("unknown values stay the placeholder", () => {
    const n = normalizeInputs({ type: "Public", name: UNKNOWN, appDefinedData: UNKNOWN });
    expect(n.name).toBe(UNKNOWN);
    expect(n.appDefinedData).toBe(UNKNOWN);
  });
});

test.each([
  [{ customGroupId: true }, true],
  [{ customGroupId: false, groupId: "mine" }, false],
  [{ groupId: "mine" }, true],
  [{ groupId: "@TGS#2J4SZEAEL" }, false],
  [{ groupId: "@TGS#_community" }, true],
  [{ groupId: "" }, false],
  [{ groupId: 5 }, false],
  [{}, false],
])("customGroupIdOf(%j) = %p", (props, expected) => {
  expect(customGroupIdOf(props)).toBe(expected);
});

test.each([
  [[1, 2], [1, 2], true],
  [[1, 2], [2, 1], false],
  [[1, 2], [1, 3], false],
  [[1], [1, 2], false],
  [[1], { 0: 1 }, false],
  [{ 0: 1 }, [1], false],
  [{ a: 1, b: undefined }, { a: 1 }, true],
  [{ a: 1 }, { a: 1, b: undefined }, true],
  [{ a: 1 }, { a: 1, b: 2 }, false],
  [{ a: { b: [1] } }, { a: { b: [1] } }, true],
  [{ a: 1 }, { b: 1 }, false],
  [{ toString: "x" }, { valueOf: "x" }, false],
])("jsonEqual(%j, %j) = %p", (a, b, expected) => {
  expect(jsonEqual(a, b)).toBe(expected);
});
