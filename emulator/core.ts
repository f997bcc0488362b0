/**
 * The state one running emulator shares between its HTTP layer and its admin routes.
 */
import { ACTION_NAMES, type ChatAction } from "../protocol/actions";
import { resolveBehaviour } from "./behaviour";
import { FaultBook } from "./faults";
import { QuotaBook } from "./quota";
import { FileStore, MemoryStore, type SequencedStore } from "./store";
import type { EmulatorBehaviour, EmulatorOptions } from "./types";

/** Default {@link EmulatorOptions.maxBodyBytes}: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Resolved options plus the mutable books (faults, quotas, counters) of one emulator. */
export interface EmulatorCore {
  readonly sdkAppId: number;
  readonly secretKey: string;
  readonly admin: string;
  readonly clock: () => number;
  readonly behaviour: EmulatorBehaviour;
  readonly store: SequencedStore;
  readonly faults: FaultBook;
  readonly quotas: QuotaBook;
  readonly quotaErrorCode: number;
  readonly maxBodyBytes: number;
  readonly listCursorBase: bigint;
  readonly log: ((line: string) => void) | undefined;
  counters: Record<ChatAction, number>;
}

/** Zero for every action. */
export function zeroCounters(): Record<ChatAction, number> {
  return Object.fromEntries(ACTION_NAMES.map((a) => [a, 0])) as Record<ChatAction, number>;
}

/** Validate options and build the core; throws an Error naming a bad option. */
export function createCore(options: EmulatorOptions): EmulatorCore {
  if (!Number.isSafeInteger(options.sdkAppId) || options.sdkAppId <= 0)
    throw new Error("sdkAppId must be a positive integer");
  if (typeof options.secretKey !== "string" || options.secretKey === "")
    throw new Error("secretKey must be a non-empty string");
  const admin = options.admin ?? "administrator";
  if (admin === "") throw new Error("admin must not be empty");
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 2) throw new Error("maxBodyBytes must be an integer >= 2");
  const base = BigInt(options.listCursorBase ?? 0);
  if (base < 0n || base > 2n ** 63n - 2n ** 40n) throw new Error("listCursorBase must be between 0 and about 2^63");
  const clock = options.clock ?? Date.now;
  return {
    sdkAppId: options.sdkAppId,
    secretKey: options.secretKey,
    admin,
    clock,
    behaviour: resolveBehaviour(options.behaviour),
    store: options.stateFile === undefined ? new MemoryStore() : new FileStore(options.stateFile),
    faults: new FaultBook(),
    quotas: new QuotaBook(clock, options.quota),
    quotaErrorCode: options.quotaErrorCode ?? 60007,
    maxBodyBytes,
    listCursorBase: base,
    log: options.log,
    counters: zeroCounters(),
  };
}
