import fc from "fast-check";
import { parseJsonWithExactIntegers, stringifyWithRawIntegers, toCursor64 } from "../../../provider/client/json64";

const NEXT = new Set(["Next"]);

describe("64-bit-safe Next", () => {
  test("a Next above 2^53 is kept exactly", () => {
    const text = '{"ActionStatus":"OK","ErrorCode":0,"Next":18446744073709551615,"TotalCount":2}';
    expect(parseJsonWithExactIntegers(text, NEXT)).toEqual({
      ActionStatus: "OK",
      ErrorCode: 0,
      Next: "18446744073709551615",
      TotalCount: 2,
    });
    expect(JSON.parse(text).Next).not.toBe(18446744073709551615n.toString()); // what plain JSON.parse would lose
  });
  test("the doc sample and 0", () => {
    expect(parseJsonWithExactIntegers('{"Next":4454685361}', NEXT)).toEqual({ Next: "4454685361" });
    expect(parseJsonWithExactIntegers('{ "Next" : 0 }', NEXT)).toEqual({ Next: "0" });
  });
  test("strings that look like the key are not touched; other numbers stay numbers", () => {
    const text =
      '{"GroupIdList":[{"GroupId":"\\"Next\\":9007199254740993"},{"GroupId":"Next"}],"Nexts":5,"a":{"Next":9007199254740993}}';
    expect(parseJsonWithExactIntegers(text, NEXT)).toEqual({
      GroupIdList: [{ GroupId: '"Next":9007199254740993' }, { GroupId: "Next" }],
      Nexts: 5,
      a: { Next: "9007199254740993" },
    });
  });
  test("malformed JSON still throws", () => {
    expect(() => parseJsonWithExactIntegers('{"Next":}', NEXT)).toThrow(SyntaxError);
  });
  test("property: any uint64 round-trips exactly through stringify and parse", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }), fc.integer({ min: 1, max: 10000 }), (n, limit) => {
        const body = stringifyWithRawIntegers({ Limit: limit }, { Next: toCursor64(n)! });
        expect(body).toBe(`{"Limit":${limit},"Next":${n}}`);
        expect(parseJsonWithExactIntegers(body, NEXT)).toEqual({ Limit: limit, Next: n.toString() });
      }),
    );
  });
  test("an empty body still gets braces", () => {
    expect(stringifyWithRawIntegers({}, {})).toBe("{}");
    expect(stringifyWithRawIntegers({}, { Next: "12" })).toBe('{"Next":12}');
  });
  test.each([
    ["12", "12"],
    [12n, "12"],
    [12, "12"],
    [" 007 ", "7"],
    ["-1", undefined],
    [1.5, undefined],
    [2 ** 60, undefined],
    ["18446744073709551616", undefined],
    ["1e3", undefined],
  ])("toCursor64(%j) = %j", (v, out) => {
    expect(toCursor64(v as string)).toBe(out);
  });
});
