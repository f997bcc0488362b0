/**
 * Default {@link EmulatorBehaviour}: every default is the documented REST behaviour (see DECISIONS.md).
 */
import type { EmulatorBehaviour, EmulatorBehaviourOverrides } from "./types";

/** The documented REST behaviour. */
export const DEFAULT_BEHAVIOUR: Readonly<EmulatorBehaviour> = Object.freeze({
  notFoundCode: 10010,
  limits: Object.freeze({ name: 30, introduction: 240, notification: 300, faceUrl: 100 }),
  acceptTypeAliases: false,
  muteField: "MuteAllMember",
  ownerNotMemberCode: 10007,
  maxAppDefinedKeys: 10,
  appDefinedKeys: undefined,
  requireImportedAccounts: true,
  maxReplyBytes: 1024 * 1024,
  joinOptionRules: "fixed",
  memberLimits: Object.freeze({ max: 6000, maxCommunity: 100_000, importDefault: 2000, importDefaultCommunity: 2000 }),
  addMemberLimit: 20,
  unknownMemberAdd: "item",
  memberRuleCode: 10007,
  modifyNonMemberCode: 10007,
  portraitGetMissing: "item",
  reimportUpdatesProfile: false,
  multiImportSetsProfile: true,
  memberNextAs: "string",
});

/** Defaults overlaid with the caller's overrides (limits merged field by field). */
export function resolveBehaviour(overrides: EmulatorBehaviourOverrides = {}): EmulatorBehaviour {
  return {
    ...DEFAULT_BEHAVIOUR,
    ...overrides,
    limits: { ...DEFAULT_BEHAVIOUR.limits, ...(overrides.limits ?? {}) },
    memberLimits: { ...DEFAULT_BEHAVIOUR.memberLimits, ...(overrides.memberLimits ?? {}) },
  };
}
