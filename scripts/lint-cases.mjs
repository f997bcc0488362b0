// Lints source texts as if they were files at given repository paths, with the repository's eslint.config.mjs, and
// prints `{ path, rules }` per case as JSON: the harness of test/integration/lint/layer-rule.test.ts.
// Input on stdin: JSON [{ path, code }]. ESLint is ESM-only, so the test runs this in its own node process.
import { ESLint } from "eslint";

const cases = JSON.parse(
  await new Promise((resolve) => {
    let text = "";
    process.stdin.on("data", (c) => (text += c)).on("end", () => resolve(text));
  }),
);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const { path, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath: path });
  out.push({ path, rules: result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`) });
}
process.stdout.write(JSON.stringify(out));
