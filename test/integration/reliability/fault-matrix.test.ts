/**
 * The fault matrix: every provider operation × every fault the emulator injects, through the engine model and the
 * real provider host. Each cell asserts its outcome — success after a retry where repeating is safe, a clear error
 * otherwise — and then compares the emulator's groups with the stack state the operation left, BEFORE any refresh
 * (a refresh would drop a ghost and hide it): zero duplicates, zero orphans (a group exists but not in state), zero
 * ghosts (in state but gone). Then a refresh must succeed and change nothing. The table is printed.
 */
import type { FaultEffect } from "../../../emulator";
import type { ChatAction } from "../../../protocol/actions";
import type { CommandResult } from "../../../harness/engine";
import type { ProviderHost, Props } from "../../../harness/host";
import { startE2E, type E2E } from "../../../harness/e2e";
import { matrixStack, providerText, sharedHost } from "../../helpers/matrix";

const TIMEOUT_MS = 1500;
const FAULTS: [string, FaultEffect][] = [
  ["10002", { kind: "error", errorCode: 10002 }],
  ["10006", { kind: "error", errorCode: 10006 }],
  ["60007", { kind: "error", errorCode: 60007 }],
  ["60011", { kind: "error", errorCode: 60011 }],
  ["60018", { kind: "error", errorCode: 60018 }],
  ["70001", { kind: "error", errorCode: 70001 }],
  ["HTTP 502", { kind: "http", status: 502 }],
  ["reset", { kind: "drop" }],
  ["timeout", { kind: "delay", ms: TIMEOUT_MS + 1000 }],
  ["lost answer", { kind: "applyThenDrop" }],
];
type Op = "create" | "create (own id)" | "read" | "update" | "delete";
const OPS: [Op, ChatAction][] = [
  ["create", "import_group"],
  ["create (own id)", "import_group"],
  ["read", "get_group_info"],
  ["update", "modify_group_base_info"],
  ["delete", "destroy_group"],
];

interface Cell {
  op: Op;
  fault: string;
  ok: boolean;
  error?: string;
  requests: number;
  duplicates: number;
  orphans: number;
  ghosts: number;
  intended: boolean;
  /** A refresh after the operation succeeded and kept the same resources. */
  refreshOk?: boolean;
}

let e2e: E2E;
let host: ProviderHost;
const log: string[] = [];
/** Wakes {@link handled} on each emulator log line: waiting on events, not on time. */
let onLog: (() => void) | undefined;
let provider: string;
const cells: Cell[] = [];

beforeAll(async () => {
  e2e = await startE2E({
    log: (line) => {
      log.push(line);
      onLog?.();
    },
  });
  host = await sharedHost(e2e, { "tencent-chat:timeoutMs": String(TIMEOUT_MS) });
  provider = await providerText(e2e);
});
afterAll(async () => {
  const table = render(cells);
  process.stdout.write(`\n${table}\n`);
  await e2e?.stop();
});

