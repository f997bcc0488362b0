/**
 * The ChatGroup lifecycle against the group API: create (with adopt), read, update, delete. What to send comes
 * from the pure model (mapping.ts, diff.ts); this module decides the order of calls and what a failure leaves
 * behind. The rule throughout: once a group exists, every failure carries its id (Pulumi's partial-failure shape),
 * so no group is ever orphaned, and state always reflects what was really applied.
 */
import type { ChatClient } from "../client/client";
import { ChatError, ErrorCodes, hasErrorClass, isChatApiError, isConflict, isNotFound } from "../client/errors";
import { diff } from "./diff";
import { STICKY_INPUTS } from "./fields";
import { createFollowUp, fromWireGroupInfo, readFilter, toChangeOwnerRequest, toImportRequest, toModifyRequest } from "./mapping";
import { customGroupIdOf, normalizeInputs, type PropsLike } from "./normalize";
import type { ChatGroupOutputs } from "./types";

/** The client methods the lifecycle needs (a fake implements them in unit tests). */
export type GroupApi = Pick<ChatClient, "importGroup" | "getGroup" | "modifyGroupBaseInfo" | "changeGroupOwner" | "destroyGroup">;

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

function partialFailure(id: string, properties: Record<string, unknown>, cause: unknown, doing: string): PartialFailure {
  const why = cause instanceof Error ? cause.message : String(cause);
  const message = `group ${JSON.stringify(id)} exists, but ${doing} failed: ${why} Pulumi keeps the group in state; ` +
    "fix the cause and run `pulumi up` again to finish.";
  const e = new ChatError(ErrorCodes.Partial, message, { groupId: id, cause }) as PartialFailure;
  e.id = id;
  e.properties = properties;
  e.reasons = [message];
  return e;
}

/**
 * Reads the group (only the fields the resource manages, and the custom-field keys of `previous` and `also`) and
 * maps it to outputs; a group gone between our calls is an error here.
 */
async function readOutputs(api: GroupApi, id: string, previous: PropsLike, customGroupId: boolean, also?: PropsLike): Promise<ChatGroupOutputs> {
  const live = await api.getGroup(id, readFilter(previous, also));
  if (live === undefined) {
    throw new ChatError(ErrorCodes.Api, `group ${JSON.stringify(id)} disappeared while it was being managed (destroyed out of band?).`, {
      action: "get_group_info",
      groupId: id,
    });
  }
  return fromWireGroupInfo(live, previous, { customGroupId }).outputs;
}

/** Best-known state after a failure: the live group, or else what we last knew. */
async function bestKnown(api: GroupApi, id: string, previous: PropsLike, customGroupId: boolean, fallback: Record<string, unknown>) {
  try {
    return (await readOutputs(api, id, previous, customGroupId)) as unknown as Record<string, unknown>;
  } catch {
    return fallback;
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

/** Applies the in-place changes between `olds` (state) and `news`; returns whether anything was sent. */
async function applyChanges(api: GroupApi, id: string, olds: PropsLike, news: PropsLike): Promise<void> {
  const modify = toModifyRequest(id, olds, news);
  if (modify) await api.modifyGroupBaseInfo(modify);
  const owner = toChangeOwnerRequest(id, olds, news);
  if (owner) await changeOwner(api, owner);
}

/**
 * Take over the group that already holds the declared id: refuse when it differs in a field no API can change
 * (nothing was created, nothing is recorded), otherwise bring it to the declared state.
 */
async function adoptExisting(api: GroupApi, id: string, inputs: PropsLike): Promise<ChatGroupOutputs> {
  const existing = await readOutputs(api, id, inputs, true);
  const plan = diff(existing as unknown as PropsLike, inputs);
  if (plan.replaces.length > 0) {
    const e = existing as unknown as Record<string, unknown>;
    const n = normalizeInputs(inputs) as unknown as Record<string, unknown>;
    const what = plan.replaces.map((f) => `${f} is ${JSON.stringify(e[f])}, declared ${JSON.stringify(n[f])}`).join("; ");
    throw new ChatError(
      ErrorCodes.Validation,
      `cannot adopt group ${JSON.stringify(id)}: it differs in fields that cannot change in place (${what}). ` +
        "Declare the existing values, or choose another groupId.",
      { groupId: id },
    );
  }
  try {
    await applyChanges(api, id, existing as unknown as PropsLike, inputs);
    return await readOutputs(api, id, inputs, true);
  } catch (e) {
    throw partialFailure(id, await bestKnown(api, id, inputs, true, existing as unknown as Record<string, unknown>), e, "adopting it");
  }
}

/** create(): import_group (or adopt), then read back, so the outputs are the service's truth. */
export async function createGroup(api: GroupApi, inputs: PropsLike): Promise<{ id: string; outs: ChatGroupOutputs }> {
  const request = toImportRequest(inputs);
  const custom = request.GroupId !== undefined;
  const adopt = custom && normalizeInputs(inputs).adopt === true;
  // Adopt looks first: a service-assigned id (@TGS#…) can be taken over but never imported, so waiting for a
  // 10021 would not work for it; a group created between this read and the import still ends in the conflict path.
  if (adopt && (await api.getGroup(request.GroupId!, readFilter(inputs))) !== undefined) {
    return { id: request.GroupId!, outs: await adoptExisting(api, request.GroupId!, inputs) };
  }
  let id: string;
  try {
    id = (await api.importGroup(request)).GroupId;
  } catch (e) {
    if (adopt && isConflict(e)) {
      return { id: request.GroupId!, outs: await adoptExisting(api, request.GroupId!, inputs) };
    }
    throw e;
  }
  // The group exists from here on: every failure must carry its id.
  const canonical = normalizeInputs(inputs);
  const declaredSticky = STICKY_INPUTS.filter((k) => (canonical as unknown as Record<string, unknown>)[k] !== undefined);
  const known = { ...canonical, groupId: id, customGroupId: custom, declaredSticky };
  try {
    const followUp = createFollowUp(id, inputs);
    if (followUp) await api.modifyGroupBaseInfo(followUp);
    return { id, outs: await readOutputs(api, id, inputs, custom) };
  } catch (e) {
    throw partialFailure(id, await bestKnown(api, id, inputs, custom, known), e, "finishing its creation");
  }
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
  return { id, props: outcome.outputs as unknown as Record<string, unknown>, inputs: outcome.inputs };
}

/** update(): modify_group_base_info with the changed fields, change_group_owner when the owner changes. */
export async function updateGroup(api: GroupApi, id: string, olds: PropsLike, news: PropsLike): Promise<{ outs: ChatGroupOutputs }> {
  const custom = customGroupIdOf(olds);
  try {
    await applyChanges(api, id, olds, news);
    // Keys removed by this update are read too, so a deletion that did not land shows up.
    return { outs: await readOutputs(api, id, news, custom, olds) };
  } catch (e) {
    if (isChatApiError(e) && isNotFound(e)) {
      throw new ChatError(ErrorCodes.Api, `${e.message} The group was deleted outside Pulumi: run \`pulumi refresh\`, then \`pulumi up\` re-creates it.`, {
        action: e.action,
        groupId: id,
        cause: e,
      });
    }
    // Part of the change may have landed: report the live state so Pulumi records what is really there.
    throw partialFailure(id, await bestKnown(api, id, news, custom, olds as Record<string, unknown>), e, "updating it");
  }
}

/** delete(): destroy_group; a group that is already gone counts as deleted. */
export async function deleteGroup(api: GroupApi, id: string): Promise<void> {
  try {
    await api.destroyGroup({ GroupId: id });
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}
