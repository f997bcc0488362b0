/** README's ChatAccount reference is the field table rendered by the kit: docs cannot drift from check and diff. */
import * as fs from "node:fs";
import * as path from "node:path";
import { readmeBlock, renderTableMarkdown } from "../../../../provider/kit/docs";
import { ACCOUNT_TABLE } from "../../../../provider/resources/chat-account/fields";

test("README holds exactly renderTableMarkdown(ACCOUNT_TABLE) between the ChatAccount markers", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "..", "..", "README.md"), "utf8");
  expect(readmeBlock(readme, "ChatAccount")?.trim()).toBe(renderTableMarkdown(ACCOUNT_TABLE).trim());
});
