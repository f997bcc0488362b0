/**
 * The ChatGroupMembers dynamic provider, as the Pulumi host runs it (loaded by name from ./stub.ts). Thin:
 * configuration → the app's shared session → check/diff (pure) or the lifecycle. Each resource is served by the
 * app recorded in its state (`sdkAppId`), like ChatGroup (provider/apps.ts).
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
import { storeConfig, type ConfigReader } from "../../config";
import { isUnknown } from "../../resource/normalize";
import { checkMembers, diffMembers, type MembersCheckResult, type MembersDiffResult } from "./fields";
import { recording } from "../../kit";
import { createMembers, deleteMembers, readMembers, updateMembers } from "./lifecycle";
import { membersApiFor } from "./session";

/** Stores the stack config synchronously (DECISIONS.md D2). */
export async function configure(req: { config: ConfigReader }): Promise<void> {
  storeConfig(req.config);
}

/** Validates and canonicalises the inputs (members keyed by account); never calls the API. */
export async function check(olds: unknown, news: unknown): Promise<MembersCheckResult> {
  const result = checkMembers(olds, news);
  const app = unknownAppFailure((news as Record<string, unknown> | undefined)?.app);
  if (app !== undefined && !result.failures.some((f) => f.property === "app")) result.failures.push(app);
  return result;
}

/**
 * The plan: who is added, removed or changed (keyed by account). A new group or a new app is a replacement that
 * creates first (the new membership is taken over before the old one is released).
 */
export async function diff(_id: string, olds: object, news: object): Promise<MembersDiffResult> {
  const plan = diffMembers(olds, news);
  const app = (news as Record<string, unknown>).app;
  if (isUnknown(app)) return { ...plan, changes: true };
  const before = recordedSdkAppId(recordedApp(olds));
  const after = sdkAppIdForApp(recordedApp(news).app);
  if (before !== undefined && after !== undefined && before !== after) {
    return {
      ...plan,
      changes: true,
      replaces: [...new Set([...plan.replaces, "sdkAppId"])],
      deleteBeforeReplace: false,
    };
  }
  return plan;
}

/** Takes over the group's membership (the adoption rule) in the app the `app` input names, and records that app. */
export async function create(inputs: object) {
  const s = settingsForApp(recordedApp(inputs).app);
  return recording(
    s.sdkAppId,
    () => createMembers(membersApiFor(s), inputs),
    (r) => r.outs as unknown as Record<string, unknown>,
  );
}

/** Reads the whole live membership in the recorded app; an empty id when the group is gone. */
export async function read(id: string, props: object) {
  const s = settingsForRecorded(id, recordedApp(props));
  return recording(
    s.sdkAppId,
    () => readMembers(membersApiFor(s), id, props),
    (r) => (r.id === "" ? undefined : r.props),
  );
}

/** Applies the planned membership changes in the recorded app; refuses when the program now names another app. */
export async function update(id: string, olds: object, news: object) {
  const s = settingsForRecorded(id, recordedApp(olds));
  const wanted = sdkAppIdForApp(recordedApp(news).app);
  if (wanted !== undefined && wanted !== s.sdkAppId) {
    throw new ChatError(
      ErrorCodes.Config,
      `the members of group ${JSON.stringify(id)} are managed in app ${s.sdkAppId}, but the program now names app ${wanted}. ` +
        "Nothing was changed. Run `pulumi preview` / `pulumi up` again so the move is planned as a replacement.",
      { groupId: id },
    );
  }
  return recording(
    s.sdkAppId,
    () => updateMembers(membersApiFor(s), id, olds, news),
    (r) => r.outs as unknown as Record<string, unknown>,
  );
}

/** Removes the managed members (never the owner) in the recorded app. Named `remove`: `delete` is reserved. */
export async function remove(id: string, props: object): Promise<void> {
  const s = settingsForRecorded(id, recordedApp(props));
  await deleteMembers(membersApiFor(s), id, props);
}
