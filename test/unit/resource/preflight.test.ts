/** diffGroup's pre-flight of a delete-first replacement (DECISIONS D32): what it asks, when, and what a failure says. */
import { ChatError, ErrorCodes } from "../../../provider/client/errors";
import { check } from "../../../provider/resource/check";
import { diffGroup, type AccountApi } from "../../../provider/resource/lifecycle";

const old = {
  ...check({}, { type: "Public", name: "n", groupId: "keep", ownerAccount: "alice" }).inputs,
  customGroupId: true,
  createTime: 1,
};
const news = (program: Record<string, unknown>) => check(old, program).inputs;

function accounts(answer: (ids: readonly string[]) => Promise<Map<string, boolean>>) {
  const calls: string[][] = [];
  const api: AccountApi = { accountCheck: async (ids) => (calls.push([...ids]), answer(ids)) };
  return { calls, get: () => api };
}

test("delete-first with a declared owner: account_check is asked; imported → the plan stands", async () => {
  const a = accounts(async (ids) => new Map(ids.map((id) => [id, true])));
  const plan = await diffGroup(a.get, old, news({ type: "Private", name: "n", groupId: "keep", ownerAccount: "bob" }));
  expect(plan).toMatchObject({ replaces: ["type"], deleteBeforeReplace: true });
  expect(a.calls).toEqual([["bob"]]);
});

test("delete-first with an owner who is not imported: refused, naming the account and the fix", async () => {
  const a = accounts(async (ids) => new Map(ids.map((id) => [id, false])));
  await expect(
    diffGroup(a.get, old, news({ type: "Private", name: "n", groupId: "keep", ownerAccount: "bob" })),
  ).rejects.toMatchObject({
    code: ErrorCodes.Validation,
    message: expect.stringMatching(/ownerAccount "bob" is not an imported account.*Nothing was deleted/),
  });
});

test("account_check failing: refused before the delete, saying nothing was deleted", async () => {
  const a = accounts(async () => {
    throw new ChatError(ErrorCodes.Network, "network down");
  });
  await expect(
    diffGroup(a.get, old, news({ type: "Private", name: "n", groupId: "keep", ownerAccount: "alice" })),
  ).rejects.toThrow(/that check failed: network down Nothing was deleted; run the command again/);
});

test.each<[string, Record<string, unknown>]>([
  ["create-first (the id is not declared: a new one follows)", { type: "Private", name: "n", ownerAccount: "bob" }],
  ["no replacement", { type: "Public", name: "renamed", groupId: "keep", ownerAccount: "bob" }],
  [
    "delete-first but the owner is carried, not declared (the new group gets none)",
    { type: "Private", name: "n", groupId: "keep" },
  ],
])("%s: no API call", async (_label, program) => {
  const a = accounts(async () => {
    throw new Error("must not be called");
  });
  await expect(diffGroup(a.get, old, news(program))).resolves.toBeDefined();
  expect(a.calls).toEqual([]);
});
