/** Documented error paths over real HTTP: not found, conflict, invalid, and authentication. */
import type { RunningEmulator } from "../../../emulator";
import { isAuthError, isConflict, isNotFound, type RequestEvent } from "../../../provider/client";
import { ADMIN, APP_ID, client, emulator, rejection, sign, teardown } from "./helpers";

let emu: RunningEmulator;
beforeEach(async () => {
  emu = await emulator();
});
afterEach(teardown);

describe("group errors", () => {
  test("not found: modify, owner change and destroy of a missing group", async () => {
    const chat = client(emu);
    for (const p of [
      chat.modifyGroupBaseInfo({ GroupId: "nope", Name: "x" }),
      chat.changeGroupOwner({ GroupId: "nope", NewOwner_Account: "bob" }),
      chat.destroyGroup({ GroupId: "nope" }),
    ]) {
      const err = await rejection(p);
      expect(isNotFound(err)).toBe(true);
      expect(err).toMatchObject({ code: "CHAT_ERR_API", errorCode: 10010, groupId: "nope" });
    }
  });

  test("conflict: importing a custom id that exists is 10021, never retried", async () => {
    const chat = client(emu, { retry: 4 });
    await chat.importGroup({ Type: "Public", Name: "first", GroupId: "dup" });
    const err = await rejection(chat.importGroup({ Type: "Public", Name: "second", GroupId: "dup" }));
    expect(isConflict(err)).toBe(true);
    expect(err.errorCode).toBe(10021);
    expect(err.message).toMatch(/What to do: choose another groupId/);
    expect(emu.counters().import_group).toBe(2);
  });

  test.each([
    ["AVChatRoom cannot be imported", { Type: "AVChatRoom", Name: "live" }, 10007],
    ["a name over 30 bytes", { Type: "Public", Name: "x".repeat(31) }, 10004],
    ["a custom id with the reserved prefix", { Type: "Public", Name: "p", GroupId: "@TGS#mine" }, 10004],
  ])("invalid: %s", async (_n, req, code) => {
    const err = await rejection(client(emu).importGroup(req));
    expect(err).toMatchObject({ code: "CHAT_ERR_API", errorCode: code, errorClass: "invalid", retryable: false });
  });

  test("invalid: the new owner must be a member", async () => {
    const chat = client(emu);
    await chat.importGroup({ Type: "Public", Name: "o", GroupId: "o" });
    await chat.accountImport({ UserID: "stranger" }); // imported but not a member: 10007, not 10019
    const err = await rejection(chat.changeGroupOwner({ GroupId: "o", NewOwner_Account: "stranger" }));
    expect(err).toMatchObject({ code: "CHAT_ERR_API", errorCode: 10007 });
  });
});

describe("authentication", () => {
  test("70009: a key of another app", async () => {
    const err = await rejection(
      client(emu, { secretKey: "some-other-apps-secret-key" }).destroyGroup({ GroupId: "g" }),
    );
    expect(isAuthError(err)).toBe(true);
    expect(err.errorCode).toBe(70009);
    expect(err.message).toMatch(/check tencent-chat:secretKey belongs to this SDKAppID/);
  });

  test("70013: a supplied UserSig issued for another identifier", async () => {
    const err = await rejection(client(emu, { userSig: sign("someone_else") }).destroyGroup({ GroupId: "g" }));
    expect(err.errorCode).toBe(70013);
  });

  test("70014: a supplied UserSig issued for another SDKAppID", async () => {
    const err = await rejection(
      client(emu, { userSig: sign(ADMIN, { app: APP_ID + 1 }) }).destroyGroup({ GroupId: "g" }),
    );
    expect(err.errorCode).toBe(70014);
  });

  test("60010: a valid UserSig for an identifier that is not the App admin", async () => {
    const err = await rejection(client(emu, { identifier: "not_admin" }).destroyGroup({ GroupId: "g" }));
    expect(err).toMatchObject({ errorCode: 60010, errorClass: "auth" });
  });

  test("70001 with a generated UserSig: regenerated once and retried (even with retries off)", async () => {
    const events: RequestEvent[] = [];
    const chat = client(emu, { onRequest: (e) => events.push(e) });
    emu.addFault({ action: "import_group", effect: { kind: "error", errorCode: 70001, errorInfo: "usersig expired" } });
    const res = await chat.importGroup({ Type: "Public", Name: "r", GroupId: "renewed" });
    expect(res.GroupId).toBe("renewed");
    expect(emu.counters().import_group).toBe(2);
    expect(events.map((e) => [e.outcome, e.errorCode])).toEqual([
      ["api-error", 70001],
      ["ok", undefined],
    ]);
  });

  test("70001 for real (server clock two days ahead): one renewal, then the error surfaces", async () => {
    const later = await emulator({ clock: () => Date.now() + 2 * 86_400_000 });
    const err = await rejection(client(later).destroyGroup({ GroupId: "g" }));
    expect(err.errorCode).toBe(70001);
    expect(err.message).toMatch(/check the machine clock/);
    expect(later.counters().destroy_group).toBe(2);
  });

  test("70001 with a supplied UserSig: not retried; the message says to replace it", async () => {
    const chat = client(emu, { userSig: sign() });
    emu.addFault({ effect: { kind: "error", errorCode: 70001 } });
    const err = await rejection(chat.destroyGroup({ GroupId: "g" }));
    expect(err.errorCode).toBe(70001);
    expect(err.message).toMatch(/a supplied tencent-chat:userSig must be replaced/);
    expect(emu.counters().destroy_group).toBe(1);
  });

  test("a supplied valid UserSig works", async () => {
    await client(emu, { userSig: sign() }).accountImport({ UserID: "carol" });
    expect(emu.store.hasAccount("carol")).toBe(true);
  });
});
