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
  const T = "pulumi-nodejs:dynamic/tencent-chat:";
  const row = (type: string, name: string, rest: string) => new RegExp(`${T}${type}\\s+${name}\\s+${rest}`);
  // Version 1: accounts, groups and members created.
  for (const a of ["leckie", "bob", "alice"]) expect(out).toMatch(row("ChatAccount", a, "create"));
  expect(out).toMatch(row("ChatGroupMember", "engineering-bob", "create"));
  // Version 2: rename in place, ownership handed to a member in place, a type change replaced; bob's member
  // resource goes (the owner is not a member resource) and leckie's comes.
  expect(out).toMatch(row("ChatGroup", "announcements", "update\\s+\\[diff: ~name\\]"));
  expect(out).toMatch(row("ChatGroup", "engineering", "update\\s+\\[diff: ~ownerAccount\\]"));
  expect(out).toMatch(row("ChatGroup", "lounge", "replace\\s+\\[diff: ~type\\]"));
  expect(out).toMatch(row("ChatGroupMember", "engineering-bob", "delete"));
  expect(out).toMatch(row("ChatGroupMember", "engineering-leckie", "create"));
  // Drift of a member's role is seen and undone like a group's name.
  expect(out).toMatch(row("ChatGroupMember", "announcements-alice", "update\\s+\\[diff: ~role\\]"));
  expect(out).not.toMatch(/error:|FAILED/);
  expect((out.match(/✓/g) ?? []).length).toBe(17);
  expect(out).toMatch(/^demo: ok — .*0 groups left, 3 accounts kept \((engine harness|Pulumi CLI)\)$/m);
}, 180_000);
