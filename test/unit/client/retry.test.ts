import type { ChatAction } from "../../../protocol/actions";
import { ChatApiError, ChatError, ErrorCodes } from "../../../provider/client/errors";
import {
  backoffDelay,
  classifyFailure,
  decideRetry,
  DEFAULT_RETRY,
  isRateLimitFailure,
  RATE_LIMIT_CODES,
  resolveRetryOptions,
  type RetryDecision,
} from "../../../provider/client/retry";

const api = (code: number) => new ChatApiError("get_group_info", code, "");
const net = (delivery: "not-sent" | "ambiguous") => new ChatError(ErrorCodes.Network, "n", { delivery });
const timeout = () => new ChatError(ErrorCodes.Timeout, "t", { delivery: "ambiguous" });
const http = (status: number) => new ChatError(ErrorCodes.Http, "h", { status });
const protocol = () => new ChatError(ErrorCodes.Protocol, "p", { delivery: "ambiguous" });

describe("classifyFailure", () => {
  test.each([
    ["10002", api(10002), "definite-transient"],
    ["60007", api(60007), "definite-transient"],
    ["70500", api(70500), "definite-transient"],
    ["10010", api(10010), "permanent"],
    ["10021", api(10021), "permanent"],
    ["70001", api(70001), "permanent"],
    ["refused", net("not-sent"), "definite-transient"],
    ["reset after send", net("ambiguous"), "ambiguous"],
    ["timeout", timeout(), "ambiguous"],
    ["502", http(502), "ambiguous"],
    ["429", http(429), "definite-transient"],
    ["404", http(404), "permanent"],
    ["garbled 200", protocol(), "ambiguous"],
    ["validation", new ChatError(ErrorCodes.Validation, "v"), "permanent"],
    ["plain Error", new Error("x"), "permanent"],
  ])("%s → %s", (_n, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });
});

type Row = [string, unknown, ChatAction, boolean, RetryDecision["kind"]];
const rows: Row[] = [
  // repeatable actions: every transient or ambiguous failure is retried
  ["10002 get", api(10002), "get_group_info", false, "retry"],
  ["timeout get", timeout(), "get_group_info", false, "retry"],
  ["502 modify", http(502), "modify_group_base_info", false, "retry"],
  ["reset destroy", net("ambiguous"), "destroy_group", false, "retry"],
  ["refused owner", net("not-sent"), "change_group_owner", false, "retry"],
  ["60007 list", api(60007), "get_appid_group_list", false, "retry"],
  ["garbled get", protocol(), "get_group_info", false, "retry"],
  ["10010 get", api(10010), "get_group_info", false, "fail"],
  ["10004 modify", api(10004), "modify_group_base_info", false, "fail"],
  ["404 get", http(404), "get_group_info", false, "fail"],
  // import_group: definite failures are retried, ambiguous ones never repeated blindly
  ["10002 import", api(10002), "import_group", false, "retry"],
  ["10006 import custom", api(10006), "import_group", true, "retry"],
  ["refused import", net("not-sent"), "import_group", false, "retry"],
  ["429 import", http(429), "import_group", false, "retry"],
  ["timeout import", timeout(), "import_group", false, "ambiguous-create"],
  ["reset import", net("ambiguous"), "import_group", false, "ambiguous-create"],
  ["502 import", http(502), "import_group", false, "ambiguous-create"],
  ["garbled import", protocol(), "import_group", false, "ambiguous-create"],
  ["timeout import custom", timeout(), "import_group", true, "read-back"],
  ["reset import custom", net("ambiguous"), "import_group", true, "read-back"],
  ["502 import custom", http(502), "import_group", true, "read-back"],
  ["10021 import custom", api(10021), "import_group", true, "fail"],
  ["10004 import", api(10004), "import_group", false, "fail"],
];

