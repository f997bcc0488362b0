/** ChatAccount lifecycle over a fake session: import vs adoption, profile writes, partial failures, destroy rule. */
import { ChatApiError } from "../../../../provider/client/errors";
import type { AccountProfile } from "../../../../provider/client/accounts";
import {
  createAccount,
  deleteAccount,
  readAccount,
  updateAccount,
  type AccountApi,
} from "../../../../provider/resources/chat-account/lifecycle";
import { isPartialFailure } from "../../../../provider/resource/lifecycle";

/**
 * An in-memory account service recording calls; `fail` makes the named call throw once. `importSetsProfile: false`
 * imports the UserID only, as the older multiaccount_import page says.
 */
function fakeApi(accounts: Record<string, { Nick?: string; FaceUrl?: string }> = {}, importSetsProfile = true) {
  const calls: string[] = [];
  const fail = new Set<string>();
  const trip = (what: string) => {
    calls.push(what);
    if (fail.delete(what)) throw new ChatApiError("portrait_set", 40006, "injected");
  };
  const api: AccountApi = {
    async isImported(id) {
      trip("check");
      return id in accounts;
    },
    async importAccount({ UserID, ...profile }) {
      trip("import");
      accounts[UserID] ??= importSetsProfile ? profile : {};
    },
    async profile(id): Promise<AccountProfile> {
      trip("get");
      const a = accounts[id];
      if (!a) throw new ChatApiError("portrait_get", 40003, "no such account");
      return { Nick: a.Nick ?? "", FaceUrl: a.FaceUrl ?? "", tags: {} };
    },
    async setProfile({ UserID, ...p }) {
      trip("set");
      if (!accounts[UserID]) throw new ChatApiError("portrait_set", 40003, "no such account");
      Object.assign(accounts[UserID], p);
    },
    async deleteAccount(id) {
      trip("delete");
      const had = id in accounts;
      delete accounts[id];
      return had ? "deleted" : "absent";
    },
  };
  return { api, calls, fail, accounts };
}

const P = { __provider: "stub" };

