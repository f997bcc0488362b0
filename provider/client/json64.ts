/**
 * Lossless handling of 64-bit integers in JSON. get_appid_group_list's `Next` cursor can exceed 2^32 (doc sample
 * 4454685361) and, being 64-bit, in principle 2^53, where `JSON.parse` would silently round it. Node 20 has no
 * JSON.parse source-text access, so we scan the raw text once and quote the integers of the named keys before parsing.
 */

/**
 * Parse JSON text; integer values of any key in `keys` (at any depth) come back as decimal strings, exactly as sent.
 * Strings are skipped correctly (escapes included), so a key name inside a string value is never touched.
 *
 * @throws SyntaxError like `JSON.parse` for malformed text.
 */
export function parseJsonWithExactIntegers(text: string, keys: ReadonlySet<string>): unknown {
  let out = "";
  let last = 0;
  let pendingKey: string | undefined; // the string just read, if it is followed by ':'
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const start = i;
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
      i++;
      let j = i;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      pendingKey = text[j] === ":" ? safeString(text.slice(start, i)) : undefined;
      if (pendingKey !== undefined) i = j + 1;
      continue;
    }
    if (ch === "-" || (ch !== undefined && ch >= "0" && ch <= "9")) {
      const m = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
      const lit = m ? m[0] : ch;
      if (pendingKey !== undefined && keys.has(pendingKey) && m && m[1] === undefined && m[2] === undefined) {
        out += text.slice(last, i) + `"${lit}"`;
        last = i + lit.length;
      }
      i += lit.length;
      pendingKey = undefined;
      continue;
    }
    if (ch !== undefined && !/\s/.test(ch)) pendingKey = undefined;
    i++;
  }
  return JSON.parse(out + text.slice(last));
}

function safeString(literal: string): string | undefined {
  try {
    const v: unknown = JSON.parse(literal);
    return typeof v === "string" ? v : undefined;
  } catch {
    return undefined;
  }
}

/** A non-negative 64-bit cursor as the decimal string we keep it in. */
export type Cursor64 = string;

/**
 * Normalize a cursor given as a string, bigint or safe integer to its decimal string.
 *
 * @returns undefined when the value is not a non-negative integer below 2^64.
 */
export function toCursor64(value: string | bigint | number): Cursor64 | undefined {
  let s: string;
  if (typeof value === "bigint") s = value.toString();
  else if (typeof value === "number") {
    if (!Number.isSafeInteger(value)) return undefined;
    s = String(value);
  } else s = value.trim();
  if (!/^\d+$/.test(s)) return undefined;
  const canonical = BigInt(s);
  if (canonical >= 1n << 64n) return undefined;
  return canonical.toString();
}

/**
 * `JSON.stringify(body)` with extra integer members appended as raw JSON number literals (so a cursor above 2^53 is
 * sent unchanged). The literals must be validated decimal strings (see {@link toCursor64}).
 */
export function stringifyWithRawIntegers(body: object, rawIntegers: Record<string, Cursor64>): string {
  const base = JSON.stringify(body);
  const extra = Object.entries(rawIntegers)
    .map(([k, v]) => {
      if (!/^\d+$/.test(v)) throw new TypeError(`not a decimal integer literal: ${k}`);
      return `${JSON.stringify(k)}:${v}`;
    })
    .join(",");
  if (!extra) return base;
  return base === "{}" ? `{${extra}}` : `${base.slice(0, -1)},${extra}}`;
}
