import { describeErrorCode, ERROR_CODES, RETRYABLE_CODES, type ErrorClass } from "../../../protocol/error-codes";
import {
  ChatApiError,
  ChatError,
  ErrorCodes,
  hasErrorClass,
  isAmbiguousCreate,
  isAuthError,
  isChatApiError,
  isChatError,
  isConflict,
  isNotFound,
} from "../../../provider/client/errors";
import { interpretAnswer } from "../../../provider/client/envelope";

describe("error classification table", () => {
  test("RETRYABLE_CODES is exactly the issue's list, plus account_import's 40006 and account_delete's 30006/30007/30008 (retry later)", () => {
    expect([...RETRYABLE_CODES].sort()).toEqual([
      10002, 10006, 30006, 30007, 30008, 40006, 60007, 60011, 60014, 60018, 60019, 70169, 70202, 70500,
    ]);
  });

  const rows: Array<[number, ErrorClass]> = [
    [10002, "retryable"],
    [10006, "retryable"],
    [60007, "retryable"],
    [60011, "retryable"],
    [60014, "retryable"],
    [60018, "retryable"],
    [60019, "retryable"],
    [70169, "retryable"],
    [70202, "retryable"],
    [70500, "retryable"],
    [10010, "not-found"],
    [10015, "not-found"],
    [10021, "conflict"],
    [10025, "conflict"],
    [70001, "auth"],
    [70003, "auth"],
    [70009, "auth"],
    [70013, "auth"],
    [70014, "auth"],
    [60010, "auth"],
    [60006, "auth"],
    [10004, "invalid"],
    [10007, "invalid"],
    [10019, "invalid"],
    [80001, "invalid"],
    [10036, "quota"],
    [10037, "quota"],
    [10038, "quota"],
    [10058, "quota"],
    [10011, "invalid"],
    [10018, "invalid"],
    [70399, "invalid"],
    [10014, "quota"],
    [70398, "quota"],
    [70999, "unknown"],
    [12345, "unknown"],
  ];
  test.each(rows)("%i is %s", (code, cls) => {
    expect(describeErrorCode(code).class).toBe(cls);
    const err = new ChatApiError("get_group_info", code, "info text");
    expect(err.errorClass).toBe(cls);
    expect(err.retryable).toBe(cls === "retryable");
    expect(hasErrorClass(err, cls)).toBe(true);
    expect(isNotFound(err)).toBe(cls === "not-found");
    expect(isConflict(err)).toBe(cls === "conflict");
    expect(isAuthError(err)).toBe(cls === "auth");
  });

  test.each([70999, 70404, 79999])(
    "an unknown 70xxx code %i gets no credentials hint, only where to look it up",
    (code) => {
      const err = new ChatApiError("account_import", code, "whatever the service said");
      expect(err.message).not.toMatch(/credential|UserSig|secretKey|signature/i);
      expect(err.message).toMatch(/does not know.*whatever the service said.*269\/1671/);
    },
  );

  test.each(Object.keys(ERROR_CODES).map(Number))("code %i has a meaning and a hint", (code) => {
    const info = describeErrorCode(code);
    expect(info.meaning.length).toBeGreaterThan(3);
    expect(info.hint.length).toBeGreaterThan(3);
  });
});

describe("ChatApiError / ChatError", () => {
  test("the message says what failed, why and what to do", () => {
    const err = new ChatApiError("destroy_group", 10010, "this group does not exist", { groupId: "g1" });
    expect(err.message).toBe(
      'Tencent Cloud Chat destroy_group for group "g1" failed with ErrorCode 10010 (the group does not exist or was disbanded): ' +
        "this group does not exist. What to do: check the group id.",
    );
    expect(err).toMatchObject({
      code: "CHAT_ERR_API",
      action: "destroy_group",
      errorCode: 10010,
      groupId: "g1",
      name: "ChatApiError",
    });
  });

  test("guards match on code, not on class identity (serialized code in the Pulumi host)", () => {
    const lookalike = { code: "CHAT_ERR_API", errorClass: "not-found", errorCode: 10010 };
    expect(isChatError(lookalike)).toBe(true);
    expect(isNotFound(lookalike)).toBe(true);
    expect(isChatError(new Error("x"))).toBe(false);
    expect(isChatApiError(new ChatError(ErrorCodes.Network, "n"))).toBe(false);
    expect(isAmbiguousCreate(new ChatError(ErrorCodes.AmbiguousCreate, "a"))).toBe(true);
  });
});