describe("create", () => {
  test("a new account: imported with its profile, read back; no portrait_set", async () => {
    const f = fakeApi();
    const r = await createAccount(f.api, { userId: "u", nick: "Ann", deleteOnDestroy: false, ...P });
    expect(f.calls).toEqual(["check", "import", "get"]);
    expect(r).toEqual({
      id: "u",
      outs: { userId: "u", nick: "Ann", deleteOnDestroy: false, onDestroy: "keep", adopted: false, __provider: "stub" },
    });
  });

  test("an import that does not set the profile (older page): portrait_set of what is missing, read back", async () => {
    const f = fakeApi({}, false);
    const r = await createAccount(f.api, { userId: "u", nick: "Ann", faceUrl: "", ...P });
    expect(f.calls).toEqual(["check", "import", "get", "set", "get"]);
    expect(f.accounts.u).toEqual({ Nick: "Ann" });
    expect(r.outs).toMatchObject({ nick: "Ann", faceUrl: "" });
  });

  test("no profile declared: nothing but the import and the read", async () => {
    const f = fakeApi();
    await createAccount(f.api, { userId: "u" });
    expect(f.calls).toEqual(["check", "import", "get"]);
  });

  test.each<[string, Record<string, string>, Record<string, unknown>, string[], boolean]>([
    ["matches: taken over, nothing written", { Nick: "Ann" }, { nick: "Ann" }, ["check", "get"], true],
    ["fields undeclared: taken over, nothing written", { Nick: "Zed", FaceUrl: "f" }, {}, ["check", "get"], true],
    [
      'differs with adopt "overwrite": written',
      { Nick: "Zed" },
      { nick: "Ann", adopt: "overwrite" },
      ["check", "get", "set", "get"],
      true,
    ],
  ])("existing account, %s", async (_n, live, args, calls, adopted) => {
    const f = fakeApi({ u: live });
    const r = await createAccount(f.api, { userId: "u", ...args });
    expect(f.calls).toEqual(calls);
    expect(r.outs.adopted).toBe(adopted);
  });

  test.each<[string, Record<string, unknown>, RegExp]>([
    [
      "differs",
      { nick: "Ann", faceUrl: "g" },
      /differs from the program in 2 fields \(nick, faceUrl\)[\s\S]*nick: "Zed", \/\/ declared "Ann"[\s\S]*faceUrl: "f", \/\/ declared "g"/,
    ],
    ["adopt: false", { adopt: false }, /already exists and the program sets adopt: false/],
    [
      "deleteOnDestroy without adopt",
      { deleteOnDestroy: true },
      /deleteOnDestroy: true would delete it.*Set adopt: true/,
    ],
  ])("existing account, %s: refused, nothing written, not a partial failure", async (_n, args, message) => {
    const f = fakeApi({ u: { Nick: "Zed", FaceUrl: "f" } });
    const e = await createAccount(f.api, { userId: "u", ...args }).catch((x: unknown) => x);
    expect((e as Error).message).toMatch(message);
    expect((e as { code?: string }).code).toBe("CHAT_ERR_ADOPT_MISMATCH");
    expect(isPartialFailure(e)).toBe(false);
    expect(f.calls).not.toContain("set");
    expect(f.accounts.u).toEqual({ Nick: "Zed", FaceUrl: "f" });
  });

  test("existing account with deleteOnDestroy and adopt: true is taken over", async () => {
    const f = fakeApi({ u: {} });
    const r = await createAccount(f.api, { userId: "u", deleteOnDestroy: true, adopt: true });
    expect(r.outs).toMatchObject({ adopted: true, onDestroy: "delete" });
  });

  test("portrait_set fails after the import: a partial failure with the id, __provider, and no profile claimed", async () => {
    const f = fakeApi({}, false);
    f.fail.add("set");
    const e = await createAccount(f.api, { userId: "u", nick: "Ann", ...P }).catch((x: unknown) => x);
    expect(isPartialFailure(e)).toBe(true);
    if (!isPartialFailure(e)) return;
    expect(e.id).toBe("u");
    expect(e.properties).toEqual({
      userId: "u",
      deleteOnDestroy: false,
      onDestroy: "keep",
      adopted: false,
      __provider: "stub",
    });
    expect(e.message).toMatch(/account "u" exists, but setting its profile \(portrait_set\) failed/);
  });

  test("a lost import answer: the account is there, so create goes on", async () => {
    const f = fakeApi();
    const real = f.api.importAccount;
    f.api.importAccount = async (account) => {
      await real(account);
      throw new Error("socket hang up");
    };
    await expect(createAccount(f.api, { userId: "u" })).resolves.toMatchObject({ id: "u" });
  });

  test("an import that failed: the error, nothing in state", async () => {
    const f = fakeApi();
    f.api.importAccount = async () => {
      throw new ChatApiError("multiaccount_import", 70398, "too many accounts");
    };
    const e = await createAccount(f.api, { userId: "u" }).catch((x: unknown) => x);
    expect(isPartialFailure(e)).toBe(false);
    expect((e as Error).message).toMatch(/70398/);
  });
});

describe("read", () => {
  test("drift: the live values of the managed fields, as outputs and inputs; undeclared fields stay out", async () => {
    const f = fakeApi({ u: { Nick: "Changed", FaceUrl: "f" } });
    const r = await readAccount(f.api, "u", {
      userId: "u",
      nick: "Ann",
      deleteOnDestroy: false,
      onDestroy: "keep",
      adopted: false,
      sdkAppId: 1,
      ...P,
    });
    expect(r.props).toEqual({
      userId: "u",
      nick: "Changed",
      deleteOnDestroy: false,
      onDestroy: "keep",
      adopted: false,
      sdkAppId: 1,
      __provider: "stub",
    });
    expect(r.inputs).toEqual({ userId: "u", nick: "Changed", deleteOnDestroy: false });
  });
  test('a tag the service leaves out reads as never set (""), not as the stale stored value', async () => {
    const f = fakeApi({ u: {} });
    f.api.profile = async () => ({ tags: {} });
    const r = await readAccount(f.api, "u", { userId: "u", nick: "Stale", deleteOnDestroy: false, adopted: false });
    expect(r.props.nick).toBe("");
  });
  test("gone: an empty id", async () => {
    expect(await readAccount(fakeApi().api, "u", { userId: "u" })).toEqual({ id: "", props: {} });
  });
});

