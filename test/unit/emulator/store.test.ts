/**
 * MemoryStore and FileStore: copies in and out, sequence numbers, and atomic persistence (temp file + fsync +
 * rename) that a failed or torn write cannot corrupt.
 */
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FileStore, MemoryStore, type FileOps } from "../../../emulator/store";
import type { StoredGroup } from "../../../emulator/types";

const group = (id: string, name = "n"): StoredGroup => ({
  GroupId: id,
  Type: "Public",
  Name: name,
  Introduction: "",
  Notification: "",
  FaceUrl: "",
  Owner_Account: "",
  CreateTime: 1,
  LastInfoTime: 1,
  InfoSeq: 1,
  MaxMemberNum: 2000,
  ApplyJoinOption: "NeedPermission",
  MuteAllMember: "Off",
  SupportTopic: 0,
  AppDefinedData: [{ Key: "k", Value: "a\u0000\u0001" }],
  Members: [],
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(join(tmpdir(), "emu-store-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each([
  ["MemoryStore", () => new MemoryStore()],
  ["FileStore", () => new FileStore(join(dir, "state.json"))],
])("%s", (_name, make) => {
  test("get/put/delete/list with copies, sequence numbers never reused", () => {
    const store = make();
    const g = group("a");
    store.putGroup(g);
    g.Name = "mutated after put";
    const got = store.getGroup("a")!;
    expect(got.Name).toBe("n");
    got.Name = "mutated after get";
    expect(store.getGroup("a")!.Name).toBe("n");
    store.putGroup(group("b"));
    store.putGroup(group("a", "renamed"));
    expect(store.listGroups().map((x) => [x.GroupId, x.Name])).toEqual([
      ["a", "renamed"],
      ["b", "n"],
    ]);
    expect([store.sequenceOf("a"), store.sequenceOf("b")]).toEqual([1, 2]);
    expect(store.deleteGroup("a")).toBe(true);
    expect(store.deleteGroup("a")).toBe(false);
    store.putGroup(group("a"));
    expect(store.sequenceOf("a")).toBe(3);
  });

  test("accounts are a set; reset drops everything", () => {
    const store = make();
    store.putAccount("u");
    store.putAccount("u");
    expect(store.listAccounts()).toEqual(["u"]);
    expect(store.hasAccount("u")).toBe(true);
    store.putGroup(group("a"));
    store.reset();
    expect([store.listGroups(), store.listAccounts(), store.hasAccount("u")]).toEqual([[], [], false]);
  });
});

describe.each([
  ["MemoryStore", () => new MemoryStore()],
  ["FileStore", () => new FileStore(join(dir, "state.json"))],
])("%s accounts with profiles", (_name, make) => {
  test("putAccount keeps Nick/FaceUrl, a later profile overwrites only what it names; deleteAccount removes", () => {
    const store = make();
    store.putAccount("a", { Nick: "A", FaceUrl: "https://f/a.png" });
    store.putAccount("a", { Nick: "B" });
    store.putAccount("a");
    expect(store.getAccount("a")).toEqual({ UserID: "a", Nick: "B", FaceUrl: "https://f/a.png" });
    expect(store.getAccount("never")).toBeUndefined();
    expect(store.deleteAccount("a")).toBe(true);
    expect(store.deleteAccount("a")).toBe(false);
    expect(store.hasAccount("a")).toBe(false);
  });
});

test("FileStore: profiles survive a reload; a state file without profiles loads with empty ones", () => {
  const file = join(dir, "state.json");
  new FileStore(file).putAccount("a", { Nick: "A" });
  expect(new FileStore(file).getAccount("a")).toEqual({ UserID: "a", Nick: "A", FaceUrl: "" });
  fs.writeFileSync(file, JSON.stringify({ version: 1, nextSeq: 1, groups: [], accounts: ["old"] }));
  expect(new FileStore(file).getAccount("old")).toEqual({ UserID: "old", Nick: "", FaceUrl: "" });
});

describe("FileStore persistence", () => {
  test("a missing file loads empty; state (incl. binary values and sequences) survives a reload", () => {
    const file = join(dir, "state.json");
    const store = new FileStore(file);
    expect(store.listGroups()).toEqual([]);
    store.putGroup(group("a"));
    store.putGroup(group("b"));
    store.deleteGroup("a");
    store.putAccount("u");
    const again = new FileStore(file);
    expect(again.listGroups()).toEqual([group("b")]);
    expect(again.listAccounts()).toEqual(["u"]);
    again.putGroup(group("c"));
    expect(again.sequenceOf("c")).toBe(3);
  });

  test("no temp files are left behind", () => {
    const store = new FileStore(join(dir, "state.json"));
    store.putGroup(group("a"));
    expect(fs.readdirSync(dir)).toEqual(["state.json"]);
  });

  test("a torn temp file from a crashed writer does not affect loading", () => {
    const file = join(dir, "state.json");
    new FileStore(file).putGroup(group("a"));
    fs.writeFileSync(`${file}.999.1.tmp`, '{"version":1,"groups":[{"se');
    expect(new FileStore(file).listGroups().map((g) => g.GroupId)).toEqual(["a"]);
  });

  test.each([
    ["write", "writeSync"],
    ["fsync", "fsyncSync"],
    ["rename", "renameSync"],
  ] as const)("a failure during %s leaves the previous file intact and removes the temp file", (_name, failing) => {
    const file = join(dir, "state.json");
    new FileStore(file).putGroup(group("a"));
    const before = fs.readFileSync(file, "utf8");
    const ops: FileOps = {
      readFileSync: (f, e) => fs.readFileSync(f, e),
      openSync: (f, flags) => fs.openSync(f, flags),
      writeSync: (fd, data) =>
        failing === "writeSync" ? (fs.writeSync(fd, data.slice(0, 10)), fail()) : fs.writeSync(fd, data),
      fsyncSync: (fd) => (failing === "fsyncSync" ? fail() : fs.fsyncSync(fd)),
      closeSync: (fd) => fs.closeSync(fd),
      renameSync: (a, b) => (failing === "renameSync" ? fail() : fs.renameSync(a, b)),
      unlinkSync: (f) => fs.unlinkSync(f),
    };
    const store = new FileStore(file, ops);
    expect(() => store.putGroup(group("b"))).toThrow("disk on fire");
    expect(fs.readFileSync(file, "utf8")).toBe(before);
    expect(fs.readdirSync(dir)).toEqual(["state.json"]);
  });

  test("every write goes temp file → fsync → rename in the same directory", () => {
    const calls: string[] = [];
    const file = join(dir, "state.json");
    const ops: FileOps = {
      readFileSync: (f, e) => fs.readFileSync(f, e),
      openSync: (f, flags) => (calls.push(`open ${f.startsWith(dir) && f.endsWith(".tmp")}`), fs.openSync(f, flags)),
      writeSync: (fd, data) => (calls.push("write"), fs.writeSync(fd, data)),
      fsyncSync: (fd) => (calls.push("fsync"), fs.fsyncSync(fd)),
      closeSync: (fd) => (calls.push("close"), fs.closeSync(fd)),
      renameSync: (a, b) => (calls.push(`rename ${b === file}`), fs.renameSync(a, b)),
      unlinkSync: (f) => fs.unlinkSync(f),
    };
    new FileStore(file, ops).putAccount("u");
    expect(calls).toEqual(["open true", "write", "fsync", "close", "rename true"]);
  });

  test("an unreadable state file is an error, not silently discarded", () => {
    const file = join(dir, "state.json");
    fs.writeFileSync(file, "{torn");
    expect(() => new FileStore(file)).toThrow("not valid JSON");
    fs.writeFileSync(file, '{"version":2}');
    expect(() => new FileStore(file)).toThrow("unknown format");
    expect(fs.readFileSync(file, "utf8")).toBe('{"version":2}');
  });
});

function fail(): never {
  throw new Error("disk on fire");
}
