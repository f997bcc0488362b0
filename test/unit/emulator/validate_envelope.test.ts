/**
 * Shared validation rules and the envelope/JSON helpers.
 */
import { failEnvelope, okEnvelope, toWireJson } from "../../../emulator/envelope";
import { DEFAULT_BEHAVIOUR, resolveBehaviour } from "../../../emulator/behaviour";
import { appDefinedEntries, byteLength, checkCustomGroupId, importableType } from "../../../emulator/validate";

test("envelopes: exact keys and order", () => {
  expect(JSON.stringify(okEnvelope({ GroupId: "g" }))).toBe(
    '{"ActionStatus":"OK","ErrorInfo":"","ErrorCode":0,"GroupId":"g"}',
  );
  expect(JSON.stringify(failEnvelope(10004, "x"))).toBe('{"ActionStatus":"FAIL","ErrorInfo":"x","ErrorCode":10004}');
});

test("toWireJson writes bigints as exact JSON numbers and leaves look-alike strings alone", () => {
  const big = 2n ** 63n - 1n;
  expect(toWireJson({ Next: big, n: 1, s: "\u0000bigint:5" })).toBe(`{"Next":${big},"n":1,"s":"\\u0000bigint:5"}`);
  expect(toWireJson([0n])).toBe("[0]");
});

test("byteLength is UTF-8 bytes", () => {
  expect([byteLength("abc"), byteLength("群"), byteLength("é"), byteLength("\u0000")]).toEqual([3, 3, 2, 1]);
});

test.each([
  ["plain", "MyFirstGroup", "Public", undefined],
  ["space inside", "a b", "Public", undefined],
  ["48 bytes", "x".repeat(48), "Private", undefined],
  ["49 bytes", "x".repeat(49), "Private", "49 bytes"],
  ["DEL char", "a\x7f", "Public", "printable"],
  ["newline", "a\n", "Public", "printable"],
  ["reserved prefix", "@TGS#abc", "Public", "@TGS#"],
  ["Community with prefix", "@TGS#_abc", "Community", undefined],
  ["Community without prefix", "abc", "Community", "@TGS#_"],
  ["Community with @TGS# only", "@TGS#abc", "Community", "@TGS#_"],
])("custom GroupId %s", (_name, id, type, error) => {
  if (error === undefined) expect(() => checkCustomGroupId(id, type)).not.toThrow();
  else expect(() => checkCustomGroupId(id, type)).toThrow(error);
});

test.each([
  ["Private", false, "Private"],
  ["Work", true, "Private"],
  ["Meeting", true, "ChatRoom"],
  ["Community", false, "Community"],
])("importableType %s (aliases %p) → %s", (type, aliases, stored) => {
  expect(importableType(type, resolveBehaviour({ acceptTypeAliases: aliases }))).toBe(stored);
});

test("importableType: AVChatRoom → 10007, aliases off → 10004", () => {
  expect(() => importableType("AVChatRoom", DEFAULT_BEHAVIOUR)).toThrow(expect.objectContaining({ errorCode: 10007 }));
  expect(() => importableType("Work", DEFAULT_BEHAVIOUR)).toThrow(expect.objectContaining({ errorCode: 10004 }));
});

test("appDefinedEntries keeps values verbatim and applies the key rules", () => {
  const value = "abc\u0000\u0001\uffff";
  expect(appDefinedEntries([{ Key: "A_1", Value: value }], DEFAULT_BEHAVIOUR)).toEqual([{ Key: "A_1", Value: value }]);
  expect(() => appDefinedEntries([{ Key: " GroupTestData2", Value: "x" }], DEFAULT_BEHAVIOUR)).toThrow("[A-Za-z0-9_]");
  expect(() => appDefinedEntries([{ Key: "k", Value: "x" }], resolveBehaviour({ appDefinedKeys: [] }))).toThrow(
    expect.objectContaining({ errorCode: 10004, errorInfo: "all defined key is invalid" }),
  );
});

test("resolveBehaviour merges limits field by field", () => {
  expect(resolveBehaviour({ limits: { name: 100 } as never }).limits).toEqual({
    name: 100,
    introduction: 240,
    notification: 300,
    faceUrl: 100,
  });
  expect(resolveBehaviour()).toEqual({ ...DEFAULT_BEHAVIOUR, limits: { ...DEFAULT_BEHAVIOUR.limits } });
});
