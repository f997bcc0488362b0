/**
 * The generated JSON schema and its compiled validator. The validator (and its Ajv instance) is cached per module, so
 * each test loads a fresh copy of schema.ts: the test that judges a schema rule is then also the one that built it
 * (a cached validator would be judged by whichever test happened to compile it first).
 */
import type { ErrorObject } from "ajv";
import { DEFAULT_LIMITS } from "../../../provider/resource/fields";

type SchemaModule = typeof import("../../../provider/resource/schema");
function freshSchema(): SchemaModule {
  let mod: SchemaModule | undefined;
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- jest.isolateModules needs a require inside it
    mod = require("../../../provider/resource/schema") as SchemaModule;
  });
  return mod!;
}

const errorsFor = (input: unknown): ErrorObject[] => {
  const validate = freshSchema().inputValidator(DEFAULT_LIMITS);
  expect(validate(input)).toBe(false);
  return validate.errors ?? [];
};

test("enum fields list their values and their aliases", () => {
  const schema = freshSchema().buildInputSchema(DEFAULT_LIMITS) as { properties: Record<string, { enum?: string[] }> };
  expect(schema.properties.type!.enum).toEqual(["Private", "Public", "ChatRoom", "Community", "Work", "Meeting"]);
  expect(schema.properties.applyJoinOption!.enum).toEqual(["FreeAccess", "NeedPermission", "DisableApply"]);
});

test("a custom-field key outside the documented rule is refused by propertyNames", () => {
  const errors = errorsFor({ type: "Public", name: "n", appDefinedData: { "bad-key": "v" } });
  expect(errors.map((e) => [e.keyword, e.instancePath])).toContainEqual(["propertyNames", "/appDefinedData"]);
});

test("every problem is reported at once (allErrors), not just the first", () => {
  const errors = errorsFor({ type: 5, name: 7, faceUrl: false });
  expect(new Set(errors.map((e) => e.instancePath))).toEqual(new Set(["/type", "/name", "/faceUrl"]));
});

test("a text over its byte limit fails the maxBytes keyword at that property", () => {
  const errors = errorsFor({ type: "Public", name: "é".repeat(16) }); // 32 bytes, 16 characters
  expect(errors.map((e) => [e.keyword, e.instancePath])).toEqual([["maxBytes", "/name"]]);
});
