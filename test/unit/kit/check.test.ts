/** checkTable: every failure names its field and the fix; unknowns are never validated; canonical inputs. */
import { canonicalInputs, checkTable } from "../../../provider/kit/check";
import { UNKNOWN } from "../../../provider/resource/types";
import { TABLE } from "./fixture";

const base = { thingId: "a-1" };

describe("checkTable failures", () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ["missing required", {}, "thingId", /thingId is required\. Set it: The id\./],
    ["empty string", { thingId: "" }, "thingId", /must not be empty/],
    [
      "too many bytes (UTF-8)",
      { ...base, label: "ééé1" },
      "label",
      /7 bytes in UTF-8; the limit is 6 bytes\. Shorten it/,
    ],
    ["pattern", { thingId: "A_B" }, "thingId", /must contain only a-z, 0-9 and -; got "A_B"/],
    ["wrong kind", { thingId: 7 }, "thingId", /thingId must be a string; got number 7/],
    ["int range", { ...base, count: 11 }, "count", /count has value 11; it must be from 1 to 10\. Change it/],
    ["int not integer", { ...base, count: 1.5 }, "count", /count must be an integer/],
    ["bool extra value", { ...base, flag: "yes" }, "flag", /flag must be true, false or "overwrite"; got "yes"/],
    ["enum", { ...base, mode: "Medium" }, "mode", /mode must be one of "Fast", "Slow"; got "Medium"/],
    ["enum case hint", { ...base, mode: "fast" }, "mode", /Did you mean "Fast"\?/],
    ["map value kind", { ...base, tags: { a: 1 } }, "tags.a", /tags\.a must be a string/],
    ["map value bytes", { ...base, tags: { a: "12345" } }, "tags.a", /5 bytes.*limit is 4/],
    [
      "map key count",
      { ...base, tags: { a: "1", b: "2", c: "3" } },
      "tags",
      /tags has 3 keys; it must be at most 2 keys/,
    ],
    ["list kind", { ...base, names: "x" }, "names", /names must be a list of strings/],
    [
      "list length",
      { ...base, names: ["a", "b", "c", "d"] },
      "names",
      /names has 4 entries; it must be at most 3 entries/,
    ],
    ["list element bytes", { ...base, names: ["abcd"] }, "names[0]", /names\[0\] is 4 bytes/],
    ["list element empty", { ...base, names: [""] }, "names[0]", /names\[0\] must not be empty/],
    ["item required", { ...base, members: [{}] }, "members[0].account", /members\[0\]\.account is required/],
    [
      "item enum",
      { ...base, members: [{ account: "u", role: "Owner" }] },
      "members[0].role",
      /one of "Member", "Admin"/,
    ],
    [
      "item unknown field",
      { ...base, members: [{ account: "u", rol: "Admin" }] },
      "members[0].rol",
      /Did you mean role\?/,
    ],
    ["item not object", { ...base, members: ["u"] }, "members[0]", /members\[0\] must be an object/],
    [
      "item unique",
      { ...base, members: [{ account: "u" }, { account: "u" }] },
      "members[1].account",
      /already declared at members\[0\]/,
    ],
    [
      "unknown input, near",
      { ...base, lable: "x" },
      "lable",
      /lable is not an input of this resource\. Did you mean label\?/,
    ],
    ["unknown input, far", { ...base, zzzzzz: 1 }, "zzzzzz", /Valid inputs: thingId, label/],
    ["cross-field rule", { ...base, mode: "Fast", secretish: "no" }, "secretish", /must not be no with mode Fast/],
  ];
  test.each(cases)("%s", (_name, news, property, reason) => {
    const { failures } = checkTable(TABLE, {}, news);
    const f = failures.find((x) => x.property === property);
    expect(f?.reason).toMatch(reason);
  });

  test("a secret value is never quoted", () => {
    const { failures } = checkTable(TABLE, {}, { ...base, secretish: 42 });
    expect(failures[0]!.reason).toBe("secretish must be a string; got a secret value.");
  });

  test("every failure at once, in table order", () => {
    const { failures } = checkTable(TABLE, {}, { label: "toolongvalue", thingId: "", count: 0 });
    expect(failures.map((f) => f.property)).toEqual(["thingId", "label", "count"]);
  });

  test("run-time limits override the table's", () => {
    expect(checkTable(TABLE, {}, { ...base, names: ["a", "b"] }, { limits: { names: { max: 1 } } }).failures).toEqual([
      { property: "names", reason: "names has 2 entries; it must be at most 1 entries. Change it." },
    ]);
  });

  test("prototype names are plain unknown inputs", () => {
    const { failures, inputs } = checkTable(
      TABLE,
      {},
      JSON.parse('{"thingId":"a","constructor":1,"__proto__":{"x":1}}'),
    );
    expect(failures.map((f) => f.property)).toEqual(["constructor"]);
    expect(Object.getPrototypeOf(inputs)).toBe(Object.prototype);
  });
});

describe("checkTable with values not known yet", () => {
  test.each([
    ["a whole value", { thingId: UNKNOWN, count: UNKNOWN }],
    ["a map value", { ...base, tags: { a: UNKNOWN } }],
    ["a list element", { ...base, names: [UNKNOWN], members: [UNKNOWN, { account: UNKNOWN }] }],
    ["a rule's other field", { ...base, mode: UNKNOWN, secretish: "no" }],
  ])("%s is not validated and is kept", (_n, news) => {
    const { failures, inputs } = checkTable(TABLE, {}, news);
    expect(failures).toEqual([]);
    expect(JSON.stringify(inputs)).toContain(UNKNOWN);
  });
});

describe("canonical inputs", () => {
  test("defaults filled in, null and engine keys dropped, map keys sorted, item defaults", () => {
    const { inputs, failures } = checkTable(
      TABLE,
      {},
      {
        thingId: "a",
        label: null,
        __provider: "x",
        __resourceName: "r",
        tags: { b: "2", a: "1" },
        members: [{ account: "u" }],
      },
    );
    expect(failures).toEqual([]);
    expect(inputs).toEqual({
      thingId: "a",
      count: 1,
      flag: false,
      tags: { a: "1", b: "2" },
      members: [{ account: "u", role: "Member" }],
    });
    expect(Object.keys(inputs.tags as object)).toEqual(["a", "b"]);
  });

  test("canonicalInputs drops outputs and never throws", () => {
    expect(canonicalInputs(TABLE, { thingId: "a", createdAt: 5, __provider: "p" })).toEqual({
      thingId: "a",
      count: 1,
      flag: false,
    });
    expect(canonicalInputs(TABLE, undefined)).toEqual({ count: 1, flag: false });
    expect(canonicalInputs(TABLE, { members: "junk", tags: 3 })).toEqual({
      count: 1,
      flag: false,
      members: "junk",
      tags: 3,
    });
  });
});
