/** Group identity across checks (ids.ts, DECISIONS D30, D34): generated ids, carried sticky inputs. */
import { check } from "../../../provider/resource/check";
import { CARRIED_KEY, carriedOf, generateGroupId, resolveIdentity } from "../../../provider/resource/ids";
import { UNKNOWN } from "../../../provider/resource/types";

const fixed = (n: number) => Buffer.alloc(n, 0xab);

describe("generateGroupId", () => {
  test.each([
    ["Public", "eng", "eng-abababab"],
    ["Community", "eng", "@TGS#_eng-abababab"],
    ["Private", "team/ops 2", "team-ops-2-abababab"],
    ["Public", "@TGS#evil", "TGS-evil-abababab"],
    ["Public", "工程", "group-abababab"],
    ["Public", undefined, "group-abababab"],
  ])("%s %p → %s", (type, name, id) => {
    expect(generateGroupId(type, name, fixed)).toBe(id);
  });

  test.each(["Public", "Community"])("a long resource name still fits 48 bytes (%s)", (type) => {
    const id = generateGroupId(type, "x".repeat(100), fixed);
    expect(id.length).toBe(48);
    expect(check({}, { type, name: "n", groupId: id }).failures).toEqual([]); // check accepts what it generates
  });

  test("the suffix is random", () => {
    expect(generateGroupId("Public", "a")).not.toBe(generateGroupId("Public", "a"));
  });
});

describe("check: identity", () => {
  const program = { type: "Public", name: "n", __resourceName: "eng" };

  test("a new resource without groupId gets a generated one; not listed as carried", () => {
    const { inputs } = check({}, program, { random: fixed });
    expect(inputs.groupId).toBe("eng-abababab");
    expect(inputs).not.toHaveProperty(CARRIED_KEY);
  });

  test("the id is kept from olds by every later check", () => {
    const first = check({}, program).inputs;
    const second = check(first, program).inputs;
    expect(second.groupId).toBe(first.groupId);
    expect(carriedOf(second)).toEqual(new Set(["groupId"]));
  });

  test("an existing resource without a groupId in its inputs (service-assigned) gets none", () => {
    expect(check({ type: "Public", name: "n" }, program).inputs).not.toHaveProperty("groupId");
  });

  test("serviceAssignedId: no id is chosen", () => {
    expect(check({}, { ...program, serviceAssignedId: true }).inputs).not.toHaveProperty("groupId");
  });

  test("groupId together with serviceAssignedId is refused", () => {
    expect(check({}, { ...program, groupId: "g", serviceAssignedId: true }).failures.map((f) => f.property)).toEqual([
      "groupId",
    ]);
  });

  test("unknown type or serviceAssignedId in preview: the id is unknown too", () => {
    expect(check({}, { ...program, type: UNKNOWN }).inputs.groupId).toBe(UNKNOWN);
    expect(check({}, { ...program, serviceAssignedId: UNKNOWN }).inputs.groupId).toBe(UNKNOWN);
  });

  test("sticky inputs the program stops writing are carried and listed; declared ones are not", () => {
    const olds = check({}, { ...program, groupId: "g1", ownerAccount: "alice", createTime: 1600000000 }).inputs;
    const later = check(olds, { ...program, ownerAccount: "bob" }).inputs;
    expect(later).toMatchObject({ groupId: "g1", ownerAccount: "bob", createTime: 1600000000 });
    expect([...carriedOf(later)].sort()).toEqual(["createTime", "groupId"]);
  });

  test("no olds (the engine's re-check of a replacement): nothing is carried, a new id is chosen", () => {
    const { inputs } = check(undefined, program, { random: fixed });
    expect(inputs.groupId).toBe("eng-abababab");
    expect(inputs).not.toHaveProperty("ownerAccount");
  });
});

describe("edges (written against surviving mutants)", () => {
  test("the carried-inputs key is part of the state format", () => {
    // Stacks already hold it: renaming it would make every later check see nothing carried.
    expect(CARRIED_KEY).toBe("__carried");
  });
  test.each([
    ["a//b", "a-b-abababab"],
    ["--a--", "a-abababab"],
    ["-a-", "a-abababab"],
  ])("slug of %p → %s", (name, id) => {
    expect(generateGroupId("Public", name, fixed)).toBe(id);
  });
  test("carriedOf reads only a list of names", () => {
    expect(carriedOf(undefined)).toEqual(new Set());
    expect(carriedOf({})).toEqual(new Set());
    expect(carriedOf({ [CARRIED_KEY]: "groupId" })).toEqual(new Set());
    expect(carriedOf({ [CARRIED_KEY]: ["groupId", 5, null] })).toEqual(new Set(["groupId"]));
  });
  test("only usable previous values are carried: no empty text, unknowns, NaN or Infinity", () => {
    const program = { raw: { type: "Public" }, unknown: new Set<string>() };
    const carry = (olds: Record<string, unknown>) => {
      const inputs: Record<string, unknown> = { type: "Public" };
      resolveIdentity({ type: "Public", ...olds }, program, inputs);
      return inputs;
    };
    expect(carry({ groupId: "", ownerAccount: UNKNOWN, createTime: Number.NaN })).toEqual({ type: "Public" });
    expect(carry({ groupId: "g", createTime: Number.POSITIVE_INFINITY })).toEqual({
      type: "Public",
      groupId: "g",
      [CARRIED_KEY]: ["groupId"],
    });
    expect(carry({ createTime: 5 })).toEqual({
      type: "Public",
      createTime: 5,
      [CARRIED_KEY]: ["createTime"],
    });
  });
});
