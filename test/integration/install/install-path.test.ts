/**
 * The install path, as a user walks it: `npm pack` this package, `npm install` the tarball into a fresh Pulumi
 * TypeScript project outside the repository, type-check the user's program against the installed types, start the
 * installed `tencent-chat-emulator` bin, and run preview → up → up → refresh → destroy through the engine harness
 * and the REAL provider host from the project's own @pulumi/pulumi. Proves the `exports` map, the thin stub's
 * `require("pulumi-tencent-chat/…")` by package name, the types, the bin, and that nothing depends on the repo's
 * layout (no NODE_PATH, no symlinks, no copied files).
 * The tests are the steps of that one walk: each depends on the ones before it (pack → install → … → destroy), and
 * jest runs a file's tests in order; run the file whole, not one test with -t.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { renderResult } from "../../../harness/display";
import { Engine, type CommandResult } from "../../../harness/engine";
import type { ConfigValue } from "../../../harness/host";
import { ADMIN, SDK_APP_ID, SECRET_KEY, USERSIG_SHAPE } from "../../../harness/e2e";
import { ChatClient } from "../../../provider/client/client";
import { acceptsConnections, startBinEmulator, type BinEmulator } from "./bin-emulator";
import {
  NODE16_TSCONFIG,
  PROJECT,
  REPO_ROOT,
  run,
  SUBPATH_PROGRAM,
  TEMPLATE_TSCONFIG,
  typecheck,
  userEnv,
  writeProject,
} from "./project";

const PKG = "pulumi-tencent-chat";
const TYPE = "pulumi-nodejs:dynamic/tencent-chat:ChatGroup";
const GOLDEN = fs.readFileSync(
  path.join(REPO_ROOT, "test", "integration", "provider", "__golden__", "provider.txt"),
  "utf8",
);
const repoPkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as {
  version: string;
  devDependencies: Record<string, string>;
};

let work: string; // everything temporary lives here, outside the repository
let projectDir: string;
let statePath: string;
let tarball: string;
let emulator: BinEmulator | undefined;
let engine: Engine;
/** Everything a user could see or the state could hold, audited for secrets at the end. */
const seen: { label: string; text: string }[] = [];
const timings: Record<string, number> = {};

beforeAll(() => {
  work = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "ptc-install-")));
  projectDir = path.join(work, "project");
  statePath = path.join(work, "state", "dev.json");
  fs.mkdirSync(projectDir);
  fs.mkdirSync(path.join(work, "pack"));
});

afterAll(async () => {
  await emulator?.stop();
  if (work) fs.rmSync(work, { recursive: true, force: true });
  if (process.env.INSTALL_TEST_TIMINGS) process.stdout.write(`install-path timings (ms): ${JSON.stringify(timings)}\n`);
}, 30_000);

/** The emulator's groups, through its admin route. */
async function groups(): Promise<{ GroupId: string; Type: string; Owner_Account: string; SupportTopic: number }[]> {
  const res = await fetch(`${emulator!.url}/_emulator/groups`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { groups: [] }).groups;
}

/** Runs one harness command, keeping its CLI-style output and the state file for the audit. */
async function command(name: "preview" | "up" | "refresh" | "destroy"): Promise<CommandResult> {
  const result = await engine[name]();
  const shown = renderResult(result, "dev");
  seen.push({ label: `${name} output`, text: `${shown}\n${JSON.stringify(result)}` });
  if (fs.existsSync(statePath)) seen.push({ label: `state after ${name}`, text: fs.readFileSync(statePath, "utf8") });
  if (!result.ok) throw new Error(`${name} failed:\n${shown}`);
  return result;
}

