/** The member API of the app these settings name, over its shared session (provider/sessions.ts). */
import type { ResolvedSettings } from "../../config";
import { sessionFor } from "../../sessions";
import { membersApiOf } from "./api";
import type { MembersApi } from "./lifecycle";

/** The {@link MembersApi} of the app these settings name (its shared session). */
export function membersApiFor(settings: ResolvedSettings): MembersApi {
  return membersApiOf(sessionFor(settings));
}
