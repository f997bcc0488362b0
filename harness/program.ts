/**
 * Runs a Pulumi program (a project directory with index.ts/index.js, or one file) in a plain `node` process under
 * `pulumi.runtime.setMocks`, and returns what the engine would receive: each resource registration with its real
 * serialized `__provider`, and the stack outputs.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import type { Props } from "./host";

/** One registered resource, as the engine receives it. */
export interface Registration {
  type: string;
  name: string;
  urn: string;
  /** Inputs as sent: `__provider` is the serialized provider text; secret inputs are still wrapped. */
  inputs: Props;
  /** URNs of the resources whose outputs it takes (or that it `dependsOn`): its step runs after theirs. */
  dependencies?: string[];
}

/** What a program run produced. */
export interface ProgramResult {
  registrations: Registration[];
  /** Stack outputs (plain JSON), resolved against {@link RunProgramOptions.oracle}. */
  outputs: Props;
}

/** Options of {@link runProgram}. */
export interface RunProgramOptions {
  /** The program's directory: cwd of the run, where @pulumi/pulumi and the program's packages resolve. */
  dir: string;
  /** The program file or directory; default `dir`. */
  entry?: string;
  project: string;
  stack: string;
  /** The program's stack config (`{"proj:key": "value"}`), passed as PULUMI_CONFIG like the CLI does. */
  config?: Record<string, string>;
  /** What the engine knows per URN (id and outputs), returned to the program for existing resources. */
  oracle?: Record<string, { id: string; outputs: Props }>;
  /** Run as a preview (`pulumi.runtime.isDryRun()` is true). */
  preview?: boolean;
  /** Extra environment. */
  env?: NodeJS.ProcessEnv;
}

const RUNNER = path.join(__dirname, "run-program.js");

/** Runs the program and returns its registrations and outputs; a failing program rejects with its stderr. */
export async function runProgram(options: RunProgramOptions): Promise<ProgramResult> {
  const args = [
    RUNNER,
    options.entry ?? options.dir,
    options.project,
    options.stack,
    ...(options.preview ? ["preview"] : []),
  ];
  const env = {
    ...process.env,
    ...options.env,
    PULUMI_CONFIG: JSON.stringify(options.config ?? {}),
    PROGRAM_ORACLE: JSON.stringify(options.oracle ?? {}),
  };
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, args, { cwd: options.dir, env, maxBuffer: 256 << 20 }));
  } catch (e) {
    const err = e as { stderr?: string; message: string };
    throw new Error(`the Pulumi program failed: ${err.stderr?.trim() || err.message}`, { cause: e });
  }
  const line = stdout.split("\n").find((l) => l.startsWith("PROGRAM "));
  if (!line) throw new Error(`the program printed no registrations: ${stdout}`);
  return JSON.parse(line.slice("PROGRAM ".length)) as ProgramResult;
}
