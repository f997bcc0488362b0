/**
 * Edges of the member batcher's whole-call handling (found by surviving mutants, test/mutation/RESULTS.md): only
 * 10019 and 10005 are narrowed by halving, only 10005 lowers the add limit, and the limit is lowered to half the
 * refused call, not further.
 */
import { ChatApiError, ChatError, ErrorCodes } from "../../../provider/client/errors";
import { MemberBatcher, splitting, type MemberSource } from "../../../provider/client/member-batch";

/** A `send` that refuses every call of more than `limit` items with `code`, recording the sizes it was asked. */
function refusing(code: number, limit: number) {
  const sizes: number[] = [];
  const send = async (items: string[]) => {
    sizes.push(items.length);
    if (items.length > limit) throw new ChatApiError("add_group_member", code, "refused");
    return items.map((id) => ({ id, ok: true as const, value: id }));
  };
  return { send, sizes };
}

describe("splitting", () => {
  test.each([10010, 10015, 70402])("a whole-call %i is not split: every item's caller hears it once", async (code) => {
    const { send, sizes } = refusing(code, 0);
    const onSplit = jest.fn();
    const onTooMany = jest.fn();
    await expect(splitting(send, (i) => i, onSplit, onTooMany)(["a", "b", "c"])).rejects.toMatchObject({
      errorCode: code,
    });
    expect(sizes).toEqual([3]);
    expect(onSplit).not.toHaveBeenCalled();
    expect(onTooMany).not.toHaveBeenCalled();
  });

  test("a transport failure (no Tencent code) is not split either", async () => {
    const failure = new ChatError(ErrorCodes.Network, "reset", { delivery: "ambiguous" });
    const send = jest.fn(async () => {
      throw failure;
    });
    await expect(splitting(send, (i: string) => i, jest.fn())(["a", "b"])).rejects.toBe(failure);
    expect(send).toHaveBeenCalledTimes(1);
  });

  test("10019 halves down to the refused item without ever reporting 'too many'", async () => {
    const { send, sizes } = refusing(10019, 1);
    const onTooMany = jest.fn();
    const out = await splitting(send, (i) => i, jest.fn(), onTooMany)(["a", "b", "c", "d"]);
    expect(out.map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
    expect(sizes).toEqual([4, 2, 1, 1, 2, 1, 1]);
    expect(onTooMany).not.toHaveBeenCalled();
  });

  test("10005 reports the size of every refused call", async () => {
    const { send } = refusing(10005, 1);
    const onTooMany = jest.fn();
    await splitting(send, (i) => i, jest.fn(), onTooMany)(["a", "b", "c", "d"]);
    expect(onTooMany.mock.calls.map(([n]) => n)).toEqual([4, 2, 2]);
  });
});

test("a 10005 lowers the add limit to half the refused call (40 → 20 → 10), never below what the service took", async () => {
  const sizes: number[] = [];
  const source = {
    async addGroupMember(req: { MemberList: { Member_Account: string }[] }) {
      sizes.push(req.MemberList.length);
      if (req.MemberList.length > 10) throw new ChatApiError("add_group_member", 10005, "too many");
      return req.MemberList.map((m) => ({ Member_Account: m.Member_Account, Result: 1 as const }));
    },
  } as unknown as MemberSource;
  const b = new MemberBatcher(source, { addLimit: 40 });
  await Promise.all(Array.from({ length: 40 }, (_, i) => b.add("g", `u${i}`)));
  expect(b.currentAddLimit).toBe(10);
  sizes.length = 0;
  await Promise.all(Array.from({ length: 20 }, (_, i) => b.add("g", `v${i}`)));
  expect(sizes).toEqual([10, 10]);
});
