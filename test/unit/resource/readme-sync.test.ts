/** The README's inputs reference is the field table rendered: docs cannot drift from validation and diff. */
import * as fs from "node:fs";
import * as path from "node:path";
import { renderFieldsMarkdown } from "../../../provider/resource/readme-table";

test("README holds exactly renderFieldsMarkdown() between the fields markers", () => {
  const readme = fs.readFileSync(path.join(__dirname, "..", "..", "..", "README.md"), "utf8");
  const between = readme.split("<!-- fields:start -->")[1]?.split("<!-- fields:end -->")[0];
  expect(between?.trim()).toBe(renderFieldsMarkdown().trim());
});
