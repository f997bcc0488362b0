/**
 * Names and literals of the generated program, table-driven: resource names from group ids (kept when safe, else a
 * slug plus a hash; unique and stable), variable names, and literals that evaluate back to exactly the value
 * (quotes, backslashes, control characters, CJK, emoji, lone surrogates, U+2028, keys like `toString`/`__proto__`).
 */
import * as vm from "node:vm";
import {
  assignIdentifiers,
  assignNames,
  isIdentifier,
  literal,
  propertyKey,
  resourceNameFor,
  stringLiteral,
} from "../../../../cli/export/names";

describe("resourceNameFor", () => {
  test.each([
    ["eng-main", "eng-main"],
    ["Eng_Main.v2", "Eng_Main.v2"],
    ["1-starts-with-digit", "1-starts-with-digit"],
    ["@TGS#_fans", /^TGS-_fans-[0-9a-f]{6}$/],
    ["@TGS#aLive", /^TGS-aLive-[0-9a-f]{6}$/],
    ["with space", /^with-space-[0-9a-f]{6}$/],
    ["-leading", /^leading-[0-9a-f]{6}$/],
    ["群组", /^group-[0-9a-f]{6}$/],
    ["a::b", /^a-b-[0-9a-f]{6}$/],
    ["x".repeat(65), /^x{57}-[0-9a-f]{6}$/],
  ])("%s → %s", (id, expected) => {
    const name = resourceNameFor(id);
    if (typeof expected === "string") expect(name).toBe(expected);
    else expect(name).toMatch(expected);
    expect(name).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_.-]*$/);
    expect(resourceNameFor(id)).toBe(name); // stable
  });

  test("ids that slug alike keep distinct names, each decided by its own id", () => {
    const ids = ["a b", "a-b", "a#b", "@TGS#_x", "TGS-_x"];
    const names = assignNames(ids);
    expect(new Set(names.values()).size).toBe(ids.length);
    expect(names.get("a-b")).toBe("a-b");
    expect(names.get("a b")).not.toBe(names.get("a#b"));
    // Adding or removing other groups renames none that did not collide.
    expect(assignNames(["a b", "zzz"]).get("a b")).toBe(names.get("a b"));
  });

  test("a slugged id equal to another id kept as it is: both get long hashed names", () => {
    const slugged = resourceNameFor("x#"); // "x-<6 hex>", itself a valid id kept as it is
    expect(resourceNameFor(slugged)).toBe(slugged);
    const names = assignNames(["x#", slugged, "other"]);
    expect(new Set(names.values()).size).toBe(3);
    expect(names.get(slugged)).toMatch(/-[0-9a-f]{16}$/);
    expect(names.get("x#")).toMatch(/^x-[0-9a-f]{16}$/);
    expect(names.get("other")).toBe("other");
  });
});

describe("assignIdentifiers", () => {
  test.each([
    ["eng-main", "engMain"],
    ["1-starts-with-digit", "group1StartsWithDigit"],
    ["class", "groupClass"],
    ["TGS-_fans-abc123", "tgsFansAbc123"],
    ["Eng-main", "engMain"],
  ])("%s → %s", (name, ident) => {
    expect(assignIdentifiers(new Map([["id", name]])).get("id")).toBe(ident);
  });

  test("collisions get the id's hash; every identifier is valid", () => {
    const idents = assignIdentifiers(
      new Map([
        ["a-b", "a-b"],
        ["a_b", "a_b"],
        ["aB", "aB"],
      ]),
    );
    expect(new Set(idents.values()).size).toBe(3);
    for (const i of idents.values()) expect(isIdentifier(i)).toBe(true);
  });
});

/** Evaluates TypeScript-compatible JavaScript source. */
const evaluate = (source: string): unknown => vm.runInNewContext(`(${source})`);

describe("literals evaluate back to exactly the value", () => {
  test.each([
    ["plain"],
    ['say "hi"'],
    ["back\\slash \\n not a newline"],
    ["line\nbreak\ttab\r"],
    ["工程部 你好，世界"],
    ["emoji 🚀👋🏽 and ZWJ 👩‍💻"],
    ["مرحبا بالعالم"],
    ["Привет"],
    ["\u2028\u2029 separators"],
    ["lone \ud800 surrogate"],
    ["\u0000\u0001 control"],
    ["${template} `backtick`"],
    ["</script>"],
  ])("string %j", (s) => {
    const src = stringLiteral(s);
    expect(src).not.toMatch(/[\n\r\u2028\u2029]/);
    expect(evaluate(src)).toBe(s);
  });

  test.each([
    [{ level: "gold" }, '{ level: "gold" }'],
    [{ toString: "x", constructor: "y", valueOf: "z" }, '{ toString: "x", constructor: "y", valueOf: "z" }'],
    [{ "1abc": "x", a_b: "y" }, '{ "1abc": "x", a_b: "y" }'],
    [{}, "{}"],
  ])("object %j → %s", (value, src) => {
    expect(literal(value)).toBe(src);
    const back = evaluate(src) as Record<string, unknown>;
    expect(JSON.stringify(back)).toBe(JSON.stringify(value));
    for (const k of Object.keys(value)) expect(Object.prototype.hasOwnProperty.call(back, k)).toBe(true);
  });

  test("__proto__ as a key becomes an own property, not the prototype", () => {
    const value = JSON.parse('{"__proto__":"x","a":"b"}') as Record<string, unknown>;
    expect(propertyKey("__proto__")).toBe('["__proto__"]');
    const back = evaluate(literal(value)) as Record<string, unknown>;
    expect(Object.prototype.hasOwnProperty.call(back, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(back)).not.toBe("x");
    expect(Object.keys(back)).toEqual(["__proto__", "a"]);
  });

  test("numbers, booleans and arrays", () => {
    expect(literal([1, true, "a", { account: "b", role: "Admin" }])).toBe(
      '[1, true, "a", { account: "b", role: "Admin" }]',
    );
    expect(literal(4294967295)).toBe("4294967295");
  });
});
