/**
 * TEMPORARY until provider/sessions.ts (the kit) lands: one client per app with its shared batchers, keyed by a
 * hash of the settings (never the secret itself).
 */
import { createHash } from "node:crypto";
import { GroupReadBatcher } from "../../client/batch";
import { ChatClient } from "../../client/client";
import { AccountBatcher, MemberBatcher } from "../../client/member-batch";
import type { ResolvedSettings } from "../../config";

/** The shared per-app session. */
export interface Session {
  chat: ChatClient;
  groupReads: GroupReadBatcher;
  members: MemberBatcher;
  accounts: AccountBatcher;
}

const sessions = new Map<string, { key: string; session: Session }>();

/** The app's session for these settings; rebuilt only when its settings change (the old client is closed). */
export function sessionFor(s: ResolvedSettings): Session {
  const secret = createHash("sha256")
    .update(s.secretKey ?? s.userSig ?? "")
    .digest("hex");
  const key = JSON.stringify([
    s.sdkAppId,
    s.identifier,
    s.region,
    s.endpoint,
    s.timeoutMs,
    s.deadlineMs,
    s.addMemberLimit,
    secret,
  ]);
  const slot = `${s.app ?? ""}/${s.sdkAppId}`;
  const current = sessions.get(slot);
  if (current?.key === key) return current.session;
  void current?.session.chat.close();
  const chat = new ChatClient(s);
  const session: Session = {
    chat,
    groupReads: new GroupReadBatcher(chat, {
      responseFilter: { GroupBaseInfoFilter: ["Type", "Owner_Account", "CreateTime"] },
    }),
    members: new MemberBatcher(chat, { ...(s.addMemberLimit !== undefined ? { addLimit: s.addMemberLimit } : {}) }),
    accounts: new AccountBatcher(chat),
  };
  sessions.set(slot, { key, session });
  return session;
}
