/**
 * Which app's settings serve a group. A new group goes to the app its `app` input names (a profile under
 * `tencent-chat:apps`), or to the top-level settings. An existing group is served ONLY by settings whose SDKAppID is
 * the one recorded in its state (`sdkAppId` output): it is never read, updated or deleted against another app, so
 * switching `tencent-chat:sdkAppId` can no longer make refresh look in the wrong app, find nothing and drop groups.
 * State written before the app was recorded counts as the app its `app` input names (the default app when none).
 */
import { ChatError, ErrorCodes } from "./client/errors";
import {
  APPS_KEY,
  CONFIG_NAMESPACE,
  isConfigStored,
  profileNames,
  rawSdkAppId,
  resolveProfile,
  resolveSettings,
  type ResolvedSettings,
} from "./config";
import { UNKNOWN } from "./resource/types";

/** What state records about a group's app. */
export interface RecordedApp {
  /** The SDKAppID the group lives in (absent in state written before it was recorded). */
  sdkAppId?: number;
  /** The app profile the program named. */
  app?: string;
}

/** The app fields of old outputs or inputs; anything malformed counts as absent. */
export function recordedApp(props: object | undefined): RecordedApp {
  const p = (props ?? {}) as Record<string, unknown>;
  const sdkAppId =
    typeof p.sdkAppId === "number" && Number.isSafeInteger(p.sdkAppId) && p.sdkAppId > 0 ? p.sdkAppId : undefined;
  const app = typeof p.app === "string" && p.app !== "" ? p.app : undefined;
  return { ...(sdkAppId !== undefined ? { sdkAppId } : {}), ...(app !== undefined ? { app } : {}) };
}

/**
 * Settings for the app named by `app` (a profile), or the top-level settings.
 *
 * @throws ChatError `CHAT_ERR_CONFIG` listing every problem of those settings.
 */
export function settingsForApp(app: string | undefined): ResolvedSettings {
  return app === undefined ? resolveSettings() : resolveProfile(app);
}

/** The SDKAppID `app` names, read without validating anything else; undefined when it cannot be told. */
export function sdkAppIdForApp(app: string | undefined): number | undefined {
  return rawSdkAppId(app);
}

/** The SDKAppID a group in state lives in: the recorded one, else (old state) the one its `app` names now. */
export function recordedSdkAppId(recorded: RecordedApp): number | undefined {
  return recorded.sdkAppId ?? sdkAppIdForApp(recorded.app);
}

/**
 * Settings for a group already in state: the recorded app's, wherever they are configured now (the profile the
 * group names, the top-level settings, or any profile with that SDKAppID).
 *
 * @throws ChatError `CHAT_ERR_CONFIG` when no configured app has the recorded SDKAppID (saying which app the group
 * belongs to and what to do), or when that app's settings are incomplete.
 */
export function settingsForRecorded(
  groupId: string,
  recorded: RecordedApp,
  /** What the id names, for the message: "group" (default), "account", "member". */
  what = "group",
): ResolvedSettings {
  if (recorded.sdkAppId === undefined) return settingsForApp(recorded.app); // old state: its app as named now
  const want = recorded.sdkAppId;
  const candidates: (string | undefined)[] = [
    ...(recorded.app !== undefined ? [recorded.app] : []),
    undefined,
    ...profileNames().filter((p) => p !== recorded.app),
  ];
  for (const candidate of candidates) {
    if (candidate !== undefined && !profileNames().includes(candidate)) continue;
    if (sdkAppIdForApp(candidate) === want) return settingsForApp(candidate);
  }
  throw new ChatError(ErrorCodes.Config, wrongAppMessage(groupId, recorded, what));
}

function configuredApps(): string {
  const top = sdkAppIdForApp(undefined);
  const parts = [`${CONFIG_NAMESPACE}:sdkAppId is ${top === undefined ? "not set" : String(top)}`];
  for (const name of profileNames()) parts.push(`profile "${name}" is ${String(sdkAppIdForApp(name) ?? "incomplete")}`);
  return parts.join(", ");
}

function wrongAppMessage(groupId: string, recorded: RecordedApp, what: string): string {
  const app = String(recorded.sdkAppId);
  const profile = recorded.app !== undefined ? ` (app profile "${recorded.app}")` : "";
  return (
    `${what} ${JSON.stringify(groupId)} belongs to Tencent Cloud Chat app ${app}${profile}, as recorded in the stack's state, ` +
    `but no configured app has SDKAppID ${app} (${configuredApps()}). Nothing was read, changed or removed from state. ` +
    `What to do: configure app ${app} again — set ${CONFIG_NAMESPACE}:sdkAppId back to ${app} with its key, or add it as a profile ` +
    `(\`pulumi config set --path ${APPS_KEY}.<name>.sdkAppId ${app}\` and \`pulumi config set --path --secret ${APPS_KEY}.<name>.secretKey …\`). ` +
    `To move ${what}s to another app, give them \`app: "<profile>"\` (a replacement) and keep the old app configured until \`pulumi up\` has finished.`
  );
}

/**
 * {@link unknownAppFailure}: the check failure of an `app` input that names no configured profile (only once the
 * stack config is stored, and only for a known string value), or undefined. Shared by the resources' check.
 */
export function unknownAppFailure(app: unknown): { property: string; reason: string } | undefined {
  if (!isConfigStored() || typeof app !== "string" || app === UNKNOWN || profileNames().includes(app)) return undefined;
  const known = profileNames();
  return {
    property: "app",
    reason:
      `app ${JSON.stringify(app)} names no app profile in stack config (${known.length > 0 ? `configured: ${known.join(", ")}` : "none configured"}). ` +
      `Set it with \`pulumi config set --path ${APPS_KEY}.${app}.sdkAppId …\` (and --secret its secretKey), or remove app to use the top-level settings.`,
  };
}
