/**
 * Reading a request body with a size limit, without ever throwing into the listener.
 */
import type { IncomingMessage } from "node:http";

/** A body read to its end, or one that went over the limit (the rest was discarded, not buffered). */
export type BodyResult = { kind: "ok"; text: string } | { kind: "tooLarge"; bytes: number } | { kind: "aborted" };

/** Past this many bytes of an oversized body the emulator stops draining and closes the connection. */
const DRAIN_FACTOR = 8;

/** Read `req` to its end, buffering at most `limit` bytes. Resolves "aborted" when the client goes away. */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve) => {
    // The client may have gone while a delay fault held the request.
    if (req.destroyed && !req.complete) return resolve({ kind: "aborted" });
    const chunks: Buffer[] = [];
    let bytes = 0;
    let done = false;
    const finish = (result: BodyResult): void => {
      if (done) return;
      done = true;
      resolve(result);
    };
    req.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes <= limit) chunks.push(chunk);
      else if (bytes > limit * DRAIN_FACTOR) {
        // Stop reading a runaway upload: answer now; the server closes the connection after the answer.
        req.pause();
        finish({ kind: "tooLarge", bytes });
      }
    });
    req.on("end", () =>
      finish(
        bytes > limit ? { kind: "tooLarge", bytes } : { kind: "ok", text: Buffer.concat(chunks).toString("utf8") },
      ),
    );
    req.on("error", () => finish({ kind: "aborted" }));
    req.on("close", () =>
      finish(req.complete ? { kind: "ok", text: Buffer.concat(chunks).toString("utf8") } : { kind: "aborted" }),
    );
  });
}
