/** renderTableMarkdown: one row per input (list items nested), limits and change columns, then the outputs. */
import { readmeBlock, renderTableMarkdown } from "../../../provider/kit/docs";
import { TABLE } from "./fixture";

const md = renderTableMarkdown(TABLE);

test.each([
  ["id row", "| `thingId` | string | required | 1–8 bytes UTF-8; a-z, 0-9 and - | **replace** | — | The id. |"],
  ["default and range", "| `count` | integer | `1` | 1–10 | update | — | A count. |"],
  ["bool with extra value", '| `flag` | boolean \\| "overwrite" | `false` | — | no effect | — | A flag. |'],
  ["enum", '| `mode` | "Fast" \\| "Slow" | — | — | **replace** | — | A mode. |'],
  ["map", "| `tags` | map of strings | — | ≤ 4 bytes UTF-8; ≤ 2 keys | update | — | Tags. |"],
  ["list of objects", "| `members` | list of objects | — | ≤ 3 entries; `account` unique | update | — | Members. |"],
  ["item field", '| `members[].role` | "Member" \\| "Admin" | `"Member"` | — | update | — | Role. |'],
  ["output", "| `createdAt` | integer | When. |"],
])("%s", (_n, row) => {
  expect(md.split("\n")).toContain(row);
});

test("readmeBlock finds the text between a resource's markers", () => {
  const readme = "a\n<!-- fields:Thing:start -->\nX\n<!-- fields:Thing:end -->\nb";
  expect(readmeBlock(readme, "Thing")).toBe("\nX\n");
  expect(readmeBlock(readme, "Other")).toBeUndefined();
});
