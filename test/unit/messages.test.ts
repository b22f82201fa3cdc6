import { describe, expect, it } from 'vitest';
import { talkCheck } from '../../lib/backup/record-checks';
import {
  cleanExtractedTalk,
  cleanExtractionResult,
  parseBackupBlobReply,
  parseMessage,
  type Message,
} from '../../lib/messages';
import type { ExtractedTalk } from '../../lib/model';

const PAGE = 'https://blog.example.dev/paved-roads';
const quote = { type: 'TextQuoteSelector', exact: 'paved roads', prefix: 'build ', suffix: ' for all' };
const position = { type: 'TextPositionSelector', start: 10, end: 21 };
const BLOB = 'blob:chrome-extension://abcdefghijklmnop/6f1c2a8e-1b2c-4d3e-8f90-0123456789ab';

/** One well-formed message of every type, already in the form parseMessage returns. */
const VALID: { [T in Message['type']]: Extract<Message, { type: T }> } = {
  'clip-page': { type: 'clip-page', keys: ['https://conf.sched.com/event/a#T'] },
  'clipped-keys': { type: 'clipped-keys', keys: ['k1', 'k2'] },
  'focus-composer': { type: 'focus-composer' },
  'highlight-save': {
    type: 'highlight-save',
    pageUrl: PAGE,
    pageTitle: 'Paved roads',
    quote: quote as never,
    position: position as never,
    color: 'green',
  },
  'highlights-for-page': { type: 'highlights-for-page', pageUrl: PAGE },
  'highlight-update': { type: 'highlight-update', id: '6f1c2a8e-1b2c-4d3e-8f90-0123456789ab', color: 'pink' },
  'highlight-delete': { type: 'highlight-delete', id: 'h_1' },
  'highlight-restore': { type: 'highlight-restore', highlight: { id: 'h_1' } },
  'highlights-anchored': { type: 'highlights-anchored', pageUrl: PAGE, found: ['a'], lost: [] },
  'highlight-selection': { type: 'highlight-selection' },
  'highlights-changed': { type: 'highlights-changed' },
  'highlighter-ping': { type: 'highlighter-ping' },
  'offscreen-backup-blob': { type: 'offscreen-backup-blob', now: 1_700_000_000_000 },
  'offscreen-revoke-blob': { type: 'offscreen-revoke-blob', url: BLOB },
};

const sparse = ['a', 'b'];
delete sparse[0];
const badUrls = [
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'ftp://x.example/',
  '/relative',
  '',
  42,
  null,
];
const badIds = ['../etc', 'a b', 'h<script>', 'é', '', 'x'.repeat(65), 7, null];
const badColors = ['red', '#ffff00', 'YELLOW', 'yellow ', '', 'constructor', 1, null];
const badKeyLists = ['k', [1], [null], ['x'.repeat(2049)], Array(5001).fill('k'), sparse, { 0: 'k', length: 1 }];
const badNumbers = [-1, 1.5, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1, '10', null];

