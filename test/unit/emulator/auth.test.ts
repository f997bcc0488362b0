/**
 * verifyUserSig against sigs from the official tls-sig-api-v2 package, and hand-built documents for the
 * cases the package cannot produce.
 */
import { createHmac } from "node:crypto";
import { deflateSync } from "node:zlib";
import { verifyUserSig } from "../../../emulator/auth";
import { decodeTencentBase64, signedContent } from "../../../protocol/usersig";

// tls-sig-api-v2 1.0.2 has two "main" keys in package.json; jest resolves the first (a missing file).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Api } = require("tls-sig-api-v2/TLSSigAPIv2.js") as {
  Api: new (app: number, key: string) => { genUserSig(id: string, expire: number): string };
};

const APP = 1400000001;
const KEY = "emulator-unit-key";
const nowSeconds = Math.floor(Date.now() / 1000);
const gen = (id: string, opts: { app?: number; key?: string; expire?: number } = {}) =>
  new Api(opts.app ?? APP, opts.key ?? KEY).genUserSig(id, opts.expire ?? 86400);
const check = (userSig: string, over: { identifier?: string; now?: number } = {}) =>
  verifyUserSig({
    sdkAppId: APP,
    secretKey: KEY,
    identifier: over.identifier ?? "admin",
    userSig,
    nowSeconds: over.now ?? nowSeconds,
  });

/** Encode a document the way the SDKs do: JSON → zlib → base64 with Tencent's substitutions. */
function encode(doc: Record<string, unknown>): string {
  return deflateSync(Buffer.from(JSON.stringify(doc)))
    .toString("base64")
    .replace(/\+/g, "*")
    .replace(/\//g, "-")
    .replace(/=/g, "_");
}
function signedDoc(over: Record<string, unknown> = {}, key = KEY): Record<string, unknown> {
  const base = { identifier: "admin", sdkAppId: APP, time: nowSeconds, expire: 3600 };
  const sig = createHmac("sha256", key).update(signedContent(base)).digest("base64");
  // Go/Python key order (expire before time): verifiers must parse, not compare bytes.
  return {
    "TLS.ver": "2.0",
    "TLS.identifier": "admin",
    "TLS.sdkappid": APP,
    "TLS.expire": 3600,
    "TLS.time": nowSeconds,
    "TLS.sig": sig,
    ...over,
  };
}

test.each([
  ["valid", gen("admin"), {}, { ok: true }],
  ["wrong key", gen("admin", { key: "other" }), {}, { ok: false, errorCode: 70009 }],
  ["other identifier", gen("bob"), {}, { ok: false, errorCode: 70013 }],
  ["other app", gen("admin", { app: 1400000002 }), {}, { ok: false, errorCode: 70014 }],
  [
    "expired (clock past time + expire)",
    gen("admin", { expire: 60 }),
    { now: nowSeconds + 120 },
    { ok: false, errorCode: 70001 },
  ],
  ["not yet expired at the boundary", gen("admin", { expire: 60 }), { now: nowSeconds + 59 }, { ok: true }],
  ["garbage", "garbage!!", {}, { ok: false, errorCode: 70003 }],
  ["base64 of non-zlib", Buffer.from("hello").toString("base64"), {}, { ok: false, errorCode: 70003 }],
  ["truncated", gen("admin").slice(0, 40), {}, { ok: false, errorCode: 70003 }],
  ["empty", "", {}, { ok: false, errorCode: 70002 }],
] as [string, string, { now?: number }, object][])("%s", (_name, sig, over, expected) => {
  expect(check(sig, over)).toMatchObject(expected);
});

test.each([
  ["hand-built, Go key order", signedDoc(), { ok: true }],
  ["sdkappid as a string", signedDoc({ "TLS.sdkappid": String(APP) }), { ok: false, errorCode: 70003 }],
  ["no TLS.sig", signedDoc({ "TLS.sig": undefined }), { ok: false, errorCode: 70003 }],
  ["JSON array", [] as unknown as Record<string, unknown>, { ok: false, errorCode: 70003 }],
  ["tampered expire", signedDoc({ "TLS.expire": 999999 }), { ok: false, errorCode: 70009 }],
  [
    "unexpected userbuf (not covered by the sig)",
    signedDoc({ "TLS.userbuf": "AAAA" }),
    { ok: false, errorCode: 70009 },
  ],
  ["sig of the wrong length", signedDoc({ "TLS.sig": "AAAA" }), { ok: false, errorCode: 70009 }],
])("%s", (_name, doc, expected) => {
  expect(check(encode(doc))).toMatchObject(expected);
});

test("errors never echo the sig", () => {
  const sig = gen("admin", { key: "other" });
  const result = check(sig);
  expect(result.ok).toBe(false);
  if (!result.ok) expect(result.errorInfo).not.toContain(sig);
});

test("decodeTencentBase64 reverses the substitutions", () => {
  const bytes = Buffer.from([0xfb, 0xff, 0xfe]);
  const tencent = bytes.toString("base64").replace(/\+/g, "*").replace(/\//g, "-").replace(/=/g, "_");
  expect(decodeTencentBase64(tencent)).toEqual(bytes);
});

test("signedContent is the documented string", () => {
  expect(signedContent({ identifier: "a", sdkAppId: 1, time: 2, expire: 3 })).toBe(
    "TLS.identifier:a\nTLS.sdkappid:1\nTLS.time:2\nTLS.expire:3\n",
  );
  expect(signedContent({ identifier: "a", sdkAppId: 1, time: 2, expire: 3, userBuf: "QQ==" })).toMatch(
    /TLS\.userbuf:QQ==\n$/,
  );
});
