/**
 * Credentials: a UserSig generated from the app's secret key (Tencent's `tls-sig-api-v2`), cached and renewed before
 * it expires, or a caller-supplied UserSig used as is. Secrets live only in closures: the object returned by
 * {@link createUserSigSource} has no data properties, so JSON.stringify/inspect of it (or of a client holding it)
 * shows nothing secret. Format: protocol/usersig.ts.
 */
import { Api } from "tls-sig-api-v2/TLSSigAPIv2.js";
import { userIdProblem } from "../../protocol/user-id";
import { ChatError, ErrorCodes } from "./errors";

/** Generate UserSigs from the app's secret key (the console "密钥"). */
export interface SecretKeyCredentials {
  sdkAppId: number;
  /** App admin account the UserSig is issued for (the `identifier` query parameter). */
  identifier: string;
  secretKey: string;
}

/** Use a UserSig generated elsewhere; it cannot be renewed by the client. */
export interface UserSigCredentials {
  sdkAppId: number;
  identifier: string;
  userSig: string;
}

/** Either kind of credentials. */
export type ChatCredentials = SecretKeyCredentials | UserSigCredentials;

/** Validity and renewal of generated UserSigs. */
export interface UserSigOptions {
  /** Validity of a generated UserSig in seconds. Default 86400 (1 day; docs: at least 24 h). */
  expireSeconds?: number;
  /** Clock in ms since the epoch, for renewal decisions. Default `Date.now`. */
  clock?: () => number;
}

/** The UserSig for the next request, without exposing the key. */
export interface UserSigSource {
  /** Whether the client generates (and so can renew) the UserSig. */
  readonly canRenew: boolean;
  /** The current UserSig, generating or renewing it first when needed. */
  current(): string;
  /** Drop the cached UserSig and generate a new one (after a 70001). Throws for a supplied UserSig. */
  renew(): string;
  /** Every secret this source has held (key, current and previous sigs), for redaction. */
  secrets(): readonly string[];
}

/** Default validity of a generated UserSig: one day. */
export const DEFAULT_USERSIG_EXPIRE_SECONDS = 86_400;
/** Renew when less than this share of the validity remains... */
export const RENEW_FRACTION = 0.1;
/** ...or less than this many ms. */
export const RENEW_MIN_REMAINING_MS = 5 * 60_000;

/** Whether renewal is due: less than 10 % of the validity or less than 5 minutes left. Pure. */
export function shouldRenew(issuedAtMs: number, expireSeconds: number, nowMs: number): boolean {
  const validityMs = expireSeconds * 1000;
  const remaining = issuedAtMs + validityMs - nowMs;
  return remaining < Math.max(validityMs * RENEW_FRACTION, Math.min(RENEW_MIN_REMAINING_MS, validityMs / 2));
}

/**
 * A {@link UserSigSource} for the credentials. Validates them up front so a typo fails before any request.
 *
 * @throws ChatError `CHAT_ERR_CONFIG` for missing or malformed credentials (never quoting the key or the sig).
 */
export function createUserSigSource(creds: ChatCredentials, options: UserSigOptions = {}): UserSigSource {
  validateCommon(creds);
  const clock = options.clock ?? Date.now;
  const hasKey = "secretKey" in creds && creds.secretKey !== undefined;
  const hasSig = "userSig" in creds && creds.userSig !== undefined;
  if (hasKey === hasSig) {
    throw new ChatError(
      ErrorCodes.Config,
      "Tencent Cloud Chat credentials: set exactly one of secretKey (the client then generates and renews UserSigs) " +
        "or userSig (a pre-generated UserSig).",
    );
  }
  if (hasSig) {
    const sig = (creds as UserSigCredentials).userSig;
    if (typeof sig !== "string" || sig.trim() === "") {
      throw new ChatError(
        ErrorCodes.Config,
        "Tencent Cloud Chat credentials: userSig is empty. Set a UserSig or a secretKey.",
      );
    }
    return {
      canRenew: false,
      current: () => sig,
      renew: () => {
        throw new ChatError(
          ErrorCodes.Config,
          "The supplied Tencent Cloud Chat UserSig has expired (ErrorCode 70001). Generate a new UserSig for the " +
            "identifier and replace tencent-chat:userSig, or configure tencent-chat:secretKey so the client renews it itself.",
        );
      },
      secrets: () => [sig],
    };
  }
  const key = (creds as SecretKeyCredentials).secretKey;
  if (typeof key !== "string" || key.trim() === "") {
    throw new ChatError(
      ErrorCodes.Config,
      "Tencent Cloud Chat credentials: secretKey is empty. Copy the key from the Chat console.",
    );
  }
  const expire = options.expireSeconds ?? DEFAULT_USERSIG_EXPIRE_SECONDS;
  if (!Number.isInteger(expire) || expire < 60) {
    throw new ChatError(
      ErrorCodes.Config,
      `UserSig validity must be an integer of at least 60 seconds, got ${String(expire)}.`,
    );
  }
  const { sdkAppId, identifier } = creds;
  let cached: { sig: string; issuedAt: number } | undefined;
  const held: string[] = [key];
  const generate = (): string => {
    // A fresh Api per call: the library keeps the key in an enumerable field, which we never want to retain.
    const sig = new Api(sdkAppId, key).genUserSig(identifier, expire);
    cached = { sig, issuedAt: clock() };
    held.push(sig);
    if (held.length > 4) held.splice(1, 1); // keep the key and the last few sigs for redaction
    return sig;
  };
  return {
    canRenew: true,
    current: () => (cached && !shouldRenew(cached.issuedAt, expire, clock()) ? cached.sig : generate()),
    renew: generate,
    secrets: () => [...held],
  };
}

function validateCommon(creds: ChatCredentials): void {
  if (!Number.isSafeInteger(creds.sdkAppId) || creds.sdkAppId <= 0) {
    throw new ChatError(
      ErrorCodes.Config,
      `Tencent Cloud Chat sdkAppId must be a positive integer (the SDKAppID from the console), got ${JSON.stringify(creds.sdkAppId)}.`,
    );
  }
  const problem = userIdProblem(creds.identifier);
  if (problem !== undefined) {
    throw new ChatError(
      ErrorCodes.Config,
      `Tencent Cloud Chat identifier ${problem}: it must be an App admin account (a UserID).`,
    );
  }
}

export {
  decodeTencentBase64,
  decodeUserSig,
  signatureMatches,
  signedContent,
  verifyUserSigHmac,
} from "../../protocol/usersig";
export type { DecodedUserSig } from "../../protocol/usersig";
