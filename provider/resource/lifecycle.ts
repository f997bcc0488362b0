/**
 * The ChatGroup lifecycle against the group API: create (with adopt), read, update, delete. What to send comes
 * from the pure model (mapping.ts, diff.ts); this module decides the order of calls and what a failure leaves
 * behind. The rule throughout: once a group exists, every failure carries its id (Pulumi's partial-failure shape),
 * so no group is ever orphaned, and properties the host and the next command can use: the serialized provider and
 * what was really applied. Adoption takes over only a group the program describes, unless told to overwrite (adopt.ts).
 */
import type { ChatClient } from "../client/client";
import {
  ChatError,
  ErrorCodes,
  hasErrorClass,
  isAmbiguousCreate,
  isChatApiError,
  isConflict,
  isNotFound,
} from "../client/errors";
import type { WireGroupInfo } from "../../protocol/wire";
import { adoptMode, adoptRefusal } from "./adopt";
import { diff, replacementId } from "./diff";
import { carriedOf } from "./ids";
import { FIELDS, STICKY_INPUTS, UNSETTLED } from "./fields";
import {
  createFollowUp,
  fromWireGroupInfo,
  readFilter,
  stickyRecord,
  toChangeOwnerRequest,
  toImportRequest,
  toModifyRequest,
} from "./mapping";
import { customGroupIdOf, isUnknown, normalizeInputs, toPlainJson, type PropsLike } from "./normalize";
import type { ChatGroupOutputs, DiffResult } from "./types";

/** The client methods the lifecycle needs (a fake implements them in unit tests). */
export type GroupApi = Pick<
  ChatClient,
  "importGroup" | "getGroup" | "modifyGroupBaseInfo" | "changeGroupOwner" | "destroyGroup"
>;

/** The account lookup the pre-flight of a delete-first replacement needs. */
export type AccountApi = Pick<ChatClient, "accountCheck">;

/**
 * Pulumi's partial-failure shape: the group `id` exists, `properties` is its state as far as known, `reasons`
 * are shown to the user. The engine keeps the resource in state and schedules an update on the next `up`.
 */
export interface PartialFailure extends ChatError {
  id: string;
  properties: Record<string, unknown>;
  reasons: string[];
}

/** Whether an error is a {@link PartialFailure}, by code. */
export function isPartialFailure(e: unknown): e is PartialFailure {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === ErrorCodes.Partial;
}

/**
 * The engine-internal keys of `props` (`__provider`, the serialized provider) that must travel back in every
 * properties object. The host adds `__provider` to a successful result itself, but stores a partial failure's
 * `properties` verbatim, and the engine keeps exactly those as the outputs from which the host later loads the
 * provider for Read and Delete (pulumi/pulumi sdk/nodejs/cmd/dynamic-provider/index.ts `grpcResponseFromError`;
 * pkg/resource/deploy/step.go): without them refresh and destroy fail with "code must be a string, not undefined".
 */
function hostKeys(props: PropsLike): Record<string, unknown> {
  const p = (props ?? {}) as Record<string, unknown>;
  // Only the host's key: check's own hidden inputs (`__resourceName`, `__carried`, ids.ts) are not outputs.
  return p.__provider === undefined ? {} : { __provider: p.__provider };
}

/** `props` plus the engine-internal keys of `carry` (see {@link hostKeys}). */
function withHostKeys<T extends object>(props: T, carry: PropsLike): T {
  return { ...props, ...hostKeys(carry) };
}

function partialFailure(
  id: string,
  properties: Record<string, unknown>,
  cause: unknown,
  doing: string,
  carry: PropsLike,
): PartialFailure {
  const why = cause instanceof Error ? cause.message : String(cause);
  const message =
    `group ${JSON.stringify(id)} exists, but ${doing} failed: ${why} Pulumi keeps the group in state; ` +
    "fix the cause and run `pulumi up` again to finish.";
  const e = new ChatError(ErrorCodes.Partial, message, { groupId: id, cause }) as PartialFailure;
  e.id = id;
  e.properties = withHostKeys(properties, carry);
  e.reasons = [message];
  return e;
}

/**
 * A create whose outcome is unknown, reported as a partial failure (same shape as {@link partialFailure}, its own
 * wording) so the engine keeps the id in state.
 */
