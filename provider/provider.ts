/**
 * The ChatGroup dynamic provider, as the Pulumi host runs it (loaded by name from the stub in `__provider`).
 * Thin by design: configuration → the app's client → the pure model (check, diff) or the lifecycle (create … delete).
 * Module state (stored config, one client per app) is shared by every ChatGroup the host serves.
 *
 * Each group is served by the app recorded in its state (`sdkAppId`, see apps.ts): a new group by the app its
 * `app` input names, an existing one only by settings with its recorded SDKAppID.
 */
import { createHash } from "node:crypto";
import { recordedApp, recordedSdkAppId, sdkAppIdForApp, settingsForApp, settingsForRecorded } from "./apps";
import { GroupReadBatcher } from "./client/batch";
import { ChatClient } from "./client/client";
import { ChatError, ErrorCodes } from "./client/errors";
import {
  appDefinedKeysSetting,
  isConfigStored,
  memberLimitSettings,
  profileNames,
  storeConfig,
  type ConfigReader,
  type ResolvedSettings,
} from "./config";
import { check as checkInputs } from "./resource/check";
import { diff as diffInputs } from "./resource/diff";
import {
  createGroup,
  deleteGroup,
  diffGroup,
  isPartialFailure,
  readGroup,
  updateGroup,
  type AccountApi,
  type GroupApi,
} from "./resource/lifecycle";
import { READ_BASE_INFO_FILTER } from "./resource/mapping";
import { isUnknown } from "./resource/normalize";
import type { CheckResult, DiffResult } from "./resource/types";

/** One client per app (keyed by a hash of its settings, never the secret itself), with its read batcher. */
const clients = new Map<string, { key: string; client: ChatClient; api: GroupApi & AccountApi }>();

/**
 * The API for these settings; rebuilt only when an app's settings change (the old client is closed). Every getGroup
 * (reads, and the read-backs of create and update) goes through one batcher per client, so concurrent reads of one
 * app share get_group_info calls of up to 50 ids, asking only for the fields the resource manages.
 */
function apiFor(s: ResolvedSettings): GroupApi & AccountApi {
  const secret = createHash("sha256")
    .update(s.secretKey ?? s.userSig ?? "")
    .digest("hex");
  const keys = appDefinedKeysSetting();
  const key = JSON.stringify([s.sdkAppId, s.identifier, s.region, s.endpoint, s.timeoutMs, s.deadlineMs, secret, keys]);
  const slot = `${s.app ?? ""}/${s.sdkAppId}`;
  const current = clients.get(slot);
  if (current?.key === key) return current.api;
  void current?.client.close();
  const chat = new ChatClient(s);
  const filter = {
    GroupBaseInfoFilter: [...READ_BASE_INFO_FILTER],
    ...(keys.length > 0 ? { AppDefinedDataFilter_Group: keys } : {}),
  };
  const reads = new GroupReadBatcher(chat, { responseFilter: filter });
  const api: GroupApi & AccountApi = {
    importGroup: (r) => chat.importGroup(r),
    getGroup: (id, filter) => reads.getGroup(id, filter),
    modifyGroupBaseInfo: (r) => chat.modifyGroupBaseInfo(r),
    changeGroupOwner: (r) => chat.changeGroupOwner(r),
    destroyGroup: (r) => chat.destroyGroup(r),
    accountCheck: (ids) => chat.accountCheck(ids),
  };
  clients.set(slot, { key, client: chat, api });
  return api;
}

/** Adds the app the group lives in to outputs, and to a partial failure's properties (they become the outputs). */
async function recording<T>(
  sdkAppId: number,
  run: () => Promise<T>,
  outsOf: (r: T) => Record<string, unknown> | undefined,
): Promise<T> {
  try {
    const result = await run();
    const outs = outsOf(result);
    if (outs !== undefined) outs.sdkAppId = sdkAppId;
    return result;
  } catch (e) {
    if (isPartialFailure(e)) e.properties.sdkAppId = sdkAppId;
    throw e;
  }
}

/**
 * Stores the stack config. Async only for the interface: the store happens synchronously within the call, before
 * the host awaits anything (DECISIONS.md D2); validation happens in each method.
 */
