/**
 * The adoption refusal's exact wording at its edges (found by surviving mutants, test/mutation/RESULTS.md): one
 * difference, a field the program leaves unset, two fields no API can change, and the group named on the error.
 */
import { ErrorCodes } from "../../../provider/client/errors";
import { adoptRefusal } from "../../../provider/resource/adopt";

const HOW_TO =
  "Nothing was changed and nothing was recorded in the stack. To adopt it as it is, declare its live values:";
const OVERWRITE =
  'Or set adopt: "overwrite" to replace the live values with the declared ones (preview cannot show this: it does ' +
  "not read the live group).";

test("one difference: singular 'field', and the error names the group", () => {
  const live = { type: "Public", name: "legacy", groupId: "g1" };
  const e = adoptRefusal("g1", live, { type: "Public", name: "mine", groupId: "g1", adopt: true })!;
  expect(e.code).toBe(ErrorCodes.AdoptMismatch);
  expect(e.groupId).toBe("g1");
  expect(e.message.split("\n")).toEqual([
    `cannot adopt group "g1": the live group differs from the program in 1 field (name). ${HOW_TO}`,
    '  name: "legacy", // declared "mine"',
    OVERWRITE,
  ]);
});

test("a live value the program leaves unset is shown as 'declared nothing' (an AVChatRoom's join option)", () => {
  const live = { type: "AVChatRoom", name: "live", groupId: "g2", applyJoinOption: "FreeAccess" };
  const e = adoptRefusal("g2", live, { type: "AVChatRoom", name: "live", groupId: "g2", adopt: true })!;
  expect(e.message.split("\n")).toEqual([
    `cannot adopt group "g2": the live group differs from the program in 1 field (applyJoinOption). ${HOW_TO}`,
    '  applyJoinOption: "FreeAccess", // declared nothing',
    OVERWRITE,
  ]);
});

test("two fields no API can change: both named, 'them', and adopt: overwrite does not help", () => {
  const live = { type: "Community", name: "c", groupId: "@TGS#_c", supportTopic: true };
  const e = adoptRefusal("@TGS#_c", live, { type: "Public", name: "c", groupId: "@TGS#_c", adopt: "overwrite" })!;
  expect(e.groupId).toBe("@TGS#_c");
  const lines = e.message.split("\n");
  // The Public group's default join option differs from the Community's none: a third, in-place difference.
  expect(lines[0]).toBe(
    `cannot adopt group "@TGS#_c": the live group differs from the program in 3 fields (type, applyJoinOption, ` +
      `supportTopic). ${HOW_TO}`,
  );
  expect(lines).toContain('  type: "Community", // declared "Public"');
  expect(lines).toContain("  supportTopic: true, // declared false");
  expect(lines[lines.length - 1]).toBe(
    'type, supportTopic cannot change in place (no API changes them), so adopt: "overwrite" cannot help: declare the ' +
      "live values, or choose another groupId.",
  );
});
