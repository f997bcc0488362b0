/**
 * The request corpus of the robustness suite: each entry is raw bytes for one connection and the answer the README
 * documents for it. Three categories (see {@link Category}): malformed requests answered with an error envelope
 * (HTTP 200 for /v4 paths, 404 + 60009 outside /v4), requests that are not HTTP (or hit the admin routes) answered
 * with a bare HTTP status by Node's parser, and unusual but valid requests that are served.
 * Bodies are sized for an emulator started with `--max-body-bytes 262144`.
 */
import { httpRequest, signedQuery } from "./robustness-helpers";

/** The body limit the corpus is built for. */
export const CORPUS_BODY_LIMIT = 262_144;

/** What a corpus entry must get back. */
export type Expected =
  { kind: "envelope"; status: number; code?: number; info?: RegExp } | { kind: "http"; statuses: readonly number[] };

/**
 * What kind of request an entry is: `malformed` (answered with an error envelope, ErrorCode ≠ 0), `bare-http`
 * (answered with a bare HTTP status, no envelope), `valid` (unusual but valid: served).
 */
export type Category = "malformed" | "bare-http" | "valid";

/** One malformed (or merely unusual) request. */
export interface CorpusEntry {
  label: string;
  payload: Buffer;
  expected: Expected;
  category: Category;
  head?: boolean;
  endAfterWrite?: boolean;
}

const env = (code?: number, status = 200, info?: RegExp): Expected => ({ kind: "envelope", status, code, info });
const http = (...statuses: number[]): Expected => ({ kind: "http", statuses });

