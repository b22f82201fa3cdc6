import { describe, expect, it } from 'vitest';
import {
  docToRecord,
  type LocalRefs,
  MAX_DOC_CHARS,
  type RemoteRefs,
  recordToDoc,
  sameContent,
} from '../../../lib/sync/docs';
import { aHighlight, aNote, aTalk } from './records';

const here: LocalRefs = { talkKey: (id) => (id === 't1' ? 'conf.sched.com/aaaa' : null), conferenceKey: () => null };
const there = (talks: Record<string, string> = { 'conf.sched.com/aaaa': 'b-talk' }): RemoteRefs => ({
  talkId: (key) => talks[key] ?? null,
  conferenceId: () => null,
  localIdFor: (_t, key) => talks[key] ?? 'new-id',
});

describe('records ⇄ documents', () => {
  it('names a note by its id and its talk by key, never by the local talk id; leaves the picture home', () => {
    const doc = recordToDoc('notes', { ...aNote({ imageId: 'img1' }), author: 'Ada' } as never, here)!;
    expect(doc).toEqual({
      _id: 'note:n1',
      type: 'note',
      schema: 1,
      talkKey: 'conf.sched.com/aaaa',
      kind: 'plain',
      text: 'hello',
      createdAt: 10,
      updatedAt: 10,
      author: 'Ada',
    });
    const back = docToRecord(doc, there());
    expect(back).toEqual({
      kind: 'record',
      table: 'notes',
      record: { ...aNote({ talkId: 'b-talk' }), author: 'Ada' },
      dropped: 0,
    });
  });

  it('names a talk by its key on every machine, and gives it the local id there', () => {
    const doc = recordToDoc('talks', aTalk(), here)!;
    expect(doc._id).toBe('talk:conf.sched.com/aaaa');
    expect(doc).not.toHaveProperty('id');
    const back = docToRecord(doc, there());
    expect(back.kind === 'record' && back.record).toEqual({ ...aTalk(), id: 'b-talk' });
  });

  it('round-trips highlights with their anchors and comments', () => {
    const h = aHighlight({ comment: 'good point', position: { type: 'TextPositionSelector', start: 1, end: 4 } });
    const back = docToRecord(recordToDoc('highlights', h, here)!, there({ 'conf.sched.com/aaaa': 't1' }));
    expect(back.kind === 'record' && back.record).toEqual(h);
  });

  it('a note whose talk has not arrived waits for it', () => {
    const doc = recordToDoc('notes', aNote(), here)!;
    expect(docToRecord(doc, there({}))).toEqual({ kind: 'wait', table: 'notes', talkKey: 'conf.sched.com/aaaa' });
  });

  it('compares content only (revisions and key order aside)', () => {
    const a = recordToDoc('notes', aNote(), here)!;
    const b = { ...Object.fromEntries(Object.entries(a).reverse()), _rev: '3-x' } as typeof a;
    expect(sameContent(a, b)).toBe(true);
    expect(sameContent(a, { ...b, text: 'other' })).toBe(false);
  });
});

describe('hostile documents are refused with a reason', () => {
  const good = () => recordToDoc('notes', aNote(), here)! as Record<string, unknown>;
  const cases: Array<[string, unknown]> = [
    ['a design document', { _id: '_design/evil', filters: { f: 'function(){}' } }],
    ['an unknown id', { ...good(), _id: 'bookmark:1' }],
    ['a type that is not the id’s', { ...good(), type: 'talk' }],
    ['a newer document schema', { ...good(), schema: 2 }],
    ['an unknown note kind', { ...good(), kind: '<img src=x onerror=alert(1)>' }],
    ['a query object as talk key', { ...good(), talkKey: { $gt: null } }],
    ['a text that is not text', { ...good(), text: { toString: 'x' } }],
    ['an author that is not a name', { ...good(), author: 'x'.repeat(500) }],
    ['an author that turns text around (bidi override)', { ...good(), author: 'Ada\u202Egnp.exe' }],
    ['an author of two lines', { ...good(), author: 'Ada\nGrace' }],
    ['an author that is not text', { ...good(), author: ['Ada'] }],
    ['a huge document', { ...good(), text: 'x'.repeat(MAX_DOC_CHARS + 1) }],
    ['not an object', 'hello'],
    ['a talk whose page is a script', { ...recordToDoc('talks', aTalk(), here)!, url: 'javascript:alert(1)' }],
    ['a talk whose key is not its id', { ...recordToDoc('talks', aTalk(), here)!, key: 'other' }],
    [
      'a talk whose capture crop leaves the picture',
      { ...recordToDoc('talks', aTalk(), here)!, captureCrop: { x: 0.9, y: 0, width: 0.5, height: 1 } },
    ],
    [
      'a talk whose capture crop is not numbers',
      { ...recordToDoc('talks', aTalk(), here)!, captureCrop: { x: '0', y: 0, width: 1, height: 1 } },
    ],
  ];
  it.each(cases)('%s', (_name, doc) => {
    const read = docToRecord(doc, there());
    expect(read.kind).toBe('rejected');
  });

  it('brings a valid capture crop across, as a restore does', () => {
    const captureCrop = { x: 0.1, y: 0.2, width: 0.5, height: 0.6 };
    const read = docToRecord({ ...recordToDoc('talks', aTalk(), here)!, captureCrop }, there());
    expect(read.kind === 'record' && (read.record as { captureCrop: unknown }).captureCrop).toEqual(captureCrop);
  });

  it('drops an optional link that is not http(s), as a restore does', () => {
    const doc = { ...recordToDoc('talks', aTalk(), here)!, videoUrl: 'javascript:alert(1)' };
    const read = docToRecord(doc, there());
    expect(read.kind === 'record' && (read.record as { videoUrl: unknown }).videoUrl).toBeNull();
    expect(read.kind === 'record' && read.dropped).toBe(1);
  });
});
