/**
 * Emulator robustness (issue 5): SIGKILL while it is writing its state file. The compiled CLI runs with
 * `--state-file`; eight clients stream large imports (≈6 KB each, so every write rewrites a growing file); right
 * after the N-th acknowledgement, with other imports in flight, the process is SIGKILLed; it is restarted on the
 * same file. Checked after every kill: the file parses; every ACKNOWLEDGED import is in it (the emulator writes,
 * fsyncs and renames before it answers: store.ts FileStore.changed runs inside the handler); every group in it is
 * complete and exactly what was sent (no torn or phantom group); the restarted emulator serves exactly that state.
 * Asserted: every kill landed with imports in flight. Whether a kill lands inside a file write is up to timing, so
 * it is only reported; the torn temp file such a kill leaves is planted on purpose before the final restart instead.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Pool } from "undici";
import { httpRequest, rawHttp, signedQuery, spawnEmulator, type Child } from "./robustness-helpers";

/** Acknowledgements (cumulative) after which each cycle kills: different moments of the stream. */
const KILL_AFTER = [12, 30, 25, 60, 45, 80];
const WORKERS = 8;
const SVC = "/v4/group_open_http_svc";

let dir: string;
let stateFile: string;
/** Every import body ever sent, by id (acknowledged or not). */
const sent = new Map<string, Record<string, unknown>>();
/** Ids whose import was answered OK before the kill. */
const acked = new Set<string>();

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "emu-kill-"));
  stateFile = join(dir, "state.json");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A large, distinctive import body: every field is derived from the id, so a torn group cannot pass for whole. */
function bodyFor(id: string): Record<string, unknown> {
  return {
    Type: "Public",
    GroupId: id,
    Name: id.slice(0, 30),
    Introduction: `${id}:`.padEnd(240, "i"),
    Notification: `${id}:`.padEnd(300, "n"),
    FaceUrl: `http://f/${id}`.padEnd(100, "f"),
    MaxMemberCount: 1000 + id.length,
    AppDefinedData: Array.from({ length: 10 }, (_, k) => ({ Key: `k${k}`, Value: `${id}/${k}:`.padEnd(500, "v") })),
  };
}

