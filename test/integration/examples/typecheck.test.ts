/**
 * The example programs type-check against the built package, as a user's `tsc` would see them (strict, their own
 * tsconfig): the run-throughs transpile them without type checks, so a wrong argument type would go unnoticed there.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { REPO_ROOT } from "../../../harness/program-dir";

test.each(["quickstart", "migration"])(
  "examples/%s type-checks against the package",
  (example) => {
    const tsc = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
    const run = spawnSync(
      process.execPath,
      [tsc, "--noEmit", "-p", path.join(REPO_ROOT, "examples", example, "tsconfig.json")],
      {
        cwd: REPO_ROOT,
        encoding: "utf8",
      },
    );
    expect({ status: run.status, out: `${run.stdout}${run.stderr}` }).toEqual({ status: 0, out: "" });
  },
  120_000,
);
