/**
 * The ChatAccount lifecycle: create (import, or take over an existing account), read, update, delete. The rules:
 * - create never changes an account that already exists unless the program describes it or opts in
 *   (`adopt: "overwrite"`), following Pulumi's import (DECISIONS.md A5);
 * - a new account's import carries its declared nick and face (multiaccount_import's current form sets them, shared
 *   by concurrent creates); they are read back with portrait_get, and written with portrait_set only where the
 *   service did not take them (older pages say the import cannot), so the outputs are what the service holds (A4);
 * - once the account exists, every failure is a partial failure carrying its id, `__provider` and what is known, so
 *   refresh, up and destroy keep working (A8);
 * - destroy keeps the account unless `deleteOnDestroy: true` (A6).
 */
import type { AccountDeleteOutcome, AccountProfile } from "../../client/accounts";
import { ChatError, ErrorCodes, isChatApiError } from "../../client/errors";
import {
  canonicalInputs,
  partialFailure as kitPartialFailure,
  tableChanges,
  withProvider,
  type PartialFailure,
} from "../../kit";
import { ACCOUNT_TABLE, type OnDestroy } from "./fields";

/** What the lifecycle needs of the app's session (sessions.ts; a fake in unit tests). */
export interface AccountApi {
  /** account_check (shared). */
  isImported(userId: string): Promise<boolean>;
  /** multiaccount_import (shared) of the UserID with the given non-empty profile values. */
  importAccount(account: { UserID: string; Nick?: string; FaceUrl?: string }): Promise<void>;
  /** portrait_get (shared). */
  profile(userId: string): Promise<AccountProfile>;
  /** portrait_set of the given tags. */
  setProfile(input: { UserID: string; Nick?: string; FaceUrl?: string }): Promise<void>;
  /** account_delete (shared). */
  deleteAccount(userId: string): Promise<AccountDeleteOutcome>;
}

/** The managed profile fields: input name → AccountProfile / portrait_set name. */
const PROFILE = [
  ["nick", "Nick"],
  ["faceUrl", "FaceUrl"],
] as const;

/** The outputs of a ChatAccount (plain JSON). */
export type AccountOutputs = Record<string, unknown> & { userId: string; onDestroy: OnDestroy; adopted: boolean };

type Props = Record<string, unknown>;

const quote = JSON.stringify;

/** Outputs: the canonical inputs (profile fields as `profile` says, absent when unknown) and the facts. */
function outputsOf(inputs: object, profile: Partial<AccountProfile> | undefined, adopted: boolean): AccountOutputs {
  const c = canonicalInputs(ACCOUNT_TABLE, inputs);
  for (const [field, tag] of PROFILE) {
    if (c[field] === undefined) continue;
    // No profile read: unknown, so not claimed. A profile without the tag: never set, which reads as "".
    if (profile === undefined) delete c[field];
    else c[field] = profile[tag] ?? "";
  }
  return {
    ...c,
    userId: String(c.userId),
    onDestroy: c.deleteOnDestroy === true ? "delete" : "keep",
    adopted,
  };
}

/** The declared profile fields that differ from `live` (undefined live = the account's empty value ""). */
function profileDiffs(
  inputs: object,
  live: AccountProfile,
): { field: string; tag: "Nick" | "FaceUrl"; declared: string; live: string }[] {
  const c = canonicalInputs(ACCOUNT_TABLE, inputs);
  return PROFILE.flatMap(([field, tag]) => {
    const declared = c[field];
    const value = live[tag] ?? "";
    return typeof declared === "string" && declared !== value ? [{ field, tag, declared, live: value }] : [];
  });
}

/** Pulumi's partial-failure shape for an account that exists: kept in state with what is known. */
function partialFailure(
  id: string,
  properties: Props,
  cause: unknown,
  doing: string,
  carry: object | undefined,
): PartialFailure {
  return kitPartialFailure(`account ${quote(id)}`, id, properties, cause, doing, carry);
}

/** The live profile, or undefined when it cannot be read (after a failure: what is known is then left out). */
async function bestProfile(api: AccountApi, id: string): Promise<AccountProfile | undefined> {
  try {
    return await api.profile(id);
  } catch {
    return undefined;
  }
}

