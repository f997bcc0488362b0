/**
 * The action → handler table. `satisfies Record<ChatAction, Handler>` makes a new row in ACTIONS a compile
 * error here until its handler exists.
 */
import type { ChatAction } from "../protocol/actions";
import type { Handler } from "./context";
import { accountCheck } from "./handlers/account_check";
import { accountDelete } from "./handlers/account_delete";
import { accountImport } from "./handlers/account_import";
import { addGroupMember } from "./handlers/add_group_member";
import { changeGroupOwner } from "./handlers/change_group_owner";
import { destroyGroup } from "./handlers/destroy_group";
import { deleteGroupMember } from "./handlers/delete_group_member";
import { getAppidGroupList } from "./handlers/get_appid_group_list";
import { getGroupInfo } from "./handlers/get_group_info";
import { getGroupMemberInfo } from "./handlers/get_group_member_info";
import { getRoleInGroup } from "./handlers/get_role_in_group";
import { getSpecifiedGroupMemberInfo } from "./handlers/get_specified_group_member_info";
import { importGroup } from "./handlers/import_group";
import { importGroupMember } from "./handlers/import_group_member";
import { modifyGroupBaseInfo } from "./handlers/modify_group_base_info";
import { modifyGroupMemberInfo } from "./handlers/modify_group_member_info";
import { multiaccountImport } from "./handlers/multiaccount_import";
import { portraitGet } from "./handlers/portrait_get";
import { portraitSet } from "./handlers/portrait_set";

/** One handler per action. */
export const HANDLERS = {
  import_group: importGroup,
  get_group_info: getGroupInfo,
  modify_group_base_info: modifyGroupBaseInfo,
  destroy_group: destroyGroup,
  change_group_owner: changeGroupOwner,
  get_appid_group_list: getAppidGroupList,
  add_group_member: addGroupMember,
  account_import: accountImport,
  account_check: accountCheck,
  multiaccount_import: multiaccountImport,
  account_delete: accountDelete,
  portrait_set: portraitSet,
  portrait_get: portraitGet,
  import_group_member: importGroupMember,
  delete_group_member: deleteGroupMember,
  modify_group_member_info: modifyGroupMemberInfo,
  get_role_in_group: getRoleInGroup,
  get_specified_group_member_info: getSpecifiedGroupMemberInfo,
  get_group_member_info: getGroupMemberInfo,
} as const satisfies Record<ChatAction, Handler>;
