// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { observeInfoFailures } from '../../../lib/sync/observe-info';

/** Rejections node reports as unhandled while `run` and the ticks after it happen. */
async function unhandledDuring(run: () => void): Promise<unknown[]> {
  const seen: unknown[] = [];
  const listener = (reason: unknown) => seen.push(reason);
  const others = process.listeners('unhandledRejection');
  process.removeAllListeners('unhandledRejection');
  process.on('unhandledRejection', listener);
  try {
    run();
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    process.off('unhandledRejection', listener);
    for (const other of others) process.on('unhandledRejection', other);
  }
  return seen;
}

const serverDown = () => ({ info: () => Promise.reject(new Error('ECONNREFUSED')) });

describe('observeInfoFailures', () => {
  it('a dropped info() call, as PouchDB’s progress count makes, is not an unhandled rejection', async () => {
    const progressCount = (db: ReturnType<typeof serverDown>) => () => void db.info().then(() => 'count');
    expect(await unhandledDuring(progressCount(serverDown()))).toHaveLength(1); // the bug it guards
    expect(await unhandledDuring(progressCount(observeInfoFailures(serverDown())))).toEqual([]);
    expect(await unhandledDuring(() => void observeInfoFailures(serverDown()).info())).toEqual([]);
  });

  it('a caller that awaits info() still gets the failure, and a success still arrives', async () => {
    await expect(observeInfoFailures(serverDown()).info()).rejects.toThrow('ECONNREFUSED');
    const chained = observeInfoFailures(serverDown())
      .info()
      .then(() => 'count');
    await expect(chained).rejects.toThrow('ECONNREFUSED');
    const up = observeInfoFailures({ info: async () => ({ update_seq: 7 }) });
    expect(await up.info()).toEqual({ update_seq: 7 });
  });
});
