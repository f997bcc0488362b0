/**
 * The ChatAccount field table: each input declared once; check, diff and the README reference come from it (kit).
 * Limits: UserID per account_import ("长度不超过32字节", https://cloud.tencent.com/document/product/269/1608) and
 * Tencent's UserID rule (protocol/user-id.ts, DECISIONS.md D41); Nick and FaceUrl are standard profile tags of at most
 * 500 bytes (https://cloud.tencent.com/document/product/269/3558; portrait_set
 * https://cloud.tencent.com/document/product/269/1640).
 */
import { USER_ID_PATTERN } from "../../../protocol/user-id";
import type { ResourceTable } from "../../kit/table";

/** Most UTF-8 bytes of a profile value (Tag_Profile_IM_Nick, Tag_Profile_IM_Image). */
export const PROFILE_VALUE_BYTES = 500;

/** What destroy does to the account, as the `onDestroy` output says. */
export type OnDestroy = "keep" | "delete";

/** The ChatAccount table. */
export const ACCOUNT_TABLE: ResourceTable = {
  resource: "ChatAccount",
  identity: ["userId"],
  fields: [
    {
      input: "userId",
      kind: "string",
      required: true,
      onChange: "replace",
      doc: "The account's UserID; the resource id.",
      why: "another account (the new one is imported before the old one is released)",
      wire: "UserID",
      minBytes: 1,
      maxBytes: 32,
      pattern: { regex: USER_ID_PATTERN, hint: "A-Z a-z 0-9 _ -" },
    },
    {
      input: "nick",
      kind: "string",
      required: false,
      onChange: "update",
      doc: 'Nickname. Omitted: not managed (the live value is kept, and adopting ignores it); `""` clears it.',
      why: "portrait_set; removing it stops managing it and writes nothing",
      wire: "Tag_Profile_IM_Nick",
      maxBytes: PROFILE_VALUE_BYTES,
    },
    {
      input: "faceUrl",
      kind: "string",
      required: false,
      onChange: "update",
      doc: 'Avatar URL. Omitted: not managed (the live value is kept, and adopting ignores it); `""` clears it.',
      why: "portrait_set; removing it stops managing it and writes nothing",
      wire: "Tag_Profile_IM_Image",
      maxBytes: PROFILE_VALUE_BYTES,
    },
    {
      input: "deleteOnDestroy",
      kind: "bool",
      required: false,
      onChange: "update",
      default: false,
      doc:
        "Delete the account (account_delete) when the resource is destroyed or replaced. Default false: the account " +
        "is kept. Deleting is irreversible: the service also deletes the user's friends, groups and conversations, " +
        "and on paid plans the UserID cannot be imported again for 3 months.",
      why: "recorded in state only (no API call): destroy acts on the recorded value",
    },
    {
      input: "adopt",
      kind: "bool",
      required: false,
      onChange: "none",
      values: ["overwrite"],
      doc:
        "An account that already exists is taken over when its live nick and faceUrl equal the declared ones (or are " +
        'not declared); otherwise nothing changes and the error lists each live value. `"overwrite"`: apply the ' +
        'declared values instead. `false`: refuse any existing account. Must be `true` or `"overwrite"` to take ' +
        "over an existing account with `deleteOnDestroy: true`.",
      why: "only create looks at it",
    },
    {
      input: "app",
      kind: "string",
      required: false,
      onChange: "none",
      minBytes: 1,
      doc:
        "The app profile serving this account (`tencent-chat:apps.<name>`). Omitted: the top-level settings. Moving " +
        "to an app with another SDKAppID replaces the resource (created first in the new app).",
      changeDoc: "**replace** when it resolves to another SDKAppID (created first in the new app); else no effect",
    },
  ],
  outputs: [
    { name: "sdkAppId", type: "integer", doc: "The app (SDKAppID) the account lives in." },
    {
      name: "onDestroy",
      type: '"keep" | "delete"',
      doc: 'What destroying the resource does to the account: `"keep"` (default) leaves it, `"delete"` deletes it.',
    },
    {
      name: "adopted",
      type: "boolean",
      doc: "True when create took over an account that already existed (it was not imported by this resource).",
      stable: true,
    },
  ],
};
