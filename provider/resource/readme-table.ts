/**
 * The README's field reference, rendered from the field table ({@link FIELDS}, {@link OUTPUT_FACTS}); a unit test
 * keeps README.md's generated table equal to {@link renderFieldsMarkdown}'s output.
 */
import {
  DEFAULT_LIMITS,
  FIELDS,
  kindText,
  limitValue,
  OUTPUT_FACTS,
  type FieldSpec,
  type ValidationLimits,
} from "./fields";

/** The Limits column: the field's own wording, or its byte, key, pattern and range limits. */
function limitsText(f: FieldSpec, limits: ValidationLimits): string {
  if (f.limitsDoc) return f.limitsDoc(limits);
  const parts: string[] = [];
  if (f.maxBytes) parts.push(`${f.kind === "map" ? "values " : ""}≤ ${limits[f.maxBytes]} bytes UTF-8`);
  if (f.kind === "map") parts.push(`≤ ${limits.maxAppDefinedKeys} keys`, `keys ${f.pattern?.hint ?? ""}`);
  else if (f.pattern) parts.push(f.pattern.hint);
  if (f.range) parts.push(`${f.range.min}..${limitValue(f.range.max, limits)}`);
  return parts.join("; ") || "—";
}

/** The On change column: replace / update / no effect, stickiness, and why. */
function changeText(f: FieldSpec): string {
  const head = {
    replace: f.sticky ? "**replace** when set and different" : "**replace**",
    "update-modify": "update",
    "update-owner": "update (owner transfer)",
    none: "no effect",
  }[f.onChange];
  return `${head}${f.sticky ? "; removal is not a change" : ""} — ${f.why}`;
}

/**
 * {@link renderFieldsMarkdown} renders the README reference: one row per input of {@link FIELDS}, then the
 * output-only facts. Pass the limits the README should quote.
 */
export function renderFieldsMarkdown(limits: ValidationLimits = DEFAULT_LIMITS): string {
  const esc = (s: string): string => s.replace(/\|/g, "\\|");
  const rows = FIELDS.map((f) => {
    const def = f.defaultFor?.(undefined);
    const defText =
      f.defaultDoc ?? (def === undefined ? (f.required ? "required" : "—") : `\`${JSON.stringify(def)}\``);
    const wire = [f.wire.import, f.wire.modify, f.wire.get].map((w) => w ?? "—").join(" / ");
    return `| \`${f.input}\` | ${esc(kindText(f))} | ${defText} | ${esc(limitsText(f, limits))} | ${esc(changeText(f))} | ${wire} | ${esc(f.doc)} |`;
  });
  const outs = OUTPUT_FACTS.map((o) => `| \`${o.name}\` | ${o.type} | ${esc(o.doc)} |`);
  return [
    "| Input | Type | Default | Limits | On change | Wire (import / modify / get) | Description |",
    "|---|---|---|---|---|---|---|",
    ...rows,
    "",
    "Outputs: every input in canonical form (aliases mapped, defaults filled in), plus:",
    "",
    "| Output | Type | Description |",
    "|---|---|---|",
    ...outs,
    "",
  ].join("\n");
}
