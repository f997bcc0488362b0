/**
 * The object handed to `pulumi.dynamic.Resource`, and therefore serialized into every resource's `__provider`.
 *
 * It captures nothing: each method loads the compiled implementation by bare package name when it is called.
 * So the serialized text is small, holds no secret, and stays byte-identical when the implementation changes;
 * old state then runs the implementation that is installed now (pulumi/pulumi#16826, #12401). A golden test
 * guards the text. Do not import anything here, and keep the methods non-async (no `__awaiter` in the text).
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any --
 * the deliberate capture-free stub: a call-time `require` by package name (an import would be captured), and the
 * engine's untyped property bags, exactly as `pulumi.dynamic.ResourceProvider` declares them. */
import type * as impl from "./provider";

/** Loads the implementation from the installed package (resolved from the program's directory in the host). */
function load(): typeof impl {
  return require("pulumi-tencent-chat/provider");
}

/** {@link impl.configure}. */
export function configure(req: Parameters<typeof impl.configure>[0]) {
  return load().configure(req);
}
/** {@link impl.check}. */
export function check(olds: any, news: any) {
  return load().check(olds, news);
}
/** {@link impl.diff}. */
export function diff(id: string, olds: any, news: any) {
  return load().diff(id, olds, news);
}
/** {@link impl.create}. */
export function create(inputs: any) {
  return load().create(inputs);
}
/** {@link impl.read}. */
export function read(id: string, props: any) {
  return load().read(id, props);
}
/** {@link impl.update}. */
export function update(id: string, olds: any, news: any) {
  return load().update(id, olds, news);
}
/** {@link impl.remove}. */
function remove(id: string, props: any) {
  return load().remove(id, props);
}
export { remove as delete };
