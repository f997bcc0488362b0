/**
 * Fast engine stacks for large test matrices: one configured provider host shared by every command (as one
 * `pulumi up` shares it between steps) and registrations built from the real serialized provider, which is the same
 * text for every ChatGroup (see the golden test), instead of running a program per command.
 */
import * as path from "node:path";
import { Engine } from "../../harness/engine";
import type { ConfigValue, Props, ProviderHost } from "../../harness/host";
import type { Registration } from "../../harness/program";
import type { E2E } from "../../harness/e2e";

const TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroup";

/** The `__provider` text every ChatGroup carries, from one real program run. */
export async function providerText(e2e: E2E): Promise<string> {
  const [proto] = await e2e.register(
    `const { ChatGroup } = require("pulumi-tencent-chat"); new ChatGroup("proto", { type: "Public", name: "proto" });`,
  );
  return proto!.inputs.__provider as string;
}

/** A host configured with the fixture's config plus `extra` (e.g. a short timeout). */
export async function sharedHost(e2e: E2E, extra: Record<string, ConfigValue> = {}): Promise<ProviderHost> {
  const host = await e2e.newHost();
  await host.configure({ ...e2e.config, ...extra });
  return host;
}

/** A stack whose program declares `groups()` (name → args), evaluated at every command. */
export function matrixStack(
  e2e: E2E,
  host: ProviderHost,
  provider: string,
  key: string,
  groups: () => Record<string, Props>,
): Engine {
  const registration = (name: string, args: Props): Registration => ({
    // `__resourceName` as the ChatGroup class adds it (check derives generated ids from it).
    type: TYPE,
    name,
    urn: `urn:pulumi:dev::chat-test::${TYPE}::${name}`,
    inputs: { ...args, __resourceName: name, __provider: provider },
  });
  return new Engine({
    projectDir: e2e.program.dir,
    project: "chat-test",
    stack: "dev",
    config: e2e.config,
    host,
    statePath: path.join(e2e.program.dir, ".matrix", `${key}.json`),
    program: async () => ({ registrations: Object.entries(groups()).map(([n, a]) => registration(n, a)), outputs: {} }),
  });
}
