#!/usr/bin/env node
/**
 * `tencent-chat-export`: writes a Pulumi program that adopts every group of a Tencent Cloud Chat app. Exit codes:
 * 0 written, 1 the export failed (nothing was written at --out), 2 bad usage or settings.
 */
import { isChatError } from "../../provider/client/errors";
import { runExport, summaryText, type ExportIo } from "./export";
import { HELP, parseArgs, USAGE_EXIT, UsageError } from "./options";

/** Where {@link main} writes; injectable for tests. */
export interface MainIo extends ExportIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
}

/** {@link main}: runs the bin with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], io: MainIo): Promise<number> {
  let options;
  try {
    options = parseArgs(argv, io.env);
  } catch (e) {
    if (e instanceof UsageError || (isChatError(e) && e.code === "CHAT_ERR_CONFIG")) {
      io.stderr(`tencent-chat-export: ${(e as Error).message}\nRun tencent-chat-export --help for the options.`);
      return USAGE_EXIT;
    }
    throw e;
  }
  if (options === "help") {
    io.stdout(HELP.trimEnd());
    return 0;
  }
  try {
    const summary = await runExport(options, io);
    io.stdout(summaryText(summary));
    return 0;
  } catch (e) {
    const code = isChatError(e) ? ` [${e.code}]` : "";
    io.stderr(
      `tencent-chat-export: the export failed${code}: ${(e as Error).message}\n` +
        `Nothing was written to ${options.out}. Run the same command again once the cause is fixed.`,
    );
    return 1;
  }
}

if (require.main === module) {
  const io: MainIo = {
    stdout: (t) => void process.stdout.write(`${t}\n`),
    stderr: (t) => void process.stderr.write(`${t}\n`),
    env: process.env,
    progress: { write: (line) => void process.stderr.write(`${line}\n`), now: () => Date.now() },
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`tencent-chat-export: unexpected error: ${e instanceof Error ? e.stack : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
