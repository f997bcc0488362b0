/**
 * The operation deadline (executor.ts), on an injected clock: a request that never answers is tried only while the
 * budget lasts, each attempt's timeout is cut to what is left, no back-off outlasts it, and the error says how many
 * attempts it made over how long. No wall clock is involved: the fake transport and sleep advance the clock.
 */
import type { ChatAction } from "../../../protocol/actions";
import { ChatError, ErrorCodes } from "../../../provider/client/errors";
import { Deadline, Executor, type RequestEvent } from "../../../provider/client/executor";
import { resolveRetryOptions } from "../../../provider/client/retry";
import type { HttpTransport } from "../../../provider/client/transport";
import { createUserSigSource } from "../../../provider/client/usersig";

/** An executor over a transport that never answers: every post takes its whole timeout on the fake clock. */
function hanging(deadlineMs: number, requestTimeoutMs = 10_000) {
  const clock = { now: 0 };
  const timeouts: number[] = [];
  const sleeps: number[] = [];
  const events: RequestEvent[] = [];
  const transport = {
    timeoutMs: requestTimeoutMs,
    async post(action: ChatAction, _url: string, endpoint: string, _body: string, _redact: unknown, timeoutMs: number) {
      const ms = Math.min(requestTimeoutMs, timeoutMs);
      timeouts.push(ms);
      clock.now += ms;
      throw new ChatError(
        ErrorCodes.Timeout,
        `Tencent Cloud Chat ${action} timed out: no answer from POST ${endpoint} within ${ms} ms.`,
        {
          action,
          delivery: "ambiguous",
        },
      );
    },
  } as unknown as HttpTransport;
  const exec = new Executor({
    baseUrl: "http://127.0.0.1:1",
    sdkAppId: 1400000001,
    identifier: "administrator",
    sig: createUserSigSource({ sdkAppId: 1400000001, identifier: "administrator", secretKey: "k" }),
    transport,
    retry: resolveRetryOptions(undefined),
    perSecond: {},
    sleep: async (ms) => {
      sleeps.push(ms);
      clock.now += ms;
    },
    random: () => 0.5,
    onRequest: (e) => events.push(e),
    deadlineMs,
    now: () => clock.now,
  });
  return { exec, clock, timeouts, sleeps, events };
}

async function failure(p: Promise<unknown>): Promise<ChatError> {
  try {
    await p;
  } catch (e) {
    return e as ChatError;
  }
  throw new Error("expected a failure");
}

test("a hanging endpoint: 3 attempts fit the default 30 s budget (not 5 × 10 s), the last one cut to what is left", async () => {
  const { exec, clock, timeouts, sleeps, events } = hanging(30_000);
  const error = await failure(exec.run("get_group_info", "{}"));
  // 10 s, back-off 50 ms, 10 s, back-off 100 ms, then only 9850 ms were left for the third attempt.
  expect(timeouts).toEqual([10_000, 10_000, 9_850]);
  expect(sleeps).toEqual([50, 100]);
  expect(clock.now).toBe(30_000);
  expect(events.map((e) => e.outcome)).toEqual(["timeout", "timeout", "timeout"]);
  expect(error.code).toBe("CHAT_ERR_TIMEOUT");
  expect(error.message).toMatch(
    /Gave up after 3 attempts over 30\.0 s: the operation deadline of 30000 ms \(the deadlineMs setting\) left no time/,
  );
});

test.each([1_000, 5_000, 25_000, 60_000, 120_000])(
  "deadline %i ms: the time spent never exceeds it, and the error reports the attempts made",
  async (deadlineMs) => {
    const { exec, clock, timeouts, sleeps } = hanging(deadlineMs);
    const error = await failure(exec.run("destroy_group", '{"GroupId":"g"}'));
    expect(timeouts.reduce((a, b) => a + b, 0) + sleeps.reduce((a, b) => a + b, 0)).toBe(clock.now);
    expect(clock.now).toBeLessThanOrEqual(deadlineMs);
    expect(timeouts.length).toBeLessThanOrEqual(5); // never more than the retry policy's attempts
    const reported = /Gave up after (\d+) attempts? over ([\d.]+) s/.exec(error.message);
    expect(Number(reported?.[1])).toBe(timeouts.length);
    expect(Number(reported?.[2])).toBe(Number((clock.now / 1000).toFixed(1)));
  },
);

test("a call inside another's budget (import_group's read-back) that finds it spent is not sent and says so", async () => {
  const { exec, clock, timeouts } = hanging(10_000);
  const deadline = exec.newDeadline();
  await failure(exec.run("get_group_info", "{}", { deadline })); // spends the whole budget
  const sent = timeouts.length;
  const error = await failure(exec.run("get_group_info", "{}", { deadline }));
  expect(timeouts.length).toBe(sent);
  expect(error.message).toMatch(
    /was not sent: the operation deadline of 10000 ms \(the deadlineMs setting\) was already spent/,
  );
  expect(clock.now).toBe(10_000);
});

test("a permanent refusal on the first attempt is reported as is (no attempt summary)", async () => {
  const clock = { now: 0 };
  const transport = {
    timeoutMs: 10_000,
    async post() {
      return { status: 200, text: '{"ActionStatus":"FAIL","ErrorCode":10004,"ErrorInfo":"bad"}' };
    },
  } as unknown as HttpTransport;
  const exec = new Executor({
    baseUrl: "http://127.0.0.1:1",
    sdkAppId: 1,
    identifier: "administrator",
    sig: createUserSigSource({ sdkAppId: 1, identifier: "administrator", secretKey: "k" }),
    transport,
    retry: resolveRetryOptions(undefined),
    perSecond: {},
    random: () => 0.5,
    now: () => clock.now,
  });
  const error = await failure(exec.run("modify_group_base_info", "{}"));
  expect(error.message).not.toMatch(/Gave up/);
  expect(exec.deadlineMs).toBe(30_000);
});

test("Deadline excludes time spent waiting for a rate-limit token", () => {
  let now = 100;
  const d = new Deadline(1_000, () => now);
  now += 400;
  d.exclude(300);
  expect(d.elapsedMs()).toBe(100);
  expect(d.remainingMs()).toBe(900);
});