/** Streams imports from {@link WORKERS} clients and SIGKILLs the emulator right after `killAt` acknowledgements. */
async function streamAndKill(child: Child, cycle: number, killAt: number): Promise<{ inFlight: number }> {
  const pool = new Pool(child.url, { connections: WORKERS, pipelining: 1 });
  const q = signedQuery();
  let killed = false;
  let inFlight = 0;
  let inFlightAtKill = 0;
  const worker = async (w: number): Promise<void> => {
    for (let j = 0; j < 10_000 && !killed; j++) {
      const id = `kill-${cycle}-${w}-${j}`;
      sent.set(id, bodyFor(id));
      inFlight++;
      try {
        const res = await pool.request({
          path: `${SVC}/import_group?${q}`,
          method: "POST",
          body: JSON.stringify(bodyFor(id)),
        });
        const json = (await res.body.json()) as { ErrorCode: number };
        if (json.ErrorCode !== 0) throw new Error(`import ${id} refused: ${JSON.stringify(json)}`);
        acked.add(id);
        if (acked.size >= killAt && !killed) {
          killed = true;
          inFlightAtKill = inFlight - 1;
          child.proc.kill("SIGKILL"); // no waiting: the others' imports are mid-flight
        }
      } catch (e) {
        if (!killed) throw e; // before the kill every import must succeed; after it, losing the answer is expected
      } finally {
        inFlight--;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, (_, w) => worker(w)));
  expect(await child.exited).toEqual({ code: null, signal: "SIGKILL" });
  await pool.destroy();
  return { inFlight: inFlightAtKill };
}

const GROUP_SHAPE: Record<string, string> = {
  GroupId: "string",
  Type: "string",
  Name: "string",
  Introduction: "string",
  Notification: "string",
  FaceUrl: "string",
  Owner_Account: "string",
  CreateTime: "number",
  LastInfoTime: "number",
  InfoSeq: "number",
  MaxMemberNum: "number",
  ApplyJoinOption: "string",
  MuteAllMember: "string",
  SupportTopic: "number",
  AppDefinedData: "object",
  Members: "object",
};

/** Reads the state file and asserts it is consistent; returns the ids it holds. */
function verifyStateFile(): string[] {
  const state = JSON.parse(readFileSync(stateFile, "utf8")) as {
    version: number;
    nextSeq: number;
    groups: { seq: number; group: Record<string, unknown> }[];
    accounts: unknown[];
  };
  expect(state.version).toBe(1);
  const ids = state.groups.map((r) => r.group.GroupId as string);
  expect(new Set(ids).size).toBe(ids.length); // no duplicates
  const seqs = state.groups.map((r) => r.seq);
  expect(new Set(seqs).size).toBe(seqs.length);
  expect(Math.max(0, ...seqs)).toBeLessThan(state.nextSeq);
  for (const { group } of state.groups) {
    for (const [k, t] of Object.entries(GROUP_SHAPE))
      if (typeof group[k] !== t) throw new Error(`group ${String(group.GroupId)}: ${k} is ${typeof group[k]}`);
    const body = sent.get(group.GroupId as string);
    if (body === undefined) throw new Error(`phantom group ${String(group.GroupId)} in the state file`);
    expect(group).toMatchObject({
      Type: body.Type,
      Name: body.Name,
      Introduction: body.Introduction,
      Notification: body.Notification,
      FaceUrl: body.FaceUrl,
      MaxMemberNum: body.MaxMemberCount,
      AppDefinedData: body.AppDefinedData,
    });
  }
  const missing = [...acked].filter((id) => !ids.includes(id));
  expect(missing).toEqual([]); // durability: acknowledged ⇒ on disk
  return ids;
}

/** The ids the running emulator serves (admin snapshot). */
async function servedIds(child: Child): Promise<string[]> {
  const snap = await rawHttp(child.port, httpRequest("GET", "/_emulator/groups"));
  return (snap.json!.groups as { GroupId: string }[]).map((g) => g.GroupId);
}

test(`${KILL_AFTER.length} SIGKILLs mid-stream: after each, the state file is whole and holds every acknowledged import`, async () => {
  const report: string[] = [];
  const inFlightAtKills: number[] = [];
  let leftovers = 0;
  for (const [cycle, extra] of KILL_AFTER.entries()) {
    const child = await spawnEmulator(["--state-file", stateFile]);
    if (cycle > 0) expect((await servedIds(child)).sort()).toEqual(verifyStateFile().sort()); // restart = exactly the file
    const { inFlight } = await streamAndKill(child, cycle, acked.size + extra);
    inFlightAtKills.push(inFlight);
    const ids = verifyStateFile();
    const temps = readdirSync(dir).filter((f) => f.endsWith(".tmp")).length;
    if (temps > leftovers) report.push(`cycle ${cycle}: killed during a write (temp file left)`);
    leftovers = temps;
    report.push(`cycle ${cycle}: ${acked.size} acknowledged, ${ids.length} on disk, ${inFlight} in flight at the kill`);
  }
  console.log(`kill/restart: ${report.join("; ")}`);
  // Each kill really interrupted work: other imports were on the wire when it landed.
  expect(inFlightAtKills.filter((n) => n > 0)).toHaveLength(KILL_AFTER.length);

  // What a kill in the middle of a write leaves behind, planted for certain: a torn temp file beside the state.
  writeFileSync(`${stateFile}.999999.1.tmp`, readFileSync(stateFile, "utf8").slice(0, 100));
  // Final restart: the same state (the torn temp file is ignored), and it still serves reads and writes.
  const child = await spawnEmulator(["--state-file", stateFile]);
  try {
    const ids = verifyStateFile();
    expect((await servedIds(child)).sort()).toEqual([...ids].sort());
    const q = signedQuery();
    const someAcked = [...acked][acked.size - 1]!;
    const got = await rawHttp(
      child.port,
      httpRequest("POST", `${SVC}/get_group_info?${q}`, JSON.stringify({ GroupIdList: [someAcked] })),
    );
    expect(got.json).toMatchObject({
      GroupInfo: [{ GroupId: someAcked, ErrorCode: 0, Introduction: sent.get(someAcked)!.Introduction }],
    });
    const imported = await rawHttp(
      child.port,
      httpRequest(
        "POST",
        `${SVC}/import_group?${q}`,
        JSON.stringify({ Type: "Public", Name: "after-kills", GroupId: "after-kills" }),
      ),
    );
    expect(imported.json).toMatchObject({ ErrorCode: 0, GroupId: "after-kills" });
  } finally {
    child.proc.kill("SIGTERM");
    await child.exited;
  }
}, 180_000);
