/**
 * The ChatGroupMember dynamic provider, as the Pulumi host runs it (loaded by name from the stub in `__provider`):
 * settings → the app's shared session (one client and one MemberBatcher per app, so concurrent member resources of
 * one group share calls) → the field table (check, diff) or the lifecycle. Each member is served by the app recorded
 * in its state (`sdkAppId`), like ChatGroup (apps.ts).
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
import { recording, type TableDiff } from "../../kit";
import { isUnknown } from "../../resource/normalize";
import { sessionFor } from "../../sessions";
import { canonicalMember, checkMember, diffMember, type MemberOutputs } from "./fields";
import { createMember, deleteMember, preflightReimport, readMember, updateMember, type MemberApi } from "./lifecycle";

/** The lifecycle's view of the app's shared session. */
function apiFor(s: ResolvedSettings): MemberApi {
  const { chat, groupReads, members, accounts } = sessionFor(s);
  return {
    group: async (groupId) => {
      const g = await groupReads.getGroup(groupId);
      if (g === undefined) return undefined;
      return {
        type: String(g.Type ?? ""),
        ...(g.Owner_Account ? { owner: g.Owner_Account } : {}),
        ...(typeof g.CreateTime === "number" ? { createTime: g.CreateTime } : {}),
      };
    },
    role: (g, a) => members.role(g, a),
    member: (g, a) => members.member(g, a),
    add: (g, a) => members.add(g, a),
    import: (g, item) => members.import(g, item),
    remove: (g, a) => members.remove(g, a),
    modify: (r) => chat.modifyGroupMemberInfo(r),
    isImported: (a) => accounts.isImported(a),
  };
}

/** Stores the stack config synchronously (see provider/provider.ts `configure`). */
export async function configure(req: { config: ConfigReader }): Promise<void> {
  storeConfig(req.config);
}

/** Validates and normalises inputs from the field table; never calls the API. Refuses an unconfigured `app`. */
export async function check(_olds: unknown, news: unknown) {
  const result = checkMember(news as object | undefined);
  const app = unknownAppFailure((news as Record<string, unknown> | undefined)?.app);
  if (app !== undefined && !result.failures.some((f) => f.property === "app")) result.failures.push(app);
  return result;
}

/**
 * Plans the change. A member whose app would change is replaced, creating first (another member in another app).
 * A delete-first replacement (a new joinTime) is pre-checked here, before the engine deletes anything.
 */
export async function diff(id: string, olds: object, news: object): Promise<TableDiff> {
  const plan = diffMember(olds, news);
  const app = (news as Record<string, unknown>).app;
  if (isUnknown(app)) return { ...plan, changes: true };
  const before = recordedSdkAppId(recordedApp(olds));
  const after = sdkAppIdForApp(recordedApp(news).app);
  if (before !== undefined && after !== undefined && before !== after) {
    const replaces = [...new Set([...plan.replaces, "sdkAppId"])]; // the output that changes, as ChatGroup and ChatAccount name it
    return { ...plan, changes: true, replaces, deleteBeforeReplace: false, stables: [] };
  }
  if (plan.deleteBeforeReplace) {
    const s = settingsForRecorded(id, recordedApp(olds), "member");
    await preflightReimport(apiFor(s), canonicalMember(news), Math.floor(Date.now() / 1000));
  }
  return plan;
}

/** Adds (or imports, or takes over) the member in the app its `app` input names, and records that app. */
export async function create(inputs: object) {
  const s = settingsForApp(recordedApp(inputs).app);
  return recording(
    s.sdkAppId,
    () => createMember(apiFor(s), canonicalMember(inputs), inputs),
    (r) => r.outs as unknown as Record<string, unknown>,
  );
}

/** Reads the live member in its recorded app; an empty id when it left or the group is gone. */
export async function read(id: string, props: object) {
  const s = settingsForRecorded(id, recordedApp(props), "member");
  const olds = { ...(props as MemberOutputs), ...canonicalMember(props) };
  return recording(
    s.sdkAppId,
    () => readMember(apiFor(s), id, olds),
    (r) => (r.id === "" ? undefined : (r.props as unknown as Record<string, unknown>)),
  );
}

/** Applies a role or name card change in the member's recorded app; refuses a move to another app. */
export async function update(id: string, olds: object, news: object) {
  const s = settingsForRecorded(id, recordedApp(olds), "member");
  const wanted = sdkAppIdForApp(recordedApp(news).app);
  if (wanted !== undefined && wanted !== s.sdkAppId) {
    throw new ChatError(
      ErrorCodes.Config,
      `member ${JSON.stringify(id)} belongs to app ${s.sdkAppId}, but the program now puts it in app ${wanted}. Nothing was changed. ` +
        "Run `pulumi preview` / `pulumi up` again so the move is planned as a replacement.",
    );
  }
  const before = { ...(olds as MemberOutputs), ...canonicalMember(olds) };
  return recording(
    s.sdkAppId,
    () => updateMember(apiFor(s), before, canonicalMember(news), news),
    (r) => r.outs as unknown as Record<string, unknown>,
  );
}

/** Removes the member in its recorded app (not a member, or the group gone, counts as done; the owner stays). */
export async function remove(id: string, props: object): Promise<void> {
  const s = settingsForRecorded(id, recordedApp(props), "member");
  await deleteMember(apiFor(s), canonicalMember(props));
}
