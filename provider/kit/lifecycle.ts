/**
 * Lifecycle helpers every new resource shares: the properties the host needs on every result (`__provider`), Pulumi's
 * partial-failure shape for a resource that exists although a later step failed, and recording the app (`sdkAppId`)
 * in outputs and partial-failure properties alike (as ChatGroup does, DECISIONS.md D6, D20, D42).
 */
import { ChatError, ErrorCodes } from "../client/errors";
import { isPartialFailure, type PartialFailure } from "../resource/lifecycle";

export { isPartialFailure, type PartialFailure };

/**
 * `props` plus the `__provider` of `carry` (the inputs or old outputs): the engine stores a partial failure's
 * properties verbatim and loads the provider from them for Read and Delete, so they must carry it.
 */
export function withProvider<T extends object>(props: T, carry: object | undefined): T {
  const p = (carry ?? {}) as Record<string, unknown>;
  return p.__provider === undefined ? props : { ...props, __provider: p.__provider };
}

/**
 * Pulumi's partial failure: `subject` (e.g. `account "u"`) exists, but `doing` failed. The engine keeps `id` in
 * state with `properties` (plus `__provider` from `carry`) as its outputs and updates it on the next `up`.
 */
export function partialFailure(
  subject: string,
  id: string,
  properties: Record<string, unknown>,
  cause: unknown,
  doing: string,
  carry: object | undefined,
): PartialFailure {
  const why = cause instanceof Error ? cause.message : String(cause);
  const message =
    `${subject} exists, but ${doing} failed: ${why} Pulumi keeps it in state; ` +
    "fix the cause and run `pulumi up` again to finish (refresh and destroy work as usual).";
  const e = new ChatError(ErrorCodes.Partial, message, { cause }) as PartialFailure;
  e.id = id;
  e.properties = withProvider(properties, carry);
  e.reasons = [message];
  return e;
}

/** Runs `run` and records `sdkAppId` in its outputs (`outsOf`), or in a partial failure's properties. */
export async function recording<T>(
  sdkAppId: number,
  run: () => Promise<T>,
  outsOf: (r: T) => object | undefined,
): Promise<T> {
  try {
    const result = await run();
    const outs = outsOf(result) as Record<string, unknown> | undefined;
    if (outs !== undefined) outs.sdkAppId = sdkAppId;
    return result;
  } catch (e) {
    if (isPartialFailure(e)) e.properties.sdkAppId = sdkAppId;
    throw e;
  }
}
