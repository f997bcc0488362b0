/**
 * The layer rule, as eslint.config.mjs states it: which imports are refused where. Each row lints one import as if
 * it were a file at that path (scripts/lint-cases.mjs).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const REPO = path.resolve(__dirname, "..", "..", "..");
const REFUSED = true;
const ALLOWED = false;

const rows: [file: string, from: string, refused: boolean, why: string][] = [
  ["bench/x.ts", "../test/unit/resource/check.test", REFUSED, "nothing outside test/ imports test/"],
  ["examples/x.ts", "../test/helpers/matrix", REFUSED, "nothing outside test/ imports test/"],
  ["scripts/x.ts", "../test/regressions/y", REFUSED, "nothing outside test/ imports test/"],
  ["provider/x.ts", "../test/helpers/e2e", REFUSED, "the provider imports no test code"],
  ["provider/resource/x.ts", "../../emulator", REFUSED, "the provider does not build on the emulator"],
  ["emulator/x.ts", "../provider/client/client", REFUSED, "the emulator imports no client internals"],
  ["emulator/handlers/x.ts", "../../provider/resource/fields", REFUSED, "the emulator imports nothing of the resource"],
  ["emulator/x.ts", "../test/harness/engine", REFUSED, "the emulator imports no test code"],
  ["protocol/x.ts", "../provider/client/client", REFUSED, "protocol/ is the bottom layer"],
  ["emulator/x.ts", "../protocol/wire", ALLOWED, "the protocol is what the emulator builds on"],
  ["bench/x.ts", "../harness/engine", ALLOWED, "the harness is shared by tests, bench and examples"],
  ["provider/client/x.ts", "./limiter", ALLOWED, "inside the provider"],
  ["provider/client/x.ts", "../../protocol/wire", ALLOWED, "the client builds on the protocol"],
  ["harness/x.ts", "../test/helpers/matrix", REFUSED, "the harness imports no test code"],
  ["test/unit/x.test.ts", "../../emulator", ALLOWED, "tests may import every layer"],
  ["emulator/x.ts", "../provider/client/wire", REFUSED, "the emulator imports protocol/, never the client"],
  ["examples/x.ts", "../test/harness/engine", REFUSED, "the harness lives in harness/; nothing imports test/"],
  ["cli/export/x.ts", "../../test/helpers/matrix", REFUSED, "nothing outside test/ imports test/"],
  ["cli/export/x.ts", "../../harness/engine", REFUSED, "the export ships in the package: no harness"],
  ["cli/export/x.ts", "../../emulator", REFUSED, "the export ships in the package: no emulator"],
  ["cli/export/x.ts", "../../provider/resource/fields", ALLOWED, "the export builds on the provider's model"],
  ["cli/export/x.ts", "../../provider/client/client", ALLOWED, "the export reads through the client"],
];

test("each import is refused or allowed by the layer rule as the table says", () => {
  const cases = rows.map(([file, from]) => ({
    path: path.join(REPO, file),
    code: `import * as m from "${from}";\nexport const n = m;\n`,
  }));
  const out = execFileSync(process.execPath, [path.join(REPO, "scripts", "lint-cases.mjs")], {
    cwd: REPO,
    input: JSON.stringify(cases),
    encoding: "utf8",
  });
  const results = JSON.parse(out) as { path: string; rules: string[] }[];
  expect(results.flatMap((r) => r.rules.filter((rule) => rule !== "no-restricted-imports"))).toEqual([]);
  const got = rows.map(([file, from, , why], i) => ({
    file,
    from,
    why,
    refused: results[i]!.rules.includes("no-restricted-imports"),
  }));
  expect(got).toEqual(rows.map(([file, from, refused, why]) => ({ file, from, why, refused })));
}, 60_000);
