/**
 * {@link ChatGroup}: a Tencent Cloud Chat group declared as code, a Pulumi dynamic resource.
 */
import * as pulumi from "@pulumi/pulumi";
import type { ApplyJoinOption, ChatGroupInputs, GroupTypeInput, InviteJoinOption } from "./resource/types";
import * as stub from "./stub";

/** Group types accepted as input. `Work` and `Meeting` are the new names of `Private` and `ChatRoom`. */
export type ChatGroupType = GroupTypeInput;
export type { ApplyJoinOption, InviteJoinOption };

/** A plain input type as the program may give it: any value a `pulumi.Input`, and a map's values too. */
type ProgramInput<T> = T extends Record<string, string> ? Record<string, pulumi.Input<string>> : T;

/**
 * Inputs of {@link ChatGroup}: every field of the model's {@link ChatGroupInputs} (documented there, once), each a
 * `pulumi.Input`. See the README's ChatGroup reference for limits and which changes replace.
 */
export type ChatGroupArgs = { [K in keyof ChatGroupInputs]: pulumi.Input<ProgramInput<ChatGroupInputs[K]>> };

/**
 * A Tencent Cloud Chat group, created with `import_group` and managed with the group REST actions.
 *
 * @example
 * ```ts
 * const eng = new ChatGroup("eng", { type: "Public", name: "Engineering", groupId: "eng-main" });
 * export const engId = eng.groupId;
 * ```
 */
export class ChatGroup extends pulumi.dynamic.Resource {
  /** The group id; equal to the resource id. */
  declare readonly groupId: pulumi.Output<string>;
  /** Canonical group type (Work → Private, Meeting → ChatRoom). */
  declare readonly type: pulumi.Output<string>;
  declare readonly name: pulumi.Output<string>;
  declare readonly ownerAccount: pulumi.Output<string | undefined>;
  declare readonly introduction: pulumi.Output<string>;
  declare readonly notification: pulumi.Output<string>;
  declare readonly faceUrl: pulumi.Output<string>;
  declare readonly maxMemberCount: pulumi.Output<number | undefined>;
  declare readonly applyJoinOption: pulumi.Output<string | undefined>;
  declare readonly inviteJoinOption: pulumi.Output<string | undefined>;
  declare readonly appDefinedData: pulumi.Output<Record<string, string>>;
  declare readonly createTime: pulumi.Output<number>;
  declare readonly supportTopic: pulumi.Output<boolean>;
  declare readonly muteAllMember: pulumi.Output<boolean>;
  declare readonly serviceAssignedId: pulumi.Output<boolean>;
  declare readonly adopt: pulumi.Output<boolean | "overwrite">;
  /** True when the id was chosen on the client (by the program or the provider); false when the service assigned it. */
  declare readonly customGroupId: pulumi.Output<boolean>;
  /** Members right now, read from get_group_info. */
  declare readonly memberNum: pulumi.Output<number>;
  /** Profile revision, incremented by the service on every profile change. */
  declare readonly infoSeq: pulumi.Output<number>;
  /** The app profile named by the program, if any. */
  declare readonly app: pulumi.Output<string | undefined>;
  /** The app (SDKAppID) the group lives in. */
  declare readonly sdkAppId: pulumi.Output<number>;

  /** Declares a group. */
  constructor(name: string, args: ChatGroupArgs, opts?: pulumi.CustomResourceOptions) {
    // Output-only properties are declared with undefined (not sent, but they create the Output property).
    // Always a copy: dynamic.Resource mutates the props object it is given.
    // `__resourceName` (not an input: check skips `__` keys) lets check derive a readable id from the resource name.
    const props = {
      groupId: undefined,
      customGroupId: undefined,
      memberNum: undefined,
      infoSeq: undefined,
      sdkAppId: undefined,
      ...args,
      __resourceName: name,
    };
    // The SDK stringifies each plain input for a debug label (`${value}`), which throws for a map holding a
    // "toString"/"valueOf" key; as an Output the map is labelled "Output<T>" and travels unchanged.
    if (args.appDefinedData !== undefined) props.appDefinedData = pulumi.output(args.appDefinedData);
    super(stub, name, props, opts, "tencent-chat", "ChatGroup");
  }
}
