/**
 * Regression (issue 5, seen by the host-level fuzz): an appDefinedData key "__proto__" fits the documented key rule
 * but Pulumi's Struct encoding drops it silently on its way to the provider, so the field would vanish without an
 * error. check refuses it, naming the key and why.
 */
import { check } from "../../provider/resource/check";

test('appDefinedData key "__proto__" is refused, naming the property', () => {
  const news = JSON.parse('{"type":"Public","name":"n","appDefinedData":{"__proto__":"x","ok_key":"y"}}');
  const { failures } = check({}, news);
  expect(failures).toHaveLength(1);
  expect(failures[0]!.property).toMatch(/^appDefinedData/);
  expect(failures[0]!.reason).toMatch(/__proto__/);
});

test("an ordinary key with the same characters is still fine", () => {
  expect(check({}, { type: "Public", name: "n", appDefinedData: { __proto: "x", proto__: "y" } }).failures).toEqual([]);
});
