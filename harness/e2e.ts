/**
 * End-to-end fixture: an emulator on port 0, a program directory with the built package installed, and the real
 * provider host configured with the stack config a user would set (`tencent-chat:*`, the key as a secret).
 */
import { ChatClient } from "../provider/client/client";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../emulator";
import { ProviderHost, type ConfigValue, type Props } from "./host";
import { collectRegistrations, makeProgramDir, type ProgramDir, type Registration } from "./program-dir";

/** A secret key distinctive enough to be found by a leak scan. */
export const SECRET_KEY = "k3y-SHOULD-NEVER-LEAK-5b7e0c1d9a";
/** The test app. */
export const SDK_APP_ID = 1400012345;
/** The admin identifier. */
export const ADMIN = "administrator";
/** Matches anything shaped like a UserSig (zlib stream in Tencent's base64url: starts "eJ"). */
export const USERSIG_SHAPE = /eJ[A-Za-z0-9*_-]{40,}/;

/** A running emulator + program dir + configured host. */
export interface E2E {
  emulator: RunningEmulator;
  program: ProgramDir;
  host: ProviderHost;
  /** A direct client for out-of-band changes (retries off). */
  client: ChatClient;
  /** The stack config given to Configure. */
  config: Record<string, ConfigValue>;
  /** Runs a program (JS source) under mocks and returns its registrations. */
  register(programSource: string): Promise<Registration[]>;
  /** Starts another host on the same program directory (not configured). */
  newHost(): Promise<ProviderHost>;
  stop(): Promise<void>;
}

/** Starts the fixture. */
export async function startE2E(options: Partial<EmulatorOptions> = {}): Promise<E2E> {
  const emulator = await startEmulator({ sdkAppId: SDK_APP_ID, secretKey: SECRET_KEY, admin: ADMIN, ...options });
  const program = makeProgramDir();
  const hosts: ProviderHost[] = [];
  const newHost = async () => {
    const h = await ProviderHost.start({ cwd: program.dir, project: "chat-test" });
    hosts.push(h);
    return h;
  };
  const host = await newHost();
  const config: Record<string, ConfigValue> = {
    "tencent-chat:sdkAppId": String(SDK_APP_ID),
    "tencent-chat:secretKey": { secret: SECRET_KEY },
    "tencent-chat:identifier": ADMIN,
    "tencent-chat:endpoint": emulator.url,
    "aws:region": "us-east-1", // other namespaces arrive too; they must be ignored
  };
  await host.configure(config);
  const client = new ChatClient({
    sdkAppId: SDK_APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    endpoint: emulator.url,
    retry: 0,
    rateLimit: false,
  });
  return {
    emulator,
    program,
    host,
    client,
    config,
    register: (src) => collectRegistrations(program.dir, src),
    newHost,
    stop: async () => {
      await Promise.all(hosts.map((h) => h.stop()));
      await client.close();
      await emulator.close();
      program.cleanup();
    },
  };
}

/** A program declaring one ChatGroup per entry of `groups` (name → args). */
export function programOf(groups: Record<string, Props>, opts: Record<string, Props> = {}): string {
  const decls = Object.entries(groups).map(
    ([name, args]) =>
      `new ChatGroup(${JSON.stringify(name)}, ${JSON.stringify(args)}, ${JSON.stringify(opts[name] ?? {})});`,
  );
  return `const { ChatGroup } = require("pulumi-tencent-chat");\n${decls.join("\n")}\n`;
}

/** The inputs of a registration without `undefined` output placeholders (as the engine would send them). */
export function inputsOf(reg: Registration): Props {
  return JSON.parse(JSON.stringify(reg.inputs)) as Props;
}
