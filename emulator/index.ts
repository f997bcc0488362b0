/**
 * Local emulator of the Tencent Cloud Chat group REST API.
 *
 * @example
 * const emu = await startEmulator({ sdkAppId: 1400000000, secretKey: "test-key", admin: "administrator" });
 * // point the client at emu.url, then
 * await emu.close();
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ChatAction } from "../protocol/actions";
import { createCore, zeroCounters } from "./core";
import { createListener, Sleeper } from "./server";
import type { EmulatorOptions, FaultRule, RunningEmulator } from "./types";

export type {
  ChatStore,
  EmulatorBehaviour,
  EmulatorBehaviourOverrides,
  EmulatorOptions,
  FaultEffect,
  FaultRule,
  RunningEmulator,
  StoredAccount,
  StoredGroup,
  StoredMember,
} from "./types";
export { DEFAULT_BEHAVIOUR } from "./behaviour";
export { verifyUserSig } from "./auth";

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

/** Start an emulator on `options.host` (default 127.0.0.1) and `options.port` (default 0: a free port). */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const core = createCore(options);
  const sleeper = new Sleeper();
  const server = createServer(createListener(core, sleeper));
  // Malformed HTTP never reaches the listener; answer 400 and drop the socket instead of crashing.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  const host = options.host ?? "127.0.0.1";
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    port,
    store: core.store,
    addFault: (rule: FaultRule) => core.faults.add(rule),
    clearFaults: () => core.faults.clear(),
    setQuota: (action: ChatAction, perSecond: number | undefined) => core.quotas.set(action, perSecond),
    counters: () => ({ ...core.counters }),
    resetCounters: () => {
      core.counters = zeroCounters();
    },
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        sleeper.cancelAll();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
