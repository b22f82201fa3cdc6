/**
 * The field-by-field merge rule, on real reads of one session: its Sched session page, the
 * Expanded list (`/list/descriptions`), the Simple list (`/list/simple`, real capture), the
 * site's `all.ics` (real capture), and "Add the day" (the Simple list joined with `all.ics`, as
 * the clip script does). Every order of every pair, and every order of all five, must end with
 * what the richest read said, field by field.
 */
import fc from 'fast-check';
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TalkmarkDB } from '../../../lib/db/schema';
import { isPoorerDescription, mergeMetadata } from '../../../lib/db/talk-merge';
import { upsertTalks } from '../../../lib/db/talks';
import { talkKey } from '../../../lib/schedule/talk-key';
import { extractPage } from '../../../lib/extension/page-extraction';
import { cleanExtractedTalk } from '../../../lib/messages';
import type { ExtractedTalk, Speaker, Talk } from '../../../lib/model';
import { extractTalks, parseIcs } from '../../../lib/schedule';
import { loadDocument, OWN_FIXTURES, readFixture, REAL_FIXTURES } from '../helpers';

const ID = '81a04b678ae12dc72458f036590bf8ef';
const SITE = 'https://dlfforum2017.sched.com';
const BLOG = 'https://blog.example.org/resisting-impostor-syndrome';
type ReadName = 'session' | 'expanded' | 'simple' | 'feed' | 'addTheDay';
const reads = {} as Record<ReadName, ExtractedTalk>;

const find = (talks: readonly ExtractedTalk[]): ExtractedTalk => {
  const t = talks.find((x) => x.externalId === ID);
  if (!t) throw new Error('session not read');
  // As the clip script's answer is checked before it is stored.
  return cleanExtractedTalk(JSON.parse(JSON.stringify(t)))!;
};

beforeAll(async () => {
  const ics = readFixture(join(REAL_FIXTURES, 'sched-dlfforum2017-all.ics'));
  const list = readFixture(join(REAL_FIXTURES, 'sched-dlfforum2017-list.html'));
  const sessionUrl = `${SITE}/event/BzsD/m2d-lunch-workshop-resisting-impostor-syndrome`;
  reads.session = find(
    extractTalks(
      loadDocument(readFixture(join(OWN_FIXTURES, 'sched/dlfforum2017-m2d-session.html')), sessionUrl),
      sessionUrl,
    ).talks,
  );
  const expandedUrl = `${SITE}/list/descriptions/`;
  reads.expanded = find(
    extractTalks(
      loadDocument(readFixture(join(OWN_FIXTURES, 'sched/dlfforum2017-descriptions.html')), expandedUrl),
      expandedUrl,
    ).talks,
  );
  const simpleUrl = `${SITE}/list/simple`;
  reads.simple = find(extractTalks(loadDocument(list, simpleUrl), simpleUrl).talks);
  reads.feed = find(parseIcs(ics, `${SITE}/all.ics`).talks);
  reads.addTheDay = find((await extractPage(loadDocument(list, simpleUrl), simpleUrl, async () => ics)).talks);
  // jsdom reads a 151-session page three times here: slow on a loaded machine, not a bug.
}, 60_000);

/** Stores the reads one after the other, as `upsertTalks` does, in memory. */
function applyReads(order: readonly ReadName[], start?: Talk): Talk {
  let talk: Talk | undefined = start;
  for (const name of order) {
    const fresh = reads[name];
    if (!talk) {
      const { conference: _c, ...fields } = fresh;
      talk = {
        ...fields,
        id: 't',
        key: talkKey(fresh),
        conferenceId: null,
        startAt: Date.parse(fresh.start!),
        endAt: fresh.end ? Date.parse(fresh.end) : null,
        links: [],
        clippedAt: 0,
        updatedAt: 0,
      };
    } else {
      talk = { ...talk, ...mergeMetadata(talk, fresh) };
    }
  }
  return talk!;
}

const company = (speakers: readonly Speaker[]) => speakers.map((s) => s.company);

