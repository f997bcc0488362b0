/**
 * Drives the REAL dynamic-provider host that ships inside @pulumi/pulumi (`pulumi-resource-pulumi-nodejs`) over
 * gRPC, the way the Pulumi engine does: spawned with cwd = the program's directory, `PULUMI_NODEJS_PROJECT` set,
 * in its own process group, port read from the first stdout line; Configure first; secrets stripped from CRUD
 * payloads (the host answers acceptSecrets=false); the whole process group killed afterwards.
 * A test tool, not a product. The host is pulumi/pulumi `sdk/nodejs/cmd/dynamic-provider/index.ts`.
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";

/** The unknown-value sentinel the engine sends during preview. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The engine's secret-signature key and value. */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** A plain JSON object, as properties travel over the wire. */
export type Props = Record<string, unknown>;

/** A config value as the engine sends it: a string, or a secret-wrapped string. */
export type ConfigValue = string | { secret: string };

/** The structured partial-failure detail (`pulumirpc.ErrorResourceInitFailed`). */
export interface InitFailure {
  id: string;
  properties: Props;
  reasons: string[];
}

/** A failed RPC: the gRPC status, the message, and the partial-failure detail when the host sent one. */
export class HostCallError extends Error {
  constructor(
    readonly method: string,
    readonly grpcCode: number,
    readonly details: string,
    readonly initFailure?: InitFailure,
  ) {
    super(`${method} failed (gRPC ${grpcCode}): ${details}`);
    this.name = "HostCallError";
  }
}

/** Result of Diff, in engine terms. */
export interface DiffResult {
  changes: "some" | "none" | "unknown";
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/** Options of {@link ProviderHost.start}. */
export interface HostOptions {
  /** The program's directory; the host resolves @pulumi/pulumi and every `require()` of `__provider` from here. */
  cwd: string;
  /** Pulumi project name (`PULUMI_NODEJS_PROJECT`). */
  project: string;
  /** Extra environment (merged over this process's environment). */
  env?: NodeJS.ProcessEnv;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- generated protobuf stubs are untyped here */
type Pb = any;

/** A running provider host and a gRPC client connected to it. */
export class ProviderHost {
  private stdoutText = "";
  private stderrText = "";

  private constructor(
    private readonly child: ChildProcess,
    private readonly client: Pb,
    private readonly pb: { grpc: Pb; prov: Pb; struct: Pb; status: Pb; empty: Pb },
    readonly port: number,
  ) {}

  /** Everything the host wrote to stdout after the port line (the provider's console.log). */
  get stdout(): string {
    return this.stdoutText;
  }

  /** Everything the host wrote to stderr (stack traces of failed check/diff/read/delete). */
  get stderr(): string {
    return this.stderrText;
  }

  /** Spawns the host from `cwd/node_modules/@pulumi/pulumi` and connects to it. */
  static async start(options: HostOptions): Promise<ProviderHost> {
    const pulumiDir = path.dirname(
      createRequire(path.join(options.cwd, "noop.js")).resolve("@pulumi/pulumi/package.json"),
    );
    // The stubs must come from the same @grpc/grpc-js and google-protobuf instances the proto files use.
    const req = createRequire(path.join(pulumiDir, "package.json"));
    const pb = {
      grpc: req("@grpc/grpc-js"),
      prov: req("./proto/provider_pb"),
      struct: req("google-protobuf/google/protobuf/struct_pb"),
      status: req("./proto/status_pb"),
      empty: req("google-protobuf/google/protobuf/empty_pb"),
    };
    const services = req("./proto/provider_grpc_pb");
    const child = spawn(path.join(pulumiDir, "pulumi-resource-pulumi-nodejs"), ["127.0.0.1:1"], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env, PULUMI_NODEJS_PROJECT: options.project, PULUMI_PROJECT: options.project },
      detached: true, // own process group, killed as a whole in stop()
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const port = await new Promise<number>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        stdout += chunk.toString();
        const nl = stdout.indexOf("\n");
        if (nl >= 0) {
          child.stdout!.off("data", onData);
          const first = stdout.slice(0, nl).trim();
          stdout = stdout.slice(nl + 1);
          if (/^\d+$/.test(first)) resolve(Number(first));
          else reject(new Error(`provider host printed ${JSON.stringify(first)} instead of a port`));
        }
      };
      child.stdout!.on("data", onData);
      child.stderr!.on("data", (c: Buffer) => (stderr += c.toString()));
      child.once("exit", (code) =>
        reject(new Error(`provider host exited with ${code} before printing a port: ${stderr}`)),
      );
      child.once("error", reject);
    });
    const client = new services.ResourceProviderClient(`127.0.0.1:${port}`, pb.grpc.credentials.createInsecure());
    const host = new ProviderHost(child, client, pb, port);
    host.stdoutText = stdout;
    host.stderrText = stderr;
    child.stdout!.on("data", (c: Buffer) => (host.stdoutText += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (host.stderrText += c.toString()));
    return host;
  }

