/**
 * `group_open_http_svc/get_appid_group_list` (https://cloud.tencent.com/document/product/269/1614): page through every
 * group id.
 * The cursor `Next` is `listCursorBase + sequence number of the last group returned`; 0 means done. It is
 * 64-bit: read losslessly from the raw body and written as a bigint, so values above 2^53 survive.
 */
import type { Handler, HandlerContext } from "../context";
import { invalid, LISTABLE_TYPES, optionalInteger, optionalString } from "../validate";

/** Default and maximum `Limit` (https://cloud.tencent.com/document/product/269/1614). */
export const MAX_LIST_LIMIT = 10_000;

/**
 * The request's `Next` as a bigint. A JSON number above 2^53 has already been rounded by JSON.parse,
 * so the digits are taken from the raw body instead.
 */
function parseNext(value: unknown, ctx: HandlerContext): bigint {
  if (value === undefined || value === null) return 0n;
  if (typeof value === "string") {
    if (!/^\d{1,20}$/.test(value)) throw invalid("Next must be a non-negative integer or a decimal string");
    return BigInt(value);
  }
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw invalid("Next must be a non-negative integer or a decimal string");
  }
  if (Number.isSafeInteger(value)) return BigInt(value);
  const digits = /"Next"\s*:\s*(\d+)/.exec(ctx.rawBody);
  return digits === null ? BigInt(value) : BigInt(digits[1]);
}

/** Handler of get_appid_group_list. */
export const getAppidGroupList: Handler = (body, ctx) => {
  const limit = optionalInteger(body, "Limit", 1, MAX_LIST_LIMIT) ?? MAX_LIST_LIMIT;
  const next = parseNext(body.Next, ctx);
  const type = optionalString(body, "GroupType");
  if (type !== undefined && !LISTABLE_TYPES.has(type)) {
    throw invalid(`GroupType must be one of ${[...LISTABLE_TYPES].join(", ")}; got ${JSON.stringify(type)}`);
  }
  if (next !== 0n && next < ctx.listCursorBase) throw invalid("Next is not a cursor this server returned");
  const after = next === 0n ? 0n : next - ctx.listCursorBase;

  const rows = ctx.store
    .listGroups()
    .filter((g) => type === undefined || g.Type === type)
    .map((g) => ({ id: g.GroupId, seq: BigInt(ctx.store.sequenceOf(g.GroupId) ?? 0) }));
  const remaining = rows.filter((r) => r.seq > after);
  const page = remaining.slice(0, limit);
  const more = remaining.length > page.length;
  return {
    TotalCount: rows.length,
    GroupIdList: page.map((r) => ({ GroupId: r.id })),
    Next: more ? ctx.listCursorBase + page[page.length - 1].seq : 0,
  };
};
