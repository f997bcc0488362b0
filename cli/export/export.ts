/**
 * The export as a function (the bin, the tests and the benchmark call it): read the app, declare what can be
 * declared, render the project, and put it in place atomically — every file is written into a temporary directory
 * next to `--out`, which is renamed to `--out` only once complete. A failure at any point (the service refusing
 * after the client's retries, a full disk) leaves no program at `--out` and says so; a killed process leaves only
 * the temporary directory, named `.<out>.incomplete-<pid>`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { ChatClient } from "../../provider/client/client";
import { declareGroup, declareMembers, type Declaration, type DeclaredGroup, type Skip } from "./declare";
import type { ExportOptions } from "./options";
import { Progress, type ProgressSink } from "./progress";
import { readApp } from "./read";
import { renderProject, dataLayout } from "./render";

/** What an export did. */
export interface ExportSummary {
  out: string;
  groups: number;
  members: number;
  skips: Skip[];
  /** Declared groups with live values left out. */
  notes: Skip[];
  gone: string[];
  missingAccounts: number;
  layout: "inline" | "json";
  files: string[];
  calls: Record<string, number>;
  ms: number;
}

/** Side effects of {@link runExport}, injectable for tests. */
export interface ExportIo {
  /** Progress lines (stderr); undefined = none. */
  progress?: ProgressSink;
  /** Extra client options (tests: a private limiter registry, no retries). */
  client?: Partial<ConstructorParameters<typeof ChatClient>[0]>;
  /** Called after the temporary directory is complete and before it is renamed (tests inject a fault here). */
  beforeRename?: (tmp: string) => void;
}

/** The version of this package (the generated project depends on it). */
export function ownVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "pulumi-tencent-chat" && pkg.version) return pkg.version;
  }
  return "latest";
}

/** Refuses an `out` that holds anything, unless `force`. */
function checkOut(out: string, force: boolean): void {
  if (!fs.existsSync(out)) return;
  if (!fs.statSync(out).isDirectory()) throw new Error(`--out ${out} exists and is not a directory`);
  if (fs.readdirSync(out).length > 0 && !force)
    throw new Error(`--out ${out} is not empty; choose a new directory, or pass --force to replace it`);
}

/** Writes the files into a fresh temporary directory beside `out`, then swaps it in. */
function writeAtomically(out: string, files: Map<string, string>, io: ExportIo): void {
  const parent = path.dirname(out);
  fs.mkdirSync(parent, { recursive: true });
  const tmp = path.join(parent, `.${path.basename(out)}.incomplete-${process.pid}`);
  fs.rmSync(tmp, { recursive: true, force: true });
  fs.mkdirSync(tmp);
  let old: string | undefined;
  try {
    for (const [name, text] of files) fs.writeFileSync(path.join(tmp, name), text);
    io.beforeRename?.(tmp);
    if (fs.existsSync(out)) fs.renameSync(out, (old = `${tmp}-replaced`));
    fs.renameSync(tmp, out);
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    // --force moved the previous directory aside: put it back, so a failed export changes nothing at `out`.
    if (old !== undefined && !fs.existsSync(out)) fs.renameSync(old, out);
    throw e;
  }
  if (old !== undefined) fs.rmSync(old, { recursive: true, force: true });
}

/** {@link runExport}: the whole export; throws (having written nothing at `out`) when it cannot finish. */
export async function runExport(options: ExportOptions, io: ExportIo = {}): Promise<ExportSummary> {
  const started = Date.now();
  const out = path.resolve(options.out);
  checkOut(out, options.force);
  const chat = new ChatClient({ ...options.settings, ...io.client });
  const progress = new Progress(options.quiet ? undefined : io.progress, options.members, options.pageSize ?? 10_000);
  try {
    // Each group is declared as soon as it is read: the work overlaps the reads' pacing at their quota.
    const declared = new Map<string, Declaration>();
    const app = await readApp(chat, {
      onGroup: (info) => declared.set(info.GroupId, declareGroup(info, options.limits)),
      type: options.type,
      members: options.members,
      appDefinedKeys: options.appDefinedKeys,
      pageSize: options.pageSize,
      events: {
        listed: (n, total, pages) => progress.listedGroups(n, total, pages),
        read: (n) => progress.readGroups(n),
        membersRead: (g, m, of) => progress.readMembers(g, m, of),
      },
    });
    const groups: DeclaredGroup[] = [];
    const skips: Skip[] = [];
    const notes: Skip[] = [];
    for (const live of app.groups) {
      const d = declared.get(live.info.GroupId) ?? declareGroup(live.info, options.limits);
      if (!d.ok) {
        skips.push(d.skip);
        continue;
      }
      if (live.members !== undefined) d.group.members = declareMembers(live.members);
      for (const reason of d.group.notes ?? []) notes.push({ groupId: d.group.groupId, reason });
      groups.push(d.group);
    }
    const spec = {
      project: options.project ?? `tencent-chat-${options.settings.sdkAppId}`,
      packageSpec: options.packageSpec ?? `^${ownVersion()}`,
      settings: {
        sdkAppId: options.settings.sdkAppId,
        identifier: options.settings.identifier,
        region: options.settings.region,
        endpoint: options.settings.endpoint,
        appDefinedKeys: options.appDefinedKeys,
        ...options.limits,
        userSig: options.settings.secretKey === undefined,
      },
      groups,
      skips,
      notes,
      gone: app.gone,
      missingAccounts: app.missingAccounts,
      members: options.members,
      layout: options.layout,
    };
    const files = renderProject(spec);
    writeAtomically(out, files, io);
    progress.wrote(out, files.size);
    return {
      out,
      groups: groups.length,
      members: groups.reduce((n, g) => n + (g.members?.length ?? 0), 0),
      skips,
      notes,
      gone: app.gone,
      missingAccounts: app.missingAccounts.size,
      layout: dataLayout(spec),
      files: [...files.keys()].sort(),
      calls: app.calls,
      ms: Date.now() - started,
    };
  } finally {
    await chat.close();
  }
}

/** {@link summaryText}: the closing lines on stdout. */
export function summaryText(s: ExportSummary): string {
  const lines = [
    `exported ${s.groups} group${s.groups === 1 ? "" : "s"}${s.members > 0 ? ` and ${s.members} members` : ""} to ${s.out} ` +
      `(${s.layout === "json" ? "index.ts + groups.json" : "index.ts"}); ${s.skips.length} not declared` +
      `${s.notes.length > 0 ? `, ${s.notes.length} live value${s.notes.length === 1 ? "" : "s"} left out` : ""}` +
      `${s.gone.length > 0 ? `, ${s.gone.length} deleted while exporting` : ""}` +
      `${s.missingAccounts > 0 ? `, ${s.missingAccounts} account${s.missingAccounts === 1 ? "" : "s"} not imported` : ""}.`,
  ];
  const listed = [
    ...s.skips.map((k) => `  not declared: ${k.groupId}: ${k.reason}`),
    ...s.notes.map((k) => `  left out: ${k.groupId}: ${k.reason}`),
  ];
  lines.push(...listed.slice(0, 20));
  if (listed.length > 20) lines.push(`  … and ${listed.length - 20} more (see README.md)`);
  lines.push(`next: cd ${s.out} && npm install, then the commands in README.md`);
  return lines.join("\n");
}