/** [type, field, bad values]: each bad value alone, in an otherwise valid message, must be refused. */
const BAD: [Message['type'], string, unknown[]][] = [
  ['clip-page', 'keys', [undefined, ...badKeyLists]],
  ['clipped-keys', 'keys', [undefined, null, ...badKeyLists]],
  ['highlight-save', 'pageUrl', [undefined, ...badUrls]],
  ['highlight-save', 'pageTitle', [undefined, null, 7, 'x'.repeat(1001)]],
  ['highlight-save', 'color', [undefined, ...badColors]],
  [
    'highlight-save',
    'quote',
    [
      undefined,
      null,
      'paved roads',
      { ...quote, type: 'TextPositionSelector' },
      { ...quote, exact: '  \n ' },
      { ...quote, exact: 'x'.repeat(50_001) },
      { ...quote, prefix: 'x'.repeat(501) },
      { ...quote, suffix: 3 },
      { type: 'TextQuoteSelector', exact: 'paved roads' },
    ],
  ],
  [
    'highlight-save',
    'position',
    [
      undefined,
      'x',
      { ...position, type: 'TextQuoteSelector' },
      ...badNumbers.map((start) => ({ ...position, start })),
      ...badNumbers.map((end) => ({ ...position, end })),
      { ...position, start: 22, end: 21 },
    ],
  ],
  ['highlights-for-page', 'pageUrl', [undefined, ...badUrls]],
  ['highlight-update', 'id', [undefined, ...badIds]],
  ['highlight-update', 'color', [undefined, ...badColors]],
  ['highlight-delete', 'id', [undefined, ...badIds]],
  ['highlight-restore', 'highlight', [undefined, null, 'h_1', 1, true]],
  ['highlights-anchored', 'pageUrl', [undefined, ...badUrls]],
  ['highlights-anchored', 'found', [undefined, null, ...badKeyLists]],
  ['highlights-anchored', 'lost', [undefined, null, ...badKeyLists]],
  ['offscreen-backup-blob', 'now', [undefined, ...badNumbers]],
  [
    'offscreen-revoke-blob',
    'url',
    [
      undefined,
      'https://example.com/x',
      'blob:https://evil.example/6f1c',
      'javascript:alert(1)',
      `${BLOB}?x`,
      `${BLOB}/../x`,
      `blob:chrome-extension://abcdefghijklmnop/${'a'.repeat(300)}`,
      5,
    ],
  ],
];

