import { BACKUP_DOMAINS, REGIONS, REGION_NAMES, regionBaseUrl } from "../../../protocol/regions";
import { buildCallUrl, randomUint32, redactText, redactUrl, resolveBaseUrl } from "../../../provider/client/url";

describe("buildCallUrl", () => {
  test("POST path and every documented query parameter (case-sensitive names)", () => {
    const url = new URL(
      buildCallUrl("https://adminapisgp.im.qcloud.com", "import_group", {
        sdkAppId: 1400000001,
        identifier: "administrator",
        userSig: "eJw*ab-cd_",
        random: 4294967295,
      }),
    );
    expect(url.origin).toBe("https://adminapisgp.im.qcloud.com");
    expect(url.pathname).toBe("/v4/group_open_http_svc/import_group");
    expect([...url.searchParams.keys()]).toEqual(["sdkappid", "identifier", "usersig", "random", "contenttype"]);
    expect(url.searchParams.get("sdkappid")).toBe("1400000001");
    expect(url.searchParams.get("identifier")).toBe("administrator");
    expect(url.searchParams.get("usersig")).toBe("eJw*ab-cd_");
    expect(url.searchParams.get("random")).toBe("4294967295");
    expect(url.searchParams.get("contenttype")).toBe("json");
  });

  test("account_import goes to im_open_login_svc", () => {
    const url = buildCallUrl("http://127.0.0.1:1", "account_import", {
      sdkAppId: 1,
      identifier: "a",
      userSig: "s",
      random: 0,
    });
    expect(url.startsWith("http://127.0.0.1:1/v4/im_open_login_svc/account_import?")).toBe(true);
  });
});

describe("randomUint32", () => {
  test.each([0, 1e-12, 0.25, 0.5, 0.999999999999])("random()=%d stays in 0..4294967295", (r) => {
    const v = randomUint32(() => r);
    expect(Number.isInteger(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(4294967295);
  });
  test("the extremes map to the ends of the range", () => {
    expect(randomUint32(() => 0)).toBe(0);
    expect(randomUint32(() => 1 - Number.EPSILON)).toBe(4294967295);
  });
  test("Math.random values are uint32", () => {
    for (let i = 0; i < 1000; i++) {
      const v = randomUint32();
      expect(v >>> 0).toBe(v);
    }
  });
});

describe("resolveBaseUrl", () => {
  test.each(REGION_NAMES.map((r) => [r, `https://${REGIONS[r]}`]))("region %s → %s", (region, base) => {
    expect(resolveBaseUrl({ region })).toBe(base);
    expect(regionBaseUrl(region as keyof typeof REGIONS)).toBe(base);
  });
  test("documented domains", () => {
    expect(REGIONS).toMatchObject({
      china: "console.tim.qq.com",
      singapore: "adminapisgp.im.qcloud.com",
      seoul: "adminapikr.im.qcloud.com",
      frankfurt: "adminapiger.im.qcloud.com",
      "silicon-valley": "adminapiusa.im.qcloud.com",
      jakarta: "adminapiidn.im.qcloud.com",
      tokyo: "adminapijpn.im.qcloud.com",
      mumbai: "adminapiind.im.qcloud.com",
      riyadh: "adminapiksa.im.qcloud.com",
    });
  });
  test("every backup domain belongs to a known region and is a my-imcloud.com host", () => {
    for (const [region, host] of Object.entries(BACKUP_DOMAINS)) {
      expect(REGION_NAMES).toContain(region);
      expect(host).toMatch(/^adminapi[a-z]*\.my-imcloud\.com$/);
    }
    expect(BACKUP_DOMAINS.china).toBe("adminapi.my-imcloud.com");
  });
  test("default region is china; an endpoint wins and loses its trailing slash", () => {
    expect(resolveBaseUrl({})).toBe("https://console.tim.qq.com");
    expect(resolveBaseUrl({ region: "seoul", endpoint: "http://127.0.0.1:4000/" })).toBe("http://127.0.0.1:4000");
    expect(resolveBaseUrl({ endpoint: "https://proxy.example/chat/" })).toBe("https://proxy.example/chat");
  });
  test.each([
    [{ region: "mars" }, /Unknown Tencent Cloud Chat region "mars"/],
    [{ endpoint: "127.0.0.1:4000" }, /protocol "127.0.0.1:" is not supported|not an absolute URL/],
    [{ endpoint: "not a url" }, /not an absolute URL/],
    [{ endpoint: "ftp://h" }, /protocol "ftp:" is not supported/],
    [{ endpoint: "https://h/?usersig=SECRET" }, /must not contain credentials, a query or a fragment/],
  ])("%j is refused with a clear message", (opts, msg) => {
    expect(() => resolveBaseUrl(opts)).toThrow(
      expect.objectContaining({ code: "CHAT_ERR_CONFIG", message: expect.stringMatching(msg) }),
    );
    try {
      resolveBaseUrl(opts);
    } catch (e) {
      expect((e as Error).message).not.toContain("SECRET");
    }
  });
});

describe("redaction", () => {
  test("redactUrl hides the usersig value and keeps the rest", () => {
    const url = buildCallUrl("https://console.tim.qq.com", "destroy_group", {
      sdkAppId: 1400000001,
      identifier: "admin",
      userSig: "eJyrVgrxCdYrSy1SslIy1DNQ0gHzM1NS80oy0zJBEqmZiekQdcUp2YkFBZl5YLmSzNxUJVwOUi0",
      random: 7,
    });
    const red = redactUrl(url);
    expect(red).toBe(
      "https://console.tim.qq.com/v4/group_open_http_svc/destroy_group?sdkappid=1400000001&identifier=admin&usersig=REDACTED&random=7&contenttype=json",
    );
  });
  test.each([
    ["usersig=abc", "usersig=REDACTED"],
    ["x?USERSIG=abc&y=1", "x?USERSIG=REDACTED&y=1"],
    ["POST /v4/a/b?usersig=a*b-c_ failed", "POST /v4/a/b?usersig=REDACTED failed"],
    ["no secrets here", "no secrets here"],
  ])("redactText(%j)", (input, out) => {
    expect(redactText(input)).toBe(out);
  });
  test("known secrets are removed wherever they appear", () => {
    expect(redactText("key=my-secret-key sig my-sig-value", ["my-secret-key", "my-sig-value"])).toBe(
      "key=REDACTED sig REDACTED",
    );
  });
});