function maybeCreated(
  id: string,
  properties: Record<string, unknown>,
  cause: ChatError,
  carry: PropsLike,
): PartialFailure {
  const message =
    `group ${JSON.stringify(id)} may or may not have been created: ${cause.message} Pulumi keeps the id in ` +
    "state so the group is never left untracked: `pulumi refresh` drops it if it does not exist; otherwise `pulumi up` finishes it.";
  const e = partialFailure(id, properties, cause, "confirming its creation", carry);
  e.message = message;
  e.reasons = [message];
  return e;
}

/**
 * Reads the group (only the fields the resource manages, and the custom-field keys of `previous` and `also`) and
 * maps it to outputs; a group gone between our calls is an error here.
 */
async function readOutputs(
  api: GroupApi,
  id: string,
  previous: PropsLike,
  customGroupId: boolean,
  also?: PropsLike,
): Promise<ChatGroupOutputs> {
  const live = await api.getGroup(id, readFilter(previous, also));
  if (live === undefined) {
    throw new ChatError(
      ErrorCodes.Api,
      `group ${JSON.stringify(id)} disappeared while it was being managed (destroyed out of band?).`,
      {
        action: "get_group_info",
        groupId: id,
      },
    );
  }
  return fromWireGroupInfo(live, previous, { customGroupId }).outputs;
}

/**
 * Best-known state after a failure: the live group, so that the stored outputs are what was really applied and the
 * next diff (or the update the engine forces after a partial failure) compares against the truth. When even the read
 * fails, `fallback` marked {@link UNSETTLED}: the next update then reads the live group before deciding what to send.
 */
async function bestKnown(
  api: GroupApi,
  id: string,
  previous: PropsLike,
  customGroupId: boolean,
  fallback: Record<string, unknown>,
) {
  try {
    // The fallback's custom keys are asked for too: a removal that did not land must show up.
    return (await readOutputs(api, id, previous, customGroupId, fallback)) as unknown as Record<string, unknown>;
  } catch {
    return { ...fallback, [UNSETTLED]: true };
  }
}

/** change_group_owner with the one failure users hit explained: the new owner must already be a member. */
async function changeOwner(api: GroupApi, request: { GroupId: string; NewOwner_Account: string }): Promise<void> {
  try {
    await api.changeGroupOwner(request);
  } catch (e) {
    if (hasErrorClass(e, "invalid")) {
      throw new ChatError(
        ErrorCodes.Api,
        `cannot make ${JSON.stringify(request.NewOwner_Account)} the owner of group ${JSON.stringify(request.GroupId)}: ` +
          `${e.message} The new owner must already be a member of the group (and an imported account): add them ` +
          "with add_group_member first, or keep the current ownerAccount.",
        { action: "change_group_owner", groupId: request.GroupId, cause: e },
      );
    }
    throw e;
  }
}

/** Applies the in-place changes between `olds` (state) and `news`. */
async function applyChanges(api: GroupApi, id: string, olds: PropsLike, news: PropsLike): Promise<void> {
  const modify = toModifyRequest(id, olds, news);
  if (modify) await api.modifyGroupBaseInfo(modify);
  const owner = toChangeOwnerRequest(id, olds, news);
  if (owner) await changeOwner(api, owner);
}

/**
 * Take over the group that already holds the declared id, following Pulumi's `import` rule: the program must
 * describe the live group. Any difference fails before any write, listing each field's live value (see
 * adopt.ts); `adopt: "overwrite"` instead applies the declared values, except in fields no API can change.
 */
async function adoptExisting(
  api: GroupApi,
  id: string,
  live: WireGroupInfo | undefined,
  inputs: PropsLike,
): Promise<ChatGroupOutputs> {
  const found = live ?? (await api.getGroup(id, readFilter(inputs)));
  if (found === undefined) {
    throw new ChatError(
      ErrorCodes.Api,
      `group ${JSON.stringify(id)} disappeared while it was being adopted (destroyed out of band?). Run \`pulumi up\` again.`,
      {
        action: "get_group_info",
        groupId: id,
      },
    );
  }
  const existing = fromWireGroupInfo(found, inputs, { customGroupId: true }).outputs;
  const refusal = adoptRefusal(id, existing, inputs);
  if (refusal) throw refusal;
  if (!diff(existing as unknown as PropsLike, inputs).changes) return existing;
  try {
    await applyChanges(api, id, existing as unknown as PropsLike, inputs);
    return await readOutputs(api, id, inputs, true);
  } catch (e) {
    throw partialFailure(
      id,
      await bestKnown(api, id, inputs, true, existing as unknown as Record<string, unknown>),
      e,
      "adopting it",
      inputs,
    );
  }
}

