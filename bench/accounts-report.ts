/** The ChatAccount part of bench/RESULTS.md: its goal (issue 11) and its table. */
import type { AccountCommand, AccountsResult } from "./measure-accounts";
import { round } from "./util";

/** The goal on ChatAccount imports, judged. */
export function accountGoals(a: AccountsResult): { goal: string; measured: string; holds: boolean }[] {
  const imports = a.up.calls.multiaccount_import ?? 0;
  return [
    {
      goal: `${a.n.toLocaleString("en-US")} ChatAccount resources: import calls ≤ ceil(${a.n}/100) + 2 = ${a.importBound}`,
      measured: `${imports} multiaccount_import calls; up ok: ${a.up.ok}`,
      holds: imports <= a.importBound && a.up.ok,
    },
  ];
}

const calls = (c: AccountCommand) =>
  Object.entries(c.calls)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([k, v]) => `${k} ${v}`)
    .join(", ") || "none";

/** The section. */
export function accountsSection(a: AccountsResult): string {
  const row = (what: string, c: AccountCommand) =>
    `| ${what} | ${round(c.ms / 1000, 2)} s | ${Math.round(c.stateSaveMs)} ms | ${c.ok} | ${calls(c)} |`;
  return [
    "## ChatAccount: 1,000 accounts through the host",
    "",
    `${a.n} ChatAccount resources, each with a nick and \`deleteOnDestroy: true\`, one run, quota ${a.quota}/s per action,`,
    `measured ${a.date.slice(0, 16).replace("T", " ")} UTC with load average ${a.load.join(" / ")} (it may run apart from the`,
    "rest: `npm run bench -- --only accounts`). Concurrent creates share account_check and multiaccount_import calls of",
    "100 (the app's AccountBatcher; the import carries the nick, so no portrait_set is needed), reads share portrait_get",
    "calls of 100, destroys share account_delete calls of 100. The default destroy (accounts kept) makes no call. The",
    "harness's per-step state writes are deferred to one write per command, timed apart (as for groups above). Most of",
    "`up`'s wall time is the host answering 1,000 Check RPCs before the first Create, which grows with the machine's load.",
    "",
    "| command | wall time | of which the state write | ok | calls at the emulator |",
    "|---|---|---|---|---|",
    row("up (from empty)", a.up),
    row("refresh", a.refresh),
    row("destroy (deleteOnDestroy: true)", a.destroy),
    row("destroy (default: kept)", a.destroyKeep),
  ].join("\n");
}
