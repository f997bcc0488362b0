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
  /** Documented default quota in calls per second per SDKAppID (QD-LIMITS, QD-LIST). */
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
  add_group_member: { service: "group_open_http_svc", command: "add_group_member", quotaPerSecond: 200, repeatable: true },
  account_import: { service: "im_open_login_svc", command: "account_import", quotaPerSecond: 200, repeatable: true },
  // https://cloud.tencent.com/document/product/269/38417: 100 calls/s, a read.
  account_check: { service: "im_open_login_svc", command: "account_check", quotaPerSecond: 100, repeatable: true },
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
