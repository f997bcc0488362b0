/**
 * The ChatGroupMembers lifecycle: create (with the adoption rule), read, update, delete, against the member API.
 * The plan is pure (./plan.ts); this module orders the writes and decides what a failure leaves behind. Rules:
 * - the owner is never managed, added, changed or removed (DECISIONS.md M33); declaring it is an error;
 * - create takes over a membership only when the program describes it, apart from members to add: removing or
 *   changing anyone needs `adopt: "overwrite"` (M31);
 * - update does what the preview showed (state → program), never more (M34);
 * - any failure after the first write is a partial failure whose properties are the membership now live (M38).
 */
import { ChatError, ErrorCodes, isNotFound, type ChatErrorCode } from "../../client/errors";
import type { MemberWriteOutcome } from "../../client/members";
import type { ModifyGroupMemberInfoRequest } from "../../../protocol/wire";
import { isPartialFailure, type PartialFailure } from "../../resource/lifecycle";
import { readAllMembers, type MemberPageSource } from "./members-read";
import {
  accountsOf,
  describePlan,
  emptyMembership,
  entryOf,
  fromCanonical,
  listSome,
  liveMembership,
  planMembership,
  sortedMembership,
  toCanonical,
  count,
  type CanonicalMembers,
  type MemberEntry,
  type Membership,
  type MembershipPlan,
} from "./plan";

export { isPartialFailure };

/** What the lifecycle needs of a group: its type and owner (get_group_info, shared reads). */
export interface GroupFacts {
  type: string;
  owner?: string;
}

/** The member API the lifecycle uses; the provider binds it to the app's shared session (batched writes). */
export interface MembersApi {
  /** The group's type and owner, or undefined when the group does not exist. */
  group(groupId: string): Promise<GroupFacts | undefined>;
  /** One page of get_group_member_info. */
  page: MemberPageSource;
  /** add_group_member for one account (shared calls of up to the add limit). */
  add(groupId: string, account: string): Promise<MemberWriteOutcome>;
  /** delete_group_member for one account (shared calls of up to 100). */
  remove(groupId: string, account: string): Promise<void>;
  /** modify_group_member_info for one member. */
  modify(request: ModifyGroupMemberInfoRequest): Promise<void>;
}

/** The inputs as the lifecycle works with them: the canonical maps read into one membership. */
export interface MembersInputs {
  groupId: string;
  members: Membership;
  app?: string;
  adopt?: boolean | "overwrite";
}

/**
 * The outputs: the canonical inputs' shape (`members` account → role, `nameCards` the managed name cards, M32) with
 * the live membership, plus what the resource manages and the group's facts.
 */
export interface MembersOutputs extends Omit<MembersInputs, "members">, CanonicalMembers {
  /** Accounts this resource manages: declared by the program (destroy removes these, never others). */
  managedAccounts: string[];
  /** The live owner (never managed). */
  ownerAccount: string;
  /** The group's type as the service names it. */
  groupType: string;
}

type Props = Record<string, unknown>;

/** One write that failed, for the partial-failure message. */
interface ItemFailure {
  account: string;
  what: "add" | "remove" | "change";
  error: string;
}

const q = JSON.stringify;

function inputsOf(props: object | undefined): MembersInputs {
  const p = (props ?? {}) as Props;
  return {
    groupId: String(p.groupId ?? ""),
    members: fromCanonical(p.members, p.nameCards),
    ...(typeof p.app === "string" ? { app: p.app } : {}),
    ...(p.adopt !== undefined ? { adopt: p.adopt as MembersInputs["adopt"] } : {}),
  };
}

/** The host's key (`__provider`) carried into a properties object; see provider/resource/lifecycle.ts hostKeys. */
function withHostKeys<T extends object>(value: T, carry: object | undefined): T {
  const p = (carry ?? {}) as Props;
  return p.__provider === undefined ? value : { ...value, __provider: p.__provider };
}

function fail(groupId: string, message: string, code: ChatErrorCode = ErrorCodes.Validation): ChatError {
  return new ChatError(code, message, { groupId });
}

