import type { ChatGroupInputs } from "../../../provider/resource/types";
import { FIELDS, NEWER_DOC_LIMITS, OUTPUT_FACTS, resolveLimits } from "../../../provider/resource/fields";
import { renderFieldsMarkdown } from "../../../provider/resource/readme-table";
import { buildInputSchema } from "../../../provider/resource/schema";

/** Compile-time: adding an input to ChatGroupInputs without listing it here fails typecheck. */
const ALL_INPUTS = {
  type: true,
  name: true,
  groupId: true,
  ownerAccount: true,
  introduction: true,
  notification: true,
  faceUrl: true,
  maxMemberCount: true,
  applyJoinOption: true,
  inviteJoinOption: true,
  appDefinedData: true,
  createTime: true,
  supportTopic: true,
  serviceAssignedId: true,
  adopt: true,
  muteAllMember: true,
  app: true,
} satisfies Record<keyof ChatGroupInputs, true>;

describe("field table", () => {
  test("declares every input exactly once", () => {
    const names = FIELDS.map((f) => f.input);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(ALL_INPUTS).sort());
  });

  test.each(FIELDS.map((f) => [f.input, f] as const))("%s is consistent", (_n, f) => {
    expect(f.doc.length).toBeGreaterThan(0);
    expect(f.why.length).toBeGreaterThan(0);
    if (f.onChange === "update-modify") expect(f.wire.modify).toBeDefined();
    if (f.onChange === "replace") expect(f.wire.modify).toBeUndefined(); // nothing can change it in place
    if (f.required) expect(f.wire.import).toBeDefined();
    if (f.kind === "enum") expect(f.values?.length).toBeGreaterThan(0);
  });

  test("the schema has one property per field and refuses unknown properties", () => {
    const schema = buildInputSchema(resolveLimits());
    expect(Object.keys(schema.properties as object)).toEqual(FIELDS.map((f) => f.input));
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(["type", "name"]);
  });
});

describe("renderFieldsMarkdown", () => {
  const md = renderFieldsMarkdown();
  test.each(FIELDS.map((f) => f.input))("lists input %s", (name) => {
    expect(md).toMatch(new RegExp(`^\\| \`${name}\` \\|`, "m"));
  });
  test.each(OUTPUT_FACTS.map((o) => o.name))("lists output %s", (name) => {
    expect(md).toContain(`| \`${name}\` |`);
  });
  test("every row has the same number of cells (escaped pipes)", () => {
    const rows = md.split("\n").filter((l) => l.startsWith("| `"));
    for (const r of rows.slice(0, FIELDS.length)) expect(r.replace(/\\\|/g, "").split("|").length).toBe(9);
  });
  test("quotes the limits it is given", () => {
    expect(md).toContain("≤ 30 bytes UTF-8");
    expect(renderFieldsMarkdown(resolveLimits(NEWER_DOC_LIMITS))).toContain("≤ 100 bytes UTF-8");
  });
});

describe("schema compilation is lazy and cached", () => {
  test("nothing compiled at import; once per set of limits", () => {
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const schema = require("../../../provider/resource/schema") as typeof import("../../../provider/resource/schema");
      const { check } =
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        require("../../../provider/resource/check") as typeof import("../../../provider/resource/check");
      expect(schema.compiledValidatorCount()).toBe(0);
      check({}, { type: "Public", name: "a" });
      check({}, { type: "Public", name: "b" });
      expect(schema.compiledValidatorCount()).toBe(1);
      check({}, { type: "Public", name: "c" }, { limits: NEWER_DOC_LIMITS });
      expect(schema.compiledValidatorCount()).toBe(2);
    });
  });
});
