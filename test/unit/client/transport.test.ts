import { deliveryOf, sanitizeCause } from "../../../provider/client/transport";

const sysErr = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("deliveryOf: could the request have reached the server?", () => {
  test.each([
    ["ECONNREFUSED", "not-sent"],
    ["ENOTFOUND", "not-sent"],
    ["EAI_AGAIN", "not-sent"],
    ["UND_ERR_CONNECT_TIMEOUT", "not-sent"],
    ["DEPTH_ZERO_SELF_SIGNED_CERT", "not-sent"],
    ["ERR_TLS_CERT_ALTNAME_INVALID", "not-sent"],
    ["ERR_SSL_WRONG_VERSION_NUMBER", "not-sent"],
    ["ECONNRESET", "ambiguous"],
    ["UND_ERR_SOCKET", "ambiguous"],
    ["EPIPE", "ambiguous"],
    ["UND_ERR_HEADERS_TIMEOUT", "ambiguous"],
  ])("%s → %s", (code, delivery) => {
    expect(deliveryOf(sysErr(code))).toBe(delivery);
  });
  test("a system code wrapped in a cause is found", () => {
    const wrapped = Object.assign(new Error("fetch failed"), { code: "UND_ERR_SOCKET", cause: sysErr("ECONNREFUSED") });
    expect(deliveryOf(wrapped)).toBe("not-sent");
  });
  test("unknown errors are ambiguous (the safe side)", () => {
    expect(deliveryOf(new Error("?"))).toBe("ambiguous");
    expect(deliveryOf("weird")).toBe("ambiguous");
  });
});

describe("sanitizeCause", () => {
  test("keeps name and code, redacts the message, drops the stack frames and any other property", () => {
    const raw = Object.assign(new Error("connect failed for /v4/x?usersig=SECRET-SIG-123&random=1"), {
      code: "ECONNRESET",
      url: "http://h/v4/x?usersig=SECRET-SIG-123",
    });
    const safe = sanitizeCause(raw, (s) => s.replace(/usersig=[^&]*/g, "usersig=REDACTED"));
    expect(safe.message).toBe("connect failed for /v4/x?usersig=REDACTED&random=1");
    expect((safe as Error & { code?: string }).code).toBe("ECONNRESET");
    expect(safe.stack).toBe(`Error: ${safe.message}`);
    expect(JSON.stringify(safe) + String(safe.stack) + Object.keys(safe).join()).not.toContain("SECRET-SIG-123");
  });
});
