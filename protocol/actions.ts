/**
 * The REST actions this package speaks, declared once. The client, the rate limiter, the retry policy and the
 * emulator's router are all keyed by {@link ChatAction}, so adding an action is one row here plus its wire types.
 */

/** How one REST action is addressed and how it may be repeated. */
export interface ActionSpec {
  /** Service path segment, e.g. `group_open_http_svc`. */
  readonly service: string;
  /** Command path segment, e.g. `import_group`. */
  readonly command: string;
  /**
   * Documented default quota in calls per second per SDKAppID (https://cloud.tencent.com/document/product/269/9346).
   */
  readonly quotaPerSecond: number;
  /**
   * Whether repeating the call after an ambiguous failure (request sent, answer lost) leaves the same end state.
   * `import_group` is not: without a custom GroupId a repeat creates a second group.
   */
  readonly repeatable: boolean;
}

/** Every action the client and the emulator implement. */
export const ACTIONS = {
  import_group: { service: "group_open_http_svc", command: "import_group", quotaPerSecond: 200, repeatable: false },
  get_group_info: { service: "group_open_http_svc", command: "get_group_info", quotaPerSecond: 200, repeatable: true },
  modify_group_base_info: {
    service: "group_open_http_svc",
    command: "modify_group_base_info",
    quotaPerSecond: 200,
    repeatable: true,
  },
  destroy_group: { service: "group_open_http_svc", command: "destroy_group", quotaPerSecond: 200, repeatable: true },
  change_group_owner: {
    service: "group_open_http_svc",
    command: "change_group_owner",
    quotaPerSecond: 200,
    repeatable: true,
  },
  get_appid_group_list: {
    service: "group_open_http_svc",
    command: "get_appid_group_list",
    quotaPerSecond: 1,
    repeatable: true,
  },
  add_group_member: {
    service: "group_open_http_svc",
    command: "add_group_member",
    quotaPerSecond: 200,
    repeatable: true,
  },
  account_import: { service: "im_open_login_svc", command: "account_import", quotaPerSecond: 200, repeatable: true },
  // https://cloud.tencent.com/document/product/269/38417: 100 calls/s, a read.
  account_check: { service: "im_open_login_svc", command: "account_check", quotaPerSecond: 100, repeatable: true },
  // Accounts and profiles: https://cloud.tencent.com/document/product/269/4919 (100/s), /269/36443 (100/s),
  // /269/1640 and /269/1639 (200/s). Re-importing or re-deleting leaves the same end state.
  multiaccount_import: {
    service: "im_open_login_svc",
    command: "multiaccount_import",
    quotaPerSecond: 100,
    repeatable: true,
  },
  account_delete: { service: "im_open_login_svc", command: "account_delete", quotaPerSecond: 100, repeatable: true },
  portrait_set: { service: "profile", command: "portrait_set", quotaPerSecond: 200, repeatable: true },
  portrait_get: { service: "profile", command: "portrait_get", quotaPerSecond: 200, repeatable: true },
  // Members: 200/s each (https://cloud.tencent.com/document/product/269/1636, /1622, /1623, /1626, /112002, /1617).
  // A repeated import or delete is idempotent (Result 2 "already a member"; deleting a non-member succeeds).
  import_group_member: {
    service: "group_open_http_svc",
    command: "import_group_member",
    quotaPerSecond: 200,
    repeatable: true,
  },
  delete_group_member: {
    service: "group_open_http_svc",
    command: "delete_group_member",
    quotaPerSecond: 200,
    repeatable: true,
  },
  modify_group_member_info: {
    service: "group_open_http_svc",
    command: "modify_group_member_info",
    quotaPerSecond: 200,
    repeatable: true,
  },
  get_role_in_group: {
    service: "group_open_http_svc",
    command: "get_role_in_group",
    quotaPerSecond: 200,
    repeatable: true,
  },
  get_specified_group_member_info: {
    service: "group_open_http_svc",
    command: "get_specified_group_member_info",
    quotaPerSecond: 200,
    repeatable: true,
  },
  get_group_member_info: {
    service: "group_open_http_svc",
    command: "get_group_member_info",
    quotaPerSecond: 200,
    repeatable: true,
  },
} as const satisfies Record<string, ActionSpec>;

/** Name of a REST action, e.g. `"import_group"`. */
export type ChatAction = keyof typeof ACTIONS;

/** All action names, in declaration order. */
export const ACTION_NAMES = Object.keys(ACTIONS) as ChatAction[];

/** `v4/<service>/<command>` for an action, the path part of its URL. */
export function actionPath(action: ChatAction): string {
  const spec = ACTIONS[action];
  return `v4/${spec.service}/${spec.command}`;
}

/** The action served at a `/v4/<service>/<command>` path, or undefined for an unknown path. */
export function actionForPath(pathname: string): ChatAction | undefined {
  const trimmed = pathname.replace(/^\/+/, "");
  return ACTION_NAMES.find((a) => actionPath(a) === trimmed);
}

/**
 * Documented most items per call of the batch actions (the unit is accounts or members). add_group_member's is
 * disputed (20 on the newest Chinese page, https://cloud.tencent.com/document/product/269/1621; 300 on
 * https://www.tencentcloud.com/document/product/1047/34921): this is the safe value; callers may raise it
 * (DECISIONS.md C90).
 */
export const BATCH_LIMITS = {
  add_group_member: 20,
  import_group_member: 300,
  delete_group_member: 100,
  get_role_in_group: 500,
  get_specified_group_member_info: 50,
  account_check: 100,
  multiaccount_import: 100,
  account_delete: 100,
  portrait_get: 100,
} as const satisfies Partial<Record<ChatAction, number>>;

/** The largest add_group_member batch any page documents (300; older pages 500). */
export const ADD_GROUP_MEMBER_DOCUMENTED_MAX = 300;
