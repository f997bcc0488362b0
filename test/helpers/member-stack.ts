/**
 * Engine stacks of ChatGroupMember resources for the member tests: registrations built from the real serialized
 * provider of a ChatGroupMember (one program run), one shared configured host, state in the program directory.
 */
import * as path from "node:path";
import { Engine } from "../../harness/engine";
import type { Props, ProviderHost } from "../../harness/host";
import type { Registration } from "../../harness/program";
import type { E2E } from "../../harness/e2e";

/** The type token of ChatGroupMember. */
export const MEMBER_TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroupMember";

/** The `__provider` text of a ChatGroupMember, from one real program run. */
export async function memberProviderText(e2e: E2E): Promise<string> {
  const [proto] = await e2e.register(
    `const { ChatGroupMember } = require("pulumi-tencent-chat"); new ChatGroupMember("proto", { groupId: "g", account: "a" });`,
  );
  return proto!.inputs.__provider as string;
}

/** The registration of one member, as the ChatGroupMember class registers it. */
export function memberRegistration(provider: string, name: string, args: Props): Registration {
  return {
    type: MEMBER_TYPE,
    name,
    urn: `urn:pulumi:dev::chat-test::${MEMBER_TYPE}::${name}`,
    inputs: { ...args, __provider: provider },
  };
}

/** A stack whose program declares `members()` (name → args), evaluated at every command. */
export function memberStack(
  e2e: E2E,
  host: ProviderHost,
  provider: string,
  key: string,
  members: () => Record<string, Props>,
): Engine {
  return new Engine({
    projectDir: e2e.program.dir,
    project: "chat-test",
    stack: "dev",
    config: e2e.config,
    host,
    statePath: path.join(e2e.program.dir, ".members", `${key}.json`),
    program: async () => ({
      registrations: Object.entries(members()).map(([n, a]) => memberRegistration(provider, n, a)),
      outputs: {},
    }),
  });
}
