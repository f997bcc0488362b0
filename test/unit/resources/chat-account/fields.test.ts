/** ChatAccount's table through the kit: check (every failure names the field and the fix) and diff. */
import { checkTable } from "../../../../provider/kit/check";
import { diffTable } from "../../../../provider/kit/diff";
import { ACCOUNT_TABLE } from "../../../../provider/resources/chat-account/fields";
import { UNKNOWN } from "../../../../provider/resource/types";

describe("check", () => {
  test.each<[string, Record<string, unknown>, string, RegExp]>([
    ["userId missing", {}, "userId", /userId is required/],
    ["userId empty", { userId: "" }, "userId", /userId must not be empty/],
    ["userId over 32 bytes", { userId: "u".repeat(33) }, "userId", /33 bytes in UTF-8; the limit is 32 bytes/],
    ["userId with a space", { userId: "a b" }, "userId", /must contain only A-Z a-z 0-9 _ -/],
    ["userId non-ASCII", { userId: "é" }, "userId", /must contain only/],
    ["nick over 500 bytes", { userId: "u", nick: "昵".repeat(167) }, "nick", /501 bytes in UTF-8; the limit is 500/],
    ["faceUrl not a string", { userId: "u", faceUrl: 1 }, "faceUrl", /faceUrl must be a string/],
    ["deleteOnDestroy not a boolean", { userId: "u", deleteOnDestroy: "yes" }, "deleteOnDestroy", /must be a boolean/],
    ["adopt another string", { userId: "u", adopt: "force" }, "adopt", /true, false or "overwrite"/],
    ["a typo", { userId: "u", nickname: "x" }, "nickname", /Valid inputs: userId, nick, faceUrl/],
    ["a near typo", { userId: "u", faceURL: "x" }, "faceURL", /Did you mean faceUrl\?/],
  ])("%s", (_n, news, property, reason) => {
    const f = checkTable(ACCOUNT_TABLE, {}, news).failures.find((x) => x.property === property);
    expect(f?.reason).toMatch(reason);
  });

  test.each([
    [{ userId: "UserID_001" }, { userId: "UserID_001", deleteOnDestroy: false }],
    [
      { userId: "a-b", nick: "", faceUrl: "https://x/y.png", adopt: "overwrite", app: "intl" },
      { userId: "a-b", nick: "", faceUrl: "https://x/y.png", deleteOnDestroy: false, adopt: "overwrite", app: "intl" },
    ],
    [
      { userId: "u".repeat(32), nick: "昵".repeat(166), deleteOnDestroy: true },
      { userId: "u".repeat(32), nick: "昵".repeat(166), deleteOnDestroy: true },
    ],
  ])("valid: %j", (news, inputs) => {
    expect(checkTable(ACCOUNT_TABLE, {}, news)).toEqual({ inputs, failures: [] });
  });
});

describe("diff", () => {
  const olds = {
    userId: "u",
    nick: "A",
    deleteOnDestroy: false,
    onDestroy: "keep",
    adopted: false,
    sdkAppId: 1,
    __provider: "p",
  };
  test.each<[string, Record<string, unknown>, boolean, string[], boolean]>([
    ["same", { userId: "u", nick: "A" }, false, [], false],
    ["nick changes in place", { userId: "u", nick: "B" }, true, [], false],
    ["nick removed: a change (stops managing), no replace", { userId: "u" }, true, [], false],
    ["deleteOnDestroy is recorded by an update", { userId: "u", nick: "A", deleteOnDestroy: true }, true, [], false],
    ["adopt has no effect", { userId: "u", nick: "A", adopt: "overwrite" }, false, [], false],
    ["another userId replaces, creating first", { userId: "v", nick: "A" }, true, ["userId"], false],
    ["an unknown userId replaces, creating first", { userId: UNKNOWN, nick: "A" }, true, ["userId"], false],
    ["an unknown nick is a change", { userId: "u", nick: UNKNOWN }, true, [], false],
  ])("%s", (_n, news, changes, replaces, dbr) => {
    const d = diffTable(ACCOUNT_TABLE, olds, news);
    expect([d.changes, d.replaces, d.deleteBeforeReplace]).toEqual([changes, replaces, dbr]);
  });
});
