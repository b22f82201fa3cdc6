/**
 * pouchdb-replication 9 asks the source database for `info()` after every batch, only to update
 * a progress count: `src.info().then(updateCount)`, with no catch. When the server drops mid-sync
 * (conference Wi-Fi) the promise that `.then` makes rejects with nobody listening: an unhandled
 * rejection per batch, noise in the console and a failure in any test runner. The replication
 * itself copes (it retries); only that progress call is left dangling.
 *
 * So the databases the runner builds hand out an `info()` promise whose `.then` marks the promise
 * it makes as observed. Marking adds a listener and nothing else: whoever chains on it still gets
 * the rejection, and a caller that awaits `info()` still sees the failure.
 */
class ObservedPromise<T> extends Promise<T> {
  // Promises made by `then` are plain ones, so marking them cannot recurse.
  static override get [Symbol.species]() {
    return Promise;
  }

  // biome-ignore lint/suspicious/noThenProperty: a Promise subclass; marking what `then` makes is the point
  override then<A = T, B = never>(
    onFulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    const made = super.then(onFulfilled, onRejected);
    made.catch(() => undefined);
    return made;
  }
}

export function observeInfoFailures<T extends { info: (...args: never[]) => unknown }>(db: T): T {
  const info = db.info.bind(db) as (...args: never[]) => unknown;
  db.info = ((...args: never[]) => {
    const result = info(...args);
    if (!(result instanceof Promise)) return result;
    const observed = ObservedPromise.resolve(result);
    observed.catch(() => undefined); // nobody may chain on it at all
    return observed;
  }) as T['info'];
  return db;
}