/** Writes the declared profile fields listed in `fields` (one portrait_set), if any. */
async function writeProfile(api: AccountApi, id: string, inputs: object, fields: readonly string[]): Promise<void> {
  const c = canonicalInputs(ACCOUNT_TABLE, inputs);
  const body: { UserID: string; Nick?: string; FaceUrl?: string } = { UserID: id };
  for (const [field, tag] of PROFILE) if (fields.includes(field) && typeof c[field] === "string") body[tag] = c[field];
  if (body.Nick !== undefined || body.FaceUrl !== undefined) await api.setProfile(body);
}

/** Why an existing account is not taken over, or undefined when it may be. Nothing has been written. */
function adoptionRefusal(id: string, inputs: object, live: AccountProfile): ChatError | undefined {
  const c = canonicalInputs(ACCOUNT_TABLE, inputs);
  if (c.adopt === false)
    return new ChatError(
      ErrorCodes.AdoptMismatch,
      `account ${quote(id)} already exists and the program sets adopt: false. Nothing was changed and nothing was ` +
        "recorded in the stack. Choose another userId, or remove adopt to take the account over.",
    );
  if (c.deleteOnDestroy === true && c.adopt === undefined)
    return new ChatError(
      ErrorCodes.AdoptMismatch,
      `account ${quote(id)} already exists (this resource did not import it), and deleteOnDestroy: true would delete ` +
        "it, irreversibly, when the resource is destroyed. Nothing was changed and nothing was recorded in the stack. " +
        "Set adopt: true to take it over and delete it on destroy, or remove deleteOnDestroy to take it over and keep it.",
    );
  const diffs = profileDiffs(inputs, live);
  if (diffs.length === 0 || c.adopt === "overwrite") return undefined;
  const n = diffs.length;
  return new ChatError(
    ErrorCodes.AdoptMismatch,
    [
      `cannot adopt account ${quote(id)}: its live profile differs from the program in ${n} field${n === 1 ? "" : "s"} ` +
        `(${diffs.map((d) => d.field).join(", ")}). Nothing was changed and nothing was recorded in the stack. ` +
        "To adopt it as it is, declare its live values (or remove the fields to leave them unmanaged):",
      ...diffs.map((d) => `  ${d.field}: ${quote(d.live)}, // declared ${quote(d.declared)}`),
      'Or set adopt: "overwrite" to replace the live values with the declared ones.',
    ].join("\n"),
  );
}

/**
 * create(): take over the account when it exists (adoption rule), else import it with its declared profile; read the
 * profile back and write with portrait_set what the import did not set. `inputs` are the checked inputs (with
 * `__provider`).
 */
export async function createAccount(api: AccountApi, inputs: object): Promise<{ id: string; outs: AccountOutputs }> {
  const c = canonicalInputs(ACCOUNT_TABLE, inputs);
  const id = String(c.userId);
  if (await api.isImported(id)) return adopt(api, id, inputs);
  const account: { UserID: string; Nick?: string; FaceUrl?: string } = { UserID: id };
  for (const [field, tag] of PROFILE) if (typeof c[field] === "string" && c[field] !== "") account[tag] = c[field];
  try {
    await api.importAccount(account);
  } catch (e) {
    // The answer may have been lost after the import landed: if the account is there now, it is the one we imported.
    if (!(await api.isImported(id).catch(() => false))) throw e;
  }
  let doing = "reading it back (portrait_get)";
  try {
    const live = await api.profile(id);
    const missing = profileDiffs(inputs, live).map((d) => d.field);
    if (missing.length === 0) return { id, outs: withProvider(outputsOf(inputs, live, false), inputs) };
    doing = "setting its profile (portrait_set)";
    await writeProfile(api, id, inputs, missing);
    doing = "reading it back (portrait_get)";
    return { id, outs: withProvider(outputsOf(inputs, await api.profile(id), false), inputs) };
  } catch (e) {
    throw partialFailure(id, outputsOf(inputs, undefined, false), e, doing, inputs);
  }
}

