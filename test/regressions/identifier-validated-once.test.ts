/**
 * Regression (issue 10, item 7): the admin identifier was validated three times with different rules — the config
 * check accepted `admin.ops`, the UserSig code refused it on the first create. Now one rule (Tencent's UserID
 * rule, protocol/user-id.ts) serves both, so the config error comes first, through the real host, with every
 * other problem in the same error and no request sent; and whatever the config accepts, the UserSig code accepts.
 */
import fc from "fast-check";
import { resolveSettings } from "../../provider/config";
import { createUserSigSource } from "../../provider/client/usersig";
import { USER_ID_PATTERN, userIdProblem } from "../../protocol/user-id";
import { HostCallError } from "../../harness/host";
import { SECRET_KEY, startE2E, type E2E } from "../../harness/e2e";
import { providerText, sharedHost } from "../helpers/matrix";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
}, 60_000);
afterAll(() => e2e?.stop());

test("`admin.ops` is refused by the settings check, with the other problems, before any request (through the host)", async () => {
  const provider = await providerText(e2e);
  const host = await sharedHost(e2e, { "tencent-chat:identifier": "admin.ops", "tencent-chat:timeoutMs": "10s" });
  e2e.emulator.resetCounters();
  let details = "";
  try {
    await host.create("urn:pulumi:dev::chat-test::pulumi-nodejs:dynamic/tencent-chat:ChatGroup::g", {
      type: "Public",
      name: "g",
      __provider: provider,
    });
  } catch (e) {
    details = e instanceof HostCallError ? e.details : String(e);
  }
  expect(details).toMatch(
    /configuration is incomplete: .*`tencent-chat:identifier` \(stack config\) "admin\.ops" contains "\."; use 1-32 characters of A-Z a-z 0-9 _ -/,
  );
  expect(details).toMatch(/`tencent-chat:timeoutMs` \(stack config\) must be a whole number/);
  expect(Object.values(e2e.emulator.counters()).reduce((a, b) => a + b, 0)).toBe(0);
});

test("the settings check and the UserSig code agree on every identifier", () => {
  const ids = fc.oneof(fc.stringMatching(/^[A-Za-z0-9_.@ -]{0,34}$/), fc.string({ maxLength: 34 }));
  fc.assert(
    fc.property(ids, (identifier) => {
      let configOk = true;
      try {
        resolveSettings({ sdkAppId: "1400000001", secretKey: SECRET_KEY, identifier });
      } catch {
        configOk = false;
      }
      let sigOk = true;
      try {
        createUserSigSource({ sdkAppId: 1400000001, identifier, secretKey: SECRET_KEY }).current();
      } catch {
        sigOk = false;
      }
      expect(sigOk).toBe(configOk);
      expect(configOk).toBe(USER_ID_PATTERN.test(identifier));
    }),
    { seed: 107, numRuns: 500 },
  );
  expect(userIdProblem("administrator")).toBeUndefined();
});