describe("decideRetry: failure × action × custom id", () => {
  test.each(rows)("%s → %s", (_n, error, action, hasCustomGroupId, expected) => {
    const d = decideRetry({ action, error, attempt: 1, hasCustomGroupId, options: DEFAULT_RETRY, random: () => 0.5 });
    expect(d.kind).toBe(expected);
  });

  test("no retry once maxAttempts is reached", () => {
    const opts = { ...DEFAULT_RETRY, maxAttempts: 3 };
    expect(
      decideRetry({ action: "get_group_info", error: api(10002), attempt: 2, options: opts, random: () => 0 }).kind,
    ).toBe("retry");
    expect(
      decideRetry({ action: "get_group_info", error: api(10002), attempt: 3, options: opts, random: () => 0 }).kind,
    ).toBe("fail");
  });

  test("retries off still resolves an ambiguous import (that is about what happened, not trying again)", () => {
    const off = resolveRetryOptions(0);
    expect(off.maxAttempts).toBe(1);
    expect(
      decideRetry({ action: "get_group_info", error: api(10002), attempt: 1, options: off, random: () => 0 }).kind,
    ).toBe("fail");
    expect(
      decideRetry({ action: "import_group", error: timeout(), attempt: 1, options: off, random: () => 0 }).kind,
    ).toBe("ambiguous-create");
    expect(
      decideRetry({
        action: "import_group",
        error: timeout(),
        attempt: 1,
        hasCustomGroupId: true,
        options: off,
        random: () => 0,
      }).kind,
    ).toBe("read-back");
  });
});

describe("backoff", () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 8, 10, 20])("attempt %i stays within [0, min(cap, base·2^(n-1))]", (attempt) => {
    const ceiling = Math.min(5000, 100 * 2 ** (attempt - 1));
    expect(backoffDelay(attempt, DEFAULT_RETRY, () => 0)).toBe(0);
    const hi = backoffDelay(attempt, DEFAULT_RETRY, () => 0.999999);
    expect(hi).toBeLessThanOrEqual(ceiling);
    expect(hi).toBeGreaterThanOrEqual(ceiling - 1);
  });

  test("full jitter: uniform random scales the ceiling", () => {
    expect(backoffDelay(3, DEFAULT_RETRY, () => 0.5)).toBe(200);
    expect(backoffDelay(100, DEFAULT_RETRY, () => 0.5)).toBe(2500);
  });

  test("the delay of a retry decision comes from the backoff", () => {
    const d = decideRetry({
      action: "get_group_info",
      error: api(10002),
      attempt: 4,
      options: DEFAULT_RETRY,
      random: () => 0.25,
    });
    expect(d).toEqual({ kind: "retry", delayMs: 200 });
  });

  test.each([
    [undefined, 5],
    [0, 1],
    [2, 3],
    [{ maxAttempts: 1 }, 1],
    [{ baseDelayMs: 10 }, 5],
  ])("resolveRetryOptions(%j).maxAttempts = %i", (opt, attempts) => {
    expect(resolveRetryOptions(opt).maxAttempts).toBe(attempts);
  });
  test.each([[-1], [{ maxAttempts: 0 }], [{ baseDelayMs: 10, maxDelayMs: 5 }]])(
    "resolveRetryOptions(%j) throws",
    (opt) => {
      expect(() => resolveRetryOptions(opt)).toThrow(RangeError);
    },
  );
});

