/**
 * Renders engine results the way the Pulumi CLI prints them: a table of steps with their plan symbols, the
 * `[diff: …]` of changed inputs, problems and errors under it, and the resource summary.
 */
import type { CommandResult, Step } from "./engine";

const SYMBOL: Record<Step["op"], string> = {
  create: "+ ",
  update: "~ ",
  replace: "+-",
  delete: "- ",
  same: "  ",
  refresh: "  ",
};

const TITLES: Record<CommandResult["command"], [string, string]> = {
  preview: ["Previewing update", "to "],
  up: ["Updating", ""],
  refresh: ["Refreshing", ""],
  destroy: ["Destroying", ""],
};

const PAST: Record<Step["op"], string> = {
  create: "created",
  update: "updated",
  replace: "replaced",
  delete: "deleted",
  same: "unchanged",
  refresh: "read",
};

function planWord(s: Step, command: CommandResult["command"]): string {
  if (command === "refresh") return s.gone ? "deleted" : s.changedKeys.length > 0 ? "updated" : "";
  if (s.op === "same") return "";
  if (s.op === "replace" && s.deleteBeforeReplace)
    return command === "preview" ? "replace (delete first)" : "replaced (deleted first)";
  return command === "preview" ? s.op : PAST[s.op];
}

function symbolOf(s: Step, command: CommandResult["command"]): string {
  if (command === "refresh") return s.gone ? "- " : s.changedKeys.length > 0 ? "~ " : "  ";
  return SYMBOL[s.op];
}

function info(s: Step): string {
  if (s.failures.length > 0) return `${s.failures.length} problem${s.failures.length > 1 ? "s" : ""}`;
  if (s.error) return "error";
  const keys = s.op === "replace" ? s.replaceKeys : s.changedKeys;
  if (s.op === "create" || s.op === "delete" || s.op === "same" || keys.length === 0) return "";
  return `[diff: ${keys.map((k) => `~${k}`).join(" ")}]`;
}

/** The CLI-like table and summary for one command. */
export function renderResult(result: CommandResult, stack: string): string {
  const [title] = TITLES[result.command];
  const rows = result.steps.map((s) => [
    symbolOf(s, result.command),
    s.type,
    s.name,
    planWord(s, result.command),
    info(s),
  ]);
  const header = ["  ", "Type", "Name", result.command === "preview" ? "Plan" : "Status", "Info"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => ` ${cells.map((c, i) => c.padEnd(widths[i]!)).join("  ")}`.trimEnd();
  const out = [`${title} (${stack})`, "", line(header), ...rows.map(line)];
  const problems = result.steps.filter((s) => s.failures.length > 0 || s.error);
  if (problems.length > 0) {
    out.push("", "Diagnostics:");
    for (const s of problems) {
      out.push(`  ${s.type} (${s.name}):`);
      for (const f of s.failures) out.push(`    error: ${s.name} has a problem: ${f.reason}`);
      if (s.error) out.push(`    error: ${s.error}`);
    }
  }
  if (Object.keys(result.outputs).length > 0 && result.command === "up" && result.ok) {
    out.push("", "Outputs:");
    for (const [k, v] of Object.entries(result.outputs)) out.push(`    ${k}: ${JSON.stringify(v)}`);
  }
  out.push("", "Resources:", ...summary(result).map((l) => `    ${l}`));
  return out.join("\n");
}

/** `+ 2 to create`, `~ 1 updated`, `3 unchanged`… as the CLI's summary lines. */
export function summary(result: CommandResult): string[] {
  const counts = new Map<string, number>();
  const preview = result.command === "preview";
  for (const s of result.steps) {
    let key: string;
    if (result.command === "refresh") key = s.gone ? "- deleted" : s.changedKeys.length > 0 ? "~ updated" : "unchanged";
    else if (s.op === "same") key = "unchanged";
    else key = `${SYMBOL[s.op].trim()} ${preview ? `to ${s.op}` : PAST[s.op]}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const order = ["+ ", "~ ", "+-", "- ", "un"];
  return [...counts.entries()]
    .sort(([a], [b]) => order.findIndex((p) => a.startsWith(p)) - order.findIndex((p) => b.startsWith(p)))
    .map(([k, n]) =>
      k.startsWith("unchanged") ? `${n} unchanged` : `${k.slice(0, 2).trim()} ${n} ${k.slice(2).trim()}`,
    );
}
