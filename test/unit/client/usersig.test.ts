import { Api } from "tls-sig-api-v2/TLSSigAPIv2.js";
import {
  createUserSigSource,
  decodeUserSig,
  DEFAULT_USERSIG_EXPIRE_SECONDS,
  shouldRenew,
  verifyUserSigHmac,
} from "../../../provider/client/usersig";
import { isChatError } from "../../../provider/client/errors";

const KEY = "unit-test-secret-key-0123456789abcdef";

describe("UserSig round trip (tls-sig-api-v2, decoded per https://cloud.tencent.com/document/product/269/1664)", () => {
  test("the generated sig decodes to the documented fields and its HMAC verifies with the key", () => {
    const before = Math.floor(Date.now() / 1000);
    const sig = new Api(1400000001, KEY).genUserSig("administrator", 3600);
    const doc = decodeUserSig(sig);
    expect(doc["TLS.ver"]).toBe("2.0");
    expect(doc["TLS.identifier"]).toBe("administrator");
    expect(doc["TLS.sdkappid"]).toBe(1400000001);
    expect(doc["TLS.expire"]).toBe(3600);
    expect(doc["TLS.time"]).toBeGreaterThanOrEqual(before);
    expect(doc["TLS.time"]).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    expect(doc["TLS.userbuf"]).toBeUndefined();
    expect(verifyUserSigHmac(doc, KEY)).toBe(true);
    expect(verifyUserSigHmac(doc, `${KEY}x`)).toBe(false);
    expect(verifyUserSigHmac({ ...doc, "TLS.identifier": "someone" }, KEY)).toBe(false);
    // Tencent's base64 alphabet: no '+', '/', '='
    expect(sig).not.toMatch(/[+/=]/);
  });

  test("the source generates with the configured validity", () => {
    const src = createUserSigSource(
      { sdkAppId: 1400000001, identifier: "administrator", secretKey: KEY },
      { expireSeconds: 7200 },
    );
    const doc = decodeUserSig(src.current());
    expect(doc["TLS.expire"]).toBe(7200);
    expect(verifyUserSigHmac(doc, KEY)).toBe(true);
    expect(src.canRenew).toBe(true);
  });
});

describe("renewal before expiry (injected clock)", () => {
  test("shouldRenew: 10 % of a day or 5 minutes left", () => {
    const day = DEFAULT_USERSIG_EXPIRE_SECONDS;
    expect(shouldRenew(0, day, 0)).toBe(false);
    expect(shouldRenew(0, day, 0.89 * day * 1000)).toBe(false);
    expect(shouldRenew(0, day, 0.91 * day * 1000)).toBe(true);
    expect(shouldRenew(0, day, day * 1000 + 1)).toBe(true);
    // short validity: 5 min (capped to half the validity) dominates 10 %
    expect(shouldRenew(0, 3600, 3600_000 - 6 * 60_000)).toBe(false);
    expect(shouldRenew(0, 3600, 3600_000 - 4 * 60_000)).toBe(true);
  });

  test("the cached sig is reused until renewal is due, then regenerated", () => {
    let now = 1_000_000;
    const src = createUserSigSource(
      { sdkAppId: 1400000001, identifier: "administrator", secretKey: KEY },
      { clock: () => now },
    );
    const spy = jest.spyOn(Api.prototype, "genUserSig");
    try {
      src.current();
      src.current();
      expect(spy).toHaveBeenCalledTimes(1);
      now += 0.85 * 86_400_000; // 15 % left
      src.current();
      expect(spy).toHaveBeenCalledTimes(1);
      now += 0.06 * 86_400_000; // 9 % left
      src.current();
      expect(spy).toHaveBeenCalledTimes(2);
      src.renew();
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      spy.mockRestore();
    }
  });

  test("a supplied sig is used as is and cannot be renewed", () => {
    const src = createUserSigSource({
      sdkAppId: 1400000001,
      identifier: "administrator",
      userSig: "supplied-sig-value",
    });
    expect(src.current()).toBe("supplied-sig-value");
    expect(src.canRenew).toBe(false);
    expect(() => src.renew()).toThrow(/replace tencent-chat:userSig/);
  });

  test("the source object exposes no secret through JSON or its keys", () => {
    const src = createUserSigSource({ sdkAppId: 1400000001, identifier: "administrator", secretKey: KEY });
    const sig = src.current();
    const dump = JSON.stringify(src) + Object.keys(src).join(",");
    expect(dump).not.toContain(KEY);
    expect(dump).not.toContain(sig);
  });
});

describe("credential validation", () => {
  test.each([
    [{ sdkAppId: 0, identifier: "admin", secretKey: KEY }, /sdkAppId must be a positive integer/],
    [
      { sdkAppId: 1400000001, identifier: "bad id!", secretKey: KEY },
      /identifier "bad id!" contains " ", "!"; use 1-32 characters of A-Z a-z 0-9 _ -/,
    ],
    [{ sdkAppId: 1400000001, identifier: "admin", secretKey: "" }, /secretKey is empty/],
    [{ sdkAppId: 1400000001, identifier: "admin", userSig: " " }, /userSig is empty/],
    [{ sdkAppId: 1400000001, identifier: "admin" }, /exactly one of secretKey/],
    [{ sdkAppId: 1400000001, identifier: "admin", secretKey: KEY, userSig: "x" }, /exactly one of secretKey/],
  ])("%j is refused", (creds, message) => {
    let thrown: unknown;
    try {
      createUserSigSource(creds as never);
    } catch (e) {
      thrown = e;
    }
    expect(isChatError(thrown)).toBe(true);
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain(KEY);
    expect((thrown as { code: string }).code).toBe("CHAT_ERR_CONFIG");
  });
});
