/** A table exercising every kind, shared by the kit's unit tests. */
import type { ResourceTable } from "../../../provider/kit/table";

export const TABLE: ResourceTable = {
  resource: "Thing",
  identity: ["thingId"],
  fields: [
    {
      input: "thingId",
      kind: "string",
      required: true,
      onChange: "replace",
      doc: "The id.",
      minBytes: 1,
      maxBytes: 8,
      pattern: { regex: /^[a-z0-9-]*$/, hint: "a-z, 0-9 and -" },
    },
    { input: "label", kind: "string", required: false, onChange: "update", doc: "A label.", maxBytes: 6 },
    { input: "count", kind: "int", required: false, onChange: "update", doc: "A count.", min: 1, max: 10, default: 1 },
    {
      input: "flag",
      kind: "bool",
      required: false,
      onChange: "none",
      doc: "A flag.",
      values: ["overwrite"],
      default: false,
    },
    { input: "mode", kind: "enum", required: false, onChange: "replace", doc: "A mode.", values: ["Fast", "Slow"] },
    { input: "tags", kind: "map", required: false, onChange: "update", doc: "Tags.", maxBytes: 4, max: 2 },
    { input: "names", kind: "list", required: false, onChange: "update", doc: "Names.", maxBytes: 3, max: 3 },
    {
      input: "members",
      kind: "list",
      required: false,
      onChange: "update",
      doc: "Members.",
      max: 3,
      uniqueBy: "account",
      items: [
        { input: "account", kind: "string", required: true, onChange: "update", doc: "Account.", minBytes: 1 },
        {
          input: "role",
          kind: "enum",
          required: false,
          onChange: "update",
          doc: "Role.",
          values: ["Member", "Admin"],
          default: "Member",
        },
      ],
    },
    {
      input: "secretish",
      kind: "string",
      required: false,
      onChange: "update",
      doc: "Secret.",
      maxBytes: 2,
      secret: true,
      validate: (v, values) =>
        v === "no" && values.mode === "Fast" ? "secretish must not be no with mode Fast. Change one." : undefined,
    },
  ],
  outputs: [
    { name: "createdAt", type: "integer", doc: "When.", stable: true },
    { name: "live", type: "boolean", doc: "Live." },
  ],
};