/** What the richest read of `present` says, field by field (the session page knows most, then the Expanded list, …). */
function expected(present: ReadonlySet<ReadName>) {
  const has = (...names: ReadName[]) => names.some((n) => present.has(n));
  return {
    descriptionLinksTo: has('session', 'expanded') ? BLOG : null,
    descriptionIsHtml: has('session', 'expanded'),
    hasDescription: has('session', 'expanded', 'feed', 'addTheDay'),
    companies: has('session', 'expanded') ? ['Data Curation Experts'] : has('simple', 'addTheDay') ? [null] : [],
    files: has('session') ? 1 : 0,
    videoUrl: has('session') ? 'https://www.youtube.com/watch?v=Xq1mPm2dLfA' : null,
    // The Simple list names the type by its legend ("DLF Workshops"); the feed upper-cases it.
    tracks: has('session', 'expanded', 'simple', 'addTheDay')
      ? ['DLF Workshops']
      : has('feed')
        ? ['DLF WORKSHOPS']
        : [],
    url: has('session', 'expanded')
      ? `${SITE}/event/BzsD/m2d-lunch-workshop-resisting-impostor-syndrome`
      : has('simple', 'addTheDay')
        ? `${SITE}/event/BzsD/`
        : `${SITE}/event/${ID}`,
    end: has('session', 'expanded', 'feed', 'addTheDay') ? Date.UTC(2017, 9, 23, 17, 30) : null,
    timeZone: has('session', 'expanded', 'simple', 'addTheDay') ? 'America/New_York' : null,
    source: has('session', 'expanded', 'simple', 'addTheDay') ? 'sched' : 'ics',
  };
}

function observed(talk: Talk) {
  return {
    descriptionLinksTo: talk.description?.includes(`](${BLOG})`) ? BLOG : null,
    descriptionIsHtml: talk.descriptionHtml !== null,
    hasDescription: !!talk.description,
    companies: company(talk.speakers),
    files: talk.files.length,
    videoUrl: talk.videoUrl,
    tracks: talk.tracks,
    url: talk.url,
    end: talk.end ? Date.parse(talk.end) : null,
    timeZone: talk.timeZone,
    source: talk.source,
  };
}

const NAMES: ReadName[] = ['session', 'expanded', 'simple', 'feed', 'addTheDay'];

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]),
  );
}

describe('the reads of one real session', () => {
  it('say what each view knows (the premise of the tests below)', () => {
    expect(reads.session.description).toContain(`](${BLOG})`);
    expect(reads.expanded.description).toContain(`](${BLOG})`);
    expect(reads.feed.description).not.toContain(BLOG);
    expect(reads.addTheDay.description).toBe(reads.feed.description);
    expect(reads.simple.description).toBeNull();
    expect(company(reads.session.speakers)).toEqual(['Data Curation Experts']);
    expect(company(reads.addTheDay.speakers)).toEqual([null]);
    expect(reads.feed.speakers).toEqual([]);
    expect(reads.simple.end).toBeNull();
    expect(reads.addTheDay.end).not.toBeNull();
    expect(reads.feed.tracks).toEqual(['DLF WORKSHOPS']);
    expect(reads.simple.tracks).toEqual(['DLF Workshops']);
    for (const name of NAMES) expect(Date.parse(reads[name].start!)).toBe(Date.UTC(2017, 9, 23, 16));
  });
});

describe('merging reads of one session, field by field', () => {
  for (const first of NAMES) {
    for (const second of NAMES) {
      if (first === second) continue;
      it(`${first} then ${second} keeps the richer value of every field`, () => {
        expect(observed(applyReads([first, second]))).toEqual(expected(new Set([first, second])));
      });
    }
  }

  it('every order of all five reads ends with the same, richest talk', () => {
    const want = expected(new Set(NAMES));
    for (const order of permutations(NAMES)) expect(observed(applyReads(order)), order.join(' → ')).toEqual(want);
  });

  it('a read of the same view again still brings news: a rewritten description and a new room replace the old ones', () => {
    const talk = applyReads(['session']);
    const rewritten = {
      ...reads.session,
      room: 'Allegheny',
      description: reads.session.description!.replace('Boxed lunches', 'Sandwiches'),
    };
    expect(mergeMetadata(talk, rewritten)).toMatchObject({ room: 'Allegheny', description: rewritten.description });
  });
});