describe('parseMessage', () => {
  it.each(Object.values(VALID))('accepts a well-formed $type', (message) => {
    expect(parseMessage(structuredClone(message))).toEqual(message);
  });

  it('keeps only the known fields: a page cannot smuggle a comment or talk id through', () => {
    const parsed = parseMessage({ ...VALID['highlight-save'], comment: 'pwned', talkId: 'talk-1', id: 'x' });
    expect(parsed).toEqual(VALID['highlight-save']);
    expect(parseMessage({ ...VALID['highlight-update'], comment: 'pwned' })).toEqual(VALID['highlight-update']);
    expect(parseMessage({ type: 'highlighter-ping', run: 'code' })).toEqual({ type: 'highlighter-ping' });
  });

  it('takes null keys for "all talks" on clip-page, and null for no position', () => {
    expect(parseMessage({ type: 'clip-page', keys: null })).toEqual({ type: 'clip-page', keys: null });
    expect(parseMessage({ ...VALID['highlight-save'], position: null })).toMatchObject({ position: null });
    expect(parseMessage({ ...VALID['highlight-save'], position: { ...position, start: 5, end: 5 } })).toMatchObject({
      position: { start: 5, end: 5 },
    });
  });

  it('accepts the bounds themselves', () => {
    expect(parseMessage({ type: 'clipped-keys', keys: Array(5000).fill('x'.repeat(2048)) })).not.toBeNull();
    expect(
      parseMessage({
        ...VALID['highlight-save'],
        pageTitle: 'x'.repeat(1000),
        quote: { ...quote, exact: 'x'.repeat(50_000), prefix: 'p'.repeat(500) },
      }),
    ).not.toBeNull();
    expect(parseMessage({ type: 'highlight-delete', id: 'x'.repeat(64) })).not.toBeNull();
  });

  it('stores page URLs in canonical form', () => {
    expect(parseMessage({ type: 'highlights-for-page', pageUrl: '  HTTPS://Blog.Example.DEV/a b ' })).toEqual({
      type: 'highlights-for-page',
      pageUrl: 'https://blog.example.dev/a%20b',
    });
  });

  for (const [type, field, values] of BAD) {
    it.each(values.map((v) => [v]))(`refuses ${type} with ${field} = %o`, (value) => {
      expect(parseMessage({ ...VALID[type], [field]: value })).toBeNull();
    });
  }

  it('ignores what is not a known message', () => {
    for (const raw of [
      null,
      undefined,
      'focus-composer',
      42,
      [],
      [{ type: 'focus-composer' }],
      {},
      { type: 'nope' },
      { type: 'FOCUS-COMPOSER' },
      { type: ['focus-composer'] },
      { type: { toString: () => 'focus-composer' } },
      { type: 'toString' },
      { type: '__proto__' },
    ]) {
      expect(parseMessage(raw)).toBeNull();
    }
  });

  it('reads no type from a JSON __proto__ key and pollutes nothing', () => {
    expect(parseMessage(JSON.parse('{"__proto__": {"type": "focus-composer"}}'))).toBeNull();
    const parsed = parseMessage(JSON.parse('{"type":"highlight-delete","id":"h1","__proto__":{"polluted":true}}'));
    expect(parsed).toEqual({ type: 'highlight-delete', id: 'h1' });
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    const restore = parseMessage(
      JSON.parse('{"type":"highlight-restore","highlight":{"__proto__":{"polluted":true}}}'),
    );
    expect(restore).not.toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

const talk = (over: Record<string, unknown> = {}) => ({
  url: 'https://conf.sched.com/event/abc/paved-roads',
  title: 'Paved roads',
  ...over,
});
const clean = (over: Record<string, unknown> = {}) => cleanExtractedTalk(talk(over));

describe('cleanExtractedTalk', () => {
  it('fills every absent field with null or empty, and calls an unknown source jsonld', () => {
    expect(clean({ source: 'evil' })).toEqual({
      source: 'jsonld',
      url: 'https://conf.sched.com/event/abc/paved-roads',
      externalId: null,
      title: 'Paved roads',
      start: null,
      end: null,
      timeZone: null,
      room: null,
      tracks: [],
      customFields: {},
      speakers: [],
      descriptionHtml: null,
      description: null,
      files: [],
      videoUrl: null,
      conference: null,
    } satisfies ExtractedTalk);
  });

  it('keeps a well-formed talk as it is', () => {
    const full: ExtractedTalk = {
      source: 'sched',
      url: 'https://conf.sched.com/event/abc/paved-roads',
      externalId: 'abc',
      title: 'Paved roads',
      start: '2025-09-09T09:30:00-07:00',
      end: '2025-09-09T10:00:00-07:00',
      timeZone: 'America/Los_Angeles',
      room: 'Hall A',
      tracks: ['Platform'],
      customFields: { Level: 'Intro' },
      speakers: [
        {
          name: 'Ada',
          role: 'Engineer',
          company: 'Acme',
          roleCompanyRaw: 'Engineer, Acme',
          group: 'Speakers',
          profileUrl: 'https://conf.sched.com/ada',
          avatarUrl: 'https://img.example/ada.png',
        },
      ],
      descriptionHtml: '<p>Roads</p>',
      description: 'Roads',
      files: [{ name: 'Slides', url: 'https://static.sched.com/s.pdf' }],
      videoUrl: 'https://video.example/v',
      conference: {
        key: 'conf.sched.com',
        name: 'Conf',
        url: 'https://conf.sched.com/',
        timeZone: 'America/Los_Angeles',
      },
    };
    expect(cleanExtractedTalk(structuredClone({ ...full, extra: 'dropped' }))).toEqual(full);
  });

  it('needs an http(s) URL and a non-blank title', () => {
    for (const v of [
      null,
      'talk',
      42,
      [],
      {},
      talk({ url: undefined }),
      talk({ url: 'javascript:alert(1)' }),
      talk({ url: '/event/abc' }),
      talk({ title: undefined }),
      talk({ title: '   ' }),
      talk({ title: 7 }),
    ]) {
      expect(cleanExtractedTalk(v)).toBeNull();
    }
  });

  it('keeps markup in the title as text: it is data, escaped where shown', () => {
    expect(clean({ title: '<script>alert(1)</script>' })?.title).toBe('<script>alert(1)</script>');
  });

  it('drops every link that is not http(s)', () => {
    const t = clean({
      videoUrl: 'javascript:alert(1)',
      speakers: [{ name: 'Ada', avatarUrl: 'javascript:alert(1)', profileUrl: 'data:text/html,x' }],
      files: [{ name: 'evil', url: 'vbscript:x' }, { url: 'https://static.sched.com/s.pdf' }],
      conference: { key: 'c', url: 'javascript:alert(1)' },
    })!;
    expect(t.videoUrl).toBeNull();
    expect(t.speakers[0]).toMatchObject({ name: 'Ada', avatarUrl: null, profileUrl: null });
    expect(t.files).toEqual([{ name: 'https://static.sched.com/s.pdf', url: 'https://static.sched.com/s.pdf' }]);
    expect(t.conference).toEqual({ key: 'c', name: null, url: null, timeZone: null });
  });

  it('keeps IANA zones only', () => {
    expect(clean({ timeZone: 'Europe/Berlin', conference: { key: 'c', timeZone: 'Europe/Berlin' } })).toMatchObject({
      timeZone: 'Europe/Berlin',
      conference: { timeZone: 'Europe/Berlin' },
    });
    // Spelled as Intl spells it, so one zone is one name (`europe/berlin` is Europe/Berlin).
    expect(clean({ timeZone: 'europe/berlin' })?.timeZone).toBe('Europe/Berlin');
    for (const timeZone of ['Mars/Olympus', 'Europe/Berlin; DROP TABLE', 42, 'x'.repeat(1000)]) {
      expect(clean({ timeZone, conference: { key: 'c', timeZone } })).toMatchObject({
        timeZone: null,
        conference: { timeZone: null },
      });
    }
  });

  it('keeps parseable times and drops the rest', () => {
    expect(clean({ start: '2025-09-09T09:30:00+02:00', end: 'soon' })).toMatchObject({
      start: '2025-09-09T09:30:00+02:00',
      end: null,
    });
    expect(clean({ start: 1_757_403_000_000 })?.start).toBeNull();
  });

  it('bounds every text and list', () => {
    const huge = 'x'.repeat(10_000_000);
    const t = clean({
      title: huge,
      description: huge,
      descriptionHtml: huge,
      room: huge,
      externalId: huge,
      start: `2025-09-09 (${huge})`,
      tracks: ['AI', 3, null, { toString: () => 'x' }, huge, ...Array(100).fill('Web')],
      customFields: {
        ['k'.repeat(300)]: huge,
        ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}`, huge])),
      },
      speakers: Array(300).fill({ name: huge, role: huge }),
      files: Array(150).fill({ name: huge, url: 'https://x.example/f' }),
    })!;
    expect(t.title).toHaveLength(1000);
    expect(t.description).toHaveLength(200_000);
    expect(t.descriptionHtml).toHaveLength(200_000);
    expect(t.room).toHaveLength(1000);
    expect(t.externalId).toHaveLength(200);
    expect(t.start).toBeNull(); // parseable (the date parser skips a comment in brackets), yet no time is 10 MB long
    expect(t.tracks).toHaveLength(50);
    expect(t.tracks.slice(0, 3)).toEqual(['AI', 'x'.repeat(1000), 'Web']);
    expect(Object.keys(t.customFields)).toHaveLength(50);
    expect(Object.keys(t.customFields)[0]).toHaveLength(200);
    expect(Object.values(t.customFields).every((v) => v.length === 1000)).toBe(true);
    expect(t.speakers).toHaveLength(200);
    expect(t.speakers[0]!.name).toHaveLength(1000);
    expect(t.files).toHaveLength(100);
  });

  it('refuses a URL longer than any browser navigates to', () => {
    expect(clean({ url: `https://conf.sched.com/event/${'x'.repeat(3_000_000)}` })).toBeNull();
    expect(clean({ videoUrl: `https://video.example/${'x'.repeat(3_000_000)}` })?.videoUrl).toBeNull();
  });

  it('gives a talk that a backup of it can import again, however hostile the page', () => {
    const huge = 'x'.repeat(6_000_000);
    const t = clean({
      start: `2025-09-09 (${huge})`,
      tracks: [huge],
      videoUrl: `https://v.example/${huge}`,
      speakers: [{ name: 'A', avatarUrl: `https://i.example/${huge}` }],
    })!;
    const { conference: _c, ...fields } = t;
    const stored = {
      ...fields,
      id: 'id',
      key: `${t.url}#T`,
      conferenceId: null,
      startAt: null,
      endAt: null,
      links: [],
      clippedAt: 0,
      updatedAt: 0,
    };
    expect(() => talkCheck(stored, 'talks[0]')).not.toThrow();
  });

  it('keeps only string custom fields and pollutes nothing through __proto__', () => {
    const t = cleanExtractedTalk(
      JSON.parse(
        `{"url":"https://a.example/t","title":"T","customFields":{"__proto__":{"polluted":"yes"},"n":1,"Level":"Intro"}}`,
      ),
    )!;
    expect(t.customFields).toEqual({ Level: 'Intro' });
    expect(Object.getPrototypeOf(t.customFields)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('cleanExtractionResult', () => {
  it('answers "no answer" to what is not an object', () => {
    for (const v of [undefined, null, 'talks', 3]) {
      expect(cleanExtractionResult(v)).toEqual({ talks: [], warnings: ['The page gave no answer.'], source: 'none' });
    }
  });

  it('cleans each talk, keeps string warnings bounded, and bounds the source', () => {
    const r = cleanExtractionResult({
      talks: [talk(), { title: 'no url' }, 'x', talk({ title: 'Two' })],
      warnings: ['w'.repeat(600), 3, ...Array(30).fill('w')],
      source: 's'.repeat(60),
    });
    expect(r.talks.map((t) => t.title)).toEqual(['Paved roads', 'Two']);
    expect(r.warnings).toHaveLength(20);
    expect(r.warnings[0]).toHaveLength(500);
    expect(r.source).toHaveLength(50);
    expect(cleanExtractionResult({ talks: 'all', source: 5 })).toEqual({ talks: [], warnings: [], source: 'none' });
    expect(cleanExtractionResult({ talks: Array(6000).fill(talk()) }).talks).toHaveLength(5000);
  });
});

describe('parseBackupBlobReply', () => {
  const ORIGIN = 'chrome-extension://abcdefghijklmnop';
  it('takes a Blob URL of our own origin only', () => {
    expect(parseBackupBlobReply({ ok: true, url: BLOB, bytes: 0 }, ORIGIN)).toEqual({ ok: true, url: BLOB, bytes: 0 });
    expect(parseBackupBlobReply({ ok: true, url: BLOB, bytes: 10 }, 'chrome-extension://abcdefghijklmno')).toBeNull();
    const moz = 'blob:moz-extension://0a1b2c3d-4e5f/6f1c2a8e';
    expect(parseBackupBlobReply({ ok: true, url: moz, bytes: 1 }, 'moz-extension://0a1b2c3d-4e5f')).toEqual({
      ok: true,
      url: moz,
      bytes: 1,
    });
  });

  it('refuses odd sizes, odd flags and long errors', () => {
    for (const reply of [
      { ok: true, url: BLOB, bytes: 1.5 },
      { ok: true, url: BLOB, bytes: '10' },
      { ok: true, url: BLOB },
      { ok: 'true', url: BLOB, bytes: 1 },
      { ok: 1, url: BLOB, bytes: 1 },
      { ok: false, message: 'x'.repeat(1001) },
      { ok: false, message: 3 },
      'ok',
    ]) {
      expect(parseBackupBlobReply(reply, ORIGIN)).toBeNull();
    }
    expect(parseBackupBlobReply({ ok: false, message: 'x'.repeat(1000), url: BLOB }, ORIGIN)).toEqual({
      ok: false,
      message: 'x'.repeat(1000),
    });
  });
});