test("npm pack: the tarball holds the compiled package, its bin and types, and no sources or tests", async () => {
  if (!fs.existsSync(path.join(REPO_ROOT, "dist", "provider", "stub.js"))) {
    throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  }
  // --ignore-scripts: `prepare` would rebuild dist/ in place while other suites read it in parallel; npm test builds first.
  const args = ["pack", "--json", "--ignore-scripts", "--pack-destination", path.join(work, "pack")];
  const r = await run("npm", args, { cwd: REPO_ROOT, timeoutMs: 110_000 });
  timings.npmPack = r.ms;
  expect({ code: r.code, stderr: r.code === 0 ? "" : r.stderr }).toEqual({ code: 0, stderr: "" });
  const [info] = JSON.parse(r.stdout) as { filename: string; files: { path: string }[] }[];
  tarball = path.join(work, "pack", info!.filename);
  expect(fs.existsSync(tarball)).toBe(true);
  const files = info!.files.map((f) => f.path);
  const required = ["package.json", "dist/provider/index.js", "dist/provider/index.d.ts", "dist/provider/stub.js"];
  required.push("dist/provider/provider.js", "dist/emulator/cli.js", "dist/emulator/index.d.ts");
  expect(files).toEqual(expect.arrayContaining(required));
  expect(files.filter((f) => /(^|\/)(test|tests|__tests__)\//.test(f) || /\.test\./.test(f))).toEqual([]);
  expect(files.filter((f) => /\.(ts|mts|cts)$/.test(f) && !/\.d\.(ts|mts|cts)$/.test(f))).toEqual([]);
}, 120_000);

test("npm install: the tarball lands as a real directory in a fresh project outside the repository", async () => {
  expect(projectDir.startsWith(REPO_ROOT + path.sep)).toBe(false);
  writeProject(projectDir, tarball, repoPkg.devDependencies["@pulumi/pulumi"]!);
  const r = await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], {
    cwd: projectDir,
    timeoutMs: 235_000,
  });
  timings.npmInstall = r.ms;
  expect({ code: r.code, stderr: r.code === 0 ? "" : r.stderr }).toEqual({ code: 0, stderr: "" });
  const installed = path.join(projectDir, "node_modules", PKG);
  const stat = fs.lstatSync(installed);
  expect({ directory: stat.isDirectory(), symlink: stat.isSymbolicLink() }).toEqual({
    directory: true,
    symlink: false,
  });
  expect(fs.realpathSync(installed)).toBe(installed);
  const pkg = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8")) as { version: string };
  expect(pkg.version).toBe(repoPkg.version);
  // The package's own dependencies were installed from the registry, not borrowed from the repository.
  for (const dep of ["ajv", "undici", "tls-sig-api-v2", "@pulumi/pulumi"]) {
    expect(
      fs.realpathSync(require.resolve(`${dep}/package.json`, { paths: [installed] })).startsWith(projectDir + path.sep),
    ).toBe(true);
  }
}, 240_000);

test("exports: every subpath loads by package name from the project; internal files stay private", async () => {
  const probe = `
    const out = {};
    for (const s of ["", "/provider", "/stub", "/client", "/emulator", "/package.json", "/provider/chat-group-member", "/stub/chat-group-member"]) out[s || "."] = Object.keys(require("${PKG}" + s)).sort();
    try { require("${PKG}/dist/provider/provider.js"); out.internal = "loaded"; } catch (e) { out.internal = e.code; }
    out.stub = require.resolve("${PKG}/stub");
    console.log(JSON.stringify(out));`;
  const r = await run(process.execPath, ["-e", probe], { cwd: projectDir, timeoutMs: 30_000 });
  expect(r.stderr).toBe("");
  const out = JSON.parse(r.stdout) as Record<string, string[] | string>;
  expect(out["."]).toEqual(expect.arrayContaining(["ChatGroup", "ChatClient", "isChatError", "isPartialFailure"]));
  expect(out["/stub"]).toEqual(["check", "configure", "create", "delete", "diff", "read", "update"]);
  expect(out["/provider"]).toEqual(
    expect.arrayContaining(["configure", "check", "diff", "create", "read", "update", "remove"]),
  );
  expect(out["/client"]).toEqual(expect.arrayContaining(["ChatClient", "ChatError", "isNotFound"]));
  expect(out["."]).toEqual(expect.arrayContaining(["ChatGroupMember"]));
  expect(out["/stub/chat-group-member"]).toEqual(["check", "configure", "create", "delete", "diff", "read", "update"]);
  expect(out["/provider/chat-group-member"]).toEqual(
    expect.arrayContaining(["configure", "check", "diff", "create", "read", "update", "remove"]),
  );
  expect(out["/emulator"]).toEqual(expect.arrayContaining(["startEmulator"]));
  expect(out["/package.json"]).toEqual(expect.arrayContaining(["name", "version"]));
  expect(out.internal).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");
  expect(out.stub).toBe(path.join(projectDir, "node_modules", PKG, "dist", "provider", "stub.js"));
}, 60_000);

