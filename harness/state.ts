/**
 * The stack state the engine harness keeps between runs, like a Pulumi stack's checkpoint: one JSON file, written
 * atomically after every step.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { Props } from "./host";

/** One managed resource. */
export interface ResourceState {
  urn: string;
  type: string;
  name: string;
  id: string;
  /** The checked inputs the engine last sent (with `__provider`). */
  inputs: Props;
  /** The provider's outputs (with `__provider`). */
  outputs: Props;
  /** URNs this resource depends on (destroy and deletes run in reverse order: dependents first). */
  dependencies?: string[];
  /** Set after a partial failure: the next `up` always updates the resource (engine behaviour). */
  initErrors?: string[];
  /**
   * The engine's `Delete` flag: an old resource whose create-before-delete replacement was created (fully or
   * partially) and that still has to be deleted; the next successful `up` deletes it. A second entry with the same
   * URN (the replacement) is then the live one.
   */
  delete?: true;
  /**
   * The engine's `PendingReplacement` flag: the old resource of a delete-before-replace replacement, already
   * deleted, kept until its replacement is created (refresh skips it; the next `up` creates without deleting;
   * a destroy or a program that drops it removes it from state without a provider call).
   */
  pendingReplacement?: true;
}

/** A stack's state. */
export interface StackState {
  version: 1;
  project: string;
  stack: string;
  resources: ResourceState[];
  /** Stack outputs of the last successful `up`. */
  outputs: Props;
}

/** Reads the state file, or an empty stack when there is none. */
export function loadState(file: string, project: string, stack: string): StackState {
  if (!fs.existsSync(file)) return { version: 1, project, stack, resources: [], outputs: {} };
  const state = JSON.parse(fs.readFileSync(file, "utf8")) as StackState;
  if (state.version !== 1) throw new Error(`unsupported state version ${String(state.version)} in ${file}`);
  return state;
}

/** Writes the state file atomically (temp file in the same directory, then rename). */
export function saveState(file: string, state: StackState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  fs.renameSync(tmp, file);
}