async function adopt(api: AccountApi, id: string, inputs: object): Promise<{ id: string; outs: AccountOutputs }> {
  const live = await api.profile(id);
  const refusal = adoptionRefusal(id, inputs, live);
  if (refusal) throw refusal;
  const diffs = profileDiffs(inputs, live).map((d) => d.field);
  if (diffs.length === 0) return { id, outs: withProvider(outputsOf(inputs, live, true), inputs) };
  try {
    await writeProfile(api, id, inputs, diffs);
    return { id, outs: withProvider(outputsOf(inputs, await api.profile(id), true), inputs) };
  } catch (e) {
    throw partialFailure(
      id,
      outputsOf(inputs, undefined, true),
      e,
      'overwriting its profile (adopt: "overwrite")',
      inputs,
    );
  }
}

/**
 * read(): `id` "" when the account no longer exists (refresh drops it); else the outputs with the live values of the
 * managed profile fields, and the same as inputs, so a changed nick shows as drift.
 */
export async function readAccount(
  api: AccountApi,
  id: string,
  props: object,
): Promise<{ id: string; props: Props; inputs?: Props }> {
  if (!(await api.isImported(id))) return { id: "", props: {} };
  const live = await api.profile(id);
  const p = props as Props;
  const outs = outputsOf({ ...p, userId: id }, live, p.adopted === true);
  // Profile fields a failed step left unknown (absent in outputs) are not declared as far as state knows.
  const inputs = canonicalInputs(ACCOUNT_TABLE, outs);
  const kept = Object.fromEntries(Object.entries(p).filter(([k]) => !PROFILE.some(([field]) => field === k)));
  return { id, props: withProvider({ ...kept, ...outs }, props), inputs };
}

/**
 * Why an update may not turn `deleteOnDestroy` on, or undefined: an account this resource took over (it existed) with
 * neither `adopt: true` nor `"overwrite"` was not said to be the program's, so, as at create (adoptionRefusal), a
 * destroy must not delete it. Nothing has been written.
 */
function deleteOnDestroyRefusal(id: string, olds: object, news: object): ChatError | undefined {
  const c = canonicalInputs(ACCOUNT_TABLE, news);
  const o = olds as Props;
  if (c.deleteOnDestroy !== true || o.deleteOnDestroy === true || o.adopted !== true) return undefined;
  if (c.adopt === true || c.adopt === "overwrite") return undefined;
  return new ChatError(
    ErrorCodes.AdoptMismatch,
    `account ${quote(id)} existed before this resource took it over, and deleteOnDestroy: true would delete it, ` +
      "irreversibly, when the resource is destroyed. Nothing was changed. Set adopt: true to say the account is the " +
      "program's and delete it on destroy, or remove deleteOnDestroy to keep it.",
  );
}

/**
 * update(): portrait_set of the changed profile fields that are declared (removing one stops managing it: nothing
 * is written), then read back; deleteOnDestroy is recorded. A failure keeps the account with what is known.
 */
export async function updateAccount(
  api: AccountApi,
  id: string,
  olds: object,
  news: object,
): Promise<{ outs: AccountOutputs }> {
  const adopted = (olds as Props).adopted === true;
  const refusal = deleteOnDestroyRefusal(id, olds, news);
  if (refusal) throw refusal;
  const fields = tableChanges(ACCOUNT_TABLE, olds, news)
    .filter((c) => PROFILE.some(([f]) => f === c.field) && typeof c.new === "string")
    .map((c) => c.field);
  try {
    await writeProfile(api, id, news, fields);
    return { outs: withProvider(outputsOf(news, await api.profile(id), adopted), news) };
  } catch (e) {
    if (isChatApiError(e) && e.errorCode === 40003) {
      throw new ChatError(
        ErrorCodes.Api,
        `${e.message} Account ${quote(id)} was deleted outside Pulumi: run \`pulumi refresh\` (it leaves the stack), ` +
          "then `pulumi up` imports it again.",
        { action: e.action, cause: e },
      );
    }
    throw partialFailure(id, outputsOf(news, await bestProfile(api, id), adopted), e, "updating its profile", news);
  }
}

/** delete(): keeps the account unless the recorded `deleteOnDestroy` is true; then account_delete (absent = done). */
export async function deleteAccount(api: AccountApi, id: string, props: object): Promise<OnDestroy> {
  const p = props as Props;
  if (p.deleteOnDestroy !== true) return "keep";
  await api.deleteAccount(id);
  return "delete";
}
