/**
 * Bytes a refresh moves per group, with and without the ResponseFilter the provider sends: get_group_info without a
 * filter returns the whole member list, so the answer grows with the members (and the service refuses answers over
 * 1 MB with 10018). Groups of 10, 1,000 and 6,000 members in an in-process emulator; request and answer bodies are
 * counted in bytes of JSON, as sent on the wire; a batch reads as many groups as one call may hold (50), unless the
 * answer would pass 1 MB, which is then recorded as refused.
 */
import { request } from "undici";
import { startEmulator } from "../emulator";
import { READ_BASE_INFO_FILTER } from "../provider/resource/mapping";
import { buildCallUrl } from "../provider/client/url";
import { createUserSigSource } from "../provider/client/usersig";

const SDK_APP_ID = 1400099001;
const KEY = "read-bytes-bench-key";

/** One group size, one variant. */
export interface ReadBytesPoint {
  members: number;
  variant: "filtered" | "unfiltered";
  /** Groups per get_group_info call in the batch measured (50, or fewer when the answer passed 1 MB). */
  groupsPerCall: number;
  /** Request + answer bytes per group, for a single-group call. */
  bytesPerGroupSingle: number;
  /** Request + answer bytes per group in a 50-group call; undefined when the service refuses it (10018). */
  bytesPerGroupBatched?: number;
  /** ErrorCode of the 50-group call (0, or 10018 when the answer is over 1 MB). */
  batchErrorCode: number;
}

/** Every size, both variants. */
export interface ReadBytesResult {
  sizes: number[];
  points: ReadBytesPoint[];
  /** The filter the provider sends (GroupBaseInfoFilter). */
  filter: string[];
}

/** Measures per-group bytes for each member count in `sizes`. */
export async function measureReadBytes(sizes: number[] = [10, 1000, 6000]): Promise<ReadBytesResult> {
  const emu = await startEmulator({ sdkAppId: SDK_APP_ID, secretKey: KEY, behaviour: { memberLimits: { max: 6000 } } });
  const sig = createUserSigSource({ sdkAppId: SDK_APP_ID, identifier: "administrator", secretKey: KEY });
  const points: ReadBytesPoint[] = [];
  const filter = { GroupBaseInfoFilter: [...READ_BASE_INFO_FILTER] };
  try {
    const call = async (body: unknown): Promise<{ bytes: number; code: number }> => {
      const text = JSON.stringify(body);
      const url = buildCallUrl(emu.url, "get_group_info", {
        sdkAppId: SDK_APP_ID,
        identifier: "administrator",
        userSig: sig.current(),
        random: 1,
      });
      const res = await request(url, { method: "POST", body: text, headers: { "content-type": "application/json" } });
      const answer = Buffer.from(await res.body.arrayBuffer());
      const code = (JSON.parse(answer.toString("utf8")) as { ErrorCode: number }).ErrorCode;
      return { bytes: Buffer.byteLength(text) + answer.length, code };
    };
    for (const members of sizes) {
      emu.store.reset();
      const ids: string[] = [];
      for (let g = 0; g < 50; g++) {
        const id = `m${members}-g${g}`;
        const list = Array.from({ length: members }, (_, i) => ({
          Member_Account: `user_${g}_${i}`,
          Role: i === 0 ? ("Owner" as const) : ("Member" as const),
          JoinTime: 1700000000 + i,
        }));
        emu.store.putGroup({
          GroupId: id,
          Type: "Public",
          Name: `group ${g}`,
          Introduction: "intro",
          Notification: "notice",
          FaceUrl: "",
          Owner_Account: list[0]!.Member_Account,
          CreateTime: 1700000000,
          LastInfoTime: 1700000000,
          InfoSeq: 1,
          MaxMemberNum: 6000,
          ApplyJoinOption: "NeedPermission",
          InviteJoinOption: "FreeAccess",
          MuteAllMember: "Off",
          SupportTopic: 0,
          AppDefinedData: [{ Key: "team", Value: "platform" }],
          Members: list,
        });
        ids.push(id);
      }
      for (const variant of ["filtered", "unfiltered"] as const) {
        const extra = variant === "filtered" ? { ResponseFilter: filter } : {};
        const single = await call({ GroupIdList: [ids[0]], ...extra });
        const batch = await call({ GroupIdList: ids, ...extra });
        points.push({
          members,
          variant,
          groupsPerCall: batch.code === 0 ? ids.length : 1,
          bytesPerGroupSingle: single.bytes,
          ...(batch.code === 0 ? { bytesPerGroupBatched: Math.round(batch.bytes / ids.length) } : {}),
          batchErrorCode: batch.code,
        });
      }
    }
  } finally {
    await emu.close();
  }
  return { sizes, points, filter: filter.GroupBaseInfoFilter };
}
