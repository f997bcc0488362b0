/** The action table rows of the account, profile and member actions: paths, documented quotas, batch limits. */
import { ACTIONS, actionForPath, actionPath, BATCH_LIMITS, type ChatAction } from "../../../protocol/actions";

test.each([
  ["account_check", "v4/im_open_login_svc/account_check", 100],
  ["multiaccount_import", "v4/im_open_login_svc/multiaccount_import", 100],
  ["account_delete", "v4/im_open_login_svc/account_delete", 100],
  ["portrait_set", "v4/profile/portrait_set", 200],
  ["portrait_get", "v4/profile/portrait_get", 200],
  ["import_group_member", "v4/group_open_http_svc/import_group_member", 200],
  ["delete_group_member", "v4/group_open_http_svc/delete_group_member", 200],
  ["modify_group_member_info", "v4/group_open_http_svc/modify_group_member_info", 200],
  ["get_role_in_group", "v4/group_open_http_svc/get_role_in_group", 200],
  ["get_specified_group_member_info", "v4/group_open_http_svc/get_specified_group_member_info", 200],
  ["get_group_member_info", "v4/group_open_http_svc/get_group_member_info", 200],
] as const)("%s is served at %s with %i calls/s", (action: ChatAction, path, quota) => {
  expect(actionPath(action)).toBe(path);
  expect(actionForPath(`/${path}`)).toBe(action);
  expect(ACTIONS[action].quotaPerSecond).toBe(quota);
  expect(ACTIONS[action].repeatable).toBe(true);
});

test("batch limits are the documented ones; add_group_member defaults to the safe 20", () => {
  expect(BATCH_LIMITS).toEqual({
    add_group_member: 20,
    import_group_member: 300,
    delete_group_member: 100,
    get_role_in_group: 500,
    get_specified_group_member_info: 50,
    account_check: 100,
    multiaccount_import: 100,
    account_delete: 100,
    portrait_get: 100,
  });
});
