/**
 * The ChatGroup dynamic provider, as the Pulumi host runs it (loaded by name from the stub in `__provider`).
 * Thin by design: configuration → client → the pure model (check, diff) or the lifecycle (create … delete).
 * Module state (stored config, the client) is shared by every ChatGroup the host serves.
 */
import { createHash } from "node:crypto";
import { GroupReadBatcher } from "./client/batch";
import { ChatClient } from "./client/client";
import { appDefinedKeysSetting, memberLimitSettings, resolveSettings, storeConfig, type ConfigReader, type ResolvedSettings } from "./config";
import { check as checkInputs } from "./resource/check";
import { diff as diffInputs } from "./resource/diff";
import { createGroup, deleteGroup, readGroup, updateGroup, type GroupApi } from "./resource/lifecycle";
import { READ_BASE_INFO_FILTER } from "./resource/mapping";
import type { CheckResult, DiffResult } from "./resource/types";

let current: { key: string; client: ChatClient; api: GroupApi } | undefined;

/**
 * The API for the settings in force now; rebuilt only when they change (the key holds a hash, not the secret).
 * Every getGroup (reads, and the read-backs of create and update) goes through one batcher per client, so
 * concurrent reads share get_group_info calls of up to 50 ids, asking only for the fields the resource manages.
 */
function client(): GroupApi {
  const s: ResolvedSettings = resolveSettings();
  const secret = createHash("sha256").update(s.secretKey ?? s.userSig ?? "").digest("hex");
  const keys = appDefinedKeysSetting();
  const key = JSON.stringify([s.sdkAppId, s.identifier, s.region, s.endpoint, s.timeoutMs, secret, keys]);
  if (current?.key !== key) {
    void current?.client.close();
    const chat = new ChatClient(s);
    const filter = { GroupBaseInfoFilter: [...READ_BASE_INFO_FILTER], ...(keys.length > 0 ? { AppDefinedDataFilter_Group: keys } : {}) };
    const reads = new GroupReadBatcher(chat, { responseFilter: filter });
    const api: GroupApi = {
      importGroup: (r) => chat.importGroup(r),
      getGroup: (id, filter) => reads.getGroup(id, filter),
      modifyGroupBaseInfo: (r) => chat.modifyGroupBaseInfo(r),
      changeGroupOwner: (r) => chat.changeGroupOwner(r),
      destroyGroup: (r) => chat.destroyGroup(r),
    };
    current = { key, client: chat, api };
  }
  return current.api;
}

/**
 * Stores the stack config. Async only for the interface: the store happens synchronously within the call, before
 * the host awaits anything (DECISIONS.md D2); validation happens in each method.
 */
export async function configure(req: { config: ConfigReader }): Promise<void> {
  storeConfig(req.config);
}

/** Validates and normalises inputs (member limits from the `maxMemberCount*` settings); never calls the API. */
export async function check(olds: unknown, news: unknown): Promise<CheckResult> {
  return checkInputs(olds, news, { limits: memberLimitSettings() });
}

/** Plans the change from old outputs to new inputs; never calls the API. */
export async function diff(_id: string, olds: object, news: object): Promise<DiffResult> {
  return diffInputs(olds, news);
}

/** Imports the group (or adopts it) and returns its id and outputs. */
export async function create(inputs: object) {
  return createGroup(client(), inputs);
}

/** Reads the live group; an empty id when it is gone. */
export async function read(id: string, props: object) {
  return readGroup(client(), id, props);
}

/** Applies in-place changes. */
export async function update(id: string, olds: object, news: object) {
  return updateGroup(client(), id, olds, news);
}

/** Destroys the group (already gone counts as done). Named `remove`: `delete` is a reserved word. */
export async function remove(id: string, _props: object): Promise<void> {
  await deleteGroup(client(), id);
}
