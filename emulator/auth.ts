/**
 * UserSig v2 verification (https://cloud.tencent.com/document/product/269/1664): base64url with Tencent's
 * substitutions, zlib, JSON, then
 * sdkappid (70014), identifier (70013), expiry (70001) and the HMAC-SHA256 (70009). Pure: the caller passes `now`.
 */
import { inflateSync } from "node:zlib";
// The encoding and signing primitives are the protocol's: one implementation of the format serves both sides.
import { decodeTencentBase64, signatureMatches, signedContent } from "../protocol/usersig";

/** What a UserSig is checked against. */
export interface UserSigCheck {
  /** The app's SDKAppID. */
  sdkAppId: number;
  /** The app's secret key, used as UTF-8 bytes (not hex-decoded). */
  secretKey: string;
  /** The `identifier` query parameter. */
  identifier: string;
  /** The `usersig` query parameter. */
  userSig: string;
  /** Current time, Unix seconds. */
  nowSeconds: number;
}

/** Outcome of {@link verifyUserSig}: ok, or the service error code with an ErrorInfo that never echoes the sig. */
export type UserSigResult = { ok: true } | { ok: false; errorCode: number; errorInfo: string };

const fail = (errorCode: number, errorInfo: string): UserSigResult => ({ ok: false, errorCode, errorInfo });

function parseDocument(userSig: string): Record<string, unknown> | undefined {
  try {
    const json = inflateSync(decodeTencentBase64(userSig)).toString("utf8");
    const doc: unknown = JSON.parse(json);
    return typeof doc === "object" && doc !== null && !Array.isArray(doc)
      ? (doc as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

const isInt = (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v);

/** Verify a UserSig the way the reference verifiers (SIG-GO, SIG-PHP) do, mapped to the service's codes. */
export function verifyUserSig(check: UserSigCheck): UserSigResult {
  if (check.userSig === "") return fail(70002, "usersig is empty");
  const doc = parseDocument(check.userSig);
  if (doc === undefined) return fail(70003, "usersig could not be parsed");
  const identifier = doc["TLS.identifier"];
  const sdkAppId = doc["TLS.sdkappid"];
  const time = doc["TLS.time"];
  const expire = doc["TLS.expire"];
  const sig = doc["TLS.sig"];
  const userBuf = doc["TLS.userbuf"];
  if (
    typeof identifier !== "string" ||
    !isInt(sdkAppId) ||
    !isInt(time) ||
    !isInt(expire) ||
    typeof sig !== "string" ||
    (userBuf !== undefined && typeof userBuf !== "string")
  ) {
    return fail(70003, "usersig could not be parsed: fields missing or of the wrong type");
  }
  if (sdkAppId !== check.sdkAppId) return fail(70014, "sdkappid in usersig does not match the request");
  if (identifier !== check.identifier) return fail(70013, "identifier in usersig does not match the request");
  if (check.nowSeconds > time + expire) return fail(70001, "usersig expired");
  if (!signatureMatches(sig, signedContent({ identifier, sdkAppId, time, expire, userBuf }), check.secretKey)) {
    return fail(70009, "usersig verification failed: signed with another key");
  }
  return { ok: true };
}