async function factsOf(api: MembersApi, groupId: string, doing: string): Promise<GroupFacts> {
  const facts = await api.group(groupId);
  if (facts === undefined) {
    throw fail(
      groupId,
      `cannot ${doing} the members of group ${q(groupId)}: the group does not exist. Nothing was changed. ` +
        "Create the group first (a ChatGroup whose groupId this resource uses), or run `pulumi refresh` if it was deleted outside Pulumi.",
      ErrorCodes.Api,
    );
  }
  return facts;
}

/** Refuses, before any write, what the group's type or owner forbids (M33, M35). */
function refuseForbidden(groupId: string, facts: GroupFacts, declared: Membership): void {
  if (facts.type === "AVChatRoom") {
    throw fail(
      groupId,
      `group ${q(groupId)} is an AVChatRoom: the service keeps no member list for it and refuses member writes ` +
        "(add_group_member answers 10007). Nothing was changed. Remove this ChatGroupMembers.",
    );
  }
  if (facts.owner !== undefined && entryOf(declared, facts.owner) !== undefined) {
    throw fail(
      groupId,
      `members declares ${q(facts.owner)}, the owner of group ${q(groupId)}. The owner is not managed by ChatGroupMembers ` +
        "(ownership is ChatGroup's ownerAccount; the owner can be neither added, removed nor demoted). Nothing was changed. " +
        `Remove ${q(facts.owner)} from members.`,
    );
  }
  const admins = accountsOf(declared).filter((a) => declared[a]!.role === "Admin");
  if (facts.type === "Private" && admins.length > 0) {
    throw fail(
      groupId,
      `group ${q(groupId)} is a Work (Private) group, which has no admins, but members declares role "Admin" for ` +
        `${listSome(admins, 10)}. Nothing was changed. Use role "Member" (or leave role out).`,
    );
  }
}

async function liveOf(api: MembersApi, groupId: string, facts: GroupFacts, nameCardsOf: Set<string>) {
  const live = await readAllMembers(api.page, groupId, {
    community: facts.type === "Community",
    nameCards: nameCardsOf.size > 0,
  });
  return liveMembership(live, nameCardsOf);
}

const withNameCards = (...ms: Membership[]): Set<string> =>
  new Set(ms.flatMap((m) => accountsOf(m).filter((a) => m[a]!.nameCard !== undefined)));

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Applies a plan to `base` (what is live): removals and changes first (they free room), then additions. */
async function apply(
  api: MembersApi,
  groupId: string,
  plan: MembershipPlan,
  base: Membership,
): Promise<{ membership: Membership; failures: ItemFailure[] }> {
  const result: Membership = Object.assign(emptyMembership(), base);
  const failures: ItemFailure[] = [];
  const modify = (account: string, change: { role?: MemberEntry["role"]; nameCard?: string }) =>
    api.modify({
      GroupId: groupId,
      Member_Account: account,
      ...(change.role !== undefined ? { Role: change.role } : {}),
      ...(change.nameCard !== undefined ? { NameCard: change.nameCard } : {}),
    });
  await Promise.all([
    ...plan.remove.map((account) =>
      api.remove(groupId, account).then(
        () => void delete result[account],
        (e) => void failures.push({ account, what: "remove", error: message(e) }),
      ),
    ),
    ...plan.change.map((c) =>
      modify(c.account, c).then(
        () => {
          result[c.account] = {
            role: c.role ?? c.from.role,
            ...((c.nameCard ?? c.from.nameCard) !== undefined ? { nameCard: c.nameCard ?? c.from.nameCard } : {}),
          };
        },
        (e) => void failures.push({ account: c.account, what: "change", error: message(e) }),
      ),
    ),
  ]);
  await Promise.all(
    plan.add.map(async ({ account, entry }) => {
      let outcome: MemberWriteOutcome;
      try {
        outcome = await api.add(groupId, account);
      } catch (e) {
        failures.push({ account, what: "add", error: message(e) });
        return;
      }
      if (outcome === "pending") {
        failures.push({
          account,
          what: "add",
          error: "the service is waiting for the invitee to accept (Result 3); run `pulumi up` again once accepted",
        });
        return;
      }
      // A fresh member is a Member with an empty name card. One that was already there (it joined since the read)
      // has values we do not know: its declared role is sent too, so the record below is the truth.
      const fresh = outcome === "added";
      result[account] = { role: "Member", ...(fresh && entry.nameCard !== undefined ? { nameCard: "" } : {}) };
      if (fresh && entry.role === "Member" && (entry.nameCard ?? "") === "") {
        result[account] = entry;
        return;
      }
      try {
        await modify(account, {
          role: fresh && entry.role === "Member" ? undefined : entry.role,
          nameCard: entry.nameCard,
        });
        result[account] = entry;
      } catch (e) {
        failures.push({ account, what: "change", error: message(e) });
      }
    }),
  );
  return { membership: sortedMembership(result), failures };
}

