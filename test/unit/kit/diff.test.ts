/** diffTable: replace/update/none, unknowns count as changes, create-first unless the identity stays. */
import { diffTable } from "../../../provider/kit/diff";
import { UNKNOWN } from "../../../provider/resource/types";
import { TABLE } from "./fixture";

const olds = { thingId: "a", label: "x", count: 1, flag: false, createdAt: 5, __provider: "p" };

describe("diffTable", () => {
  const cases: [
    string,
    Record<string, unknown>,
    { changes: boolean; replaces: string[]; dbr: boolean; kinds: Record<string, string> },
  ][] = [
    [
      "no change (defaults, outputs, __provider ignored)",
      { thingId: "a", label: "x" },
      { changes: false, replaces: [], dbr: false, kinds: {} },
    ],
    ["update", { thingId: "a", label: "y" }, { changes: true, replaces: [], dbr: false, kinds: { label: "update" } }],
    [
      "removal of an update field",
      { thingId: "a" },
      { changes: true, replaces: [], dbr: false, kinds: { label: "delete" } },
    ],
    [
      "no-effect field",
      { thingId: "a", label: "x", flag: "overwrite" },
      { changes: false, replaces: [], dbr: false, kinds: { flag: "update" } },
    ],
    [
      "new identity: replace, create first",
      { thingId: "b", label: "x" },
      { changes: true, replaces: ["thingId"], dbr: false, kinds: { thingId: "update-replace" } },
    ],
    [
      "same identity, replace field: delete first",
      { thingId: "a", label: "x", mode: "Fast" },
      { changes: true, replaces: ["mode"], dbr: true, kinds: { mode: "add-replace" } },
    ],
    [
      "unknown replace field",
      { thingId: "a", label: "x", mode: UNKNOWN },
      { changes: true, replaces: ["mode"], dbr: true, kinds: { mode: "add-replace" } },
    ],
    [
      "unknown identity: create first",
      { thingId: UNKNOWN, label: "x" },
      { changes: true, replaces: ["thingId"], dbr: false, kinds: { thingId: "update-replace" } },
    ],
    [
      "unknown update value",
      { thingId: "a", label: UNKNOWN },
      { changes: true, replaces: [], dbr: false, kinds: { label: "update" } },
    ],
    [
      "unknown inside a list",
      { thingId: "a", label: "x", names: [UNKNOWN] },
      { changes: true, replaces: [], dbr: false, kinds: { names: "add" } },
    ],
    [
      "map order is no change",
      { thingId: "a", label: "x", tags: { b: "1", a: "2" } },
      { changes: true, replaces: [], dbr: false, kinds: { tags: "add" } },
    ],
  ];
  test.each(cases)("%s", (_n, news, want) => {
    const d = diffTable(TABLE, olds, news);
    expect(d.changes).toBe(want.changes);
    expect(d.replaces).toEqual(want.replaces);
    expect(d.deleteBeforeReplace).toBe(want.dbr);
    expect(Object.fromEntries(Object.entries(d.detailedDiff).map(([k, v]) => [k, v.kind]))).toEqual(want.kinds);
  });

  test("map key order never differs", () => {
    const d = diffTable(
      TABLE,
      { ...olds, tags: { a: "2", b: "1" } },
      { thingId: "a", label: "x", tags: { b: "1", a: "2" } },
    );
    expect(d.changes).toBe(false);
  });

  test("stables: unchanged inputs and stable outputs without a replacement; none with one", () => {
    expect(diffTable(TABLE, olds, { thingId: "a", label: "y" }).stables).toEqual([
      "thingId",
      "count",
      "flag",
      "mode",
      "tags",
      "names",
      "members",
      "secretish",
      "createdAt",
    ]);
    expect(diffTable(TABLE, olds, { thingId: "b" }).stables).toEqual([]);
  });
});
