import { describe, expect, it } from 'vitest';
import { newerDraft, readMirror, writeMirror, type DraftStorage } from '../../../lib/notes/draft-mirror';
import { memoryStorage } from '../helpers';

describe('draft mirror', () => {
  it('writes, reads and clears a draft', () => {
    const s = memoryStorage();
    writeMirror(s, 'talk-1', 'half a thought', 1000);
    expect(readMirror(s, 'talk-1')).toEqual({ text: 'half a thought', at: 1000 });
    writeMirror(s, 'talk-1', '   ', 2000);
    expect(readMirror(s, 'talk-1')).toBeNull();
  });

  it('survives a broken or full storage', () => {
    const s = memoryStorage();
    s.data.set('talkmark:draft:x', '{not json');
    expect(readMirror(s, 'x')).toBeNull();
    const full: DraftStorage = {
      getItem: () => null,
      removeItem: () => {},
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => writeMirror(full, 'x', 'text')).not.toThrow();
    expect(readMirror(null, 'x')).toBeNull();
  });

  it('prefers whichever copy is newer', () => {
    expect(newerDraft({ text: 'old', updatedAt: 1 }, { text: 'newer', at: 2 })).toEqual({ text: 'newer', at: 2 });
    expect(newerDraft({ text: 'db', updatedAt: 3 }, { text: 'stale', at: 2 })).toEqual({ text: 'db', at: 3 });
    expect(newerDraft(null, null)).toBeNull();
    expect(newerDraft({ text: 'only db', updatedAt: 1 }, null)).toEqual({ text: 'only db', at: 1 });
  });
});

describe('notes on their way', () => {
  it('are kept until confirmed, one entry per note', async () => {
    const { markSending, markSent, readSending } = await import('../../../lib/notes/draft-mirror');
    const s = memoryStorage();
    markSending(s, 't1', { id: 'a', text: 'first' });
    markSending(s, 't1', { id: 'b', text: 'second' });
    expect(readSending(s, 't1')).toEqual([
      { id: 'a', text: 'first' },
      { id: 'b', text: 'second' },
    ]);
    markSent(s, 't1', 'a');
    expect(readSending(s, 't1')).toEqual([{ id: 'b', text: 'second' }]);
    markSent(s, 't1', 'b');
    expect(s.data.size).toBe(0);
    s.data.set('talkmark:sending:t2', 'not json');
    expect(readSending(s, 't2')).toEqual([]);
  });
});
