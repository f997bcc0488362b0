/**
 * The capture-free object handed to `pulumi.dynamic.Resource` for ChatGroupMembers, serialized into `__provider`:
 * each method loads the implementation by package name at call time (see provider/stub.ts for why). Do not import
 * anything here, and keep the methods non-async.
 */
/* eslint-disable @typescript-eslint/no-require-imports, @typescript-eslint/no-explicit-any --
 * the deliberate capture-free stub: a call-time `require` by package name, and the engine's untyped property bags. */
import type * as impl from "./provider";

/** Loads the implementation from the installed package. */
function load(): typeof impl {
  return require("pulumi-tencent-chat/provider/chat-group-members");
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
