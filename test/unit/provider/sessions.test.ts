/** One session (client, read batcher, member and account batchers) per app, rebuilt only when its settings change. */
import { sessionFor } from "../../../provider/sessions";
import { isolateConfig } from "../../helpers/stack-config";

const S = { sdkAppId: 1400000001, identifier: "admin", secretKey: "k", endpoint: "http://127.0.0.1:1" };
isolateConfig();

test("the same settings share one session; its batchers are created once, on first use", () => {
  const a = sessionFor(S);
  const b = sessionFor({ ...S });
  expect(b).toBe(a);
  expect(a.members).toBe(b.members);
  expect(a.accounts).toBe(b.accounts);
  expect(a.accounts.calls).toEqual({ check: 0, import: 0 });
});

test.each<[string, Record<string, unknown>]>([
  ["another secret", { secretKey: "k2" }],
  ["another endpoint", { endpoint: "http://127.0.0.1:2" }],
  ["another deadline", { deadlineMs: 5 }],
])("%s rebuilds the app's session and closes the old client", (_n, change) => {
  const a = sessionFor({ ...S, sdkAppId: 1400000002 });
  const closed = jest.spyOn(a.chat, "close");
  const b = sessionFor({ ...S, sdkAppId: 1400000002, ...change });
  expect(b).not.toBe(a);
  expect(closed).toHaveBeenCalledTimes(1);
});

test("apps and profiles have their own sessions", () => {
  const top = sessionFor({ ...S, sdkAppId: 1400000003 });
  expect(sessionFor({ ...S, sdkAppId: 1400000004 })).not.toBe(top);
  expect(sessionFor({ ...S, sdkAppId: 1400000003, app: "p" })).not.toBe(top);
  expect(sessionFor({ ...S, sdkAppId: 1400000003 })).toBe(top);
});

test("no secret in the session's key or client summary", () => {
  const s = sessionFor({ ...S, sdkAppId: 1400000005, secretKey: "super-secret-value" });
  expect(JSON.stringify(s.chat)).not.toContain("super-secret-value");
});
