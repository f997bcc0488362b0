/**
 * Regression (issue 9, defect 7), through the real provider host: an endpoint that accepts connections and never
 * answers made create take ~60 s and read/delete ~50 s with the default timeoutMs, while the error said "within
 * 10000 ms". Now every API call runs within the operation deadline (`tencent-chat:deadlineMs`): create (import and
 * its read-back together), read and delete give up when it is spent, and the error says how many attempts were
 * made over how long. The test counts the requests the server received and compares them, and the reported
 * elapsed time, with the configured budget.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { HostCallError, type ProviderHost } from "../../harness/host";
import { SDK_APP_ID, startE2E, type E2E } from "../../harness/e2e";
import { providerText, sharedHost } from "../helpers/matrix";

const TIMEOUT_MS = 200;
const DEADLINE_MS = 700;

let e2e: E2E;
let host: ProviderHost;
let provider: string;
let server: http.Server;
const held: http.ServerResponse[] = [];
let requests = 0;

beforeAll(async () => {
  server = http.createServer((_req, res) => {
    requests++;
    held.push(res); // accepted, read, never answered
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  e2e = await startE2E();
  provider = await providerText(e2e);
  host = await sharedHost(e2e, {
    "tencent-chat:endpoint": url,
    "tencent-chat:timeoutMs": String(TIMEOUT_MS),
    "tencent-chat:deadlineMs": String(DEADLINE_MS),
  });
}, 60_000);
afterAll(async () => {
  for (const res of held) res.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await e2e?.stop();
});

const urn = "urn:pulumi:dev::chat-test::pulumi-nodejs:dynamic/tencent-chat:ChatGroup::g";

async function failureOf(call: () => Promise<unknown>): Promise<string> {
  try {
    await call();
  } catch (e) {
    return e instanceof HostCallError ? e.details : String(e);
  }
  throw new Error("expected the call to fail");
}

/** The "N attempts over X s" summaries in a message (a create's read-back adds its own). */
function summaries(message: string): { attempts: number; seconds: number }[] {
  return [...message.matchAll(/(\d+) attempts? over ([\d.]+) s/g)].map((m) => ({
    attempts: Number(m[1]),
    seconds: Number(m[2]),
  }));
}

const props = {
  type: "Public",
  name: "g",
  groupId: "hang-g",
  customGroupId: true,
  sdkAppId: SDK_APP_ID,
  __provider: "",
};

test.each([
  ["read", () => host.read("hang-g", urn, { ...props, __provider: provider })],
  ["delete", () => host.delete("hang-g", urn, { ...props, __provider: provider })],
  [
    "create with a custom id (import, then the read-back, in one budget)",
    () => host.create(urn, { type: "Public", name: "g", groupId: "hang-g", __provider: provider }),
  ],
])("%s gives up within the deadline and says how many attempts over how long", async (_name, call) => {
  requests = 0;
  const message = await failureOf(call);
  const found = summaries(message);
  expect(found.length).toBeGreaterThan(0);
  const last = found[found.length - 1]!;
  // Every request the server saw is an attempt the error accounts for, and there were fewer than 5 × 10 s worth.
  expect(last.attempts).toBe(requests);
  expect(requests).toBeGreaterThanOrEqual(1);
  // The reported time is the budget's, not attempts × timeout: at most one (cut) attempt's timer past the deadline.
  expect(last.seconds * 1000).toBeLessThanOrEqual(DEADLINE_MS + TIMEOUT_MS);
  expect(message).toMatch(new RegExp(`deadline of ${DEADLINE_MS} ms`));
});
