import fc from "fast-check";
import { check } from "../../../provider/resource/check";
import { diff } from "../../../provider/resource/diff";
import { normalizeInputs } from "../../../provider/resource/normalize";
import { UNKNOWN } from "../../../provider/resource/types";

const SEED = 20261127;
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.constant(UNKNOWN),
);
const anyValue = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string(), { maxLength: 2 }),
);

/** Mostly plausible values (so many inputs are accepted), sometimes junk. */
const mostly = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: good, weight: 12 }, { arbitrary: anyValue, weight: 1 });
const shortText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 20 }), weight: 5 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 6 }), weight: 2 },
  { arbitrary: fc.constant(UNKNOWN), weight: 1 },
);

const inputs = fc.record(
  {
    type: mostly(fc.constantFrom("Private", "Work", "Public", "ChatRoom", "Meeting", "Community", "AVChatRoom")),
    name: mostly(fc.string({ minLength: 1, maxLength: 10 })),
    groupId: mostly(fc.constantFrom("eng", "@TGS#_c", "@TGS#x", "a b")),
    ownerAccount: mostly(fc.constantFrom("leckie", "peter_1")),
    introduction: mostly(shortText),
    notification: mostly(shortText),
    faceUrl: mostly(shortText),
    maxMemberCount: mostly(fc.integer({ min: 1, max: 6000 })),
    applyJoinOption: mostly(fc.constantFrom("FreeAccess", "NeedPermission", "DisableApply")),
    inviteJoinOption: mostly(fc.constantFrom("FreeAccess", "NeedPermission", "DisableInvite")),
    appDefinedData: mostly(fc.dictionary(fc.stringMatching(/^[A-Za-z0-9_]{1,16}$/), shortText, { maxKeys: 11 })),
    createTime: mostly(fc.integer({ min: 1, max: 2 ** 32 - 1 })),
    supportTopic: mostly(fc.boolean()),
    adopt: mostly(fc.boolean()),
    muteAllMember: mostly(fc.boolean()),
    __provider: fc.constant("exports.handler = __f0;"),
  },
  { requiredKeys: ["type", "name"] },
);

test("check never throws, and every accepted input is stable under normalise → diff", () => {
  let accepted = 0;
  fc.assert(
    fc.property(inputs, (news) => {
      const result = check({}, news);
      expect(Array.isArray(result.failures)).toBe(true);
      for (const f of result.failures)
        expect(typeof f.reason === "string" && f.reason.includes(f.property.split(".")[0]!)).toBe(true);
      if (result.failures.length > 0) return;
      accepted++;
      const known = !JSON.stringify(result.inputs).includes(UNKNOWN);
      // Idempotent: checking the canonical form changes nothing.
      expect(check({}, result.inputs).inputs).toEqual(result.inputs);
      expect(normalizeInputs(result.inputs)).toEqual(result.inputs);
      if (known) {
        expect(diff(result.inputs, news).changes).toBe(false);
        expect(diff({ ...result.inputs, memberNum: 1, __provider: "x" }, result.inputs)).toMatchObject({
          changes: false,
          replaces: [],
        });
      }
    }),
    { seed: SEED, numRuns: 600 },
  ); // more runs since applyJoinOption is fixed for Work/Meeting and inviteJoinOption refused for Community
  expect(accepted).toBeGreaterThan(30); // the generator must reach the accepted path often enough to mean something
});

test("diff never throws on arbitrary olds/news", () => {
  fc.assert(
    fc.property(fc.dictionary(fc.string(), anyValue), inputs, (olds, news) => {
      expect(() => diff(olds, news)).not.toThrow();
    }),
    { seed: SEED, numRuns: 300 },
  );
});