function outputsOf(
  inputs: MembersInputs,
  membership: Membership,
  managed: Iterable<string>,
  facts: GroupFacts,
): MembersOutputs {
  const { members: _declared, ...rest } = inputs;
  return {
    ...rest,
    ...toCanonical(membership),
    managedAccounts: [...new Set(managed)].sort(),
    ownerAccount: facts.owner ?? "",
    groupType: facts.type,
  };
}

/** The partial failure: the group id, the membership now live as properties, one reason listing the failures. */
function partialFailure(
  groupId: string,
  outputs: MembersOutputs,
  failures: ItemFailure[],
  carry: object,
): PartialFailure {
  const shown = failures
    .slice()
    .sort((a, b) => (a.account < b.account ? -1 : a.account > b.account ? 1 : 0))
    .slice(0, 10)
    .map((f) => `${f.what} ${q(f.account)}: ${f.error}`);
  const rest = failures.length - shown.length;
  const text =
    `group ${q(groupId)}: ${count(failures.length)} membership change${failures.length === 1 ? "" : "s"} failed; ` +
    `every other change was applied and Pulumi records the membership now live. ${shown.join("; ")}` +
    `${rest > 0 ? `; and ${count(rest)} more` : ""}. Fix the cause and run \`pulumi up\` again to finish.`;
  const e = new ChatError(ErrorCodes.Partial, text, { groupId }) as PartialFailure;
  e.id = groupId;
  e.properties = withHostKeys(outputs as unknown as Props, carry);
  e.reasons = [text];
  return e;
}

/** After failures: the live membership if it can be read (the truth), else what the outcomes say. */
async function truthAfterFailure(
  api: MembersApi,
  groupId: string,
  facts: GroupFacts,
  computed: Membership,
  nameCardsOf: Set<string>,
): Promise<Membership> {
  try {
    return await liveOf(api, groupId, facts, nameCardsOf);
  } catch {
    return computed;
  }
}

async function applyAndRecord(
  api: MembersApi,
  inputs: MembersInputs,
  facts: GroupFacts,
  plan: MembershipPlan,
  base: Membership,
  managedBefore: readonly string[],
  carry: object,
): Promise<MembersOutputs> {
  const { membership, failures } = await apply(api, inputs.groupId, plan, base);
  // Managed: what the program declares, and what it managed before that is still there (a removal that failed).
  const managedOf = (m: Membership) => [
    ...accountsOf(inputs.members),
    ...managedBefore.filter((a) => entryOf(m, a) !== undefined),
  ];
  if (failures.length === 0) return outputsOf(inputs, membership, managedOf(membership), facts);
  const truth = await truthAfterFailure(api, inputs.groupId, facts, membership, withNameCards(inputs.members, base));
  throw partialFailure(inputs.groupId, outputsOf(inputs, truth, managedOf(truth), facts), failures, carry);
}

/**
 * create(): reads the group and its whole membership; with only members to add, adds them; when anyone would be
 * removed or changed, refuses (listing who) unless `adopt: "overwrite"`.
 */
