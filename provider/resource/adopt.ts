/**
 * Adoption rules, after Pulumi's `import` resource option: a group is taken over only when the program describes it
 * as it is. Any difference fails before any write and lists every differing field with its live value, written so
 * it can be pasted into the program; `adopt: "overwrite"` opts into applying the declared values instead (never for
 * fields no API can change). Pure: the lifecycle reads the group and calls these.
 */
import { ChatError, ErrorCodes } from "../client/errors";
import { fieldChanges, type FieldChange } from "./diff";
import { normalizeInputs, type PropsLike } from "./normalize";

/** How `adopt` asks to take over an existing group: not at all, only as it is, or overwriting it. */
export type AdoptMode = false | "match" | "overwrite";

/** The canonical value of the `adopt` input that opts into overwriting the live group. */
export const ADOPT_OVERWRITE = "overwrite";

/** {@link adoptMode} reads the `adopt` input: `true` → "match", `"overwrite"` → "overwrite", else false. */
export function adoptMode(inputs: PropsLike): AdoptMode {
  const a = normalizeInputs(inputs).adopt as unknown;
  return a === true ? "match" : a === ADOPT_OVERWRITE ? "overwrite" : false;
}

/** A value as TypeScript/JavaScript source (JSON is valid source for every input value). */
function literal(v: unknown): string {
  return JSON.stringify(v);
}

/** One line of the paste block: the live value as a property, the declared one as a comment. */
function line(c: FieldChange): string {
  const declared = c.new === undefined ? "nothing" : literal(c.new);
  if (c.old === undefined)
    return `  // ${c.field}: the group has none; remove ${c.field} from the program (declared ${declared})`;
  return `  ${c.field}: ${literal(c.old)}, // declared ${declared}`;
}

/**
 * {@link adoptDifferences} lists the inputs whose declared value differs from the live group (`existing`, the group
 * mapped to outputs): every field with an API effect; sticky inputs the program leaves out are not compared.
 */
export function adoptDifferences(existing: PropsLike, inputs: PropsLike): FieldChange[] {
  return fieldChanges(existing, inputs).filter((c) => c.onChange !== "none");
}

/**
 * {@link adoptRefusal} is the error that stops an adoption before any write, or undefined when it may go ahead:
 * a difference in a replace-only field always refuses; any other difference refuses unless adopt is "overwrite".
 * The error (code `CHAT_ERR_ADOPT_MISMATCH`, no `id`: nothing is recorded in state) lists every difference.
 */
export function adoptRefusal(id: string, existing: PropsLike, inputs: PropsLike): ChatError | undefined {
  const diffs = adoptDifferences(existing, inputs);
  const fixed = diffs.filter((c) => c.onChange === "replace");
  if (diffs.length === 0 || (fixed.length === 0 && adoptMode(inputs) === "overwrite")) return undefined;
  const n = diffs.length;
  const head =
    `cannot adopt group ${JSON.stringify(id)}: the live group differs from the program in ${n} field${n === 1 ? "" : "s"} ` +
    `(${diffs.map((c) => c.field).join(", ")}). Nothing was changed and nothing was recorded in the stack. ` +
    "To adopt it as it is, declare its live values:";
  const tail =
    fixed.length > 0
      ? `${fixed.map((c) => c.field).join(", ")} cannot change in place (no API changes ${fixed.length === 1 ? "it" : "them"}), ` +
        'so adopt: "overwrite" cannot help: declare the live values, or choose another groupId.'
      : 'Or set adopt: "overwrite" to replace the live values with the declared ones (preview cannot show this: it ' +
        "does not read the live group).";
  return new ChatError(ErrorCodes.AdoptMismatch, [head, ...diffs.map(line), tail].join("\n"), { groupId: id });
}
