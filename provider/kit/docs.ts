/**
 * renderTableMarkdown(): a resource's README reference, rendered from its {@link ResourceTable}. README.md holds it
 * between `<!-- fields:<Resource>:start -->` and `<!-- fields:<Resource>:end -->`; a readme-sync test keeps them equal.
 */
import type { FieldSpec, ResourceTable } from "./table";

const esc = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

function typeText(f: FieldSpec): string {
  switch (f.kind) {
    case "enum":
      return (f.values ?? []).map((v) => `"${v}"`).join(" \\| ");
    case "bool":
      return ["boolean", ...(f.values ?? []).map((v) => `"${v}"`)].join(" \\| ");
    case "int":
      return "integer";
    case "list":
      return f.items ? "list of objects" : "list of strings";
    case "map":
      return "map of strings";
    default:
      return "string";
  }
}

function limitsText(f: FieldSpec): string {
  const parts: string[] = [];
  if (f.minBytes !== undefined && f.maxBytes !== undefined) parts.push(`${f.minBytes}–${f.maxBytes} bytes UTF-8`);
  else if (f.maxBytes !== undefined) parts.push(`≤ ${f.maxBytes} bytes UTF-8`);
  else if (f.minBytes === 1) parts.push("non-empty");
  if (f.pattern) parts.push(f.pattern.hint);
  const unit = f.kind === "list" ? " entries" : f.kind === "map" ? " keys" : "";
  if (f.min !== undefined && f.max !== undefined) parts.push(`${f.min}–${f.max}${unit}`);
  else if (f.min !== undefined) parts.push(`≥ ${f.min}${unit}`);
  else if (f.max !== undefined) parts.push(`≤ ${f.max}${unit}`);
  if (f.uniqueBy) parts.push(`\`${f.uniqueBy}\` unique`);
  return parts.join("; ") || "—";
}

function changeText(f: FieldSpec): string {
  const head = { replace: "**replace**", update: "update", none: "no effect" }[f.onChange];
  return f.why ? `${head} — ${f.why}` : head;
}

function defaultText(f: FieldSpec): string {
  if (f.required) return "required";
  return f.default === undefined ? "—" : `\`${JSON.stringify(f.default)}\``;
}

function rows(fields: readonly FieldSpec[], prefix: string): string[] {
  return fields.flatMap((f) => {
    const name = `${prefix}${f.input}`;
    const row = `| \`${name}\` | ${typeText(f)} | ${defaultText(f)} | ${esc(limitsText(f))} | ${esc(changeText(f))} | ${f.wire ? esc(f.wire) : "—"} | ${esc(f.doc)} |`;
    return [row, ...(f.items ? rows(f.items, `${name}[].`) : [])];
  });
}

/** {@link renderTableMarkdown}: inputs (list item fields as `list[].field`), then the outputs. */
export function renderTableMarkdown(table: ResourceTable): string {
  return [
    "| Input | Type | Default | Limits | On change | Wire | Description |",
    "|---|---|---|---|---|---|---|",
    ...rows(table.fields, ""),
    "",
    "Outputs: every input in canonical form (defaults filled in), plus:",
    "",
    "| Output | Type | Description |",
    "|---|---|---|",
    ...table.outputs.map((o) => `| \`${o.name}\` | ${esc(o.type)} | ${esc(o.doc)} |`),
    "",
  ].join("\n");
}

/** The text between the README markers of `resource` (undefined when they are missing), for the readme-sync tests. */
export function readmeBlock(readme: string, resource: string): string | undefined {
  return readme.split(`<!-- fields:${resource}:start -->`)[1]?.split(`<!-- fields:${resource}:end -->`)[0];
}
