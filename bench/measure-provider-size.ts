/**
 * `__provider` size: ours (the installed package's stub) against a naive class-based dynamic provider serialized by
 * value (the baseline, bench/naive/naive-provider.ts), both captured by the real serializer under mocks in a
 * program directory laid out as after `npm install`. Each is serialized again after an implementation edit.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { createHash } from "node:crypto";
import { programOf } from "../harness/e2e";
import { collectRegistrations, makeProgramDir } from "../harness/program-dir";

/** One provider's serialized text, measured. */
export interface ProviderTextStats {
  /** UTF-8 bytes of `__provider`. */
  bytes: number;
  /** Bytes of `__provider` a resource carries in state (inputs and outputs each hold a copy). */
  bytesInStatePerResource: number;
  sha256: string;
  /** Whether the text differs after an edit of the implementation. */
  changedByImplementationEdit: boolean;
  /** What was edited. */
  edit: string;
}

/** Both providers and their ratio. */
export interface ProviderSizeResult {
  ours: ProviderTextStats & { sameForEveryResource: boolean };
  naive: ProviderTextStats;
  /** naive bytes / our bytes. */
  ratio: number;
  /** Our text, for the report. */
  oursText: string;
}

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const NAIVE_JS = path.join(__dirname, "naive", "naive-provider.js");

function naiveProgram(): string {
  return [
    `const pulumi = require("@pulumi/pulumi");`,
    `const { NaiveChatGroupProvider } = require("./naive-provider");`,
    `const provider = new NaiveChatGroupProvider({ sdkAppId: 1400012345, identifier: "administrator", endpoint: "http://127.0.0.1:9" });`,
    `new pulumi.dynamic.Resource(provider, "naive", { type: "Public", name: "naive" });`,
  ].join("\n");
}

/** Serializes both providers, edits each implementation, serializes again. Cleans up its program directory. */
export async function measureProviderSize(): Promise<ProviderSizeResult> {
  const program = makeProgramDir();
  try {
    const ourText = async (n: number) => {
      const decl = Object.fromEntries(
        Array.from({ length: n }, (_, i) => [`g${i}`, { type: "Public", name: `size ${i}` }]),
      );
      const regs = await collectRegistrations(program.dir, programOf(decl));
      return regs.map((r) => r.inputs.__provider as string);
    };
    const naiveText = async () => {
      const [reg] = await collectRegistrations(program.dir, naiveProgram());
      return reg!.inputs.__provider as string;
    };
    fs.copyFileSync(NAIVE_JS, path.join(program.dir, "naive-provider.js"));

    const oursBefore = await ourText(3);
    const naiveBefore = await naiveText();

    // Implementation edits: ours in the installed package (a new release), the naive one in the user's source file.
    const installed = path.join(program.dir, "node_modules", "pulumi-tencent-chat", "dist", "provider");
    fs.appendFileSync(path.join(installed, "provider.js"), "\nexports.__benchEdited = 'implementation changed';\n");
    fs.appendFileSync(path.join(installed, "resource", "lifecycle.js"), "\n// a new release of the lifecycle\n");
    const naiveFile = path.join(program.dir, "naive-provider.js");
    const source = fs.readFileSync(naiveFile, "utf8");
    if (!source.includes(`"1.0.0"`)) throw new Error("naive provider: VERSION constant not found to edit");
    fs.writeFileSync(naiveFile, source.replace(`"1.0.0"`, `"1.0.1"`));

    const [oursAfter] = await ourText(1);
    const naiveAfter = await naiveText();

    const ours = oursBefore[0]!;
    const bytes = (s: string) => Buffer.byteLength(s, "utf8");
    // Inputs and outputs each hold a copy of `__provider`, hence twice the bytes in state.
    const sizeOf = (before: string, after: string, edit: string) => ({
      bytes: bytes(before),
      bytesInStatePerResource: 2 * bytes(before),
      sha256: sha(before),
      changedByImplementationEdit: after !== before,
      edit,
    });
    return {
      ours: {
        ...sizeOf(
          ours,
          oursAfter,
          "appended code to the installed dist/provider/provider.js and dist/provider/resource/lifecycle.js",
        ),
        sameForEveryResource: oursBefore.every((t) => t === ours),
      },
      naive: sizeOf(naiveBefore, naiveAfter, "changed its VERSION constant from 1.0.0 to 1.0.1"),
      ratio: bytes(naiveBefore) / bytes(ours),
      oursText: ours,
    };
  } finally {
    program.cleanup();
  }
}
