/**
 * An in-memory group API for the lifecycle's unit tests (test/unit/resource/lifecycle*.test.ts). It never loses an
 * answer: failure paths that depend on the service's timing are tested against the emulator instead
 * (test/integration/provider/lifecycle-failures.test.ts).
 */
import { ChatApiError } from "../../../provider/client/errors";
import type { GroupInfo } from "../../../provider/client/groups";
import type { ImportGroupRequest, ModifyGroupBaseInfoRequest } from "../../../protocol/wire";
import type { GroupApi } from "../../../provider/resource/lifecycle";

/** Errors to throw, per method: each is thrown once (a list: one per call, in order). */
export type Fail = Partial<Record<keyof GroupApi, unknown>>;

/** In a `fail` list of getGroup: answer "no such group" for that call. */
export const GONE = Symbol("gone");

/** An in-memory group API; `fail[method]` is thrown by that method once (a list: one entry per call, in order). */
export function fakeApi(seed: GroupInfo[] = [], fail: Fail = {}) {
  const groups = new Map(seed.map((g) => [g.GroupId, { ...g }]));
  const calls: string[] = [];
  const maybeFail = (m: keyof GroupApi) => {
    calls.push(m);
    const planned = fail[m];
    let e: unknown = planned;
    if (Array.isArray(planned)) e = planned.shift();
    else delete fail[m];
    if (e === GONE) return GONE;
    if (e !== undefined) throw e;
    return undefined;
  };
  const api: GroupApi = {
    async importGroup(req: ImportGroupRequest) {
      maybeFail("importGroup");
      const id = req.GroupId ?? `@TGS#${groups.size + 1}`;
      if (groups.has(id)) throw new ChatApiError("import_group", 10021, "group id has been used", { groupId: id });
      groups.set(id, {
        GroupId: id,
        ErrorCode: 0,
        ErrorInfo: "",
        Type: req.Type,
        Name: req.Name,
        CreateTime: req.CreateTime ?? 1,
        MemberNum: 0,
        MuteAllMember: "Off",
      } as GroupInfo);
      return { GroupId: id, confirmedByReadBack: false };
    },
    async getGroup(id: string) {
      if (maybeFail("getGroup") === GONE) return undefined;
      return groups.get(id);
    },
    async modifyGroupBaseInfo(req: ModifyGroupBaseInfoRequest) {
      maybeFail("modifyGroupBaseInfo");
      const g = groups.get(req.GroupId);
      if (!g)
        throw new ChatApiError("modify_group_base_info", 10010, "this group does not exist", { groupId: req.GroupId });
      if (req.Name !== undefined) g.Name = req.Name;
      if (req.MuteAllMember !== undefined) g.MuteAllMember = req.MuteAllMember;
    },
    async changeGroupOwner(req) {
      maybeFail("changeGroupOwner");
      groups.get(req.GroupId)!.Owner_Account = req.NewOwner_Account;
    },
    async destroyGroup(req) {
      maybeFail("destroyGroup");
      if (!groups.delete(req.GroupId))
        throw new ChatApiError("destroy_group", 10010, "this group does not exist", { groupId: req.GroupId });
    },
  };
  return { api, groups, calls };
}

/** A live group "g1" as get_group_info returns it, with `over` applied. */
export const existing = (over: Partial<GroupInfo> = {}): GroupInfo =>
  ({
    GroupId: "g1",
    ErrorCode: 0,
    ErrorInfo: "",
    Type: "Public",
    Name: "old",
    CreateTime: 5,
    MemberNum: 1,
    ...over,
  }) as GroupInfo;
