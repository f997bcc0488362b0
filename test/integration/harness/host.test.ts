/**
 * Self-test of the engine harness against a minimal hand-written provider text: proves the harness really
 * launches the host, configures it, decodes partial failures and kills the whole process group.
 */
import { groupAlive, HostCallError, ProviderHost } from "../../../harness/host";
import { makeProgramDir, type ProgramDir } from "../../../harness/program-dir";

const PROVIDER = `exports.handler = () => ({
  configure(req) { this.cfg = req.config.get("ns:key") + "/" + req.config.get("plain"); },
  async create(inputs) {
    if (inputs.fail) { const e = new Error("half done"); e.id = "partial-1"; e.properties = { a: 1 }; e.reasons = ["boom"]; throw e; }
    return { id: "id-" + inputs.name, outs: { name: inputs.name, cfg: this.cfg } };
  },
  async read(id, props) { return id === "gone" ? { id: "" } : { id, props }; },
});`;

let program: ProgramDir;
let host: ProviderHost;

beforeAll(async () => {
  program = makeProgramDir("harness");
  host = await ProviderHost.start({ cwd: program.dir, project: "harness" });
});
afterAll(async () => {
  await host?.stop();
  program?.cleanup();
});

test("configure answers as the real host does and passes namespaced keys and unwrapped secrets", async () => {
  await expect(host.configure({ "ns:key": { secret: "s3cret" }, "harness:plain": "v" })).resolves.toEqual({
    acceptSecrets: false,
    supportsPreview: false,
  });
  const created = await host.create("urn:a", { __provider: PROVIDER, name: "a" });
  expect(created.id).toBe("id-a");
  expect(created.properties).toEqual({ name: "a", cfg: "s3cret/v", __provider: PROVIDER });
});

test("a thrown error with an id arrives as ErrorResourceInitFailed", async () => {
  const err = await host.create("urn:b", { __provider: PROVIDER, name: "b", fail: true }).catch((e) => e);
  expect(err).toBeInstanceOf(HostCallError);
  expect(err.details).toBe("half done");
  expect(err.initFailure).toEqual({ id: "partial-1", properties: { a: 1 }, reasons: ["boom"] });
});

test("read returning an empty id comes back empty", async () => {
  await expect(host.read("gone", "urn:c", { __provider: PROVIDER })).resolves.toMatchObject({ id: "" });
});

test("stop kills the whole process group", async () => {
  const extra = await ProviderHost.start({ cwd: program.dir, project: "harness" });
  const pid = (extra as unknown as { child: { pid: number } }).child.pid;
  expect(groupAlive(pid)).toBe(true);
  await extra.stop();
  expect(groupAlive(pid)).toBe(false);
});