/** Deterministic bytes (xorshift), so a failure replays identically. */
function noise(n: number, seed: number): Buffer {
  const out = Buffer.alloc(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

/** Builds the corpus (UserSigs are signed now, so build it when the test runs). */
export function buildCorpus(): CorpusEntry[] {
  const q = signedQuery();
  const svc = "/v4/group_open_http_svc";
  const post = (target: string, body: string | Buffer = "{}", headers: Record<string, string> = {}) =>
    httpRequest("POST", target, body, headers);
  const imp = (body: string | Buffer, headers: Record<string, string> = {}) =>
    post(`${svc}/import_group?${q}`, body, headers);
  const list = (headers: Record<string, string>, body = "{}") =>
    post(`${svc}/get_appid_group_list?${q}`, body, headers);
  const raw = (text: string) => Buffer.from(text, "latin1");
  const depth = 40_000;
  const entries: [string, Buffer, Expected, Partial<CorpusEntry>?][] = [
    // URLs
    [
      "bad percent-encoding in the query",
      post(`${svc}/get_appid_group_list?sdkappid=%ZZ&identifier=%E0%A4%A&usersig=%&random=%%&contenttype=json`),
      env(60006),
    ],
    ["bad percent-encoding in the path", post(`${svc}/%E0%A4%A?${q}`), env(10003)],
    ["%00 in the path", post(`${svc}/import_group%00?${q}`), env(10003)],
    ["a percent-encoded action name is not the action", post(`${svc}/import%5Fgroup?${q}`), env(10003)],
    [
      "raw UTF-8 bytes in the path",
      Buffer.concat([
        raw("POST /v4/"),
        Buffer.from("群组/导入", "utf8"),
        raw(` HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}`),
      ]),
      http(400, 404),
    ],
    [
      "a 12 KB query (under the header limit) still works",
      post(`${svc}/get_appid_group_list?${q}&pad=${"x".repeat(12_000)}`),
      env(0),
    ],
    [
      "a 64 KB query (over Node's 16 KB header limit)",
      post(`${svc}/get_appid_group_list?${q}&pad=${"x".repeat(64_000)}`),
      http(400, 431),
    ],
    ["no query at all", post(`${svc}/get_appid_group_list`), env(60012)],
    ["only sdkappid", post(`${svc}/get_appid_group_list?sdkappid=${1400000009}`), env(60004)],
    ["sdkappid given twice (the first counts)", post(`${svc}/get_appid_group_list?sdkappid=1&${q}`), env(60006)],
    ["an unknown command", post(`${svc}/create_group?${q}`), env(10003)],
    ["/v4/ alone", post("/v4/"), env(60009, 404)],
    ["too many path segments", post(`/v4/a/b/c?${q}`), env(60009, 404)],
    ["the root path", post("/"), env(60009, 404)],
    ["a non-/v4 API version", post(`/v5/group_open_http_svc/import_group?${q}`), env(60009, 404)],
    ["an unknown admin route", post("/_emulator/nope"), http(404)],
    [
      "an absolute-form URL is served by its path",
      post(`http://example.invalid${svc}/get_appid_group_list?${q}`),
      env(0),
    ],
    ["asterisk-form", httpRequest("OPTIONS", "*"), env(60009, 404)],
    ["an unparsable absolute URL", post("http://[bad/v4"), env(60002, 400)],
    // not HTTP
    ["a garbage request line", raw("HELLO THERE\r\n\r\n"), http(400)],
    ["an HTTP/0.9-style request line (Node reads it as GET /)", raw("GET /\r\n\r\n"), env(60009, 404)],
    ["4 KB of binary noise", noise(4096, 7), http(400)],
    [
      "a header line without a colon",
      raw(`POST ${svc}/get_appid_group_list?${q} HTTP/1.1\r\nHost: x\r\nnot a header\r\n\r\n`),
      http(400),
    ],
    [
      "a header name with a control byte",
      raw(`POST ${svc}/get_appid_group_list?${q} HTTP/1.1\r\nHo\x01st: x\r\n\r\n`),
      http(400),
    ],
    [
      "20 KB of headers",
      post(
        `${svc}/get_appid_group_list?${q}`,
        "{}",
        Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`X-Pad-${i}`, "y".repeat(100)])),
      ),
      http(400, 431),
    ],
    [
      "Content-Length not a number",
      raw(`POST ${svc}/get_appid_group_list?${q} HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}`),
      http(400),
    ],
    [
      "Content-Length negative",
      raw(`POST ${svc}/get_appid_group_list?${q} HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n{}`),
      http(400),
    ],
    [
      "both Content-Length and chunked",
      raw(
        `POST ${svc}/get_appid_group_list?${q} HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n`,
      ),
      http(400),
    ],
    [
      "a bad chunk size",
      raw(
        `POST ${svc}/get_appid_group_list?${q} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`,
      ),
      http(400),
    ],
    [
      "a valid chunked body works",
      raw(
        `POST ${svc}/get_appid_group_list?${q} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n1\r\n{\r\n1\r\n}\r\n0\r\n\r\n`,
      ),
      env(0),
    ],
    // The rest of the body parses as a second, malformed request; Node answers that parse error on the socket first.
    ["Content-Length shorter than the body", imp('{"Type":"Public","Name":"x"}', { "Content-Length": "5" }), http(400)],
    // methods
    ...(["GET", "PUT", "DELETE", "PATCH", "OPTIONS"] as const).map((m): [string, Buffer, Expected] => [
      `method ${m}`,
      httpRequest(m, `${svc}/get_appid_group_list?${q}`, m === "GET" ? "" : "{}"),
      env(60002, 200, /POST/),
    ]),
    [
      "method HEAD (answer without a body)",
      httpRequest("HEAD", `${svc}/get_appid_group_list?${q}`, ""),
      http(200),
      { head: true },
    ],
    // bodies
    ["an empty body", imp(""), env(60003)],
    ["invalid JSON", imp("{Type:"), env(60003)],
    ["truncated JSON", imp('{"Type":"Public","Name":"tr'), env(60003)],
    ["4 KB of binary garbage", imp(noise(4096, 11)), env(60003)],
    ["a JSON array", imp("[1,2]"), env(60003, 200, /JSON object/)],
    ["a JSON number", imp("42"), env(60003, 200, /JSON object/)],
    ["JSON null", imp("null"), env(60003, 200, /JSON object/)],
    ["a JSON string", imp('"str"'), env(60003, 200, /JSON object/)],
    ["JSON true", imp("true"), env(60003, 200, /JSON object/)],
    ["a UTF-8 BOM before the JSON", imp("\uFEFF{}"), env(60003)],
    [`${depth} nested arrays`, imp("[".repeat(depth) + "]".repeat(depth)), env(60003)],
    [`${depth} nested objects`, imp('{"a":'.repeat(depth) + "1" + "}".repeat(depth)), env(10004, 200, /Type/)],
    [
      "deep nesting inside AppDefinedData",
      imp(`{"Type":"Public","Name":"n","AppDefinedData":${"[".repeat(depth)}${"]".repeat(depth)}}`),
      env(10004, 200, /AppDefinedData/),
    ],
    [
      "deep nesting inside a ResponseFilter",
      post(
        `${svc}/get_group_info?${q}`,
        `{"GroupIdList":["g"],"ResponseFilter":${"[".repeat(depth)}${"]".repeat(depth)}}`,
      ),
      env(10004, 200, /ResponseFilter/),
    ],
    [
      "a __proto__ key does not pollute",
      imp('{"__proto__":{"Type":"Public","Name":"polluted"}}'),
      env(10004, 200, /Type/),
    ],
    [
      "a number beyond double range",
      imp('{"Type":"Public","Name":"n","MaxMemberCount":1e400}'),
      env(10004, 200, /MaxMemberCount/),
    ],
    [
      "20,000 ids in one get_group_info",
      post(
        `${svc}/get_group_info?${q}`,
        JSON.stringify({ GroupIdList: Array.from({ length: 20_000 }, (_, i) => `g${i}`) }),
      ),
      env(10004, 200, /at most 50/),
    ],
    [
      "invalid UTF-8 in a string (decoded as U+FFFD)",
      imp(Buffer.concat([Buffer.from('{"Type":"Public","Name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')])),
      env(0),
    ],
    // content types: not checked (README), the body is what counts
    ...[
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/octet-stream",
      "application/xml",
      "application/json; charset=latin1",
      "",
    ].map((ct): [string, Buffer, Expected] => [
      `Content-Type ${JSON.stringify(ct)} with a JSON body`,
      list({ "Content-Type": ct }),
      env(0),
    ]),
    [
      "a form-encoded body",
      imp("Type=Public&Name=n", { "Content-Type": "application/x-www-form-urlencoded" }),
      env(60003),
    ],
    ["Content-Encoding gzip that is not gzip", imp("{not gzip", { "Content-Encoding": "gzip" }), env(60003)],
    // size
    [
      "a body one byte over the limit",
      imp(
        `{"Type":"Public","Name":"n","Introduction":"${"x".repeat(CORPUS_BODY_LIMIT)}"}`.slice(
          0,
          CORPUS_BODY_LIMIT + 1,
        ),
      ),
      env(60002, 200, new RegExp(`${CORPUS_BODY_LIMIT}-byte limit`)),
    ],
    [
      "a body twice the limit",
      imp("x".repeat(CORPUS_BODY_LIMIT * 2)),
      env(60002, 200, new RegExp(`${CORPUS_BODY_LIMIT}-byte limit`)),
    ],
    ["an oversized body to an admin route", post("/_emulator/faults", "x".repeat(CORPUS_BODY_LIMIT + 1)), http(413)],
  ];
  const category = (e: Expected, head: boolean | undefined): Category =>
    e.kind === "http" ? (head ? "valid" : "bare-http") : e.code === 0 ? "valid" : "malformed";
  return entries.map(([label, payload, expected, extra]) => ({
    label,
    payload,
    expected,
    category: category(expected, extra?.head),
    ...(extra ?? {}),
  }));
}