describe("rate refusals: their own, larger, bounded budget", () => {
  test.each([
    ["60007", api(60007), true],
    ["60011", api(60011), true],
    ["60018", api(60018), true],
    ["60019", api(60019), true],
    ["10006", api(10006), true],
    ["429", http(429), true],
    ["10002", api(10002), false],
    ["503", http(503), false],
    ["timeout", timeout(), false],
    ["plain Error", new Error("60007"), false],
  ])("%s is a rate refusal: %s", (_n, error, expected) => {
    expect(isRateLimitFailure(error)).toBe(expected);
  });

  test("every rate code is also retryable", () => {
    for (const code of RATE_LIMIT_CODES) expect(classifyFailure(api(code))).toBe("definite-transient");
  });

  const decide = (error: unknown, attempt: number, rateLimited: number, options = DEFAULT_RETRY) =>
    decideRetry({ action: "import_group", error, attempt, rateLimited, options, random: () => 0.5 }).kind;

  test.each<[string, unknown, number, number, RetryDecision["kind"]]>([
    ["5th refusal in a row: still retried (past maxAttempts)", api(60007), 5, 5, "retry"],
    ["9th refusal in a row: retried", api(60007), 9, 9, "retry"],
    ["10th refusal: the refusal budget is spent", api(60007), 10, 10, "fail"],
    ["a 10002 after 4 refusals: the ordinary budget is untouched", api(10002), 5, 4, "retry"],
    ["a 10002 as the 5th ordinary failure: fail", api(10002), 9, 4, "fail"],
    ["a refusal after 4 ordinary failures: retried", api(60007), 5, 1, "retry"],
    ["total attempts are bounded by both budgets together", api(60007), 14, 5, "fail"],
    ["HTTP 429 counts as a refusal", http(429), 7, 7, "retry"],
  ])("%s", (_label, error, attempt, rateLimited, expected) => {
    expect(decide(error, attempt, rateLimited)).toBe(expected);
  });

  test("a refusal's backoff grows with the number of refusals, under the same cap", () => {
    const d = decideRetry({
      action: "get_group_info",
      error: api(60007),
      attempt: 9,
      rateLimited: 3,
      options: DEFAULT_RETRY,
      random: () => 0.5,
    });
    expect(d).toEqual({ kind: "retry", delayMs: 200 });
    const late = decideRetry({
      action: "get_group_info",
      error: api(60007),
      attempt: 9,
      rateLimited: 9,
      options: DEFAULT_RETRY,
      random: () => 0.999,
    });
    expect(late.kind === "retry" && late.delayMs).toBeLessThanOrEqual(5000);
  });

  test.each([
    [undefined, 10],
    [0, 1],
    [2, 10],
    [{ maxAttempts: 1 }, 1],
    [{ maxAttempts: 12 }, 12],
    [{ rateLimitMaxAttempts: 3 }, 3],
    [{ maxAttempts: 1, rateLimitMaxAttempts: 4 }, 4],
  ])("resolveRetryOptions(%j).rateLimitMaxAttempts = %i", (opt, n) => {
    expect(resolveRetryOptions(opt).rateLimitMaxAttempts).toBe(n);
  });

  test("retries off: a refusal fails at once", () => {
    expect(decide(api(60007), 1, 1, resolveRetryOptions(0))).toBe("fail");
  });

  test.each([[{ rateLimitMaxAttempts: 0 }], [{ rateLimitMaxAttempts: 2.5 }]])(
    "resolveRetryOptions(%j) throws",
    (opt) => {
      expect(() => resolveRetryOptions(opt)).toThrow(RangeError);
    },
  );
});