export async function configure(req: { config: ConfigReader }): Promise<void> {
  storeConfig(req.config);
}

/**
 * Validates and normalises inputs (member limits from the `maxMemberCount*` settings); never calls the API. Also
 * refuses an `app` that names no configured profile.
 */
export async function check(olds: unknown, news: unknown): Promise<CheckResult> {
  const result = checkInputs(olds, news, { limits: memberLimitSettings() });
  const app = (news as Record<string, unknown> | undefined)?.app;
  if (
    isConfigStored() &&
    typeof app === "string" &&
    !isUnknown(app) &&
    !result.failures.some((f) => f.property === "app")
  ) {
    if (!profileNames().includes(app)) {
      const known = profileNames();
      result.failures.push({
        property: "app",
        reason:
          `app ${JSON.stringify(app)} names no app profile in stack config (${known.length > 0 ? `configured: ${known.join(", ")}` : "none configured"}). ` +
          `Set it with \`pulumi config set --path tencent-chat:apps.${app}.sdkAppId …\` (and --secret its secretKey), or remove app to use the top-level settings.`,
      });
    }
  }
  return result;
}

/**
 * Plans the change from old outputs to new inputs. A group whose app would change (the new inputs resolve to another
 * SDKAppID than the one recorded) is replaced, creating first: the new group is a different object in another app,
 * so the old one never has to be deleted before it. Otherwise the plan is the model's, and the API is called only to
 * pre-check a delete-first replacement (lifecycle.ts `diffGroup`), in the group's own app.
 */
export async function diff(_id: string, olds: object, news: object): Promise<DiffResult> {
  const app = (news as Record<string, unknown>).app;
  if (isUnknown(app)) return { ...diffInputs(olds, news), changes: true };
  const before = recordedSdkAppId(recordedApp(olds));
  const after = sdkAppIdForApp(recordedApp(news).app);
  if (before !== undefined && after !== undefined && before !== after) {
    const plan = diffInputs(olds, news);
    return {
      changes: true,
      replaces: [...new Set([...plan.replaces, "sdkAppId"])],
      deleteBeforeReplace: false,
      stables: [],
    };
  }
  return diffGroup(() => apiFor(settingsForApp(recordedApp(news).app)), olds, news);
}

/** Imports the group (or adopts it) in the app its `app` input names, and records that app. */
export async function create(inputs: object) {
  const s = settingsForApp(recordedApp(inputs).app);
  return recording(
    s.sdkAppId,
    () => createGroup(apiFor(s), inputs),
    (r) => r.outs as unknown as Record<string, unknown>,
  );
}

/** Reads the live group in its recorded app; an empty id when it is gone there. Old state gets its app recorded. */
export async function read(id: string, props: object) {
  const s = settingsForRecorded(id, recordedApp(props));
  return recording(
    s.sdkAppId,
    () => readGroup(apiFor(s), id, props),
    (r) => (r.id === "" ? undefined : r.props),
  );
}

/** Applies in-place changes in the group's recorded app; refuses to act when the program now names another app. */
export async function update(id: string, olds: object, news: object) {
  const recorded = recordedApp(olds);
  const s = settingsForRecorded(id, recorded);
  const wanted = sdkAppIdForApp(recordedApp(news).app);
  if (wanted !== undefined && wanted !== s.sdkAppId) {
    throw new ChatError(
      ErrorCodes.Config,
      `group ${JSON.stringify(id)} belongs to app ${s.sdkAppId}, but the program now puts it in app ${wanted}. Nothing was changed. ` +
        "Moving a group to another app is a replacement: run `pulumi preview` / `pulumi up` again so it is planned as one.",
      { groupId: id },
    );
  }
  return recording(
    s.sdkAppId,
    () => updateGroup(apiFor(s), id, olds, news),
    (r) => r.outs as unknown as Record<string, unknown>,
  );
}

/** Destroys the group in its recorded app (already gone counts as done). Named `remove`: `delete` is reserved. */
export async function remove(id: string, props: object): Promise<void> {
  const s = settingsForRecorded(id, recordedApp(props));
  await deleteGroup(apiFor(s), id);
}
