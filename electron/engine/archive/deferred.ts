/** A promise with its settle functions exposed (Promise.withResolvers is Node 22+). */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
}

/**
 * Creates a Deferred. `handled` pre-attaches a no-op catch so a rejection nobody awaits does not
 * crash the process with an unhandled rejection (the caller may still await and see it).
 */
export function deferred<T>(handled = false): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  if (handled) promise.catch(() => undefined);
  return { promise, resolve, reject };
}
