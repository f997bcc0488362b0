/** Kit lifecycle helpers: `__provider` carried, the partial-failure shape, the app recorded either way. */
import { isPartialFailure, partialFailure, recording, withProvider } from "../../../provider/kit/lifecycle";

test.each([
  [{ a: 1 }, { __provider: "p", __resourceName: "r" }, { a: 1, __provider: "p" }],
  [{ a: 1 }, {}, { a: 1 }],
  [{ a: 1 }, undefined, { a: 1 }],
])("withProvider(%j, %j)", (props, carry, want) => {
  expect(withProvider(props, carry)).toEqual(want);
});

test("partialFailure: id, properties with __provider, reasons = message naming the subject and the step", () => {
  const e = partialFailure('thing "x"', "x", { k: 1 }, new Error("boom."), "finishing it", { __provider: "p" });
  expect(isPartialFailure(e)).toBe(true);
  expect(e).toMatchObject({ id: "x", properties: { k: 1, __provider: "p" }, code: "CHAT_ERR_PARTIAL" });
  expect(e.reasons).toEqual([e.message]);
  expect(e.message).toMatch(/^thing "x" exists, but finishing it failed: boom\. Pulumi keeps it in state/);
});

test("recording adds sdkAppId to the outputs, or to a partial failure's properties", async () => {
  const r = await recording(
    7,
    async () => ({ outs: { a: 1 } as Record<string, unknown> }),
    (x) => x.outs,
  );
  expect(r.outs).toEqual({ a: 1, sdkAppId: 7 });
  const failed = recording(
    7,
    async () => {
      throw partialFailure("t", "x", {}, "no", "it", undefined);
    },
    () => undefined,
  );
  await expect(failed).rejects.toMatchObject({ properties: { sdkAppId: 7 } });
  await expect(
    recording(
      7,
      async () => Promise.reject(new Error("plain")),
      () => undefined,
    ),
  ).rejects.toThrow("plain");
});
