/** AccountBatcher's profile reads and deletes: shared calls of 100; one bad item fails only its caller. */
import { ChatApiError } from "../../../provider/client/errors";
import type { AccountProfile } from "../../../provider/client/accounts";
import type { ItemResult } from "../../../provider/client/items";
import { AccountBatcher } from "../../../provider/client/member-batch";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);

test("concurrent profile reads and deletes share calls of up to 100", async () => {
  const seen: { action: string; n: number }[] = [];
  const b = new AccountBatcher({
    accountCheckItems: async () => [],
    multiAccountImport: async () => [],
    async portraitGet(userIds) {
      seen.push({ action: "get", n: userIds.length });
      return userIds.map((id): ItemResult<AccountProfile> =>
        id === "ghost"
          ? { id, ok: false, error: new ChatApiError("portrait_get", 40003, "not imported") }
          : { id, ok: true, value: { Nick: `n-${id}`, tags: {} } },
      );
    },
    async accountDelete(userIds) {
      seen.push({ action: "delete", n: userIds.length });
      return userIds.map((id) => ({
        id,
        ok: true as const,
        value: id === "ghost" ? ("absent" as const) : ("deleted" as const),
      }));
    },
  });
  const reads = await Promise.allSettled([...ids(150), "ghost"].map((id) => b.profile(id)));
  expect(reads.filter((r) => r.status === "rejected")).toHaveLength(1);
  expect(reads[3]).toEqual({ status: "fulfilled", value: { Nick: "n-u3", tags: {} } });
  const deletes = await Promise.all([...ids(120), "ghost"].map((id) => b.remove(id)));
  expect(deletes.filter((d) => d === "absent")).toHaveLength(1);
  expect(seen).toEqual([
    { action: "get", n: 100 },
    { action: "get", n: 51 },
    { action: "delete", n: 100 },
    { action: "delete", n: 21 },
  ]);
  expect(b.callsByAction).toEqual({ check: 0, import: 0, profile: 2, delete: 2 });
});

test("a source without profile reads or deletes rejects those calls, naming the missing method", async () => {
  const b = new AccountBatcher({ accountCheckItems: async () => [], multiAccountImport: async () => [] });
  await expect(b.profile("u")).rejects.toThrow(new TypeError("this account source has no portraitGet"));
  await expect(b.remove("u")).rejects.toThrow(new TypeError("this account source has no accountDelete"));
});
