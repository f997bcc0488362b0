// Runs a Pulumi program under pulumi.runtime.setMocks in a plain node process, as the language host runs programs
// (outside jest's module registry, so the serializer recognises installed packages), and prints its registrations
// and stack outputs as one JSON line: `PROGRAM {"registrations":[…],"outputs":{…}}`.
//
// Usage: node run-program.js <program file or directory> <project> <stack> [preview]
//   cwd:  the program's directory (resolves @pulumi/pulumi and the program's packages)
//   env:  PULUMI_CONFIG   the program's stack config as JSON ({"proj:key":"value"}), as the CLI passes it
//         PROGRAM_ORACLE  JSON {urn: {id, outputs}}: what the engine knows about each resource, so outputs of
//                         existing resources flow back into the program as they do under `pulumi up`
// TypeScript programs are transpiled on load, as ts-node does for Pulumi (transpile only).
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const Module = require("node:module");

const [target, project, stack, mode] = process.argv.slice(2);
const fromProgram = (id) => require(require.resolve(id, { paths: [process.cwd()] }));
const pulumi = fromProgram("@pulumi/pulumi");
const settings = fromProgram("@pulumi/pulumi/runtime/settings");
const { isUnknown } = fromProgram("@pulumi/pulumi/output");
const UNKNOWN = fromProgram("@pulumi/pulumi/runtime/rpc").unknownValue;

/** Inputs as the engine sends them to a provider: a preview's unknown values become the wire sentinel. */
const onWire = (v) =>
  isUnknown(v)
    ? UNKNOWN
    : Array.isArray(v)
      ? v.map(onWire)
      : v && typeof v === "object"
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, onWire(x)]))
        : v;

Module._extensions[".ts"] = (module, filename) => {
  const ts = require("typescript");
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    fileName: filename,
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
  });
  module._compile(outputText, filename);
};

const oracle = JSON.parse(process.env.PROGRAM_ORACLE || "{}");
const registrations = [];
// The URNs each registration depends on (outputs of other resources among its inputs, dependsOn), as the engine
// receives them in RegisterResourceRequest.dependencies: the engine runs a resource's step after theirs.
const dependencies = new Map();
const main = async () => {
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        const urn = `urn:pulumi:${stack}::${project}::${args.type}::${args.name}`;
        if (args.type !== "pulumi:pulumi:Stack")
          registrations.push({
            type: args.type,
            name: args.name,
            urn,
            inputs: onWire(args.inputs),
            dependencies: dependencies.get(`${args.type}::${args.name}`) ?? [],
          });
        const known = oracle[urn];
        return known ? { id: known.id, state: known.outputs } : { id: `${args.name}-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    project,
    stack,
    mode === "preview",
  );
  const monitor = settings.getMonitor();
  const register = monitor.registerResource.bind(monitor);
  monitor.registerResource = (req, callback) => {
    // Mock URNs qualify the type with the root stack's (the engine's do not): the URNs this runner reports.
    const urns = req.getDependenciesList().map((u) => u.replace("::pulumi:pulumi:Stack$", "::"));
    dependencies.set(`${req.getType()}::${req.getName()}`, [...new Set(urns)]);
    register(req, callback);
  };
  const resolved = path.resolve(target);
  const outputs = await pulumi.runtime.runInPulumiStack(async () => {
    const exported = require(resolved);
    // A program may export a function (the "entrypoint" style); Pulumi calls it and uses its result as outputs.
    return typeof exported === "function" ? await exported() : exported;
  });
  await settings.waitForRPCs();
  const plain = JSON.parse(JSON.stringify(outputs ?? {}, (_k, v) => (v && v.__pulumiResource ? undefined : v)));
  process.stdout.write(`PROGRAM ${JSON.stringify({ registrations, outputs: plain })}\n`);
};
main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
