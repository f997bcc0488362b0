/** `npm run demo`, the README's main command, exactly as a newcomer runs it: it must show every step and exit 0. */
import { spawnSync } from "node:child_process";
import { REPO_ROOT } from "../../../harness/program-dir";

test("npm run demo walks the whole lifecycle and exits 0", () => {
  const run = spawnSync("npm", ["run", "demo", "--silent"], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env: { ...process.env, PATH: process.env.PATH },
  });
  const out = `${run.stdout}\n${run.stderr}`;
  expect({ status: run.status, tail: out.slice(-2000) }).toMatchObject({ status: 0 });
  for (const step of [
    "pulumi preview",
    "pulumi up",
    "pulumi refresh",
    "pulumi destroy",
    "Previewing update (dev)",
    "Resources:",
  ]) {
    expect(out).toContain(step);
  }
  expect(out).toMatch(/\+-\s+pulumi-nodejs:dynamic\/tencent-chat:ChatGroup\s+engineering\s+replace\s+\[diff: ~type\]/);
  expect(out).toMatch(/~\s+pulumi-nodejs:dynamic\/tencent-chat:ChatGroup\s+announcements\s+update\s+\[diff: ~name\]/);
  expect((out.match(/✓/g) ?? []).length).toBe(12);
  expect(out).toMatch(/^demo: ok — .*0 groups left \((engine harness|Pulumi CLI)\)$/m);
}, 180_000);
