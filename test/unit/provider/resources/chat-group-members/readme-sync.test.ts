/** The README's ChatGroupMembers reference is its field table rendered by the kit: docs cannot drift from check. */
import * as fs from "node:fs";
import * as path from "node:path";
import { readmeBlock, renderTableMarkdown } from "../../../../../provider/kit/docs";
import { MEMBERS_TABLE } from "../../../../../provider/resources/chat-group-members/fields";

test("README holds exactly the rendered ChatGroupMembers table between its markers", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "..", "..", "..", "README.md"), "utf8");
  const rendered = renderTableMarkdown(MEMBERS_TABLE).trim();
  if (process.env.PRINT_TABLE) fs.writeFileSync(process.env.PRINT_TABLE, rendered);
  expect(readmeBlock(readme, "ChatGroupMembers")?.trim()).toBe(rendered);
});