  /** Configure with the whole stack config: namespaced keys; secrets wrapped as the engine wraps them. */
  async configure(config: Record<string, ConfigValue>): Promise<{ acceptSecrets: boolean; supportsPreview: boolean }> {
    const args: Props = {};
    const variables: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
      const plain = typeof value === "string" ? value : value.secret;
      args[key] = typeof value === "string" ? value : { [SIG_KEY]: SECRET_SIG, value: value.secret };
      const [ns, name] = key.split(":");
      variables[`${ns}:config:${name}`] = plain;
    }
    const request = new this.pb.prov.ConfigureRequest();
    request.setArgs(this.pb.struct.Struct.fromJavaScript(args));
    const vars = request.getVariablesMap();
    for (const [k, v] of Object.entries(variables)) vars.set(k, v);
    const resp = await this.call("configure", request);
    return { acceptSecrets: resp.getAcceptsecrets(), supportsPreview: resp.getSupportspreview() };
  }

  /** Check(olds, news) → normalised inputs and failures. */
  async check(
    urn: string,
    olds: Props,
    news: Props,
  ): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }> {
    const request = new this.pb.prov.CheckRequest();
    request.setUrn(urn);
    request.setOlds(this.struct(olds));
    request.setNews(this.struct(news));
    const resp = await this.call("check", request);
    return {
      inputs: resp.getInputs()?.toJavaScript() ?? {},
      failures: resp.getFailuresList().map((f: Pb) => ({ property: f.getProperty(), reason: f.getReason() })),
    };
  }

  /** Diff(id, olds = old outputs, news = checked inputs). */
  async diff(id: string, urn: string, olds: Props, news: Props): Promise<DiffResult> {
    const request = new this.pb.prov.DiffRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setOlds(this.struct(olds));
    request.setNews(this.struct(news));
    const resp = await this.call("diff", request);
    const kinds = this.pb.prov.DiffResponse.DiffChanges;
    const c = resp.getChanges();
    return {
      changes: c === kinds.DIFF_SOME ? "some" : c === kinds.DIFF_NONE ? "none" : "unknown",
      replaces: resp.getReplacesList(),
      deleteBeforeReplace: resp.getDeletebeforereplace(),
    };
  }

  /** Create(inputs) → id and outputs. */
  async create(urn: string, properties: Props): Promise<{ id: string; properties: Props }> {
    const request = new this.pb.prov.CreateRequest();
    request.setUrn(urn);
    request.setProperties(this.struct(properties));
    const resp = await this.call("create", request);
    return { id: resp.getId(), properties: resp.getProperties()?.toJavaScript() ?? {} };
  }

  /** Read(id, old outputs, old inputs) → id ("" when gone), outputs and, when returned, refreshed inputs. */
  async read(
    id: string,
    urn: string,
    properties: Props,
    inputs?: Props,
  ): Promise<{ id: string; properties: Props; inputs?: Props }> {
    const request = new this.pb.prov.ReadRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setProperties(this.struct(properties));
    if (inputs) request.setInputs(this.struct(inputs));
    const resp = await this.call("read", request);
    return {
      id: resp.getId(),
      properties: resp.getProperties()?.toJavaScript() ?? {},
      inputs: resp.getInputs()?.toJavaScript(),
    };
  }

  /** Update(id, olds = old outputs, news = checked inputs) → new outputs. */
  async update(id: string, urn: string, olds: Props, news: Props): Promise<{ properties: Props }> {
    const request = new this.pb.prov.UpdateRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setOlds(this.struct(olds));
    request.setNews(this.struct(news));
    const resp = await this.call("update", request);
    return { properties: resp.getProperties()?.toJavaScript() ?? {} };
  }

  /** Delete(id, old outputs). */
  async delete(id: string, urn: string, properties: Props): Promise<void> {
    const request = new this.pb.prov.DeleteRequest();
    request.setId(id);
    request.setUrn(urn);
    request.setProperties(this.struct(properties));
    await this.call("delete", request);
  }

  /** Closes the channel, kills the host's process group and waits until it is gone. */
  async stop(): Promise<void> {
    this.client.close();
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once("exit", () => resolve()));
    const pgid = this.child.pid!;
    try {
      process.kill(-pgid, "SIGKILL");
    } catch {
      // already gone
    }
    await exited;
    await waitForGroupGone(pgid);
  }

  private struct(value: Props): Pb {
    return this.pb.struct.Struct.fromJavaScript(stripForWire(value));
  }

  private call(method: string, request: Pb): Promise<Pb> {
    return new Promise((resolve, reject) => {
      this.client[method](request, (err: Pb, resp: Pb) => {
        if (!err) return resolve(resp);
        reject(new HostCallError(method, err.code, err.details ?? err.message, this.decodeInitFailure(err)));
      });
    });
  }

  private decodeInitFailure(err: Pb): InitFailure | undefined {
    const raw = err.metadata?.get?.("grpc-status-details-bin")?.[0];
    if (!raw) return undefined;
    const status = this.pb.status.Status.deserializeBinary(new Uint8Array(raw));
    for (const any of status.getDetailsList()) {
      if (any.getTypeName() !== "pulumirpc.ErrorResourceInitFailed") continue;
      const detail = this.pb.prov.ErrorResourceInitFailed.deserializeBinary(any.getValue_asU8());
      return {
        id: detail.getId(),
        properties: detail.getProperties()?.toJavaScript() ?? {},
        reasons: detail.getReasonsList(),
      };
    }
    return undefined;
  }
}

/** Polls until no live process is left in the group (zombies awaiting a reaper count as gone). */
async function waitForGroupGone(pgid: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) throw new Error(`provider host process group ${pgid} survived SIGKILL`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Whether any non-zombie process belongs to the group. */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  // kill(0) also succeeds for zombies; look at their state where /proc exists.
  if (!fs.existsSync("/proc")) return true;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === pgid && fields[0] !== "Z") return true;
    } catch {
      // raced with exit
    }
  }
  return false;
}

/** Removes `undefined` (Struct refuses it) and unwraps secrets, as the engine does for a host without secret support. */
export function stripForWire(value: Props): Props {
  return JSON.parse(JSON.stringify(value, (_k, v) => (isSecret(v) ? v.value : v))) as Props;
}

function isSecret(v: unknown): v is { value: unknown } {
  return typeof v === "object" && v !== null && (v as Props)[SIG_KEY] === SECRET_SIG;
}
