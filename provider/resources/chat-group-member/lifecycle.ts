/**
 * ChatGroupMember's lifecycle against the member API: create (add, import or take over), read, update, delete, and
 * the pre-flight of the one delete-first replacement (a changed joinTime re-imports the same member). Every write of
 * a member goes through the app's shared MemberBatcher, so concurrent resources of one group share calls and each
 * gets its own item's outcome. Rules (DECISIONS.md M-block): the owner is never declared, written or removed here;
 * types that forbid the write are refused before any write; once the member exists, a failure carries its id.
 */
import { ChatError, ErrorCodes, isNotFound } from "../../client/errors";
import type { MemberInfo, MemberWriteOutcome } from "../../client/members";
import type { ImportMemberItem } from "../../client/member-batch";
import type { ModifyGroupMemberInfoRequest, WireMemberRole } from "../../../protocol/wire";
import type { PartialFailure } from "../../resource/lifecycle";
import { memberId, type MemberInputs, type MemberOutputs } from "./fields";

/** The facts of a group a member write depends on. */
export interface MemberGroupFacts {
  type: string;
  owner?: string;
  createTime?: number;
}

/** What the lifecycle needs: the shared batchers of the app (a fake implements it in unit tests). */
export interface MemberApi {
  /** The group's type, owner and creation time; undefined when the group does not exist. */
  group(groupId: string): Promise<MemberGroupFacts | undefined>;
  role(groupId: string, account: string): Promise<WireMemberRole | "NotMember">;
  member(groupId: string, account: string): Promise<MemberInfo | undefined>;
  add(groupId: string, account: string): Promise<MemberWriteOutcome>;
  import(groupId: string, item: ImportMemberItem): Promise<MemberWriteOutcome>;
  remove(groupId: string, account: string): Promise<void>;
  modify(request: ModifyGroupMemberInfoRequest): Promise<void>;
  isImported(account: string): Promise<boolean>;
}

/** Names a member in messages. */
function who(m: Pick<MemberInputs, "groupId" | "account">): string {
  return `account ${JSON.stringify(m.account)} in group ${JSON.stringify(m.groupId)}`;
}

function refusal(m: Pick<MemberInputs, "groupId">, message: string): ChatError {
  return new ChatError(ErrorCodes.Validation, message, { groupId: m.groupId });
}

/** The host's `__provider` of `carry`, which every partial failure's properties must hold (see resource/lifecycle.ts). */
function hostKeys(carry: object): Record<string, unknown> {
  const p = carry as Record<string, unknown>;
  return p.__provider === undefined ? {} : { __provider: p.__provider };
}

/** A failure after the member exists: its id stays in state with what is known to be applied. */
function partialFailure(
  m: MemberInputs,
  properties: MemberOutputs,
  cause: unknown,
  doing: string,
  carry: object,
): PartialFailure {
  const id = memberId(m.groupId, m.account);
  const why = cause instanceof Error ? cause.message : String(cause);
  const message =
    `${who(m)} is a member, but ${doing} failed: ${why} Pulumi keeps the member in state; fix the cause and run ` +
    "`pulumi up` again to finish.";
  const e = new ChatError(ErrorCodes.Partial, message, { groupId: m.groupId, cause }) as PartialFailure;
  e.id = id;
  e.properties = { ...stripUndefined(properties), ...hostKeys(carry) };
  e.reasons = [message];
  return e;
}

