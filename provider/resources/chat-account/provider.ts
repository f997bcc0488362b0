/**
 * The ChatAccount dynamic provider, as the Pulumi host runs it (loaded by name from ./stub.ts). Thin: settings → the
 * app's shared session (sessions.ts: one client and one AccountBatcher per app, so concurrent accounts share
 * account_check, multiaccount_import, portrait_get and account_delete calls of up to 100) → the kit (check, diff) or
 * the lifecycle. Each account is served by the app recorded in its state (`sdkAppId`), like ChatGroup (apps.ts).
 */
import {
  recordedApp,
  recordedSdkAppId,
  sdkAppIdForApp,
  settingsForApp,
  settingsForRecorded,
  unknownAppFailure,
} from "../../apps";
import { ChatError, ErrorCodes } from "../../client/errors";
import { storeConfig, type ConfigReader, type ResolvedSettings } from "../../config";
import { checkTable, diffTable, isUnknown, recording, type CheckResult, type DiffResult } from "../../kit";
import { sessionFor } from "../../sessions";
import { ACCOUNT_TABLE } from "./fields";
import { createAccount, deleteAccount, readAccount, updateAccount, type AccountApi } from "./lifecycle";

/** The lifecycle's API over the app's shared session. */
function apiFor(s: ResolvedSettings): AccountApi {
  const { chat, accounts } = sessionFor(s);
  return {
    isImported: (id) => accounts.isImported(id),
    importAccount: (account) => accounts.importAccount(account),
    profile: (id) => accounts.profile(id),
    setProfile: (input) => chat.portraitSet(input),
    deleteAccount: (id) => accounts.remove(id),
  };
}

/** Stores the stack config (synchronously, before the host awaits anything: DECISIONS.md D2). */
export async function configure(req: { config: ConfigReader }): Promise<void> {
  storeConfig(req.config);
}

/** Validates and normalises inputs from the field table (every failure at once); never calls the API. */
export async function check(olds: unknown, news: unknown): Promise<CheckResult> {
  const result = checkTable(ACCOUNT_TABLE, olds, news);
  const app = unknownAppFailure((news as Record<string, unknown> | undefined)?.app);
  if (app && !result.failures.some((f) => f.property === "app")) result.failures.push(app);
  return result;
}

/**
 * Plans the change from old outputs to new inputs: the field table's plan (a new userId is a create-first
 * replacement), or a create-first replacement when the account would move to an app with another SDKAppID.
 */
export async function diff(_id: string, olds: object, news: object): Promise<DiffResult> {
  const plan = diffTable(ACCOUNT_TABLE, olds, news);
  const app = (news as Record<string, unknown>).app;
  const before = recordedSdkAppId(recordedApp(olds));
  if (isUnknown(app)) return { ...plan, changes: true }; // which app is not known yet (preview), as ChatGroup
  const after = sdkAppIdForApp(recordedApp(news).app);
  const moved = before !== undefined && after !== undefined && before !== after;
  const replaces = moved ? [...new Set([...plan.replaces, "sdkAppId"])] : plan.replaces;
  return {
    changes: plan.changes || moved,
    replaces,
    deleteBeforeReplace: moved ? false : plan.deleteBeforeReplace,
    stables: replaces.length > 0 ? [] : plan.stables,
  };
}

/** Imports the account (or takes it over) in the app its `app` input names, and records that app. */
export async function create(inputs: object) {
  const s = settingsForApp(recordedApp(inputs).app);
  return recording(
    s.sdkAppId,
    () => createAccount(apiFor(s), inputs),
    (r) => r.outs,
  );
}

/** Reads the live account in its recorded app; an empty id when it no longer exists there. */
export async function read(id: string, props: object) {
  const s = settingsForRecorded(id, recordedApp(props), "account");
  return recording(
    s.sdkAppId,
    () => readAccount(apiFor(s), id, props),
    (r) => (r.id === "" ? undefined : r.props),
  );
}

/** Applies profile changes in the account's recorded app; refuses when the program now names another app. */
export async function update(id: string, olds: object, news: object) {
  const s = settingsForRecorded(id, recordedApp(olds), "account");
  const wanted = sdkAppIdForApp(recordedApp(news).app);
  if (wanted !== undefined && wanted !== s.sdkAppId) {
    throw new ChatError(
      ErrorCodes.Config,
      `account ${JSON.stringify(id)} belongs to app ${s.sdkAppId}, but the program now puts it in app ${wanted}. Nothing was changed. ` +
        "Moving an account to another app is a replacement: run `pulumi preview` / `pulumi up` again so it is planned as one.",
    );
  }
  return recording(
    s.sdkAppId,
    () => updateAccount(apiFor(s), id, olds, news),
    (r) => r.outs,
  );
}

/**
 * Destroy: the account is kept (the resource only leaves the stack) unless its recorded `deleteOnDestroy` is true;
 * then account_delete in its recorded app (already gone counts as deleted). Named `remove`: `delete` is reserved.
 */
export async function remove(id: string, props: object): Promise<void> {
  if ((props as Record<string, unknown>).deleteOnDestroy !== true) return; // kept: no settings needed, no call made
  const s = settingsForRecorded(id, recordedApp(props), "account");
  await deleteAccount(apiFor(s), id, props);
}
