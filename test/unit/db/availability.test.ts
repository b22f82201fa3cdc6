import { describe, expect, it, vi } from 'vitest';
import { checkDatabase } from '../../../lib/db/availability';
import { TalkmarkDB } from '../../../lib/db/schema';

describe('checkDatabase', () => {
  it('is fine when IndexedDB opens', async () => {
    expect(await checkDatabase(new TalkmarkDB(`test-${crypto.randomUUID()}`))).toEqual({ ok: true });
  });

  it('explains a private window when opening is refused', async () => {
    const db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
    vi.spyOn(db, 'open').mockRejectedValue(
      Object.assign(new Error('A mutation operation was attempted on a database that did not allow mutations.'), {
        name: 'InvalidStateError',
      }),
    );
    const result = await checkDatabase(db);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/private window/);
  });
});