describe("types: the user's program against the installed declarations", () => {
  test("index.ts type-checks with Pulumi's template tsconfig (strict, no skipLibCheck)", async () => {
    const r = await typecheck(projectDir);
    timings.typecheck = r.ms;
    expect({ code: r.code, out: r.stdout + r.stderr }).toEqual({ code: 0, out: "" });
  }, 120_000);

  test("wrong programs fail the type-check, each for its own mistake", async () => {
    const wrong: Record<string, [string, RegExp]> = {
      "wrong-type.ts": [`new ChatGroup("g", { type: "AVChatRoom", name: "live" });`, /AVChatRoom/],
      "wrong-name.ts": [`new ChatGroup("g", { type: "Public", name: "x", ownerAcount: "leckie" });`, /ownerAcount/],
      "wrong-value.ts": [
        `new ChatGroup("g", { type: "Public", name: "x", maxMemberCount: "500" });`,
        /maxMemberCount|string/,
      ],
      "wrong-missing.ts": [`new ChatGroup("g", { type: "Public" });`, /TS2345/],
    };
    for (const [file, [line]] of Object.entries(wrong)) {
      fs.writeFileSync(path.join(projectDir, file), `import { ChatGroup } from "${PKG}";\n${line}\nexport {};\n`);
    }
    // skipLibCheck only to save time: these programs only have to fail; the check above covers the declarations.
    const options = { ...TEMPLATE_TSCONFIG.compilerOptions, skipLibCheck: true };
    fs.writeFileSync(
      path.join(projectDir, "tsconfig.wrong.json"),
      JSON.stringify({ compilerOptions: options, files: Object.keys(wrong) }),
    );
    try {
      const r = await typecheck(projectDir, "tsconfig.wrong.json");
      expect(r.code).not.toBe(0);
      for (const [file, [, mention]] of Object.entries(wrong)) {
        const errors = r.stdout.split("\n").filter((l) => l.startsWith(`${file}(`));
        expect({ file, errors: errors.length > 0 && errors.some((l) => mention.test(l)) }).toEqual({
          file,
          errors: true,
        });
      }
    } finally {
      for (const file of [...Object.keys(wrong), "tsconfig.wrong.json"]) fs.rmSync(path.join(projectDir, file));
    }
  }, 120_000);

  test("every subpath export type-checks with node16 resolution (which reads `exports`)", async () => {
    fs.writeFileSync(path.join(projectDir, "subpaths.ts"), SUBPATH_PROGRAM);
    fs.writeFileSync(path.join(projectDir, "tsconfig.node16.json"), JSON.stringify(NODE16_TSCONFIG));
    const r = await typecheck(projectDir, "tsconfig.node16.json");
    expect({ code: r.code, out: r.stdout + r.stderr }).toEqual({ code: 0, out: "" });
  }, 120_000);

  // `moduleResolution: "node"` (Pulumi's template) ignores `exports`; package.json's `typesVersions` gives the
  // subpaths (`pulumi-tencent-chat/client`, `/emulator`) their types there.
  test("subpath exports also type-check with the template's `node` resolution", async () => {
    const options = { ...TEMPLATE_TSCONFIG.compilerOptions, skipLibCheck: true };
    fs.writeFileSync(
      path.join(projectDir, "tsconfig.node10.json"),
      JSON.stringify({ compilerOptions: options, files: ["subpaths.ts"] }),
    );
    const r = await typecheck(projectDir, "tsconfig.node10.json");
    expect({ code: r.code, out: r.stdout + r.stderr }).toEqual({ code: 0, out: "" });
  }, 120_000);
});