describe("update", () => {
  const olds = {
    userId: "u",
    nick: "Ann",
    faceUrl: "f",
    deleteOnDestroy: false,
    onDestroy: "keep",
    adopted: false,
    ...P,
  };
  test("only the changed declared fields are written", async () => {
    const f = fakeApi({ u: { Nick: "Ann", FaceUrl: "f" } });
    const r = await updateAccount(f.api, "u", olds, { userId: "u", nick: "Bo", faceUrl: "f", ...P });
    expect(f.calls).toEqual(["set", "get"]);
    expect(f.accounts.u).toEqual({ Nick: "Bo", FaceUrl: "f" });
    expect(r.outs).toMatchObject({ nick: "Bo", faceUrl: "f" });
  });
  test("a removed field is not written and leaves the outputs", async () => {
    const f = fakeApi({ u: { Nick: "Ann", FaceUrl: "f" } });
    const r = await updateAccount(f.api, "u", olds, { userId: "u", nick: "Ann", deleteOnDestroy: true });
    expect(f.calls).toEqual(["get"]);
    expect(r.outs).toEqual({ userId: "u", nick: "Ann", deleteOnDestroy: true, onDestroy: "delete", adopted: false });
  });
  test("portrait_set fails: a partial failure recording the live profile", async () => {
    const f = fakeApi({ u: { Nick: "Ann", FaceUrl: "f" } });
    f.fail.add("set");
    const e = await updateAccount(f.api, "u", olds, { userId: "u", nick: "Bo", ...P }).catch((x: unknown) => x);
    expect(isPartialFailure(e) && e.properties).toMatchObject({ nick: "Ann", __provider: "stub" });
  });
  test("turning deleteOnDestroy on for a taken-over account needs adopt: true or overwrite (no call without)", async () => {
    const taken = { ...olds, adopted: true };
    const on = { userId: "u", nick: "Ann", deleteOnDestroy: true, ...P };
    const f = fakeApi({ u: { Nick: "Ann", FaceUrl: "f" } });
    await expect(updateAccount(f.api, "u", taken, on)).rejects.toThrow(/Nothing was changed\. Set adopt: true/);
    await expect(updateAccount(f.api, "u", taken, { ...on, adopt: false })).rejects.toThrow(/adopt: true/);
    expect(f.calls).toEqual([]);
    for (const adopt of [true, "overwrite"] as const)
      expect((await updateAccount(f.api, "u", taken, { ...on, adopt })).outs.onDestroy).toBe("delete");
    // Already recorded (taken over with adopt: true at create), or imported by this resource: no refusal.
    const recorded = { ...taken, deleteOnDestroy: true, onDestroy: "delete" };
    expect((await updateAccount(f.api, "u", recorded, on)).outs.onDestroy).toBe("delete");
    expect((await updateAccount(f.api, "u", olds, on)).outs.onDestroy).toBe("delete");
  });
  test("the account was deleted out of band: says refresh", async () => {
    const f = fakeApi();
    await expect(updateAccount(f.api, "u", olds, { userId: "u", nick: "Bo" })).rejects.toThrow(
      /deleted outside Pulumi: run `pulumi refresh`/,
    );
  });
});

describe("delete", () => {
  test.each<[string, Record<string, unknown>, Record<string, object>, string[], string]>([
    ["kept by default", { deleteOnDestroy: false }, { u: {} }, [], "keep"],
    ["deleted with deleteOnDestroy", { deleteOnDestroy: true }, { u: {} }, ["delete"], "delete"],
    ["already gone counts as deleted", { deleteOnDestroy: true }, {}, ["delete"], "delete"],
  ])("%s", async (_n, props, accounts, calls, outcome) => {
    const f = fakeApi(accounts);
    expect(await deleteAccount(f.api, "u", props)).toBe(outcome);
    expect(f.calls).toEqual(calls);
    if (outcome === "keep") expect(f.accounts.u).toBeDefined();
    else expect(f.accounts.u).toBeUndefined();
  });
});
