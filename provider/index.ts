/**
 * pulumi-tencent-chat: Tencent Cloud Chat groups as code. The public API only:
 * - the Pulumi resources and their argument types: {@link ChatGroup}, {@link ChatAccount}, {@link ChatGroupMember}
 *   (one member, not authoritative) and {@link ChatGroupMembers} (the authoritative membership of one group);
 * - the typed REST client {@link ChatClient}, its errors and their guards (the same as `pulumi-tencent-chat/client`);
 * - {@link isPartialFailure}, the guard for a failed operation's partial result.
 * The emulator is at `pulumi-tencent-chat/emulator` (and the `tencent-chat-emulator` bin). Everything else (retry,
 * rate limiting, URLs, the field table) is internal and may change in any release.
 */
export {
  ChatGroup,
  type ChatGroupArgs,
  type ChatGroupType,
  type ApplyJoinOption,
  type InviteJoinOption,
} from "./chat-group";
export { ChatAccount, type ChatAccountArgs } from "./resources/chat-account/resource";
export { ChatGroupMember, type ChatGroupMemberArgs } from "./resources/chat-group-member/resource";
export {
  ChatGroupMembers,
  type ChatGroupMembersArgs,
  type ChatGroupMembersMember,
} from "./resources/chat-group-members/resource";
export * from "./client/index";
export { isPartialFailure, type PartialFailure } from "./resource/lifecycle";