/** create(): import_group (or adopt), then read back, so the outputs are the service's truth. */
export async function createGroup(api: GroupApi, inputs: PropsLike): Promise<{ id: string; outs: ChatGroupOutputs }> {
  const request = toImportRequest(inputs);
  const custom = request.GroupId !== undefined;
  const adopt = custom && adoptMode(inputs) !== false;
  // Adopt looks first: a service-assigned id (@TGS#…) can be taken over but never imported, so waiting for a
  // 10021 would not work for it; a group created between this read and the import still ends in the conflict path.
  if (adopt) {
    const live = await api.getGroup(request.GroupId!, readFilter(inputs));
    if (live !== undefined)
      return {
        id: request.GroupId!,
        outs: withHostKeys(await adoptExisting(api, request.GroupId!, live, inputs), inputs),
      };
  }
  const canonical = normalizeInputs(inputs);
  const declaredSticky = STICKY_INPUTS.filter(
    (k) => (canonical as unknown as Record<string, unknown>)[k] !== undefined,
  );
  let id: string;
  try {
    id = (await api.importGroup(request)).GroupId;
  } catch (e) {
    if (adopt && isConflict(e)) {
      return {
        id: request.GroupId!,
        outs: withHostKeys(await adoptExisting(api, request.GroupId!, undefined, inputs), inputs),
      };
    }
    // A lost answer that reading the id back could not settle: the group may exist. Keep its id in state so it is
    // never orphaned (DECISIONS.md D31): refresh drops it if it was not created, up finishes it if it was.
    if (custom && isAmbiguousCreate(e)) {
      // Only what import_group carries can have landed: the follow-up fields are recorded at their defaults, so `up` sends them.
      const sent = Object.fromEntries(
        FIELDS.filter((f) => f.wire.import === undefined && f.wire.modify !== undefined).map((f) => [
          f.input,
          f.defaultFor?.(canonical.type),
        ]),
      );
      throw maybeCreated(
        request.GroupId!,
        toPlainJson({
          ...canonical,
          ...sent,
          groupId: request.GroupId!,
          customGroupId: true,
          ...stickyRecord(declaredSticky),
        }),
        e,
        inputs,
      );
    }
    throw e;
  }
  // The group exists from here on: every failure must carry its id.
  const known = { ...canonical, groupId: id, customGroupId: custom, ...stickyRecord(declaredSticky) };
  try {
    const followUp = createFollowUp(id, inputs);
    if (followUp) await api.modifyGroupBaseInfo(followUp);
    return { id, outs: withHostKeys(await readOutputs(api, id, inputs, custom), inputs) };
  } catch (e) {
    throw partialFailure(id, await bestKnown(api, id, inputs, custom, known), e, "finishing its creation", inputs);
  }
}

/**
 * What a delete-first replacement can know before it deletes (DECISIONS.md D32): the new owner is an imported
 * account (account_check; import_group answers 10019 otherwise). The id is checked in {@link diff}, the inputs
 * for the new type in check. Throws, before anything is deleted, when the new group could not be created.
 */
