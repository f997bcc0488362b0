/**
 * One client per app, shared by every resource the provider host serves (ChatGroup, ChatAccount, the member
 * resources), so the app's limiter, quotas and batching are shared: concurrent resources of one app share calls.
 *
 * A session is keyed by a hash of the app's settings (never the secret itself) and the group fields to read; it is
 * rebuilt only when those change (the old client is closed). Its batchers are created on first use.
 */
import { createHash } from "node:crypto";
import { GroupReadBatcher } from "./client/batch";
import { ChatClient } from "./client/client";
import { AccountBatcher, MemberBatcher } from "./client/member-batch";
import { appDefinedKeysSetting, type ResolvedSettings } from "./config";
import { READ_BASE_INFO_FILTER } from "./resource/mapping";

/** What every resource of one app shares. */
export interface Session {
  /** The app's client (one limiter, one connection pool). */
  readonly chat: ChatClient;
  /**
   * Group reads: concurrent getGroup calls share get_group_info calls of up to 50 ids, asking only for the fields
   * ChatGroup manages (and the configured custom fields).
   */
  readonly groupReads: GroupReadBatcher;
  /** Member writes and reads shared per group (created on first use). */
  readonly members: MemberBatcher;
  /** account_check and multiaccount_import shared across the app (created on first use). */
  readonly accounts: AccountBatcher;
}

interface Slot {
  key: string;
  session: Session;
}

const sessions = new Map<string, Slot>();

/** The key of a session: everything that shapes the client or its reads; the secret only as a hash. */
function sessionKey(s: ResolvedSettings, keys: readonly string[]): string {
  const secret = createHash("sha256")
    .update(s.secretKey ?? s.userSig ?? "")
    .digest("hex");
  return JSON.stringify([
    s.sdkAppId,
    s.identifier,
    s.region,
    s.endpoint,
    s.timeoutMs,
    s.deadlineMs,
    s.addMemberLimit,
    secret,
    keys,
  ]);
}

function newSession(s: ResolvedSettings, keys: readonly string[]): Session {
  const chat = new ChatClient(s);
  const filter = {
    GroupBaseInfoFilter: [...READ_BASE_INFO_FILTER],
    ...(keys.length > 0 ? { AppDefinedDataFilter_Group: [...keys] } : {}),
  };
  const groupReads = new GroupReadBatcher(chat, { responseFilter: filter });
  let members: MemberBatcher | undefined;
  let accounts: AccountBatcher | undefined;
  return {
    chat,
    groupReads,
    get members() {
      // The app's add_group_member limit (tencent-chat:addMemberLimit, DECISIONS.md C90/M-block); default 20.
      return (members ??= new MemberBatcher(
        chat,
        s.addMemberLimit !== undefined ? { addLimit: s.addMemberLimit } : {},
      ));
    },
    get accounts() {
      return (accounts ??= new AccountBatcher(chat));
    },
  };
}

/**
 * {@link sessionFor}: the shared session of the app these settings describe (by profile name and SDKAppID); a
 * new one, closing the old client, when the settings changed.
 */
export function sessionFor(s: ResolvedSettings): Session {
  const keys = appDefinedKeysSetting();
  const key = sessionKey(s, keys);
  const slot = `${s.app ?? ""}/${s.sdkAppId}`;
  const current = sessions.get(slot);
  if (current?.key === key) return current.session;
  void current?.session.chat.close();
  const session = newSession(s, keys);
  sessions.set(slot, { key, session });
  return session;
}
