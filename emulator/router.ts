/**
 * The action → handler table. `satisfies Record<ChatAction, Handler>` makes a new row in ACTIONS a compile
 * error here until its handler exists.
 */
import type { ChatAction } from "../protocol/actions";
import type { Handler } from "./context";
import { accountCheck } from "./handlers/account_check";
import { accountImport } from "./handlers/account_import";
import { addGroupMember } from "./handlers/add_group_member";
import { changeGroupOwner } from "./handlers/change_group_owner";
import { destroyGroup } from "./handlers/destroy_group";
import { getAppidGroupList } from "./handlers/get_appid_group_list";
import { getGroupInfo } from "./handlers/get_group_info";
import { importGroup } from "./handlers/import_group";
import { modifyGroupBaseInfo } from "./handlers/modify_group_base_info";

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
} as const satisfies Record<ChatAction, Handler>;