describe("the stack lifecycle through the harness, against the installed bin emulator", () => {
  test("the installed bin starts: npx --no-install tencent-chat-emulator prints its URL first", async () => {
    const bin = path.join(projectDir, "node_modules", ".bin", "tencent-chat-emulator");
    expect(fs.realpathSync(bin)).toBe(path.join(projectDir, "node_modules", PKG, "dist", "emulator", "cli.js"));
    emulator = await startBinEmulator(
      projectDir,
      ["--port", "0", "--sdk-app-id", String(SDK_APP_ID), "--admin", ADMIN],
      SECRET_KEY,
    );
    expect(await groups()).toEqual([]);
    // The program's owner must be an imported account, as on the service (the bin's default).
    const admin = new ChatClient({
      sdkAppId: SDK_APP_ID,
      identifier: ADMIN,
      secretKey: SECRET_KEY,
      endpoint: emulator.url,
      retry: 0,
    });
    await admin.accountImport({ UserID: "leckie" });
    await admin.close();
    const config: Record<string, ConfigValue> = {
      "tencent-chat:sdkAppId": String(SDK_APP_ID),
      "tencent-chat:secretKey": { secret: SECRET_KEY },
      "tencent-chat:endpoint": emulator.url,
    };
    // NODE_PATH emptied: modules resolve from the project's node_modules only, as under the Pulumi CLI.
    engine = new Engine({
      projectDir,
      project: PROJECT,
      stack: "dev",
      statePath,
      config,
      env: userEnv({ NODE_PATH: "" }),
    });
  }, 60_000);

  test("preview plans three creates and calls nothing that creates", async () => {
    const r = await command("preview");
    expect(r.steps.map((s) => [s.op, s.name, s.type])).toEqual(
      expect.arrayContaining([
        ["create", "eng", TYPE],
        ["create", "ops", TYPE],
        ["create", "fans", TYPE],
      ]),
    );
    expect(r.steps).toHaveLength(3);
    expect(await groups()).toEqual([]);
    expect(engine.snapshot().resources).toEqual([]);
  }, 120_000);

  test("up creates the three groups; outputs carry their ids; __provider is the golden stub text", async () => {
    const r = await command("up");
    expect(r.steps.map((s) => s.op)).toEqual(["create", "create", "create"]);
    const byName = Object.fromEntries(engine.snapshot().resources.map((res) => [res.name, res]));
    expect(r.outputs).toEqual({ engGroupId: "eng-main", opsGroupId: byName.ops!.id, fansGroupId: byName.fans!.id });
    // Chosen in check from the resource names (DECISIONS D30).
    expect(byName.ops!.id).toMatch(/^ops-[0-9a-f]{8}$/);
    expect(byName.fans!.id).toMatch(/^@TGS#_fans-[0-9a-f]{8}$/);
    const live = Object.fromEntries((await groups()).map((g) => [g.GroupId, g]));
    expect(Object.keys(live).sort()).toEqual([byName.eng!.id, byName.ops!.id, byName.fans!.id].sort());
    expect(live["eng-main"]).toMatchObject({ Type: "Public" });
    expect(live[byName.ops!.id]).toMatchObject({ Type: "Private", Owner_Account: "leckie" });
    expect(live[byName.fans!.id]).toMatchObject({ Type: "Community", SupportTopic: 1 });
    for (const res of Object.values(byName)) {
      expect(res.type).toBe(TYPE);
      expect(res.inputs.__provider).toBe(GOLDEN);
      expect(res.outputs.__provider).toBe(GOLDEN);
      expect(Buffer.byteLength(GOLDEN)).toBeLessThanOrEqual(1024);
    }
    expect(GOLDEN).toContain(`require("${PKG}/stub")`);
  }, 120_000);

  test("the installed tencent-chat-export bin writes a program that adopts the three groups", async () => {
    const bin = path.join(projectDir, "node_modules", ".bin", "tencent-chat-export");
    expect(fs.realpathSync(bin)).toBe(path.join(projectDir, "node_modules", PKG, "dist", "cli", "export", "main.js"));
    const out = path.join(work, "exported");
    const r = await run(bin, ["--out", out, "--quiet"], {
      cwd: projectDir,
      env: userEnv({
        TENCENT_CHAT_SDK_APP_ID: String(SDK_APP_ID),
        TENCENT_CHAT_SECRET_KEY: SECRET_KEY,
        TENCENT_CHAT_ENDPOINT: emulator!.url,
      }),
      timeoutMs: 60_000,
    });
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(r.stdout).toContain(`exported 3 groups to ${out} (index.ts); 0 not declared.`);
    seen.push({ label: "export output", text: r.stdout + fs.readFileSync(path.join(out, "README.md"), "utf8") });
    const index = fs.readFileSync(path.join(out, "index.ts"), "utf8");
    expect(index).toContain('new ChatGroup("eng-main", {');
    expect(index.match(/^ {2}adopt: true,$/gm)).toHaveLength(3);
    expect(JSON.parse(fs.readFileSync(path.join(out, "package.json"), "utf8")).dependencies[PKG]).toBe(
      `^${repoPkg.version}`,
    );
  }, 120_000);

  test("a second up is all `same`", async () => {
    const r = await command("up");
    expect(r.steps.map((s) => [s.name, s.op])).toEqual(
      expect.arrayContaining([
        ["eng", "same"],
        ["ops", "same"],
        ["fans", "same"],
      ]),
    );
    expect(r.steps).toHaveLength(3);
    expect(await groups()).toHaveLength(3);
  }, 120_000);

  test("refresh finds no drift", async () => {
    const before = engine.snapshot().resources;
    const r = await command("refresh");
    expect(r.steps.map((s) => ({ name: s.name, changed: s.changedKeys, gone: s.gone ?? false }))).toEqual(
      expect.arrayContaining(["eng", "ops", "fans"].map((name) => ({ name, changed: [], gone: false }))),
    );
    expect(engine.snapshot().resources.map((x) => x.outputs)).toEqual(before.map((x) => x.outputs));
  }, 120_000);

  test("destroy deletes every group and empties the state", async () => {
    const r = await command("destroy");
    expect(r.steps.map((s) => s.op)).toEqual(["delete", "delete", "delete"]);
    expect(engine.snapshot().resources).toEqual([]);
    expect(await groups()).toEqual([]);
  }, 120_000);

  test("the bin stops cleanly on SIGTERM", async () => {
    await emulator!.stop();
    seen.push({ label: "emulator output", text: emulator!.output() });
    expect(emulator!.output()).toContain("tencent-chat-emulator: stopped"); // printed after a graceful close
    expect(await acceptsConnections(emulator!.port)).toBe(false);
  }, 30_000);

  test("neither the state nor anything shown holds the secret key or a UserSig", () => {
    expect(seen.map((s) => s.label)).toEqual(
      expect.arrayContaining(["state after up", "up output", "destroy output", "emulator output"]),
    );
    const leaks = seen.filter((s) => s.text.includes(SECRET_KEY) || USERSIG_SHAPE.test(s.text)).map((s) => s.label);
    expect(leaks).toEqual([]);
  });
});
