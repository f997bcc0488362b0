/**
 * The generated project's files: the layout threshold, ChatGroupMembers declarations (roles, name cards, empty
 * membership), the README's next commands and everything not declared, and no key or UserSig anywhere.
 */
import * as vm from "node:vm";
import * as ts from "typescript";
import type { DeclaredGroup } from "../../../../cli/export/declare";
import {
  dataLayout,
  INLINE_MAX_GROUPS,
  INLINE_MAX_MEMBERS,
  renderProject,
  type ProjectSpec,
} from "../../../../cli/export/render";

const group = (id: string, members?: DeclaredGroup["members"]): DeclaredGroup => ({
  groupId: id,
  args: { type: "Public", name: `n-${id}`, groupId: id, adopt: true },
  ...(members ? { members } : {}),
});

function spec(over: Partial<ProjectSpec> = {}): ProjectSpec {
  return {
    project: "p",
    packageSpec: "^0.1.0",
    settings: {
      sdkAppId: 1400000000,
      identifier: "administrator",
      region: "singapore",
      appDefinedKeys: [],
      userSig: false,
    },
    groups: [group("eng")],
    skips: [],
    notes: [],
    gone: [],
    missingAccounts: new Map(),
    members: false,
    ...over,
  };
}

test.each([
  [INLINE_MAX_GROUPS, 0, "inline"],
  [INLINE_MAX_GROUPS + 1, 0, "json"],
  [1, INLINE_MAX_MEMBERS, "inline"],
  [1, INLINE_MAX_MEMBERS + 1, "json"],
])("%i groups, %i members → %s", (groups, members, layout) => {
  const list = Array.from({ length: groups }, (_, i) =>
    group(
      `g${i}`,
      i === 0 && members > 0 ? Array.from({ length: members }, (_, j) => ({ account: `a${j}` })) : undefined,
    ),
  );
  expect(dataLayout({ groups: list })).toBe(layout);
  const files = renderProject(spec({ groups: list }));
  expect(files.has("groups.json")).toBe(layout === "json");
});

/** Transpiles index.ts and runs it with fake classes, returning what it declared. */
function declared(files: Map<string, string>): { kind: string; name: string; args: unknown; deps?: unknown }[] {
  const calls: { kind: string; name: string; args: unknown; deps?: unknown }[] = [];
  const make = (kind: string) =>
    class {
      constructor(name: string, args: unknown, opts?: { dependsOn?: unknown[] }) {
        calls.push({
          kind,
          name,
          args,
          ...(opts ? { deps: (opts.dependsOn ?? []).map((d) => (d as { n: string }).n) } : {}),
        });
        (this as unknown as { n: string }).n = name;
      }
    };
  const js = ts.transpileModule(files.get("index.ts")!, {
    compilerOptions: { module: ts.ModuleKind.CommonJS },
  }).outputText;
  const modules: Record<string, unknown> = {
    "pulumi-tencent-chat": { ChatGroup: make("ChatGroup"), ChatGroupMembers: make("ChatGroupMembers") },
    fs: { readFileSync: () => files.get("groups.json") },
    path: { join: (...p: string[]) => p.join("/") },
  };
  vm.runInNewContext(js, { require: (m: string) => modules[m], exports: {}, __dirname: "/x" });
  return calls;
}

test.each(["inline", "json"] as const)(
  "members (%s): roles, name cards, an empty membership, dependsOn the group",
  (layout) => {
    const files = renderProject(
      spec({
        members: true,
        layout,
        groups: [
          group("eng", [
            { account: "ana", role: "Admin" },
            { account: "mei", nameCard: '梅 "Mei" \\ 🌸' },
          ]),
          group("@TGS#x", []),
        ],
      }),
    );
    expect(files.get("index.ts")).toContain("import { ChatGroup, ");
    expect(declared(files)).toEqual([
      { kind: "ChatGroup", name: "eng", args: group("eng").args },
      {
        kind: "ChatGroupMembers",
        name: "eng",
        args: {
          groupId: "eng",
          members: [
            { account: "ana", role: "Admin" },
            { account: "mei", nameCard: '梅 "Mei" \\ 🌸' },
          ],
        },
        deps: ["eng"],
      },
      { kind: "ChatGroup", name: expect.stringMatching(/^TGS-x-[0-9a-f]{6}$/), args: group("@TGS#x").args },
      {
        kind: "ChatGroupMembers",
        name: expect.stringMatching(/^TGS-x-/),
        args: { groupId: "@TGS#x", members: [] },
        deps: [expect.stringMatching(/^TGS-x-/)],
      },
    ]);
  },
);

test("README: the next commands with the export's settings, every skip, left-out value, deleted group and missing account; no secret", () => {
  const files = renderProject(
    spec({
      settings: {
        sdkAppId: 1400000000,
        identifier: "ops_admin",
        endpoint: "http://127.0.0.1:9",
        appDefinedKeys: ["a", "b"],
        maxMemberCount: 10000,
        userSig: false,
      },
      skips: [{ groupId: "@TGS#live", reason: "AVChatRoom: …" }],
      notes: [{ groupId: "eng", reason: 'custom field "__proto__" is not declared' }],
      gone: ["old|one"],
      missingAccounts: new Map([["ghost", ["eng"]]]),
    }),
  );
  const readme = files.get("README.md")!;
  for (const line of [
    "pulumi config set tencent-chat:sdkAppId 1400000000",
    "pulumi config set --secret tencent-chat:secretKey",
    "pulumi config set tencent-chat:endpoint http://127.0.0.1:9",
    "pulumi config set tencent-chat:identifier ops_admin",
    "pulumi config set tencent-chat:appDefinedKeys a,b",
    "pulumi config set tencent-chat:maxMemberCount 10000",
    "| `@TGS#live` | AVChatRoom: … |",
    '| `eng` | custom field "__proto__" is not declared |',
    "`old\\|one`",
    "| `ghost` | `eng` |",
  ])
    expect(readme).toContain(line);
  expect(JSON.parse(files.get("package.json")!)).toMatchObject({
    dependencies: { "pulumi-tencent-chat": "^0.1.0", "@pulumi/pulumi": "^3.216.0" },
  });
  expect(files.get("Pulumi.yaml")).toMatch(/^name: p\nruntime:|^name: p\n/);
});