describe("interpretAnswer: success is decided by the body", () => {
  const ep = "http://h/v4/group_open_http_svc/destroy_group";
  test("OK/0 is success", () => {
    expect(
      interpretAnswer("destroy_group", ep, 200, '{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}'),
    ).toMatchObject({ ErrorCode: 0 });
  });
  test.each([
    ['{"ActionStatus":"FAIL","ErrorCode":10010,"ErrorInfo":"this group does not exist"}', 10010],
    ['{"ActionStatus":"OK","ErrorCode":10002,"ErrorInfo":"x"}', 10002],
    ['{"ActionStatus":"FAIL","ErrorCode":0,"ErrorInfo":"odd"}', -1],
  ])("%s → ChatApiError %i", (text, code) => {
    expect(() => interpretAnswer("destroy_group", ep, 200, text)).toThrow(
      expect.objectContaining({ code: "CHAT_ERR_API", errorCode: code }),
    );
  });
  test.each([
    ["<html>bad gateway</html>", /not JSON/],
    ["[1,2]", /not a JSON object/],
    ['{"hello":1}', /ActionStatus\/ErrorCode are missing/],
    ["", /not JSON/],
  ])("%j → Protocol error", (text, msg) => {
    expect(() => interpretAnswer("destroy_group", ep, 200, text)).toThrow(
      expect.objectContaining({
        code: "CHAT_ERR_PROTOCOL",
        delivery: "ambiguous",
        message: expect.stringMatching(msg),
      }),
    );
  });
  test.each([
    [502, false, "ambiguous"],
    [503, false, "ambiguous"],
    [429, true, "not-sent"],
    [404, false, undefined],
  ])("HTTP %i → Http error, retryable %s, delivery %s", (status, retryable, delivery) => {
    expect(() => interpretAnswer("destroy_group", ep, status, "x")).toThrow(
      expect.objectContaining({ code: "CHAT_ERR_HTTP", status, retryable, delivery }),
    );
  });
  test("secrets in the answer are redacted", () => {
    const redact = (s: string) => s.split("SECRETSIG").join("REDACTED");
    try {
      interpretAnswer(
        "destroy_group",
        ep,
        200,
        '{"ActionStatus":"FAIL","ErrorCode":70003,"ErrorInfo":"bad sig SECRETSIG"}',
        redact,
      );
      throw new Error("no throw");
    } catch (e) {
      expect((e as ChatApiError).errorInfo).toBe("bad sig REDACTED");
      expect((e as Error).message).not.toContain("SECRETSIG");
    }
  });
});

describe("ChatError and the guards, field by field (found by mutation testing)", () => {
  test("cause is kept when given and absent otherwise; name and retryable default", () => {
    const cause = new Error("root");
    const withCause = new ChatError(ErrorCodes.Network, "m", { cause });
    expect(withCause.cause).toBe(cause);
    const plain = new ChatError(ErrorCodes.Network, "m");
    expect("cause" in plain).toBe(false);
    expect(plain.name).toBe("ChatError");
    expect(plain.retryable).toBe(false);
  });

  test("the API error message names the group only when there is one, and ErrorInfo only when not empty", () => {
    const bare = new ChatApiError("import_group", 10004, "");
    expect(bare.message).toMatch(
      /^Tencent Cloud Chat import_group failed with ErrorCode 10004 \([^)]*\)\. What to do: /,
    );
    const full = new ChatApiError("import_group", 10004, "bad key", { groupId: "g1" });
    expect(full.message).toMatch(
      /^Tencent Cloud Chat import_group for group "g1" failed with ErrorCode 10004 \([^)]*\): bad key\. What to do: /,
    );
  });

  test.each([
    [null, false],
    [undefined, false],
    ["CHAT_ERR_API", false],
    [{ code: 5 }, false],
    [{ code: "OTHER" }, false],
    [{ code: "CHAT_ERR_API" }, true],
  ])("isChatError(%p) = %p", (e, expected) => {
    expect(isChatError(e)).toBe(expected);
  });

  test("isAmbiguousCreate only for CHAT_ERR_AMBIGUOUS_CREATE", () => {
    expect(isAmbiguousCreate(new ChatError(ErrorCodes.AmbiguousCreate, "m"))).toBe(true);
    expect(isAmbiguousCreate(new ChatError(ErrorCodes.Api, "m"))).toBe(false);
    expect(isAmbiguousCreate({ code: "OTHER" })).toBe(false);
  });
});
