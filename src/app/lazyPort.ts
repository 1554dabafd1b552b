// A port whose implementation is a chunk of its own, fetched the first time the pane calls it: the first screen
// does not wait for the Graph adapter, MSAL's loader, zod's record schemas or DOMPurify, and the first Graph call
// (right after that screen, for the selected message) fetches them. A chunk that cannot be fetched (offline, a
// redeploy replaced the hashed file) is a "network" AppError the pane shows with a retry, and the retry fetches
// it again.
import { AppError, isAppError } from "../domain/errors";

/** How each member of a port is called: "async" members wait for the chunk, "sync" ones need it already. */
export type PortShape<T> = { [K in keyof T]-?: "async" | "sync" };

export interface Lazy<T> {
  /** The implementation, fetching its chunk the first time (and again after a failed fetch). */
  load(): Promise<T>;
  /** The implementation if its chunk has arrived. */
  current(): T | undefined;
}

/** Memoizes `load`; a rejection is forgotten so that the next call tries again. */
export function lazy<T>(load: () => Promise<T>): Lazy<T> {
  let value: T | undefined;
  let pending: Promise<T> | undefined;
  return {
    load() {
      pending ??= load().then(
        (loaded) => (value = loaded),
        (e: unknown) => {
          pending = undefined;
          throw isAppError(e)
            ? e
            : new AppError("network", "A part of the pane could not be loaded", { cause: e });
        },
      );
      return pending;
    },
    current: () => value,
  };
}

/**
 * Thrown by a "sync" member called before its chunk arrived. The pane never does that: the synchronous members
 * (a sanitizer, a size check) only handle what an asynchronous call of the same chunk returned first.
 */
export function notLoaded(member: string): AppError {
  return new AppError("unknown", `${member} was called before its code was loaded`);
}

/** `T` built from `source`: every member named in `shape` forwards to the loaded implementation. */
export function lazyPort<T extends object>(source: Lazy<T>, shape: PortShape<T>): T {
  const port: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(shape)) {
    const call = (impl: T, args: unknown[]): unknown =>
      (impl as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);
    port[name] =
      kind === "sync"
        ? (...args: unknown[]) => {
            const impl = source.current();
            if (!impl) throw notLoaded(name);
            return call(impl, args);
          }
        : (...args: unknown[]) => {
            const impl = source.current();
            return impl ? call(impl, args) : source.load().then((loaded) => call(loaded, args));
          };
  }
  return port as T;
}
