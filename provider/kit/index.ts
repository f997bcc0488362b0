/** The resource kit: field tables and what is derived from them (check, diff, README reference). */
export * from "./table";
export { checkTable, canonicalInputs, type TableCheckContext } from "./check";
export { diffTable, tableChanges, type TableDiff, type TableFieldChange, type PropertyDiffKind } from "./diff";
export { renderTableMarkdown, readmeBlock } from "./docs";