describe("boundaries of the policy (each row fails if one comparison or message changes)", () => {
  test.each([
    ["HTTP 428", http(428), false],
    ["HTTP 430", http(430), false],
    ["HTTP without a status", new ChatError(ErrorCodes.Http, "h"), false],
    ["a network error that carries status 429", new ChatError(ErrorCodes.Network, "n", { status: 429 }), false],
  ])("%s is not a rate refusal", (_n, error, expected) => {
    expect(isRateLimitFailure(error)).toBe(expected);
  });

  test.each([
    ["HTTP 500", http(500), "ambiguous"],
    ["HTTP 499", http(499), "permanent"],
    ["HTTP 428", http(428), "permanent"],
    ["HTTP 430", http(430), "permanent"],
    ["HTTP without a status", new ChatError(ErrorCodes.Http, "h"), "permanent"],
    [
      "a timeout known not to be sent",
      new ChatError(ErrorCodes.Timeout, "t", { delivery: "not-sent" }),
      "definite-transient",
    ],
    ["a network error without delivery", new ChatError(ErrorCodes.Network, "n"), "ambiguous"],
  ])("%s → %s", (_n, error, kind) => {
    expect(classifyFailure(error)).toBe(kind);
  });

  test.each([
    [{ rateLimitMaxAttempts: 1 }, 1],
    [{ maxAttempts: 20 }, 20],
    [{ maxAttempts: 2 }, 10],
  ])("resolveRetryOptions(%j).rateLimitMaxAttempts = %i at the edge", (opt, n) => {
    expect(resolveRetryOptions(opt).rateLimitMaxAttempts).toBe(n);
  });

  test.each([[{ baseDelayMs: 0, maxDelayMs: 0 }], [{ baseDelayMs: 7, maxDelayMs: 7 }]])(
    "resolveRetryOptions(%j) accepts the edge",
    (opt) => {
      expect(resolveRetryOptions(opt)).toMatchObject(opt);
    },
  );

  test.each<[object, RegExp]>([
    [{ maxAttempts: 1.5 }, /^retry: maxAttempts must be an integer >= 1 \(retries >= 0\), got 1\.5$/],
    [{ maxAttempts: 0 }, /^retry: maxAttempts must be an integer >= 1 \(retries >= 0\), got 0$/],
    [{ rateLimitMaxAttempts: 0 }, /^retry: rateLimitMaxAttempts must be an integer >= 1, got 0$/],
    [{ rateLimitMaxAttempts: 1.5 }, /^retry: rateLimitMaxAttempts must be an integer >= 1, got 1\.5$/],
    [{ baseDelayMs: -1 }, /^retry: need 0 <= baseDelayMs <= maxDelayMs$/],
    [{ baseDelayMs: Number.NaN }, /^retry: need 0 <= baseDelayMs <= maxDelayMs$/],
    [{ baseDelayMs: 10, maxDelayMs: 9 }, /^retry: need 0 <= baseDelayMs <= maxDelayMs$/],
    [{ maxDelayMs: Number.NaN }, /^retry: need 0 <= baseDelayMs <= maxDelayMs$/],
  ])("resolveRetryOptions(%j) throws, saying which bound", (opt, message) => {
    expect(() => resolveRetryOptions(opt)).toThrow(message);
  });

  test("an ordinary failure is retried up to maxAttempts, counting only non-refusal attempts", () => {
    const d = (attempt: number, rateLimited?: number) =>
      decideRetry({
        action: "get_group_info",
        error: api(10002),
        attempt,
        rateLimited,
        options: DEFAULT_RETRY,
        random: () => 0,
      }).kind;
    expect(d(4)).toBe("retry");
    expect(d(5)).toBe("fail");
    expect(d(5, 1)).toBe("retry");
    expect(d(6, 1)).toBe("fail");
  });

  test("a refusal's budget: the refusal count is at least 1, and both budgets bound the total", () => {
    const d = (attempt: number, rateLimited: number | undefined, options = DEFAULT_RETRY) =>
      decideRetry({ action: "get_group_info", error: api(60007), attempt, rateLimited, options, random: () => 0.5 });
    // rateLimited 0 is read as 1: the backoff of the first refusal (ceiling 100 ms × 2^0).
    expect(d(1, 0)).toEqual({ kind: "retry", delayMs: 50 });
    expect(d(1, undefined)).toEqual({ kind: "retry", delayMs: 50 });
    expect(d(2, 2)).toEqual({ kind: "retry", delayMs: 100 });
    // 9 refusals of budget 10: retried; attempt 13 = 5 + 10 - 2: retried; attempt 14: the joint bound.
    expect(d(13, 9).kind).toBe("retry");
    expect(d(14, 9).kind).toBe("fail");
    const one = resolveRetryOptions({ rateLimitMaxAttempts: 2 });
    expect(d(1, 1, one).kind).toBe("retry");
    expect(d(2, 2, one).kind).toBe("fail");
  });

  test("backoff: the ceiling doubles from baseDelayMs and stops at maxDelayMs; attempt 0 counts as 1", () => {
    const opts = { baseDelayMs: 100, maxDelayMs: 1000 };
    const top = () => 0.9999999;
    expect(backoffDelay(0, opts, top)).toBe(99);
    expect(backoffDelay(1, opts, top)).toBe(99);
    expect(backoffDelay(2, opts, top)).toBe(199);
    expect(backoffDelay(4, opts, top)).toBe(799);
    expect(backoffDelay(5, opts, top)).toBe(999);
    expect(backoffDelay(3, opts, () => 0)).toBe(0);
  });
});
