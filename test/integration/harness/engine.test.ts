/**
 * The engine model's own semantics, which the demo and the examples rely on: state persists like a stack,
 * preview changes nothing, a partial failure is kept and finished by the next up, deletes wait for a clean run,
 * and a no-change step keeps the old outputs.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Engine } from "../../../harness/engine";
import { programOf, SDK_APP_ID, SECRET_KEY, startE2E, type E2E } from "../../../harness/e2e";
import { programEnv } from "../../../harness/program-dir";

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(() => e2e?.stop());

let n = 0;
/** A fresh stack over the fixture's program directory, running `source` as its program. */
function stack(source: string): { engine: () => Engine; write: (src: string) => void; statePath: string } {
  const id = ++n;
  const entry = path.join(e2e.program.dir, `stack-${id}.js`);
  const statePath = path.join(e2e.program.dir, `.state-${id}`, "dev.json");
  fs.writeFileSync(entry, source);
  const engine = () =>
    new Engine({
      projectDir: e2e.program.dir,
      entry,
      project: "chat-test",
      stack: "dev",
      statePath,
      env: programEnv(e2e.program.dir),
      config: {
        "tencent-chat:sdkAppId": String(SDK_APP_ID),
        "tencent-chat:secretKey": { secret: SECRET_KEY },
        "tencent-chat:endpoint": e2e.emulator.url,
      },
    });
  return { engine, write: (src) => fs.writeFileSync(entry, src), statePath };
}

test("preview changes nothing; up persists state that a new engine (a new `pulumi up`) reads back", async () => {
  const s = stack(programOf({ a: { type: "Public", name: "persisted", groupId: "engine-persist" } }));
  const preview = await s.engine().preview();
  expect(preview.steps.map((x) => x.op)).toEqual(["create"]);
  expect(e2e.emulator.store.getGroup("engine-persist")).toBeUndefined();
  expect(fs.existsSync(s.statePath)).toBe(false);
  expect((await s.engine().up()).ok).toBe(true);
  const state = JSON.parse(fs.readFileSync(s.statePath, "utf8"));
  expect(state.resources).toHaveLength(1);
  expect(state.resources[0]).toMatchObject({ id: "engine-persist", outputs: { name: "persisted" } });
  const again = await s.engine().up();
  expect(again.steps.map((x) => x.op)).toEqual(["same"]);
  // A no-change step keeps the old outputs (including facts such as infoSeq).
  expect(s.engine().snapshot().resources[0]!.outputs).toEqual(state.resources[0].outputs);
  expect((await s.engine().destroy()).ok).toBe(true);
});

test("a partial failure stays in state with its id, and the next up updates it even without a diff", async () => {
  const s = stack(
    programOf({ p: { type: "Public", name: "partial", groupId: "engine-partial", muteAllMember: true } }),
  );
  e2e.emulator.addFault({ action: "modify_group_base_info", effect: { kind: "error", errorCode: 10004 } });
  const first = await s.engine().up();
  expect(first.ok).toBe(false);
  expect(first.steps[0]!.error).toMatch(/exists, but finishing its creation failed/);
  const kept = s.engine().snapshot().resources;
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatchObject({ id: "engine-partial", initErrors: [expect.any(String)] });
  const next = await s.engine().up();
  expect(next.steps.map((x) => x.op)).toEqual(["update"]);
  expect(next.ok).toBe(true);
  expect(e2e.emulator.store.getGroup("engine-partial")!.MuteAllMember).toBe("On");
  expect(s.engine().snapshot().resources[0]!.initErrors).toBeUndefined();
  await s.engine().destroy();
});

test("deletes of undeclared resources wait until a run without failures", async () => {
  const s = stack(
    programOf({
      keep: { type: "Public", name: "keep" },
      drop: { type: "Public", name: "drop", groupId: "engine-drop" },
    }),
  );
  expect((await s.engine().up()).ok).toBe(true);
  // The new program drops `drop` and declares a group check refuses: the delete must not run.
  s.write(programOf({ keep: { type: "Public", name: "keep" }, bad: { type: "AVChatRoom", name: "bad" } }));
  const failed = await s.engine().up();
  expect(failed.ok).toBe(false);
  expect(failed.steps.find((x) => x.name === "drop")).toMatchObject({
    op: "delete",
    error: expect.stringMatching(/skipped/),
  });
  expect(e2e.emulator.store.getGroup("engine-drop")).toBeDefined();
  s.write(programOf({ keep: { type: "Public", name: "keep" } }));
  const clean = await s.engine().up();
  expect(clean.steps.map((x) => `${x.name}:${x.op}`).sort()).toEqual(["drop:delete", "keep:same"]);
  expect(e2e.emulator.store.getGroup("engine-drop")).toBeUndefined();
  await s.engine().destroy();
});
