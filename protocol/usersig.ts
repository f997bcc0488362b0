/**
 * The UserSig v2 format: a zlib-deflated JSON document in Tencent's base64 variant, signed with HMAC-SHA256 of the
 * app's secret key. The client signs with Tencent's `tls-sig-api-v2`; the emulator verifies with these helpers.
 * Format: https://cloud.tencent.com/document/product/269/1664 , https://cloud.tencent.com/document/product/269/1655
 * and the source of tencentyun/tls-sig-api-v2-node (`TLSSigAPIv2.js`).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { inflateSync } from "node:zlib";

/** The JSON document inside a UserSig v2. */
export interface DecodedUserSig {
  "TLS.ver": string;
  "TLS.identifier": string;
  "TLS.sdkappid": number;
  "TLS.time": number;
  "TLS.expire": number;
  "TLS.sig": string;
  "TLS.userbuf"?: string;
}

/** Tencent's base64url: `*`→`+`, `-`→`/`, `_`→`=`, then standard base64. */
export function decodeTencentBase64(text: string): Buffer {
  return Buffer.from(text.replace(/\*/g, "+").replace(/-/g, "/").replace(/_/g, "="), "base64");
}

/** The exact string the HMAC covers (identifier, sdkappid, time, expire, optional userbuf; each line ends in \n). */
export function signedContent(doc: {
  identifier: string;
  sdkAppId: number;
  time: number;
  expire: number;
  userBuf?: string;
}): string {
  let content =
    `TLS.identifier:${doc.identifier}\n` +
    `TLS.sdkappid:${doc.sdkAppId}\n` +
    `TLS.time:${doc.time}\n` +
    `TLS.expire:${doc.expire}\n`;
  if (doc.userBuf !== undefined) content += `TLS.userbuf:${doc.userBuf}\n`;
  return content;
}

/** Whether `sig` (standard base64) is the HMAC-SHA256 of `content` under `secretKey` (UTF-8), in constant time. */
export function signatureMatches(sig: string, content: string, secretKey: string): boolean {
  const expected = createHmac("sha256", Buffer.from(secretKey, "utf8")).update(content).digest();
  const given = Buffer.from(sig, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Decode a UserSig: reverse Tencent's base64 substitutions, zlib-inflate, parse JSON.
 *
 * @throws Error when the text is not a UserSig (the message never quotes the input).
 */
export function decodeUserSig(userSig: string): DecodedUserSig {
  const doc = JSON.parse(inflateSync(decodeTencentBase64(userSig)).toString("utf8")) as DecodedUserSig;
  if (doc === null || typeof doc !== "object" || typeof doc["TLS.sig"] !== "string")
    throw new Error("not a UserSig document");
  return doc;
}

/** Recompute the HMAC-SHA256 of a decoded UserSig with `secretKey` and compare in constant time. */
export function verifyUserSigHmac(doc: DecodedUserSig, secretKey: string): boolean {
  const content = signedContent({
    identifier: doc["TLS.identifier"],
    sdkAppId: doc["TLS.sdkappid"],
    time: doc["TLS.time"],
    expire: doc["TLS.expire"],
    userBuf: doc["TLS.userbuf"],
  });
  return signatureMatches(doc["TLS.sig"], content, secretKey);
}
