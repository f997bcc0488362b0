/**
 * Fault rules (vocabulary after mockttp: error, http status, delay, drop, applyThenDrop; once / n times / always).
 * Rules are checked in the order added; the first live rule matching the action fires and loses one use.
 */
import { ACTION_NAMES, type ChatAction } from "../protocol/actions";
import type { FaultEffect, FaultRule } from "./types";

interface LiveRule {
  readonly rule: FaultRule;
  remaining: number;
}

/** The set of active fault rules of one emulator. */
export class FaultBook {
  private rules: LiveRule[] = [];

  /** Add a rule (default `times` 1, `Infinity` = always); returns a function that removes it. */
  add(rule: FaultRule): () => void {
    const times = rule.times ?? 1;
    if (!(times > 0)) throw new Error("fault rule times must be a positive number or Infinity");
    const live: LiveRule = { rule, remaining: times };
    this.rules.push(live);
    return () => {
      this.rules = this.rules.filter((r) => r !== live);
    };
  }

  /** Remove every rule. */
  clear(): void {
    this.rules = [];
  }

  /** The effect for a request to `action`, consuming one use of the matching rule; undefined when none matches. */
  take(action: ChatAction): FaultEffect | undefined {
    const live = this.rules.find((r) => r.rule.action === undefined || r.rule.action === action);
    if (live === undefined) return undefined;
    live.remaining -= 1;
    if (live.remaining <= 0) this.rules = this.rules.filter((r) => r !== live);
    return live.rule.effect;
  }

  /** Number of rules still active. */
  get size(): number {
    return this.rules.length;
  }
}

/**
 * A {@link FaultRule} from untrusted JSON (the admin route). `times` may be a positive integer or "always".
 * Throws an Error naming the bad field.
 */
export function parseFaultRule(input: unknown): FaultRule {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    throw new Error("fault rule must be a JSON object");
  const raw = input as Record<string, unknown>;
  const rule: { action?: ChatAction; effect: FaultEffect; times?: number } = { effect: parseEffect(raw.effect) };
  if (raw.action !== undefined) {
    if (typeof raw.action !== "string" || !(ACTION_NAMES as string[]).includes(raw.action)) {
      throw new Error(`action must be one of ${ACTION_NAMES.join(", ")}`);
    }
    rule.action = raw.action as ChatAction;
  }
  if (raw.times === "always") rule.times = Infinity;
  else if (raw.times !== undefined) {
    if (typeof raw.times !== "number" || !Number.isInteger(raw.times) || raw.times < 1) {
      throw new Error('times must be a positive integer or "always"');
    }
    rule.times = raw.times;
  }
  return rule;
}

function parseEffect(input: unknown): FaultEffect {
  if (typeof input !== "object" || input === null) throw new Error("effect must be an object with a kind");
  const raw = input as Record<string, unknown>;
  const int = (field: string, min: number, max: number): number => {
    const value = raw[field];
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
      throw new Error(`effect.${field} must be an integer between ${min} and ${max}`);
    }
    return value;
  };
  switch (raw.kind) {
    case "error": {
      const errorCode = int("errorCode", 1, 2 ** 31 - 1);
      if (raw.errorInfo !== undefined && typeof raw.errorInfo !== "string")
        throw new Error("effect.errorInfo must be a string");
      return raw.errorInfo === undefined
        ? { kind: "error", errorCode }
        : { kind: "error", errorCode, errorInfo: raw.errorInfo };
    }
    case "http":
      return { kind: "http", status: int("status", 100, 599) };
    case "delay":
      return { kind: "delay", ms: int("ms", 0, 600_000) };
    case "drop":
      return { kind: "drop" };
    case "applyThenDrop":
      return { kind: "applyThenDrop" };
    default:
      throw new Error("effect.kind must be error, http, delay, drop or applyThenDrop");
  }
}
