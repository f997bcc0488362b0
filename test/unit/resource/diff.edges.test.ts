/**
 * Edges of diff that the transition matrix leaves loose (found by surviving mutants, test/mutation/RESULTS.md): the
 * exact refusal of a delete-first replacement whose id cannot be created again, and the create-first rule when the
 * program declares a different id.
 */
import { check } from "../../../provider/resource/check";
import { diff } from "../../../provider/resource/diff";
import { ChatError, ErrorCodes } from "../../../provider/client/errors";

type Props = Record<string, unknown>;
const news = (inputs: Props, previous: Props): Props => ({ ...check(previous, inputs).inputs, __provider: "v2" });

/** The thrown error, so its code, message and details can be compared whole. */
function refusal(olds: Props, newInputs: Props): ChatError {
  try {
    diff(olds, news(newInputs, olds));
  } catch (e) {
    if (e instanceof ChatError) return e;
    throw e;
  }
  throw new Error("diff did not refuse");
}

const TAIL =
  "; the group would be deleted first and never re-created. Nothing was changed. To replace it with a new group, " +
  "remove groupId and adopt from the program (the new group gets a new id and is created before this one is " +
  "deleted); otherwise keep the old values.";

describe("diff: the refusal of a delete-first replacement names every replacing field and the id", () => {
  test("an adopted @TGS# id: both replacing fields listed old → new, the reason whole", () => {
    const olds = { type: "Public", name: "E", groupId: "@TGS#2J4SZEAEL", adopt: true, supportTopic: false };
    const e = refusal(olds, { type: "Private", name: "E", groupId: "@TGS#2J4SZEAEL", adopt: true });
    expect(e.code).toBe(ErrorCodes.Validation);
    expect(e.groupId).toBe("@TGS#2J4SZEAEL");
    expect(e.message).toBe(
      'changing type "Public" → "Private" replaces group "@TGS#2J4SZEAEL", but import_group cannot create a group ' +
        'with this id: groupId "@TGS#2J4SZEAEL" starts with "@TGS#", the prefix of ids the service assigns itself: ' +
        "import_group refuses such ids (10004), so no new group can be created with it. To manage the existing group " +
        "with this id, set adopt: true; to create a new group, use an id without that prefix, or remove groupId and " +
        "let the provider choose one." +
        TAIL,
    );
  });

  test("a Community id without @TGS#_: its 'Prefix it' advice is trimmed, two fields joined with a comma", () => {
    const olds = { type: "Public", name: "C", groupId: "team", adopt: true };
    const e = refusal(olds, { type: "Community", name: "C", groupId: "team", adopt: true, supportTopic: true });
    expect(e.groupId).toBe("team");
    expect(e.message).toBe(
      'changing type "Public" → "Community", supportTopic false → true replaces group "team", but import_group ' +
        'cannot create a group with this id: groupId "team" must start with "@TGS#_" for a Community group' +
        TAIL,
    );
  });
});

describe("diff: a declared id that differs from the old one is created first", () => {
  test("type and groupId both change: replace, not delete-first", () => {
    const olds = { type: "Public", name: "E", groupId: "eng" };
    expect(diff(olds, news({ type: "Private", name: "E", groupId: "eng-2" }, olds))).toMatchObject({
      changes: true,
      replaces: expect.arrayContaining(["type", "groupId"]),
      deleteBeforeReplace: false,
    });
  });

  test("no id on either side (state that holds no id, a program that declares none): created first", () => {
    // Only a replacement known to reuse the old id deletes first; an id that is absent on both sides is not a match.
    expect(diff({ type: "Public", name: "E" }, { type: "Private", name: "E" })).toMatchObject({
      changes: true,
      replaces: ["type"],
      deleteBeforeReplace: false,
    });
  });

  test("a plain update never deletes first, even with the same declared id", () => {
    const olds = { type: "Public", name: "E", groupId: "eng" };
    expect(diff(olds, news({ type: "Public", name: "F", groupId: "eng" }, olds))).toMatchObject({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
});
