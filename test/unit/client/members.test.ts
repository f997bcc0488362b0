/** Pure helpers of the member actions: per-member outcomes of add/import answers, member normalisation. */
import { memberWriteOutcomes, normalizeMember } from "../../../provider/client/members";

describe("memberWriteOutcomes", () => {
  test.each([
    [1, "added"],
    [2, "already-member"],
    [3, "pending"],
  ] as const)("Result %i → %s", (Result, value) => {
    expect(
      memberWriteOutcomes("add_group_member", "g", ["a"], { MemberList: [{ Member_Account: "a", Result }] }),
    ).toEqual([{ id: "a", ok: true, value }]);
  });

  test("Result 0 and an undocumented Result are that member's CHAT_ERR_ITEM_FAILED; a missing entry is a protocol error", () => {
    const out = memberWriteOutcomes("import_group_member", "g", ["a", "b", "c"], {
      MemberList: [
        { Member_Account: "b", Result: 7 },
        { Member_Account: "a", Result: 0 },
      ],
    });
    expect(out.map((r) => (r.ok ? r.value : r.error.code))).toEqual([
      "CHAT_ERR_ITEM_FAILED",
      "CHAT_ERR_ITEM_FAILED",
      "CHAT_ERR_PROTOCOL",
    ]);
    expect(out[1]!.ok || out[1]!.error.message).toContain("undocumented Result 7");
  });

  test("Result 3 is not a documented import_group_member value", () => {
    const [r] = memberWriteOutcomes("import_group_member", "g", ["a"], {
      MemberList: [{ Member_Account: "a", Result: 3 }],
    });
    expect(r).toMatchObject({ ok: false, error: { code: "CHAT_ERR_ITEM_FAILED" } });
  });

  test("a repeated account takes the next entry for it, in order", () => {
    const out = memberWriteOutcomes("add_group_member", "g", ["p", "p"], {
      MemberList: [
        { Member_Account: "p", Result: 1 },
        { Member_Account: "p", Result: 2 },
      ],
    });
    expect(out.map((r) => r.ok && r.value)).toEqual(["added", "already-member"]);
  });
});

test("normalizeMember trims Role and reads MuteUntil from the older ShutUpUntil", () => {
  expect(normalizeMember({ Member_Account: "a", Role: "Member ", ShutUpUntil: 5 })).toMatchObject({
    Role: "Member",
    MuteUntil: 5,
  });
  expect(normalizeMember({ Member_Account: "a", Role: "Admin", MuteUntil: 9, ShutUpUntil: 5 }).MuteUntil).toBe(9);
});
