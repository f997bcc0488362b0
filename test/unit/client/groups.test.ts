import {
  canonicalGroupType,
  importDifferences,
  matchesLostImport,
  normalizeGroupInfo,
} from "../../../provider/client/groups";
import type { WireGroupInfo } from "../../../protocol/wire";

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
    [
      "owner sent, none found",
      { Type: "Public", Name: "n", Owner_Account: "a" },
      found(),
      ['Owner_Account: sent "a" vs found ""'],
    ],
    [
      "no owner sent, one found",
      { Type: "Public", Name: "n" },
      found({ Owner_Account: "b" }),
      ['Owner_Account: sent "" vs found "b"'],
    ],
    [
      "CreateTime compared only if sent",
      { Type: "Public", Name: "n", CreateTime: 5 },
      found(),
      ["CreateTime: sent 5 vs found 100"],
    ],
    [
      "MaxMemberCount is not compared",
      { Type: "Public", Name: "n", MaxMemberCount: 9 },
      found({ MaxMemberNum: 2000 }),
      [],
    ],
  ])("%s", (_n, sent, got, diffs) => {
    expect(importDifferences(sent, got)).toEqual(diffs);
  });
});

describe("matchesLostImport: is a listed group the one a lost import created?", () => {
  const sent = { Type: "Work", Name: "Ops", Owner_Account: "leckie" };
  const found = (over: Record<string, unknown> = {}) =>
    ({
      GroupId: "@TGS#A",
      ErrorCode: 0,
      ErrorInfo: "",
      Type: "Private",
      Name: "Ops",
      Owner_Account: "leckie",
      CreateTime: 1000,
      ...over,
    }) as never;
  test.each<[string, Record<string, unknown>, Record<string, unknown>, boolean]>([
    ["same fields, created inside the window (Work read back as Private)", {}, {}, true],
    ["created just before the window", {}, { CreateTime: 998 }, false],
    ["created just after the window", {}, { CreateTime: 1003 }, false],
    ["another name", {}, { Name: "Ops2" }, false],
    ["another owner", {}, { Owner_Account: "peter" }, false],
    ["no owner where one was sent", {}, { Owner_Account: "" }, false],
    ["CreateTime sent: it decides, not the window", { CreateTime: 5 }, { CreateTime: 5 }, true],
    ["CreateTime sent and different", { CreateTime: 5 }, { CreateTime: 1000 }, false],
  ])("%s", (_name, sentOver, foundOver, expected) => {
    expect(matchesLostImport({ ...sent, ...sentOver }, found(foundOver), 999, 1002)).toBe(expected);
  });
});