export async function createMembers(api: MembersApi, props: object): Promise<{ id: string; outs: MembersOutputs }> {
  const inputs = inputsOf(props);
  const { groupId } = inputs;
  const facts = await factsOf(api, groupId, "manage");
  refuseForbidden(groupId, facts, inputs.members);
  const live = await liveOf(api, groupId, facts, withNameCards(inputs.members));
  const plan = planMembership(live, inputs.members);
  if ((plan.remove.length > 0 || plan.change.length > 0) && inputs.adopt !== "overwrite") {
    throw new ChatError(
      ErrorCodes.AdoptMismatch,
      [
        `cannot take over the membership of group ${q(groupId)}: it differs from the program, and taking it over would:`,
        ...describePlan(plan).map((l) => `  - ${l}`),
        "Nothing was changed and nothing was recorded in the stack. Declare the live members (and their roles and " +
          'name cards) to take the group over as it is, or set adopt: "overwrite" to make the program authoritative ' +
          "(the members listed above are then removed or changed).",
      ].join("\n"),
      { groupId },
    );
  }
  const outs = await applyAndRecord(api, inputs, facts, plan, live, [], props);
  return { id: groupId, outs: withHostKeys(outs, props) };
}

/** update(): the plan from the recorded membership to the program's, exactly what the preview showed. */
export async function updateMembers(
  api: MembersApi,
  id: string,
  olds: object,
  news: object,
): Promise<{ outs: MembersOutputs }> {
  const inputs = inputsOf(news);
  const old = olds as Partial<MembersOutputs>;
  const facts = await factsOf(api, id, "update");
  refuseForbidden(id, facts, inputs.members);
  const base: Membership = fromCanonical(old.members, old.nameCards);
  if (facts.owner !== undefined) delete base[facts.owner]; // never removed, even if ownership moved to a member
  const plan = planMembership(sortedMembership(base), inputs.members);
  const outs = await applyAndRecord(api, inputs, facts, plan, base, old.managedAccounts ?? [], news);
  return { outs: withHostKeys(outs, news) };
}

/** read(): the whole live membership (drift: anyone who joined or left), or an empty id when the group is gone. */
export async function readMembers(
  api: MembersApi,
  id: string,
  props: object,
): Promise<{ id: string; props: Props; inputs?: Props }> {
  const facts = await api.group(id);
  if (facts === undefined) return { id: "", props: {} };
  const old = props as Partial<MembersOutputs>;
  const inputs = inputsOf(props);
  if (facts.type === "AVChatRoom") return { id, props: { ...props } };
  const members = await liveOf(api, id, facts, withNameCards(inputs.members));
  const outs = outputsOf({ ...inputs, groupId: id }, members, old.managedAccounts ?? [], facts);
  const { managedAccounts: _m, ownerAccount: _o, groupType: _t, ...refreshedInputs } = outs;
  return { id, props: withHostKeys(outs as unknown as Props, props), inputs: refreshedInputs as unknown as Props };
}

/** delete(): removes the managed members (never the owner, never a member the program did not declare). */
export async function deleteMembers(api: MembersApi, id: string, props: object): Promise<void> {
  const facts = await api.group(id);
  if (facts === undefined || facts.type === "AVChatRoom") return;
  const managed = ((props as Partial<MembersOutputs>).managedAccounts ?? []).filter((a) => a !== facts.owner);
  const failures: ItemFailure[] = [];
  await Promise.all(
    managed.map((account) =>
      // A group disbanded while the delete runs answers 10010: it has no members left to remove, so that is done.
      api.remove(id, account).catch((e) => {
        if (!isNotFound(e)) failures.push({ account, what: "remove", error: message(e) });
      }),
    ),
  );
  if (failures.length > 0) {
    const accounts = failures.map((f) => f.account).sort();
    throw new ChatError(
      ErrorCodes.Api,
      `group ${q(id)}: removing ${count(failures.length)} of ${count(managed.length)} managed members failed ` +
        `(${listSome(accounts, 10)}): ${failures[0]!.error} Pulumi keeps the resource; run \`pulumi destroy\` again ` +
        "(removing a member that already left succeeds).",
      { groupId: id },
    );
  }
}
