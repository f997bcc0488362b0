import { canonicalGroupType, importDifferences, normalizeGroupInfo } from "../../../provider/client/groups";
import type { WireGroupInfo } from "../../../provider/client/wire";

const found = (over: Partial<WireGroupInfo> = {}): WireGroupInfo => ({
  GroupId: "g",
  ErrorCode: 0,
  ErrorInfo: "",
  Type: "Public",
  Name: "n",
  Owner_Account: "",
  CreateTime: 100,
  ...over,
});

describe("normalizeGroupInfo reads both mute-flag names", () => {
  test.each([
    [{ MuteAllMember: "On" }, "On"],
    [{ ShutUpAllMember: "On" }, "On"],
    [{ MuteAllMember: "Off", ShutUpAllMember: "On" }, "Off"],
    [{}, undefined],
  ])("%j → MuteAllMember %s", (fields, mute) => {
    expect(normalizeGroupInfo(found(fields)).MuteAllMember).toBe(mute);
  });
});

describe("canonicalGroupType", () => {
  test.each([
    ["Work", "Private"],
    ["Meeting", "ChatRoom"],
    ["Public", "Public"],
    [undefined, undefined],
  ])("%s → %s", (a, b) => expect(canonicalGroupType(a)).toBe(b));
});

describe("importDifferences: is the group read back the one we imported?", () => {
  test.each([
    ["same", { Type: "Public", Name: "n" }, found(), []],
    ["Work matches Private", { Type: "Work", Name: "n" }, found({ Type: "Private" }), []],
    ["other name", { Type: "Public", Name: "m" }, found(), ['Name: sent "m" vs found "n"']],
    ["other type", { Type: "Private", Name: "n" }, found(), ['Type: sent "Private" vs found "Public"']],
    ["owner sent, none found", { Type: "Public", Name: "n", Owner_Account: "a" }, found(), ['Owner_Account: sent "a" vs found ""']],
    ["no owner sent, one found", { Type: "Public", Name: "n" }, found({ Owner_Account: "b" }), ['Owner_Account: sent "" vs found "b"']],
    ["CreateTime compared only if sent", { Type: "Public", Name: "n", CreateTime: 5 }, found(), ["CreateTime: sent 5 vs found 100"]],
    ["MaxMemberCount is not compared", { Type: "Public", Name: "n", MaxMemberCount: 9 }, found({ MaxMemberNum: 2000 }), []],
  ])("%s", (_n, sent, got, diffs) => {
    expect(importDifferences(sent, got)).toEqual(diffs);
  });
});
