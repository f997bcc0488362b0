import { inspect } from "node:util";
import { ChatClient } from "../../../provider/client";

const KEY = "unit-client-secret-key-abcdef0123";

describe("ChatClient construction (no network)", () => {
  test.each([
    [{ sdkAppId: 1, identifier: "admin" }, /exactly one of secretKey/],
    [{ sdkAppId: 1, identifier: "admin", secretKey: KEY, userSig: "sig" }, /either secretKey or userSig, not both/],
    [
      { sdkAppId: 1, identifier: "admin", secretKey: KEY, region: "atlantis" },
      /Unknown Tencent Cloud Chat region "atlantis"/,
    ],
    [
      { sdkAppId: 1, identifier: "admin", secretKey: KEY, endpoint: "localhost:8080" },
      /not supported|not an absolute URL/,
    ],
    [{ sdkAppId: 1, identifier: "admin", secretKey: KEY, retry: -1 }, /maxAttempts must be an integer/],
    [{ sdkAppId: 1, identifier: "admin", secretKey: KEY, timeoutMs: 0 }, /timeoutMs must be positive/],
  ])("%o is refused", (opts, msg) => {
    expect(() => new ChatClient(opts as never)).toThrow(msg);
  });

  test("region and endpoint resolve the base URL", async () => {
    const a = new ChatClient({ sdkAppId: 1, identifier: "admin", secretKey: KEY, region: "frankfurt" });
    const b = new ChatClient({ sdkAppId: 1, identifier: "admin", secretKey: KEY, endpoint: "http://127.0.0.1:9/" });
    expect(a.baseUrl).toBe("https://adminapiger.im.qcloud.com");
    expect(b.baseUrl).toBe("http://127.0.0.1:9");
    await Promise.all([a.close(), b.close()]);
  });

  test("JSON.stringify, util.inspect and String() show no secret", async () => {
    const a = new ChatClient({ sdkAppId: 1400000001, identifier: "admin", secretKey: KEY });
    const b = new ChatClient({ sdkAppId: 1400000001, identifier: "admin", userSig: "SUPPLIED-SIG-VALUE-123" });
    for (const c of [a, b]) {
      const dump = [
        JSON.stringify(c),
        inspect(c, { showHidden: true, depth: 20 }),
        String(c),
        JSON.stringify(Object.keys(c)),
      ].join("\n");
      expect(dump).toContain("1400000001");
      expect(dump).not.toContain(KEY);
      expect(dump).not.toContain("SUPPLIED-SIG-VALUE-123");
    }
    await Promise.all([a.close(), b.close()]);
  });
});
