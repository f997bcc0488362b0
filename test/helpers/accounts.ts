/**
 * Engine stacks of ChatAccount resources for the through-the-host tests: registrations built from the real
 * serialized ChatAccount provider (one program run), driven by one shared, configured host.
 */
import * as path from "node:path";
import { Engine } from "../../harness/engine";
import type { E2E } from "../../harness/e2e";
import type { Props, ProviderHost } from "../../harness/host";
import type { Registration } from "../../harness/program";

/** The ChatAccount type token. */
export const ACCOUNT_TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatAccount";

/** The `__provider` text every ChatAccount carries, and the registration of a real program run. */
export async function accountProvider(e2e: E2E): Promise<{ provider: string; registration: Registration }> {
  const [reg] = await e2e.register(
    `const { ChatAccount } = require("pulumi-tencent-chat"); new ChatAccount("proto", { userId: "proto", nick: "P" });`,
  );
  return { provider: reg!.inputs.__provider as string, registration: reg! };
}

/** A stack declaring `accounts()` (resource name → args), evaluated at every command. */
export function accountStack(
  e2e: E2E,
  host: ProviderHost,
  provider: string,
  key: string,
  accounts: () => Record<string, Props>,
): Engine {
  const registration = (name: string, args: Props): Registration => ({
    type: ACCOUNT_TYPE,
    name,
    urn: `urn:pulumi:dev::chat-test::${ACCOUNT_TYPE}::${name}`,
    inputs: { ...args, __provider: provider },
  });
  return new Engine({
    projectDir: e2e.program.dir,
    project: "chat-test",
    stack: "dev",
    config: e2e.config,
    host,
    statePath: path.join(e2e.program.dir, ".accounts", `${key}.json`),
    program: async () => ({
      registrations: Object.entries(accounts()).map(([n, a]) => registration(n, a)),
      outputs: {},
    }),
  });
}
