// Runs a Pulumi program under mocks in a plain node process (as `pulumi up` runs programs, outside jest's module
// registry, so the serializer recognises installed packages) and prints its registrations as one JSON line.
// Usage: node run-program.js <program.js> <project> <stack>   (cwd = the program directory)
"use strict";
const path = require("node:path");
const [file, project, stack] = process.argv.slice(2);
const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [process.cwd()] }));
const registrations = [];
pulumi.runtime
  .setMocks(
    {
      newResource(args) {
        const urn = `urn:pulumi:${stack}::${project}::${args.type}::${args.name}`;
        registrations.push({ type: args.type, name: args.name, urn, inputs: args.inputs });
        return { id: `${args.name}-mock-id`, state: args.inputs };
      },
      call: () => ({}),
    },
    project,
    stack,
    false,
  )
  .then(async () => {
    const resources = await require(path.resolve(file))();
    await Promise.all(resources.map((r) => new Promise((resolve) => r.urn.apply(resolve))));
    process.stdout.write(`REGISTRATIONS ${JSON.stringify(registrations)}\n`);
  })
  .catch((e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
  });
