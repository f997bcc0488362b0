/**
 * Regression (issue 9, defect 8), through the real provider host: `TENCENT_CHAT_REGION` in the environment plus
 * `tencent-chat:endpoint` in stack config failed every call with "both region and endpoint are set". Stack config
 * now wins over the environment as a whole for the location (region / endpoint) and for the credentials
 * (secretKey / userSig); a conflict inside one source names where each value came from.
 */
import { ProviderHost, HostCallError } from "../../harness/host";
import { SDK_APP_ID, SECRET_KEY, startE2E, type E2E } from "../../harness/e2e";
import { providerText } from "../helpers/matrix";

let e2e: E2E;
let provider: string;
const hosts: ProviderHost[] = [];
beforeAll(async () => {
  e2e = await startE2E();
  provider = await providerText(e2e);
}, 60_000);
afterAll(async () => {
  await Promise.all(hosts.map((h) => h.stop()));
  await e2e?.stop();
});

const urn = (name: string) => `urn:pulumi:dev::chat-test::pulumi-nodejs:dynamic/tencent-chat:ChatGroup::${name}`;

async function hostWith(env: NodeJS.ProcessEnv): Promise<ProviderHost> {
  const host = await ProviderHost.start({ cwd: e2e.program.dir, project: "chat-test", env });
  hosts.push(host);
  return host;
}

test("env region and env UserSig + stack config endpoint and key: the stack config's pair is used whole", async () => {
  const host = await hostWith({ TENCENT_CHAT_REGION: "singapore", TENCENT_CHAT_USER_SIG: "a-sig-from-another-job" });
  await host.configure(e2e.config); // sdkAppId, secretKey (secret), identifier, endpoint
  const created = await host.create(urn("precedence"), {
    type: "Public",
    name: "precedence",
    groupId: "precedence-1",
    __provider: provider,
  });
  expect(created.id).toBe("precedence-1");
  expect(e2e.emulator.store.getGroup("precedence-1")).toBeDefined();
  await host.delete("precedence-1", urn("precedence"), { ...created.properties, __provider: provider });
  expect(e2e.emulator.store.getGroup("precedence-1")).toBeUndefined();
});

test("a conflict inside the environment names both variables, and nothing is sent", async () => {
  const host = await hostWith({ TENCENT_CHAT_REGION: "tokyo", TENCENT_CHAT_ENDPOINT: e2e.emulator.url });
  await host.configure({
    "tencent-chat:sdkAppId": String(SDK_APP_ID),
    "tencent-chat:secretKey": { secret: SECRET_KEY },
  });
  e2e.emulator.resetCounters();
  let details = "";
  try {
    await host.create(urn("conflict"), { type: "Public", name: "conflict", __provider: provider });
  } catch (e) {
    details = e instanceof HostCallError ? e.details : String(e);
  }
  expect(details).toMatch(
    /both `TENCENT_CHAT_REGION` \(environment\) and `TENCENT_CHAT_ENDPOINT` \(environment\) are set: keep one/,
  );
  expect(details).not.toContain(SECRET_KEY);
  expect(Object.values(e2e.emulator.counters()).reduce((a, b) => a + b, 0)).toBe(0);
});