async function runCell(op: Op, action: ChatAction, faultName: string, effect: FaultEffect): Promise<Cell> {
  const key = `fm-${op.replace(/\W+/g, "")}-${faultName.replace(/\W+/g, "")}`;
  let args: Props = { type: "Public", name: key, ...(op === "create (own id)" ? { groupId: key } : {}) };
  const engine = matrixStack(e2e, host, provider, key, () => ({ [key]: args }));
  if (!op.startsWith("create")) expect((await engine.up()).ok).toBe(true);
  if (op === "update") args = { ...args, name: `${key}-v2` };
  const before = e2e.emulator.counters()[action];
  const logFrom = log.length;
  e2e.emulator.addFault({ action, effect });
  let result: CommandResult;
  if (op === "read") result = await engine.refresh();
  else if (op === "delete") result = await engine.destroy();
  else result = await engine.up();
  const requests = e2e.emulator.counters()[action] - before;
  e2e.emulator.clearFaults();
  // A delayed request the client gave up on may still be in the emulator: judge once every request of this cell's
  // action has been handled (the emulator logs each one when it answers).
  if (effect.kind === "delay") await handled(action, logFrom, requests);
  // Judged on the state the operation itself left: a refresh first would drop a ghost before it is counted.
  const groups = e2e.emulator.store.listGroups().filter((g) => g.Name.startsWith(key));
  const state = engine.snapshot().resources;
  const cell: Cell = {
    op,
    fault: faultName,
    ok: result.ok,
    error: result.steps.find((s) => s.error)?.error,
    requests,
    duplicates: Math.max(0, groups.length - 1),
    orphans: groups.filter((g) => !state.some((r) => r.id === g.GroupId)).length,
    ghosts: state.filter((r) => !e2e.emulator.store.getGroup(r.id)).length,
    intended:
      op === "delete"
        ? groups.length === 0 && state.length === 0
        : groups.length === 1 && groups[0]!.Name === args.name && state.length === 1,
  };
  // The state is usable: a refresh succeeds and agrees with it (same ids).
  const ids = (rs: { id: string }[]) => rs.map((r) => r.id).sort();
  const refreshed = await engine.refresh();
  cell.refreshOk = refreshed.ok && JSON.stringify(ids(engine.snapshot().resources)) === JSON.stringify(ids(state));
  await engine.destroy();
  return cell;
}

/**
 * Resolves once `count` requests of `action` appear in the emulator's log after `from` (the emulator logs each
 * request when it answers). Woken by each log line; jest's test timeout bounds the wait.
 */
async function handled(action: ChatAction, from: number, count: number): Promise<void> {
  const done = () => log.slice(from).filter((l) => l.startsWith(`POST ${action} `)).length >= count;
  while (!done())
    await new Promise<void>((resolve) => {
      onLog = resolve;
    });
  onLog = undefined;
}

describe.each(OPS)("%s", (op, action) => {
  test.each(FAULTS)("× %s", async (faultName, effect) => {
    const cell = await runCell(op, action, faultName, effect);
    cells.push(cell);
    expect({ ...cell, error: cell.error ?? "" }).toMatchObject({
      ok: true,
      duplicates: 0,
      orphans: 0,
      ghosts: 0,
      intended: true,
      refreshOk: true,
      error: "",
    });
    // The fault really fired: a refused or dropped request had to be repeated; a change that landed with its answer
    // lost was not repeated blindly (a create is found instead; a repeatable call may be repeated harmlessly).
    if (effect.kind === "error" || effect.kind === "http" || effect.kind === "drop") expect(cell.requests).toBe(2);
    else if (op === "create" && effect.kind === "applyThenDrop") expect(cell.requests).toBe(1);
    else expect(cell.requests).toBeGreaterThanOrEqual(1);
  });
});

function render(all: Cell[]): string {
  const faults = FAULTS.map(([f]) => f);
  const lines = [`Fault matrix — operation × injected fault (✓ = succeeded; n = requests of that action)`, ""];
  const w = 16;
  lines.push(`${"".padEnd(w)}${faults.map((f) => f.padEnd(12)).join("")}`);
  for (const [op] of OPS) {
    const row = faults.map((f) => {
      const c = all.find((x) => x.op === op && x.fault === f);
      if (!c) return "—".padEnd(12);
      const good = c.ok && c.intended && c.duplicates + c.orphans + c.ghosts === 0;
      return `${good ? "✓" : "✗"} n=${c.requests}`.padEnd(12);
    });
    lines.push(`${op.padEnd(w)}${row.join("")}`);
  }
  const sum = (k: "duplicates" | "orphans" | "ghosts") => all.reduce((a, c) => a + c[k], 0);
  const passed = all.filter((c) => c.ok && c.intended && c.duplicates + c.orphans + c.ghosts === 0).length;
  lines.push(
    "",
    `cells passed: ${passed}/${all.length}; duplicates: ${sum("duplicates")}; orphans: ${sum("orphans")}; ghosts: ${sum("ghosts")}`,
  );
  return lines.join("\n");
}
