/**
 * The ChatGroup dynamic provider, as the Pulumi host runs it (loaded by name from the stub in `__provider`).
 * Thin by design: configuration → the app's client → the pure model (check, diff) or the lifecycle (create … delete).
 * Module state (stored config; one session per app, sessions.ts) is shared by every resource the host serves.
 *
 * Each group is served by the app recorded in its state (`sdkAppId`, see apps.ts): a new group by the app its
 * `app` input names, an existing one only by settings with its recorded SDKAppID.
 */
import {
  recordedApp,
  recordedSdkAppId,
  sdkAppIdForApp,
  settingsForApp,
  settingsForRecorded,
  unknownAppFailure,
} from "./apps";
import { ChatError, ErrorCodes } from "./client/errors";
import { memberLimitSettings, storeConfig, type ConfigReader, type ResolvedSettings } from "./config";
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
import { isUnknown } from "./resource/normalize";
import type { CheckResult, DiffResult } from "./resource/types";
import { sessionFor } from "./sessions";

/**
 * The group API of the app these settings describe, over its shared session (sessions.ts): every getGroup (reads,
 * and the read-backs of create and update) goes through the app's read batcher, so concurrent reads share
 * get_group_info calls of up to 50 ids, asking only for the fields the resource manages.
 */
function apiFor(s: ResolvedSettings): GroupApi & AccountApi {
  // `reads`: bench/stack.ts builds its unbatched variant by rewriting this exact line in dist/provider/provider.js.
  const { chat, groupReads: reads } = sessionFor(s);
  return {
    importGroup: (r) => chat.importGroup(r),
    getGroup: (id, filter) => reads.getGroup(id, filter),
    modifyGroupBaseInfo: (r) => chat.modifyGroupBaseInfo(r),
    changeGroupOwner: (r) => chat.changeGroupOwner(r),
    destroyGroup: (r) => chat.destroyGroup(r),
    accountCheck: (ids) => chat.accountCheck(ids),
  };
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
  const app = unknownAppFailure((news as Record<string, unknown> | undefined)?.app);
  if (app !== undefined && !result.failures.some((f) => f.property === "app")) result.failures.push(app);
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
  await deleteGroup(apiFor(s), id, props);
}