describe('through the database, as a user clips', () => {
  let db: TalkmarkDB;
  beforeEach(async () => {
    db = new TalkmarkDB(`merge-${crypto.randomUUID()}`);
    await db.open();
  });

  it('a session page, then “Add the day” (list + all.ics): the description keeps its link, the speaker her company', async () => {
    await upsertTalks(db, [reads.session], 1000);
    const summary = await upsertTalks(db, [reads.addTheDay], 2000);
    const [stored] = await db.talks.toArray();
    expect(summary.added).toBe(0);
    expect(stored!.description).toContain(`](${BLOG})`);
    expect(stored!.descriptionHtml).toContain(`href="${BLOG}"`);
    expect(company(stored!.speakers)).toEqual(['Data Curation Experts']);
    expect(stored!.files).toHaveLength(1);
  });

  it('a field the user edited is never changed by a later clip, whatever the read', async () => {
    await upsertTalks(db, [reads.simple], 1000);
    const [before] = await db.talks.toArray();
    await db.talks.update(before!.id, {
      title: 'Impostor syndrome (my title)',
      room: 'Room 3',
      editedFields: ['title', 'room'],
    });
    for (const name of NAMES) await upsertTalks(db, [reads[name]], 2000);
    const [after] = await db.talks.toArray();
    expect(after).toMatchObject({ title: 'Impostor syndrome (my title)', room: 'Room 3' });
    // Fields not edited still learn from the richer reads.
    expect(after!.description).toContain(`](${BLOG})`);
  });

  it('an edited time is kept whole: a moved session does not shift the end the user set', async () => {
    await upsertTalks(db, [reads.session], 1000);
    const [before] = await db.talks.toArray();
    await db.talks.update(before!.id, {
      start: '2017-10-23T12:15:00-04:00',
      end: '2017-10-23T13:00:00-04:00',
      editedFields: ['start', 'end', 'timeZone'],
    });
    await upsertTalks(db, [{ ...reads.simple, start: '2017-10-23T14:00:00-04:00' }], 2000);
    const [after] = await db.talks.toArray();
    expect(after).toMatchObject({ start: '2017-10-23T12:15:00-04:00', end: '2017-10-23T13:00:00-04:00' });
  });
});

