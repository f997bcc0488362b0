/**
 * pulumi-tencent-chat: Tencent Cloud Chat groups as code.
 * - {@link ChatGroup}: the Pulumi resource.
 * - The typed REST client and its errors (also at `pulumi-tencent-chat/client`).
 * - The emulator is at `pulumi-tencent-chat/emulator` (and the `tencent-chat-emulator` bin).
 */
export { ChatGroup, type ChatGroupArgs, type ChatGroupType, type ApplyJoinOption, type InviteJoinOption } from "./chat-group";
export * from "./client/index";
export { CONFIG_NAMESPACE, SETTINGS } from "./config";
export { isPartialFailure, type PartialFailure } from "./resource/lifecycle";
export { renderFieldsMarkdown, DEFAULT_LIMITS, NEWER_DOC_LIMITS, type ValidationLimits } from "./resource/fields";
