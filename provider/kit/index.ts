/**
 * The resource kit: field tables and what is derived from them (check, diff, README reference), and the lifecycle
 * helpers every resource shares. Resources import the kit, the client and config; the kit reuses the ChatGroup
 * model's primitives (unknown placeholder, own-property reads, UTF-8 length).
 */
export * from "./table";
export { checkTable, canonicalInputs, type TableCheckContext } from "./check";
export { diffTable, tableChanges, type TableDiff, type TableFieldChange, type PropertyDiffKind } from "./diff";
export { renderTableMarkdown, readmeBlock } from "./docs";
export { isPartialFailure, partialFailure, recording, withProvider, type PartialFailure } from "./lifecycle";
export { isUnknown, containsUnknown, jsonEqual, ownEntry } from "../resource/normalize";
export type { CheckFailure, CheckResult, DiffResult } from "../resource/types";
