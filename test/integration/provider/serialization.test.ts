/**
 * The serialized provider (`__provider`) as an installed package produces it: tiny, free of secrets, and
 * byte-identical when the implementation changes (golden file). A change here changes every user's state.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { programOf, SECRET_KEY } from "../../../harness/e2e";
import { collectRegistrations, makeProgramDir, type ProgramDir } from "../../../harness/program-dir";

const GOLDEN = path.join(__dirname, "__golden__", "provider.txt");
let program: ProgramDir;
beforeAll(() => {
  program = makeProgramDir();
});
afterAll(() => program?.cleanup());

async function providerText(): Promise<string> {
  const [reg] = await collectRegistrations(
    program.dir,
    programOf({ g: { type: "Public", name: "golden", groupId: "golden-1" } }),
  );
  return reg!.inputs.__provider as string;
}

test("__provider matches the golden text, is at most 1 KB, and holds no secret", async () => {
  const text = await providerText();
  expect(text).toBe(fs.readFileSync(GOLDEN, "utf8"));
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(1024);
  expect(text).toContain('require("pulumi-tencent-chat/stub")');
  expect(text).not.toContain(SECRET_KEY);
});

test("editing the installed implementation does not change __provider", async () => {
  const before = await providerText();
  const impl = path.join(program.dir, "node_modules", "pulumi-tencent-chat", "dist", "provider", "provider.js");
  const lifecycle = path.join(
    program.dir,
    "node_modules",
    "pulumi-tencent-chat",
    "dist",
    "provider",
    "resource",
    "lifecycle.js",
  );
  fs.appendFileSync(impl, "\nexports.__edited = 'implementation changed';\n");
  fs.appendFileSync(lifecycle, "\n// a new release of the lifecycle\n");
  expect(await providerText()).toBe(before);
});
