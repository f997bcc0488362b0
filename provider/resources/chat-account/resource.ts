/**
 * {@link ChatAccount}: a Tencent Cloud Chat account (UserID, nickname, avatar) declared as code, a Pulumi dynamic
 * resource. Destroying it keeps the account unless `deleteOnDestroy: true` (README, "ChatAccount").
 */
import * as pulumi from "@pulumi/pulumi";
import * as stub from "./stub";

/** Inputs of {@link ChatAccount}; the README's ChatAccount reference (generated from fields.ts) has limits and effects. */
export interface ChatAccountArgs {
  /** The UserID (1–32 of A-Z a-z 0-9 _ -); the resource id. Changing it replaces the resource. */
  userId: pulumi.Input<string>;
  /** Nickname (≤500 bytes). Omitted: not managed. `""` clears it. */
  nick?: pulumi.Input<string>;
  /** Avatar URL (≤500 bytes). Omitted: not managed. `""` clears it. */
  faceUrl?: pulumi.Input<string>;
  /**
   * Delete the account when the resource is destroyed or replaced. Default false: the account is kept. Deleting is
   * irreversible (the user's friends, groups and conversations go too; on paid plans the UserID cannot be imported
   * again for 3 months).
   */
  deleteOnDestroy?: pulumi.Input<boolean>;
  /**
   * An existing account is taken over when it matches the program (`true`, the default behaviour when omitted);
   * `"overwrite"` applies the declared nick and faceUrl to it; `false` refuses any existing account. Must be given
   * to take over an existing account with `deleteOnDestroy: true`.
   */
  adopt?: pulumi.Input<boolean | "overwrite">;
  /** The app profile serving this account (`tencent-chat:apps.<name>`). Omitted: the top-level settings. */
  app?: pulumi.Input<string>;
}

/**
 * A Tencent Cloud Chat account, imported with multiaccount_import (shared by concurrent creates) and kept in sync
 * with portrait_set / portrait_get.
 *
 * @example
 * ```ts
 * const alice = new ChatAccount("alice", { userId: "alice", nick: "Alice" });
 * export const aliceId = alice.userId;
 * ```
 */
export class ChatAccount extends pulumi.dynamic.Resource {
  /** The UserID; equal to the resource id. */
  declare readonly userId: pulumi.Output<string>;
  /** The live nickname, when managed. */
  declare readonly nick: pulumi.Output<string | undefined>;
  /** The live avatar URL, when managed. */
  declare readonly faceUrl: pulumi.Output<string | undefined>;
  declare readonly deleteOnDestroy: pulumi.Output<boolean>;
  declare readonly adopt: pulumi.Output<boolean | "overwrite" | undefined>;
  /** The app profile named by the program, if any. */
  declare readonly app: pulumi.Output<string | undefined>;
  /** What destroying the resource does to the account: `"keep"` (default) or `"delete"`. */
  declare readonly onDestroy: pulumi.Output<"keep" | "delete">;
  /** True when create took over an account that already existed. */
  declare readonly adopted: pulumi.Output<boolean>;
  /** The app (SDKAppID) the account lives in. */
  declare readonly sdkAppId: pulumi.Output<number>;

  /** Declares an account. */
  constructor(name: string, args: ChatAccountArgs, opts?: pulumi.CustomResourceOptions) {
    // Output-only properties are declared with undefined (not sent, but they create the Output property); always a
    // copy, since dynamic.Resource mutates the props it is given.
    const props = { onDestroy: undefined, adopted: undefined, sdkAppId: undefined, ...args };
    super(stub, name, props, opts, "tencent-chat", "ChatAccount");
  }
}
