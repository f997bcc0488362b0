/**
 * Secrets audit: a whole lifecycle through the real host, with failures and retries, scanned for the secret key
 * and for anything shaped like a UserSig — in `__provider`, every output and input, every error (message, details,
 * partial-failure detail), the host's stdout/stderr and the emulator's log.
 */
import { HostCallError, type Props } from "../../../harness/host";
import { inputsOf, programOf, SECRET_KEY, startE2E, USERSIG_SHAPE, type E2E } from "../../../harness/e2e";

let e2e: E2E;
const emulatorLog: string[] = [];
const seen: unknown[] = [];
beforeAll(async () => {
  e2e = await startE2E({ log: (line) => emulatorLog.push(line) });
});
afterAll(() => e2e?.stop());

async function attempt<T>(p: Promise<T>): Promise<T | HostCallError> {
  try {
    const value = await p;
    seen.push(value);
    return value;
  } catch (e) {
    seen.push(e, (e as HostCallError).details, (e as HostCallError).initFailure);
    return e as HostCallError;
  }
}

test("the UserSig scan recognises a real UserSig (so the audit below can fail)", () => {
  // jest reads the first of the package's two "main" fields, which names a missing file: load the file itself.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: an import would resolve the missing file
  const { Api } = require("tls-sig-api-v2/TLSSigAPIv2.js") as typeof import("tls-sig-api-v2");
  const sig = new Api(1400012345, SECRET_KEY).genUserSig("administrator", 86400);
  expect(`...usersig=${sig}&random=1`).toMatch(USERSIG_SHAPE);
});

test("no secret key and no UserSig anywhere a user or the state could see", async () => {
  const regs = await e2e.register(
    programOf({
      a: { type: "Public", name: "audited", groupId: "audit-1", muteAllMember: true },
      b: { type: "Public", name: "clash", groupId: "audit-1" },
    }),
  );
  const a = regs.find((r) => r.name === "a");
  const b = regs.find((r) => r.name === "b");
  seen.push(a!.inputs.__provider, b!.inputs.__provider);
  const checked = (await attempt(e2e.host.check(a!.urn, {}, inputsOf(a!)))) as { inputs: Props };
  // An expired UserSig on the first call: the client regenerates and retries.
  e2e.emulator.addFault({ action: "import_group", effect: { kind: "error", errorCode: 70001 } });
  // The follow-up modify (muteAllMember) fails for good: a partial failure.
  e2e.emulator.addFault({ action: "modify_group_base_info", effect: { kind: "error", errorCode: 10004 } });
  const partial = await attempt(e2e.host.create(a!.urn, checked.inputs));
  expect(partial).toBeInstanceOf(HostCallError);
  const olds = (partial as HostCallError).initFailure!.properties;
  const updated = (await attempt(e2e.host.update("audit-1", a!.urn, olds, checked.inputs))) as { properties: Props };
  expect(updated.properties.muteAllMember).toBe(true);
  // A conflict (10021) and a check failure.
  expect(await attempt(e2e.host.create(b!.urn, inputsOf(b!)))).toBeInstanceOf(HostCallError);
  await attempt(e2e.host.check(b!.urn, {}, { ...inputsOf(b!), name: "" }));
  // Refresh, a bad-credentials host, and delete.
  await attempt(e2e.host.read("audit-1", a!.urn, updated.properties));
  const wrongKey = await e2e.newHost();
  await wrongKey.configure({ ...e2e.config, "tencent-chat:secretKey": { secret: `${SECRET_KEY}-but-wrong` } });
  const denied = await attempt(wrongKey.read("audit-1", a!.urn, updated.properties));
  expect(denied).toBeInstanceOf(HostCallError);
  expect((denied as HostCallError).details).toMatch(/70009/);
  await attempt(e2e.host.delete("audit-1", a!.urn, updated.properties));

  const corpus = [
    ...seen.map((v) => (v instanceof Error ? `${v.message}\n${v.stack}` : JSON.stringify(v))),
    e2e.host.stdout,
    e2e.host.stderr,
    wrongKey.stdout,
    wrongKey.stderr,
    ...emulatorLog,
  ].join("\n");
  expect(emulatorLog.length).toBeGreaterThan(5);
  expect(corpus).toContain("audit-1"); // the scan really covers what happened
  expect(corpus).not.toContain(SECRET_KEY);
  expect(corpus).not.toMatch(USERSIG_SHAPE);
  expect(corpus.toLowerCase()).not.toMatch(/usersig=(?!redacted)[^&\s"]+/);
});

test("the stack state file, every command's result and the host's output hold no secret after a faulty lifecycle", async () => {
  const fs = await import("node:fs");
  const { matrixStack, providerText, sharedHost } = await import("../../helpers/matrix");
  const host = await sharedHost(e2e);
  const provider = await providerText(e2e);
  let groups: Record<string, Props> = {
    s1: { type: "Public", name: "state audit", groupId: "state-audit" },
    s2: { type: "Work", name: "state audit 2" },
  };
  const engine = matrixStack(e2e, host, provider, "secrets-state", () => groups);
  const seenHere: unknown[] = [];
  const snapshot = () => seenHere.push(fs.readFileSync(engine.statePath, "utf8"));

  e2e.emulator.addFault({ action: "import_group", effect: { kind: "error", errorCode: 10002 } });
  e2e.emulator.addFault({ action: "get_group_info", effect: { kind: "error", errorCode: 70001 } });
  seenHere.push(await engine.up());
  snapshot();
  groups = { ...groups, s1: { ...groups.s1, name: "renamed" } };
  e2e.emulator.addFault({ action: "modify_group_base_info", effect: { kind: "applyThenDrop" } });
  seenHere.push(await engine.up());
  snapshot();
  seenHere.push(await engine.refresh());
  groups = { ...groups, s3: { type: "Public", name: "clash", groupId: "state-audit" } };
  const failed = await engine.up();
  expect(failed.ok).toBe(false);
  seenHere.push(failed);
  snapshot();
  groups = { s1: groups.s1!, s2: groups.s2! };
  seenHere.push(await engine.destroy());
  snapshot();

  const corpus = [
    ...seenHere.map((v) => (typeof v === "string" ? v : JSON.stringify(v))),
    host.stdout,
    host.stderr,
    ...emulatorLog,
  ].join("\n");
  expect(corpus).toContain("state-audit");
  expect(corpus).toMatch(/10021/); // the failure's message is in the scanned corpus
  expect(corpus).not.toContain(SECRET_KEY);
  expect(corpus).not.toMatch(USERSIG_SHAPE);
});