async function preflightDeleteFirst(accounts: () => AccountApi, olds: PropsLike, news: PropsLike): Promise<void> {
  const owner = carriedOf(news).has("ownerAccount") ? undefined : normalizeInputs(news).ownerAccount;
  if (typeof owner !== "string" || isUnknown(owner)) return;
  // The old group's id: the new one is the same or, in preview, still unknown (never name Pulumi's placeholder).
  const id = String((olds as Record<string, unknown> | undefined)?.groupId ?? replacementId(news));
  let imported: boolean | undefined;
  try {
    imported = (await accounts().accountCheck([owner])).get(owner);
  } catch (e) {
    throw new ChatError(
      ErrorCodes.Api,
      `replacing group ${JSON.stringify(id)} deletes it first (the new group reuses its id), so ownerAccount ` +
        `${JSON.stringify(owner)} is checked before; that check failed: ${e instanceof Error ? e.message : String(e)} ` +
        "Nothing was deleted; run the command again.",
      { action: "account_check", groupId: id, cause: e },
    );
  }
  if (imported !== true) {
    throw new ChatError(
      ErrorCodes.Validation,
      `ownerAccount ${JSON.stringify(owner)} is not an imported account (account_check: NotImported). Replacing group ` +
        `${JSON.stringify(id)} deletes it first (the new group reuses its id), and import_group would then refuse the ` +
        "owner (10019), leaving no group. Nothing was deleted. Import the account first (account_import), or fix ownerAccount.",
      { action: "account_check", groupId: id },
    );
  }
}

/**
 * diff() with the pre-flight of a delete-first replacement: the engine calls Diff before it deletes anything (in
 * preview too), so a replacement that could not be created fails here, while the old group is untouched.
 */
export async function diffGroup(accounts: () => AccountApi, olds: PropsLike, news: PropsLike): Promise<DiffResult> {
  const plan = diff(olds, news);
  if (plan.deleteBeforeReplace) await preflightDeleteFirst(accounts, olds, news);
  return plan;
}

/** read(): the live group, or an empty id when it is gone (Pulumi then drops it from state). */
export async function readGroup(
  api: GroupApi,
  id: string,
  props: PropsLike,
): Promise<{ id: string; props: Record<string, unknown>; inputs?: Record<string, unknown> }> {
  const live = await api.getGroup(id, readFilter(props));
  if (live === undefined) return { id: "", props: {} };
  const outcome = fromWireGroupInfo(live, props, { customGroupId: customGroupIdOf(props) || undefined });
  return {
    id,
    props: withHostKeys(outcome.outputs as unknown as Record<string, unknown>, props),
    inputs: outcome.inputs,
  };
}

/**
 * update(): modify_group_base_info with the changed fields, change_group_owner when the owner changes. Changes are
 * computed from `olds` (the stored outputs), or from the live group when the outputs are {@link UNSETTLED}.
 */
export async function updateGroup(
  api: GroupApi,
  id: string,
  olds: PropsLike,
  news: PropsLike,
): Promise<{ outs: ChatGroupOutputs }> {
  const custom = customGroupIdOf(olds);
  try {
    const base =
      (olds as Record<string, unknown> | undefined)?.[UNSETTLED] === true
        ? await readOutputs(api, id, olds, custom, olds)
        : olds;
    await applyChanges(api, id, base, news);
    // Keys removed by this update are read too, so a deletion that did not land shows up.
    return { outs: withHostKeys(await readOutputs(api, id, news, custom, olds), news) };
  } catch (e) {
    if (isChatApiError(e) && isNotFound(e)) {
      throw new ChatError(
        ErrorCodes.Api,
        `${e.message} The group was deleted outside Pulumi: run \`pulumi refresh\`, then \`pulumi up\` re-creates it.`,
        {
          action: e.action,
          groupId: id,
          cause: e,
        },
      );
    }
    // Part of the change may have landed: report the live state so Pulumi records what is really there.
    throw partialFailure(
      id,
      await bestKnown(api, id, news, custom, olds as Record<string, unknown>),
      e,
      "updating it",
      news,
    );
  }
}

/**
 * delete(): destroy_group; a group that is already gone counts as deleted. When the state recorded the group's
 * creation time, the group under this id is destroyed only if it is that group: a group created at another time is
 * a newer one that took the id (e.g. the program declared the id again while this entry waited, pending deletion,
 * for a run without failures: the engine deletes such entries after the run's creates), and is left alone.
 */
export async function deleteGroup(api: GroupApi, id: string, recorded: PropsLike = {}): Promise<void> {
  const createTime = (recorded as Record<string, unknown> | undefined)?.createTime;
  if (typeof createTime === "number") {
    const live = await api.getGroup(id, { GroupBaseInfoFilter: ["CreateTime"] });
    if (live === undefined || (typeof live.CreateTime === "number" && live.CreateTime !== createTime)) return;
  }
  try {
    await api.destroyGroup({ GroupId: id });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}
