/**
 * Regression (found building ChatAccount): a resource whose stub module had no package.json export could not be
 * declared at all: Pulumi serializes `__provider` as `require("<package>/<export path of the stub module>")` and
 * fails with 'package.json export path for "pulumi-tencent-chat/dist/provider/resources/<r>/stub.js" not found'.
 * Every resource folder must export its stub (`./stub/<folder>`) and its implementation (`./provider/<folder>`, what
 * the stub loads), with typesVersions for `moduleResolution: "node"`. The through-the-host tests of each resource
 * run a real program; this guards every folder, including ones added later.
 */
import * as fs from "node:fs";
import * as path from "node:path";

const root = path.join(__dirname, "..", "..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
  exports: Record<string, { types: string; default: string }>;
  typesVersions: { "*": Record<string, string[]> };
};
const folders = fs
  .readdirSync(path.join(root, "provider", "resources"), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

test("there are resource folders to check", () => {
  expect(folders).toContain("chat-account");
});

test.each(folders)("%s: its stub and provider have export paths, and the stub loads the provider by name", (folder) => {
  const dist = `./dist/provider/resources/${folder}`;
  expect(pkg.exports[`./stub/${folder}`]).toEqual({ types: `${dist}/stub.d.ts`, default: `${dist}/stub.js` });
  expect(pkg.exports[`./provider/${folder}`]).toEqual({
    types: `${dist}/provider.d.ts`,
    default: `${dist}/provider.js`,
  });
  expect(pkg.typesVersions["*"][`stub/${folder}`]).toEqual([`${dist.slice(2)}/stub.d.ts`]);
  expect(pkg.typesVersions["*"][`provider/${folder}`]).toEqual([`${dist.slice(2)}/provider.d.ts`]);
  const stub = fs.readFileSync(path.join(root, "provider", "resources", folder, "stub.ts"), "utf8");
  expect(stub).toContain(`require("pulumi-tencent-chat/provider/${folder}")`);
  expect(stub).not.toMatch(/^import (?!type )/m); // capture-free: nothing imported at run time
});
