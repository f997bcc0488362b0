/**
 * {@link ChatStore} implementations: in memory, and file-backed with atomic writes (temp file in the same
 * directory, fsync, rename), so a crash mid-write never leaves a torn state file.
 * Both keep groups in insertion order with a sequence number, which get_appid_group_list uses as its cursor.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { ChatStore, StoredAccount, StoredGroup } from "./types";

/** A {@link ChatStore} that also numbers groups in insertion order (1, 2, …; never reused). */
export interface SequencedStore extends ChatStore {
  /** Sequence number of a stored group, undefined when absent. */
  sequenceOf(id: string): number | undefined;
}

// Copies in and out: callers (handlers, tests) never alias the stored objects.
const clone = <T>(value: T): T => structuredClone(value);

/** In-memory store. */
export class MemoryStore implements SequencedStore {
  protected groups = new Map<string, { seq: number; group: StoredGroup }>();
  protected accounts = new Set<string>();
  /** Nick/FaceUrl of accounts that have any (absent = both empty). */
  protected profiles = new Map<string, { Nick: string; FaceUrl: string }>();
  protected nextSeq = 1;

  /** {@inheritDoc ChatStore.getGroup} */
  getGroup(id: string): StoredGroup | undefined {
    const row = this.groups.get(id);
    return row === undefined ? undefined : clone(row.group);
  }

  /** {@inheritDoc ChatStore.viewGroup} */
  viewGroup(id: string): Readonly<StoredGroup> | undefined {
    return this.groups.get(id)?.group;
  }

  /** {@inheritDoc ChatStore.putGroup} */
  putGroup(group: StoredGroup): void {
    const existing = this.groups.get(group.GroupId);
    this.groups.set(group.GroupId, { seq: existing?.seq ?? this.nextSeq++, group: clone(group) });
    this.changed();
  }

  /** {@inheritDoc ChatStore.deleteGroup} */
  deleteGroup(id: string): boolean {
    const removed = this.groups.delete(id);
    if (removed) this.changed();
    return removed;
  }

  /** Groups in insertion (sequence) order. */
  listGroups(): StoredGroup[] {
    return [...this.groups.values()].map((row) => clone(row.group));
  }

  /** {@inheritDoc SequencedStore.sequenceOf} */
  sequenceOf(id: string): number | undefined {
    return this.groups.get(id)?.seq;
  }

  /** {@inheritDoc ChatStore.hasAccount} */
  hasAccount(id: string): boolean {
    return this.accounts.has(id);
  }

  /** {@inheritDoc ChatStore.putAccount} */
  putAccount(id: string, profile?: { Nick?: string; FaceUrl?: string }): void {
    const had = this.accounts.has(id);
    const before = this.profiles.get(id) ?? { Nick: "", FaceUrl: "" };
    const after = { Nick: profile?.Nick ?? before.Nick, FaceUrl: profile?.FaceUrl ?? before.FaceUrl };
    if (had && after.Nick === before.Nick && after.FaceUrl === before.FaceUrl) return;
    this.accounts.add(id);
    if (after.Nick === "" && after.FaceUrl === "") this.profiles.delete(id);
    else this.profiles.set(id, after);
    this.changed();
  }

  /** {@inheritDoc ChatStore.getAccount} */
  getAccount(id: string): StoredAccount | undefined {
    if (!this.accounts.has(id)) return undefined;
    return { UserID: id, Nick: "", FaceUrl: "", ...this.profiles.get(id) };
  }

  /** {@inheritDoc ChatStore.deleteAccount} */
  deleteAccount(id: string): boolean {
    if (!this.accounts.delete(id)) return false;
    this.profiles.delete(id);
    this.changed();
    return true;
  }

  /** {@inheritDoc ChatStore.listAccounts} */
  listAccounts(): string[] {
    return [...this.accounts];
  }

  /** {@inheritDoc ChatStore.reset} */
  reset(): void {
    this.groups.clear();
    this.accounts.clear();
    this.profiles.clear();
    this.nextSeq = 1;
    this.changed();
  }

  /** Hook for persistence; called after every change. */
  protected changed(): void {}
}

/** On-disk format of {@link FileStore}. */
interface StateFile {
  version: 1;
  nextSeq: number;
  groups: { seq: number; group: StoredGroup }[];
  accounts: string[];
  /** Nick/FaceUrl by account; absent in files written before profiles existed. */
  profiles?: Record<string, { Nick: string; FaceUrl: string }>;
}

/** The file-system calls {@link FileStore} makes; injectable so tests can fail a write half way. */
export interface FileOps {
  readFileSync(file: string, encoding: "utf8"): string;
  openSync(file: string, flags: string): number;
  writeSync(fd: number, data: string): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(file: string): void;
}

const nodeFileOps: FileOps = {
  readFileSync: (file, encoding) => fs.readFileSync(file, encoding),
  openSync: (file, flags) => fs.openSync(file, flags),
  writeSync: (fd, data) => fs.writeSync(fd, data),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (from, to) => fs.renameSync(from, to),
  unlinkSync: (file) => fs.unlinkSync(file),
};

let tempCounter = 0;

/**
 * Store persisted to one JSON file after every change. A missing file loads as empty; leftover temp files
 * (`<file>.<pid>.<n>.tmp`) are ignored; an unreadable state file is an error rather than silently discarded.
 */
export class FileStore extends MemoryStore {
  private readonly file: string;
  private readonly ops: FileOps;

  constructor(file: string, ops: FileOps = nodeFileOps) {
    super();
    this.file = path.resolve(file);
    this.ops = ops;
    this.load();
  }

  private load(): void {
    let text: string;
    try {
      text = this.ops.readFileSync(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    let state: StateFile;
    try {
      state = JSON.parse(text) as StateFile;
    } catch {
      throw new Error(`emulator state file ${this.file} is not valid JSON; move it away to start empty`);
    }
    if (state.version !== 1 || !Array.isArray(state.groups) || !Array.isArray(state.accounts)) {
      throw new Error(`emulator state file ${this.file} has an unknown format`);
    }
    for (const row of state.groups) this.groups.set(row.group.GroupId, row);
    for (const account of state.accounts) this.accounts.add(account);
    for (const [account, profile] of Object.entries(state.profiles ?? {})) this.profiles.set(account, profile);
    this.nextSeq = state.nextSeq;
  }

  /** Write the whole state atomically: temp file in the same directory, fsync, rename over the real file. */
  protected override changed(): void {
    const state: StateFile = {
      version: 1,
      nextSeq: this.nextSeq,
      groups: [...this.groups.values()],
      accounts: [...this.accounts],
      profiles: Object.fromEntries(this.profiles),
    };
    const temp = `${this.file}.${process.pid}.${++tempCounter}.tmp`;
    const fd = this.ops.openSync(temp, "w");
    try {
      try {
        this.ops.writeSync(fd, JSON.stringify(state));
        this.ops.fsyncSync(fd);
      } finally {
        this.ops.closeSync(fd);
      }
      this.ops.renameSync(temp, this.file);
    } catch (error) {
      try {
        this.ops.unlinkSync(temp);
      } catch {
        // The temp file may not exist; the real file is untouched either way.
      }
      throw error;
    }
  }
}