describe('description richness', () => {
  it('plain text without the links, less formatting, or a cut-off copy are poorer; a different text is news', () => {
    const rich = 'Intro with **bold** and [a post](https://example.org/post).\n\nMore text here, quite long.';
    expect(isPoorerDescription('Intro with bold and a post. More text here, quite long.', rich)).toBe(true);
    expect(isPoorerDescription('Intro with **bold** and [a post](https://example.org/post).\n\nMore text…', rich)).toBe(
      true,
    );
    expect(
      isPoorerDescription(
        'Intro with **bold** and [a post](https://example.org/post).\n\nNew ending, rewritten.',
        rich,
      ),
    ).toBe(false);
    expect(isPoorerDescription(rich, 'Intro with bold and a post.')).toBe(false);
  });

  /** A read of the rich description made poorer the ways the views do it. */
  const poorer = (rich: string) =>
    fc.oneof(
      fc.constant(
        rich
          .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
          .replace(/\*\*/g, '')
          .replace(/\n\n/g, ' '),
      ),
      fc.integer({ min: 1, max: Math.max(1, rich.length - 1) }).map((n) => `${rich.slice(0, n).trimEnd()}…`),
      fc.constant(rich.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')),
    );

  it('property: a poorer read after a richer one never changes the description, in any order', () => {
    const word = fc.stringMatching(/^[a-z]{2,8}$/);
    const richText = fc
      .tuple(fc.array(word, { minLength: 3, maxLength: 12 }), word, fc.array(word, { minLength: 2, maxLength: 8 }))
      .map(([a, link, b]) => `${a.join(' ')} **${link}** [${link}](https://example.org/${link}).\n\n${b.join(' ')}`);
    fc.assert(
      fc.property(
        richText.chain((rich) => fc.tuple(fc.constant(rich), fc.array(poorer(rich), { minLength: 1, maxLength: 4 }))),
        ([rich, poorReads]) => {
          const base = applyReads(['simple']);
          const reads: ExtractedTalk[] = [rich, ...poorReads].map((d) => ({
            ...base,
            conference: null,
            description: d,
            descriptionHtml: d === rich ? '<p>rich</p>' : null,
          }));
          // Rich first, then the poorer ones; and the rich one last: both end with the rich description.
          for (const order of [reads, [...reads.slice(1), reads[0]!]]) {
            let talk: Talk = { ...base, description: null, descriptionHtml: null };
            for (const r of order) talk = { ...talk, ...mergeMetadata(talk, r) };
            if (talk.description !== rich) return false;
          }
          return true;
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('property: a poorer read never takes a field from a richer one, in any order', () => {
  const word = fc.stringMatching(/^[A-Z][a-z]{2,7}$/);
  const person = fc.record({ name: fc.tuple(word, word).map(([a, b]) => `${a} ${b}`), role: word, company: word });
  const rich = fc.record({
    speakers: fc.uniqueArray(person, { minLength: 1, maxLength: 3, selector: (p) => p.name.toLowerCase() }),
    files: fc.uniqueArray(word, { minLength: 2, maxLength: 4, selector: (w) => w.toLowerCase() }),
    tracks: fc.uniqueArray(
      fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
      { minLength: 1, maxLength: 2, selector: (w) => w.toLowerCase() },
    ),
    room: fc.tuple(word, word, word).map((w) => w.join(' ')),
    slug: fc.stringMatching(/^[a-z]{3,10}$/),
    text: fc.array(word, { minLength: 4, maxLength: 12 }).map((w) => w.join(' ')),
  });
  /** Which views' losses a poorer read has (each is how a real view says less). */
  const losses = fc.record({
    names: fc.boolean(),
    files: fc.boolean(),
    shout: fc.boolean(),
    room: fc.boolean(),
    plain: fc.boolean(),
    url: fc.boolean(),
  });

  it('holds for speakers, files, tracks, room, description and address', () => {
    fc.assert(
      fc.property(rich, fc.array(losses, { minLength: 1, maxLength: 4 }), fc.nat(), (r, poorOnes, at) => {
        const base = reads.session;
        const richRead: ExtractedTalk = {
          ...base,
          url: `${SITE}/event/Abc/${r.slug}`,
          speakers: r.speakers.map((p) => ({
            ...p,
            roleCompanyRaw: `${p.role}, ${p.company}`,
            group: 'Speakers',
            profileUrl: null,
            avatarUrl: null,
          })),
          files: r.files.map((f) => ({ name: f, url: `https://static.sched.com/${f}.pdf` })),
          tracks: r.tracks,
          room: r.room,
          description: `**${r.text}** [post](https://blog.example.org/${r.slug})\n\nMore.`,
          descriptionHtml: '<p>rich</p>',
        };
        const poorer = poorOnes.map(
          (l): ExtractedTalk => ({
            ...richRead,
            speakers: l.names
              ? r.speakers.map((p) => ({
                  name: p.name,
                  role: null,
                  company: null,
                  roleCompanyRaw: null,
                  group: null,
                  profileUrl: null,
                  avatarUrl: null,
                }))
              : [],
            files: l.files ? richRead.files.slice(0, 1) : [],
            tracks: l.shout ? r.tracks.map((t) => t.toUpperCase()) : [],
            room: l.room ? r.room.split(' ')[0]! : null,
            description: l.plain ? `${r.text} post More.` : null,
            descriptionHtml: null,
            url: l.url ? `${SITE}/event/Abc/` : `${SITE}/event/${ID}`,
          }),
        );
        const order = [...poorer];
        order.splice(at % (poorer.length + 1), 0, richRead);
        let talk: Talk | null = null;
        for (const read of order) {
          if (!talk) {
            const { conference: _c, ...fields } = read;
            talk = {
              ...fields,
              id: 't',
              key: 'k',
              conferenceId: null,
              startAt: null,
              endAt: null,
              links: [],
              clippedAt: 0,
              updatedAt: 0,
            };
          } else {
            const stored: Talk = talk;
            talk = { ...stored, ...mergeMetadata(stored, read) };
          }
        }
        const t = talk!;
        expect(t.speakers).toEqual(richRead.speakers);
        expect(t.files).toEqual(richRead.files);
        expect(t.tracks).toEqual(richRead.tracks);
        expect(t.room).toBe(richRead.room);
        expect(t.description).toBe(richRead.description);
        expect(t.url).toBe(richRead.url);
      }),
      { numRuns: 300 },
    );
  });
});
