import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeBackup } from '../../../lib/backup/export';
import type { BackupTable } from '../../../lib/backup/format';
import { MAX_BACKUP_CHARS, parseBackup } from '../../../lib/backup/parse';
import { backupOf, v1Data } from './fixtures';

const text = (value: unknown) => JSON.stringify(value);
const validText = () => serializeBackup(backupOf(v1Data()));

function errorOf(input: string): string {
  const r = parseBackup(input);
  if (r.ok) throw new Error('expected the file to be rejected');
  expect(r.error).not.toMatch(/\n/);
  return r.error;
}

/** Backup data loosely typed, so tests can corrupt it freely. */
// biome-ignore lint/suspicious/noExplicitAny: the tests corrupt any field of any record
type LooseData = Record<BackupTable, any[]>;

/** A valid backup with one change applied to its data. */
function mutated(change: (data: LooseData) => void): string {
  const backup = backupOf(v1Data());
  change(backup.data as unknown as LooseData);
  return text(backup);
}

describe('parseBackup', () => {
  it('accepts a valid backup and returns the same data', () => {
    const r = parseBackup(validText());
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.backup).toEqual(backupOf(v1Data()));
  });

  it('drops fields it does not know, at every level', () => {
    const r = parseBackup(
      mutated((d) => {
        Object.assign(d.notes[0] as object, { evil: '<script>' });
        Object.assign((d.talks[0] as { speakers: object[] }).speakers[0]!, { extra: 1 });
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.backup.data.notes[0]).not.toHaveProperty('evil');
    expect(r.backup.data.talks[0]!.speakers[0]).not.toHaveProperty('extra');
  });

  it('rejects empty and truncated files', () => {
    expect(errorOf('')).toBe('The file is empty.');
    expect(errorOf(' \n')).toBe('The file is empty.');
    const full = validText();
    expect(errorOf(full.slice(0, full.length / 2))).toMatch(/not valid JSON.*truncated/);
    expect(errorOf('{"format": "talkmark-backup", "version": 1,')).toMatch(/truncated/);
  });

  it('rejects foreign files', () => {
    for (const foreign of [
      text({ name: 'talkmark', version: '0.1.0' }),
      '[1,2,3]',
      '"talkmark-backup"',
      'null',
      '42',
      text({ format: 'other', version: 1 }),
    ]) {
      expect(errorOf(foreign)).toBe('This file is not a Talkmark backup.');
    }
    expect(errorOf('<!doctype html><p>Not JSON')).toMatch(/not valid JSON/);
  });

  it('explains a newer version, and rejects a nonsense one', () => {
    expect(errorOf(text({ ...backupOf(v1Data()), version: 3 }))).toMatch(
      /^This backup was made by a newer Talkmark \(backup format 3/,
    );
    for (const version of [0, -1, 1.5, '1', null]) {
      expect(errorOf(text({ ...backupOf(v1Data()), version }))).toBe('This backup has an invalid format version.');
    }
  });

  it('rejects a bad header', () => {
    expect(errorOf(text({ ...backupOf(v1Data()), exportedAt: 'yesterday' }))).toMatch(/exportedAt/);
    expect(errorOf(text({ ...backupOf(v1Data()), schemaVersion: '1' }))).toMatch(
      /schemaVersion should be a whole number/,
    );
    expect(errorOf(text({ ...backupOf(v1Data()), data: [] }))).toMatch(/data should be an object/);
  });

  it.each([
    [
      'a timestamp as text',
      (d: LooseData) => (d.notes[0].createdAt = '2025-09-09'),
      'data.notes[0].createdAt should be a time in milliseconds, but is the text "2025-09-09"',
    ],
    [
      'an unknown note kind',
      (d: LooseData) => (d.notes[1].kind = 'rant'),
      'data.notes[1].kind should be one of plain, takeaway, quote, question, link, todo, slide',
    ],
    [
      'an unknown talk source',
      (d: LooseData) => (d.talks[0].source = 'myspace'),
      'data.talks[0].source should be one of',
    ],
    ['a missing field', (d: LooseData) => delete d.talks[2].room, 'data.talks[2].room should be text, but is missing'],
    [
      'null where not allowed',
      (d: LooseData) => (d.talks[0].title = null),
      'data.talks[0].title should be text, but is null',
    ],
    ['an empty id', (d: LooseData) => (d.notes[0].id = ''), 'data.notes[0].id should be non-empty text'],
    [
      'a nested wrong type',
      (d: LooseData) => (d.talks[0].speakers[1].name = 7),
      'data.talks[0].speakers[1].name should be text, but is the number 7',
    ],
    [
      'a list that is an object',
      (d: LooseData) => (d.talks[0].tracks = { a: 1 }),
      'data.talks[0].tracks should be a list',
    ],
    [
      'an infinite-looking time',
      (d: LooseData) => (d.talks[0].startAt = 1e300),
      'data.talks[0].startAt should be a time',
    ],
    [
      'a bad custom field',
      (d: LooseData) => (d.talks[0].customFields.Level = 3),
      'data.talks[0].customFields.Level should be text',
    ],
    [
      'a wrong selector type',
      (d: LooseData) => (d.highlights[0].quote.type = 'CssSelector'),
      'data.highlights[0].quote.type should be one of TextQuoteSelector',
    ],
    [
      'a negative position',
      (d: LooseData) => (d.highlights[0].position.start = -1),
      'data.highlights[0].position.start should be a whole number',
    ],
    [
      'a setting without value',
      (d: LooseData) => delete d.settings[0].value,
      'data.settings[0].value should be a value, but is missing',
    ],
    [
      'a missing table',
      (d: LooseData) => delete (d as Partial<LooseData>).drafts,
      'data.drafts should be a list, but is missing',
    ],
    [
      'a record that is not an object',
      (d: LooseData) => (d.templates[0] = 'x'),
      'data.templates[0] should be an object',
    ],
    [
      'a template kind',
      (d: LooseData) => (d.templates[0].kind = 'week'),
      'data.templates[0].kind should be one of talk, day',
    ],
  ])('rejects %s with its path', (_name, change, message) => {
    expect(errorOf(mutated(change))).toContain(`The backup is damaged: ${message}`);
  });

  it('bounds sizes', () => {
    expect(errorOf(mutated((d) => ((d.talks[0] as { title: string }).title = 'x'.repeat(10_001))))).toMatch(
      /title should be text of at most 10000 characters/,
    );
    expect(errorOf(mutated((d) => ((d.talks[0] as { tracks: string[] }).tracks = Array(10_001).fill('t'))))).toMatch(
      /tracks has 10001 items; at most 10000/,
    );
    expect(errorOf(mutated((d) => ((d.settings[0] as { value: unknown }).value = 'x'.repeat(1_000_001))))).toMatch(
      /value should be a value of at most/,
    );
  });

  it('rejects a file over the size cap before parsing it', () => {
    expect(errorOf(' '.repeat(MAX_BACKUP_CHARS) + '{}')).toMatch(
      /^The file is too large for a Talkmark backup \(101 MB; the limit is 100 MB\)\.$/,
    );
  });

  it('rejects duplicate primary keys inside a table', () => {
    expect(errorOf(mutated((d) => d.notes.push({ ...(d.notes[0] as object) })))).toMatch(
      /data\.notes has two records with the id "/,
    );
    expect(errorOf(mutated((d) => d.drafts.push({ ...(d.drafts[0] as object), text: 'other' })))).toMatch(
      /data\.drafts has two records with the key "/,
    );
  });

  it('leaves out optional links that are not http(s), at every place a backup holds one, and names them', () => {
    const r = parseBackup(
      mutated((d) => {
        d.conferences[0].url = 'javascript:alert(1)';
        d.talks[0].speakers[0].profileUrl = 'JAVASCRIPT:alert(1)';
        d.talks[0].speakers[1].avatarUrl = 'data:image/png;base64,AAAA';
        d.talks[0].files.push({ name: 'slides', url: 'java\tscript:alert(1)' });
        d.talks[0].videoUrl = 'vbscript:msgbox(1)';
        d.talks[0].links = ['file:///etc/passwd', 'https://ok.example/', 'not a url'];
      }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.dropped.map(({ path, reason }) => ({ path, reason }))).toEqual([
      { path: 'data.conferences[0].url', reason: 'a javascript: link' },
      { path: 'data.talks[0].speakers[0].profileUrl', reason: 'a javascript: link' },
      { path: 'data.talks[0].speakers[1].avatarUrl', reason: 'a data: link' },
      { path: 'data.talks[0].files[1].url', reason: 'a javascript: link' },
      { path: 'data.talks[0].videoUrl', reason: 'a vbscript: link' },
      { path: 'data.talks[0].links[0]', reason: 'a file: link' },
      { path: 'data.talks[0].links[2]', reason: 'not a link' },
    ]);
    // Said in words, the talk named by its title.
    const title = r.backup.data.talks[0]!.title;
    expect(r.dropped.find((d) => d.path === 'data.talks[0].videoUrl')!.where).toBe(`“${title}”: the recording link`);
    expect(r.dropped.find((d) => d.path === 'data.talks[0].files[1].url')!.where).toBe(`“${title}”: the file “slides”`);
    const talk = r.backup.data.talks[0]!;
    expect(talk.links).toEqual(['https://ok.example/']);
    expect(talk.files.map((f) => f.name)).toEqual(['slides.pdf']);
    expect([
      talk.videoUrl,
      talk.speakers[0]!.profileUrl,
      talk.speakers[1]!.avatarUrl,
      r.backup.data.conferences[0]!.url,
    ]).toEqual([null, null, null, null]);
    expect(JSON.stringify(r.backup)).not.toMatch(/script:|data:image|file:/i);
  });

  it('leaves out time zones the browser does not know', () => {
    const r = parseBackup(
      mutated((d) => {
        d.talks[1].timeZone = 'Mars/Olympus_Mons';
        d.conferences[1].timeZone = '"><img src=x onerror=alert(1)>';
      }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.dropped.map((x) => x.path)).toEqual(['data.conferences[1].timeZone', 'data.talks[1].timeZone']);
    expect(r.dropped[1]!.reason).toBe('an unknown time zone "Mars/Olympus_Mons"');
    expect(r.backup.data.talks[1]!.timeZone).toBeNull();
    expect(r.backup.data.talks[0]!.timeZone).toBe('America/Los_Angeles');
  });

  it('holds zones to the rule clips follow: an abbreviation is no zone, a name is spelled as Intl spells it', () => {
    const r = parseBackup(
      mutated((d) => {
        d.talks[0].timeZone = 'EST'; // Intl would read America/Panama, without daylight saving
        d.talks[1].timeZone = 'america/los_angeles';
      }),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.dropped.map((x) => x.path)).toEqual(['data.talks[0].timeZone']);
    expect(r.backup.data.talks.slice(0, 2).map((t) => t.timeZone)).toEqual([null, 'America/Los_Angeles']);
  });

  it('changes nothing in a clean file', () => {
    const r = parseBackup(validText());
    expect(r.ok && r.dropped).toEqual([]);
  });

  it.each([
    [
      'a talk page',
      (d: LooseData) => (d.talks[0].url = 'javascript:alert(1)'),
      'data.talks[0].url should be an http(s) link, but is the text "javascript:alert(1)"',
    ],
    [
      'a highlight page',
      (d: LooseData) => (d.highlights[1].pageUrl = 'data:text/html,<script>alert(1)</script>'),
      'data.highlights[1].pageUrl should be an http(s) link',
    ],
    [
      'a relative talk page',
      (d: LooseData) => (d.talks[2].url = '/event/1'),
      'data.talks[2].url should be an http(s) link',
    ],
  ])('rejects a file whose %s is not an http(s) link: it cannot be left out', (_name, change, message) => {
    expect(errorOf(mutated(change))).toContain(`The backup is damaged: ${message}`);
  });

  it('keeps "__proto__" keys as plain data', () => {
    const raw = validText().replace('"customFields":{', '"customFields":{"__proto__":"x",');
    const r = parseBackup(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const fields = r.backup.data.talks[0]!.customFields;
    expect(Object.getPrototypeOf(fields)).toBe(Object.prototype);
    expect(Object.hasOwn(fields, '__proto__')).toBe(true);
  });

  it('property: never throws, whatever the input', () => {
    fc.assert(fc.property(fc.string(), (s) => typeof parseBackup(s).ok === 'boolean'));
    fc.assert(fc.property(fc.jsonValue(), (v) => parseBackup(text(v)).ok === false));
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom('conferences', 'talks', 'notes', 'highlights', 'drafts', 'templates', 'settings'),
        (junk, table) => {
          const r = parseBackup(mutated((d) => d[table].push(junk)));
          return r.ok === false;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: every proper prefix of a valid file is rejected', () => {
    const full = validText().trimEnd();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: full.length - 1 }), (cut) => parseBackup(full.slice(0, cut)).ok === false),
    );
  });
});
