/** README's ChatGroupMember reference is the table rendered from the field table (regenerate it when this fails). */
import * as fs from "node:fs";
import * as path from "node:path";
import { readmeBlock, renderTableMarkdown } from "../../../../../provider/kit/docs";
import { MEMBER_TABLE } from "../../../../../provider/resources/chat-group-member/fields";

test("README's ChatGroupMember reference matches the field table", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "..", "..", "..", "README.md"), "utf8");
  expect(readmeBlock(readme, "ChatGroupMember")).toBe(`\n${renderTableMarkdown(MEMBER_TABLE)}`);
});

test("README says a group is managed by one ChatGroupMembers or by ChatGroupMember resources, not both", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "..", "..", "..", "README.md"), "utf8");
  expect(readme).toContain(
    "A group is managed either by one ChatGroupMembers or by ChatGroupMember resources, not both",
  );
});