function stripUndefined<T extends object>(o: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

/**
 * What the group's type forbids, checked before any write (the type is known only from the service: no documented
 * id prefix names AVChatRoom or Work groups). `role` is the role to be written, if any.
 */
export function typeRefusal(m: MemberInputs, group: MemberGroupFacts, role?: MemberInputs["role"]): string | undefined {
  if (group.type === "AVChatRoom") {
    return (
      `group ${JSON.stringify(m.groupId)} is an AVChatRoom: its members join only by applying from the SDK, and no ` +
      "member action writes to it (add/import/modify answer 10007, delete 10004). Nothing was changed. Remove this ChatGroupMember."
    );
  }
  if (group.type === "Private" && role === "Admin") {
    return (
      `group ${JSON.stringify(m.groupId)} is a Work (Private) group, which has no admins. Nothing was changed. ` +
      'Declare role "Member" (or omit it), or use a Public, Meeting or Community group.'
    );
  }
  return undefined;
}

function ownerRefusal(m: MemberInputs): ChatError {
  return refusal(
    m,
    `${who(m)} is the group's owner. The owner is not a member resource: ownership is ChatGroup's ownerAccount ` +
      "(change_group_owner), and the owner can neither be given a role nor removed here. Nothing was changed. " +
      "Remove this ChatGroupMember (or move ownership to another account first).",
  );
}

/** Reads the group's facts, refusing a missing group, its owner and what its type forbids. */
async function groupFor(api: MemberApi, m: MemberInputs, role?: MemberInputs["role"]): Promise<MemberGroupFacts> {
  const group = await api.group(m.groupId);
  if (group === undefined) {
    throw new ChatError(
      ErrorCodes.Api,
      `group ${JSON.stringify(m.groupId)} does not exist (10010), so ${JSON.stringify(m.account)} cannot be made a ` +
        "member. Nothing was changed. Create the group first (declare it as a ChatGroup and use its groupId output).",
      { action: "get_group_info", groupId: m.groupId },
    );
  }
  const why = typeRefusal(m, group, role);
  if (why !== undefined) throw refusal(m, why);
  if (group.owner !== undefined && group.owner === m.account) throw ownerRefusal(m);
  return group;
}

/** The differences between a live member and the declared one (role always; name card only when declared). */
export function memberDifferences(
  m: MemberInputs,
  live: { role: string; nameCard?: string },
): { field: "role" | "nameCard"; live: string; declared: string }[] {
  const out: { field: "role" | "nameCard"; live: string; declared: string }[] = [];
  if (live.role !== m.role) out.push({ field: "role", live: live.role, declared: m.role });
  if (m.nameCard !== undefined && (live.nameCard ?? "") !== m.nameCard)
    out.push({ field: "nameCard", live: live.nameCard ?? "", declared: m.nameCard });
  return out;
}

/** The modify_group_member_info body that moves `from` to the declared values, or undefined when nothing differs. */
function modifyRequest(
  m: MemberInputs,
  from: { role: string; nameCard?: string },
): ModifyGroupMemberInfoRequest | undefined {
  const request: ModifyGroupMemberInfoRequest = { GroupId: m.groupId, Member_Account: m.account };
  for (const d of memberDifferences(m, from)) {
    if (d.field === "role") request.Role = m.role;
    else request.NameCard = m.nameCard;
  }
  return request.Role === undefined && request.NameCard === undefined ? undefined : request;
}

function outputs(m: MemberInputs, adopted: boolean): MemberOutputs {
  return { ...m, adopted, isOwner: false };
}

/** Take over an existing member: equal → no write; different → refuse listing live values, unless "overwrite". */
async function takeOver(api: MemberApi, m: MemberInputs, liveRole: string, carry: object): Promise<MemberOutputs> {
  if (m.adopt === false) {
    throw refusal(
      m,
      `${who(m)} is already a member (role ${liveRole}) and adopt is false. Nothing was changed and nothing was recorded. ` +
        "Set adopt: true to take it over as it is, or remove this ChatGroupMember.",
    );
  }
  const info = m.nameCard === undefined ? undefined : await api.member(m.groupId, m.account);
  const live = { role: liveRole, nameCard: info?.NameCard };
  const diffs = memberDifferences(m, live);
  if (diffs.length === 0) return outputs(m, true);
  if (m.adopt !== "overwrite") {
    const lines = diffs.map(
      (d) => `  ${d.field}: ${JSON.stringify(d.live)}, // declared ${JSON.stringify(d.declared)}`,
    );
    throw new ChatError(
      ErrorCodes.AdoptMismatch,
      [
        `cannot take over ${who(m)}: it is already a member and differs from the program in ${diffs.map((d) => d.field).join(", ")}. ` +
          "Nothing was changed and nothing was recorded in the stack. To take it over as it is, declare its live values:",
        ...lines,
        'Or set adopt: "overwrite" to apply the declared values (preview cannot show this: it does not read the member).',
      ].join("\n"),
      { groupId: m.groupId },
    );
  }
  const request = modifyRequest(m, live)!;
  try {
    await api.modify(request);
  } catch (e) {
    throw partialFailure(
      m,
      { ...m, role: liveRole as MemberInputs["role"], nameCard: live.nameCard, adopted: true, isOwner: false },
      e,
      "overwriting its role or name card",
      carry,
    );
  }
  return outputs(m, true);
}

/**
 * create(): refuse what cannot be (no group, its owner, a type that forbids it), then add the member
 * (add_group_member; import_group_member with its joinTime), or take over an existing one, then set what adding
 * cannot (role Admin on add, the name card) with modify_group_member_info.
 */
export async function createMember(
  api: MemberApi,
  m: MemberInputs,
  carry: object,
): Promise<{ id: string; outs: MemberOutputs }> {
  const id = memberId(m.groupId, m.account);
  await groupFor(api, m, m.role);
  const role = await api.role(m.groupId, m.account);
  if (role === "Owner") throw ownerRefusal(m);
  if (role !== "NotMember") return { id, outs: await takeOver(api, m, role, carry) };
  let outcome: MemberWriteOutcome;
  const importing = m.joinTime !== undefined;
  if (importing) {
    outcome = await api.import(m.groupId, {
      account: m.account,
      ...(m.role === "Admin" ? { role: "Admin" as const } : {}),
      joinTime: m.joinTime,
    });
  } else {
    outcome = await api.add(m.groupId, m.account);
  }
  if (outcome === "pending") {
    throw new ChatError(
      ErrorCodes.Api,
      `${who(m)} was invited but is not a member yet (Result 3: the invitation waits for the invitee's approval, ` +
        "the group's inviteJoinOption is NeedPermission). Nothing was recorded. Set the group's inviteJoinOption to " +
        "FreeAccess, or run `pulumi up` again once the invitation is accepted.",
      { action: "add_group_member", groupId: m.groupId },
    );
  }
  // The member exists from here on (our add, or one that landed between our read and it): failures carry the id.
  const applied = { role: importing ? m.role : "Member" } as { role: string; nameCard?: string };
  const request = modifyRequest(m, applied);
  if (request !== undefined) {
    try {
      await api.modify(request);
    } catch (e) {
      const known = { ...m, role: applied.role as MemberInputs["role"], adopted: false, isOwner: false };
      delete known.nameCard;
      throw partialFailure(m, known, e, "setting its role or name card", carry);
    }
  }
  return { id, outs: outputs(m, false) };
}

/**
 * read(): the live member (get_role_in_group, and get_specified_group_member_info only for a declared name card;
 * both batched), or an empty id when the member left or the group is gone. The owner keeps its recorded role
 * (`isOwner` says why). Returns the inputs the live member implies, so a changed role or name card is drift.
 */
export async function readMember(
  api: MemberApi,
  id: string,
  olds: MemberOutputs,
): Promise<{ id: string; props: MemberOutputs; inputs: MemberInputs } | { id: ""; props: Record<string, never> }> {
  let role: WireMemberRole | "NotMember";
  try {
    role = await api.role(olds.groupId, olds.account);
  } catch (e) {
    if (isNotFound(e)) return { id: "", props: {} };
    throw e;
  }
  if (role === "NotMember") return { id: "", props: {} };
  const props: MemberOutputs = { ...olds, isOwner: role === "Owner" };
  if (role !== "Owner") props.role = role;
  if (olds.nameCard !== undefined) {
    const info = await api.member(olds.groupId, olds.account);
    if (info === undefined) return { id: "", props: {} };
    props.nameCard = info.NameCard ?? "";
  }
  const inputs: MemberInputs = {
    groupId: props.groupId,
    account: props.account,
    role: props.role,
    adopt: props.adopt,
    ...(props.nameCard !== undefined ? { nameCard: props.nameCard } : {}),
    ...(props.joinTime !== undefined ? { joinTime: props.joinTime } : {}),
    ...(props.app !== undefined ? { app: props.app } : {}),
  };
  return { id, props, inputs };
}

/** update(): the changed role and name card in one modify_group_member_info, after the refusals of create. */
export async function updateMember(
  api: MemberApi,
  olds: MemberOutputs,
  news: MemberInputs,
  carry: object,
): Promise<{ outs: MemberOutputs }> {
  const from = { role: olds.role, nameCard: olds.nameCard };
  const request = modifyRequest(news, from);
  const outs: MemberOutputs = { ...news, adopted: olds.adopted ?? false, isOwner: olds.isOwner ?? false };
  if (request === undefined) return { outs };
  await groupFor(api, news, request.Role);
  const role = await api.role(news.groupId, news.account);
  if (role === "Owner") throw ownerRefusal(news);
  if (role === "NotMember") {
    throw new ChatError(
      ErrorCodes.Api,
      `${who(news)} is no longer a member (it left or was removed outside Pulumi). Nothing was changed. Run ` +
        "`pulumi refresh` (the member leaves the stack), then `pulumi up` adds it again.",
      { action: "get_role_in_group", groupId: news.groupId },
    );
  }
  try {
    await api.modify(request);
  } catch (e) {
    const before = { ...olds, ...news, role: olds.role, nameCard: olds.nameCard } as MemberOutputs;
    throw partialFailure(news, before, e, "changing its role or name card", carry);
  }
  return { outs };
}

/**
 * delete(): delete_group_member (shared; a non-member counts as removed, a gone group too). The owner is never
 * removed: when the account has become the owner, the member resource leaves it in place.
 */
export async function deleteMember(api: MemberApi, m: Pick<MemberOutputs, "groupId" | "account">): Promise<void> {
  try {
    const role = await api.role(m.groupId, m.account);
    if (role === "NotMember" || role === "Owner") return;
    await api.remove(m.groupId, m.account);
  } catch (e) {
    if (!isNotFound(e)) throw e;
  }
}

/**
 * Before a delete-first replacement (joinTime changed on the same member), check what the re-import needs: the
 * group exists and takes members, the account is imported and not the owner, and the join time is after the
 * group's creation and not in the future (import_group_member fails that member otherwise). Throws, before
 * anything is removed, when the member could not be added again.
 */
export async function preflightReimport(api: MemberApi, m: MemberInputs, nowSeconds: number): Promise<void> {
  const prefix = `replacing ${who(m)} removes it first (a new joinTime needs a re-import of the same member), so it is checked before:`;
  const group = await api.group(m.groupId);
  if (group === undefined) return; // nothing to lose: the group is gone, the delete is a no-op
  const why = typeRefusal(m, group, m.role);
  if (why !== undefined) throw refusal(m, `${prefix} ${why}`);
  if (group.owner === m.account) throw ownerRefusal(m);
  const t = m.joinTime!;
  if ((group.createTime !== undefined && t <= group.createTime) || t > nowSeconds) {
    throw refusal(
      m,
      `${prefix} joinTime ${t} must be after the group's creation (${String(group.createTime)}) and not in the future ` +
        `(now ${nowSeconds}); import_group_member would fail it and leave the member out. Nothing was removed. Fix joinTime.`,
    );
  }
  if (!(await api.isImported(m.account))) {
    throw refusal(
      m,
      `${prefix} ${JSON.stringify(m.account)} is not an imported account (account_check), so it could not be added ` +
        "again. Nothing was removed. Import the account first (ChatAccount), or keep the old joinTime.",
    );
  }
}
