/**
 * Changes made behind the program's back, directly in an emulator's store (as another tool or a user of the app
 * would): a group's profile changed or the group deleted, and members joining, leaving or changing role. Each
 * records what an `up` cannot know until the next refresh (`mayBeGone`, `memberDrift`).
 */
import { splitKey, type SequenceSystem } from "./system";

/** Changes a group's profile; false when it does not exist. */
export function oobChange(sys: SequenceSystem, key: string): boolean {
  const { app, id } = splitKey(key);
  const store = sys.storeOf(app);
  const g = store.getGroup(id);
  if (!g) return false;
  store.putGroup({ ...g, Introduction: "changed out of band", InfoSeq: g.InfoSeq + 1 });
  return true;
}

/** Deletes a group; false when it did not exist. */
export function oobDelete(sys: SequenceSystem, key: string): boolean {
  const { app, id } = splitKey(key);
  const gone = sys.storeOf(app).deleteGroup(id);
  if (gone) sys.mayBeGone.add(key);
  return gone;
}

/**
 * An account joins a group (as a Member), leaves it, or has its role flipped (Member ↔ Admin; Work groups have no
 * admins); never the owner. False when not applicable.
 */
export function oobMember(sys: SequenceSystem, key: string, account: string, kind: "join" | "leave" | "role"): boolean {
  const { app, id } = splitKey(key);
  const store = sys.storeOf(app);
  const g = store.getGroup(id);
  if (!g) return false;
  const m = g.Members.find((x) => x.Member_Account === account);
  if (kind === "join") {
    if (m || !store.hasAccount(account)) return false;
    const joined = { Member_Account: account, Role: "Member" as const, JoinTime: Math.floor(Date.now() / 1000) };
    store.putGroup({ ...g, Members: [...g.Members, joined] });
  } else {
    if (!m || m.Role === "Owner" || (kind === "role" && g.Type === "Private")) return false;
    const flip = (role: string) => (role === "Admin" ? ("Member" as const) : ("Admin" as const));
    const members =
      kind === "leave"
        ? g.Members.filter((x) => x !== m)
        : g.Members.map((x) => (x === m ? { ...m, Role: flip(m.Role) } : x));
    store.putGroup({ ...g, Members: members });
  }
  sys.memberDrift.add(`${key}#${account}`);
  return true;
}
