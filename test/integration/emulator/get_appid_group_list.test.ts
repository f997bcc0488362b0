/**
 * get_appid_group_list over real HTTP: paging with Limit/Next, GroupType filter and TotalCount, and 64-bit cursors
 * (above 2^32 like the doc sample, and above 2^53) that must survive JSON untouched.
 */
import { failure, startHarness, type Harness } from "./harness";

async function seed(h: Harness, types: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const [i, Type] of types.entries())
    ids.push((await h.call("import_group", { Type, Name: `g${i}` })).json.GroupId);
  return ids;
}

/** Every id, following Next until 0; Next is passed on as the raw JSON digits the server sent. */
async function pageAll(
  h: Harness,
  limit: number,
  extra: Record<string, unknown> = {},
): Promise<{ ids: string[]; nexts: string[] }> {
  const ids: string[] = [];
  const nexts: string[] = [];
  let next = "0";
  for (let guard = 0; guard < 100; guard++) {
    const body = `{"Limit":${limit},"Next":${next}${Object.keys(extra).length ? "," + JSON.stringify(extra).slice(1, -1) : ""}}`;
    const res = await h.call("get_appid_group_list", body);
    expect(res.json.ErrorCode).toBe(0);
    ids.push(...res.json.GroupIdList.map((g: { GroupId: string }) => g.GroupId));
    next = /"Next":(\d+)/.exec(res.text)![1];
    if (next === "0") return { ids, nexts };
    nexts.push(next);
  }
  throw new Error("paging did not end");
}

describe("get_appid_group_list", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.emu.close());
  beforeEach(() => h.emu.store.reset());

  test("{} lists everything in one page with Next 0", async () => {
    const ids = await seed(h, ["Public", "Private", "ChatRoom"]);
    const res = await h.call("get_appid_group_list", {});
    expect(res.json).toEqual({
      ActionStatus: "OK",
      ErrorInfo: "",
      ErrorCode: 0,
      TotalCount: 3,
      GroupIdList: ids.map((GroupId) => ({ GroupId })),
      Next: 0,
    });
  });

  test("paging with Limit 2 visits every group once", async () => {
    const ids = await seed(h, ["Public", "Private", "ChatRoom", "Public", "Community"]);
    const { ids: seen, nexts } = await pageAll(h, 2);
    expect(seen).toEqual(ids);
    expect(nexts).toHaveLength(2);
  });

  test("GroupType filters the list and TotalCount", async () => {
    const ids = await seed(h, ["Public", "Private", "Public"]);
    const res = await h.call("get_appid_group_list", { GroupType: "Public", Limit: 1 });
    expect(res.json).toMatchObject({ TotalCount: 2, GroupIdList: [{ GroupId: ids[0] }] });
    expect(res.json.Next).not.toBe(0);
    const rest = await h.call("get_appid_group_list", { GroupType: "Public", Next: String(res.json.Next) });
    expect(rest.json).toMatchObject({ TotalCount: 2, GroupIdList: [{ GroupId: ids[2] }], Next: 0 });
    expect((await h.call("get_appid_group_list", { GroupType: "AVChatRoom" })).json).toMatchObject({
      TotalCount: 0,
      GroupIdList: [],
      Next: 0,
    });
  });

  test("a group destroyed between pages is skipped, not repeated", async () => {
    const ids = await seed(h, ["Public", "Public", "Public"]);
    const first = await h.call("get_appid_group_list", { Limit: 1 });
    await h.call("destroy_group", { GroupId: ids[1] });
    const rest = await h.call("get_appid_group_list", { Next: first.json.Next });
    expect(rest.json.GroupIdList).toEqual([{ GroupId: ids[2] }]);
  });

  test.each([
    ["Limit 0", { Limit: 0 }],
    ["Limit 10001", { Limit: 10001 }],
    ["Limit a string", { Limit: "5" }],
    ["Next negative", { Next: -1 }],
    ["Next not decimal", { Next: "0x10" }],
    ["unknown GroupType", { GroupType: "Work" }],
  ])("%s → 10004", async (_name, body) => {
    expect((await h.call("get_appid_group_list", body)).json).toEqual(failure(10004));
  });
});

describe.each([
  ["above 2^32 (doc sample)", 4454685360n],
  ["above 2^53", 2n ** 60n],
])("64-bit cursors %s", (_name, base) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ listCursorBase: base });
  });
  afterAll(() => h.emu.close());

  test("Next is emitted as exact JSON digits and accepted back as a number or a string", async () => {
    const ids = await seed(h, ["Public", "Public", "Public"]);
    const first = await h.call("get_appid_group_list", { Limit: 1 });
    const digits = /"Next":(\d+)/.exec(first.text)![1];
    expect(BigInt(digits)).toBe(base + 1n);
    const asNumber = await h.call("get_appid_group_list", `{"Limit":1,"Next":${digits}}`);
    expect(asNumber.json.GroupIdList).toEqual([{ GroupId: ids[1] }]);
    const asString = await h.call("get_appid_group_list", { Limit: 1, Next: digits });
    expect(asString.json.GroupIdList).toEqual([{ GroupId: ids[1] }]);
    expect((await pageAll(h, 1)).ids).toEqual(ids);
  });

  test("a cursor below the base → 10004", async () => {
    expect((await h.call("get_appid_group_list", { Next: 5 })).json).toEqual(failure(10004, "cursor"));
  });
});
