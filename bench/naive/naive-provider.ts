/**
 * The BASELINE for the `__provider` size: a naive class-based dynamic provider, written the way most dynamic
 * providers are (as in https://www.pulumi.com/docs/iac/concepts/resources/dynamic-providers/): an instance of a
 * local class whose methods call the REST client.
 * The benchmark copies the compiled file into a program directory (as a user's own source file) and serializes
 * `new pulumi.dynamic.Resource(new NaiveChatGroupProvider(...), ...)` under mocks, so the class, its helpers and its
 * constants are captured by value. It is never run against the API; only its serialized text is measured.
 * Credentials are read from the environment at call time so the text holds no secret.
 */
import type * as pulumi from "@pulumi/pulumi";
import { ChatClient } from "pulumi-tencent-chat/client";

/** Implementation version: editing it (or any method) changes the serialized text. */
const VERSION = "1.0.0";

/** The stored outputs of a group. */
function toOutputs(id: string, inputs: Record<string, unknown>): Record<string, unknown> {
  return { ...inputs, groupId: id, providerVersion: VERSION };
}

/** Connection settings captured by the provider instance (by value). */
export interface NaiveSettings {
  sdkAppId: number;
  identifier: string;
  endpoint: string;
}

/** A naive dynamic provider: a class instance holding its settings, methods calling a client. */
export class NaiveChatGroupProvider implements pulumi.dynamic.ResourceProvider {
  constructor(private readonly settings: NaiveSettings) {}

  private client(): ChatClient {
    const secretKey = process.env.TENCENT_CHAT_SECRET_KEY ?? "";
    return new ChatClient({ ...this.settings, secretKey });
  }

  async check(_olds: Record<string, unknown>, news: Record<string, unknown>): Promise<pulumi.dynamic.CheckResult> {
    const failures =
      typeof news.name === "string" && news.name.length > 0 ? [] : [{ property: "name", reason: "name is required" }];
    return { inputs: news, failures };
  }

  async diff(
    _id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<pulumi.dynamic.DiffResult> {
    const replaces = olds.type !== news.type ? ["type"] : [];
    return { changes: olds.name !== news.name || replaces.length > 0, replaces, deleteBeforeReplace: true };
  }

  async create(inputs: Record<string, unknown>): Promise<pulumi.dynamic.CreateResult> {
    const res = await this.client().importGroup({ Type: inputs.type as "Public", Name: inputs.name as string });
    return { id: res.GroupId, outs: toOutputs(res.GroupId, inputs) };
  }

  async read(id: string, props: Record<string, unknown>): Promise<pulumi.dynamic.ReadResult> {
    const group = await this.client().getGroup(id);
    if (!group) return { id: "", props: {} };
    return { id, props: toOutputs(id, { ...props, name: group.Name, type: group.Type }) };
  }

  async update(
    id: string,
    _olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<pulumi.dynamic.UpdateResult> {
    await this.client().modifyGroupBaseInfo({ GroupId: id, Name: news.name as string });
    return { outs: toOutputs(id, news) };
  }

  async delete(id: string): Promise<void> {
    await this.client().destroyGroup({ GroupId: id });
  }
}
