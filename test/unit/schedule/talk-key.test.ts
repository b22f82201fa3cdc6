import { describe, expect, it } from 'vitest';
import { extractPage } from '../../../lib/extension/page-extraction';
import { extractTalks } from '../../../lib/schedule';
import { legacyTalkKey, talkKey } from '../../../lib/schedule/talk-key';
import { OWN_FIXTURES, REAL_FIXTURES, loadDocument, readFixture } from '../helpers';

/**
 * One talk, one key, whoever clips it and by whatever link: a team sharing one database must
 * get one talk when two people clip the same page (issue 18). Keys hold nothing of the machine.
 */

const SESSION = 'https://dlfforum2017.sched.com/event/BzsD/m2d-lunch-workshop-resisting-impostor-syndrome';
const SESSION_ID = '81a04b678ae12dc72458f036590bf8ef';
const sessionHtml = readFixture(`${OWN_FIXTURES}/sched/dlfforum2017-m2d-session.html`);
const sessionKey = (url: string) => {
  const [talk] = extractTalks(loadDocument(sessionHtml, url), url).talks;
  return talkKey(talk!);
};

/** The links two people may have followed to the same page. */
const variants = (url: string): string[] => {
  const u = new URL(url);
  return [
    url,
    url.replace('https:', 'http:'),
    `${url}/`,
    `${url}?utm_source=newsletter&utm_medium=email&fbclid=x1`,
    `${url}#speakers`,
    url.replace(u.host, u.host.toUpperCase()),
    url.replace(u.host, `www.${u.host}`),
  ];
};

describe('talk identity across machines', () => {
  it('gives a Sched session the same key from every link to its page', () => {
    const keys = new Set(variants(SESSION).map(sessionKey));
    expect([...keys]).toEqual([`dlfforum2017.sched.com#${SESSION_ID}`]);
  });

  it('gives the list view, the session page and the site feed the same key for one session', async () => {
    const listUrl = 'https://dlfforum2017.sched.com/list/simple?iframe=no&utm_campaign=x';
    const list = loadDocument(readFixture(`${REAL_FIXTURES}/sched-dlfforum2017-list.html`), listUrl);
    const ics = readFixture(`${REAL_FIXTURES}/sched-dlfforum2017-all.ics`);
    const fromList = await extractPage(list, listUrl, async () => ics);
    const listed = fromList.talks.find((t) => t.externalId === SESSION_ID);
    expect(listed).toBeDefined();
    expect(talkKey(listed!)).toBe(sessionKey(`http://dlfforum2017.sched.com/event/BzsD/?utm_source=x`));
    // Another session of the list has a key of its own.
    expect(new Set(fromList.talks.map(talkKey)).size).toBe(fromList.talks.length);
  });

  it('gives a page without a platform id the same key from every link to it', () => {
    const html = readFixture(`${OWN_FIXTURES}/schedule/microdata-talk.html`);
    const base = 'https://conf.example.org/2025/sessions/observability-on-a-budget';
    const keys = variants(base).map((url) => {
      const [talk] = extractTalks(loadDocument(html, url), url).talks;
      expect(talk?.externalId ?? null).toBeNull();
      return talkKey(talk!);
    });
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^conf\.example\.org\/2025\/sessions\/observability-on-a-budget#\S/);
  });

  it('reduces an address to what names the page, for any page', () => {
    const key = (url: string) => talkKey({ url, externalId: null, title: 'Calm  APIs ' });
    const one = key('https://DevDays.example.com/2025/talks/calm-apis');
    for (const url of [
      'http://devdays.example.com/2025/talks/calm-apis/',
      'https://www.devdays.example.com./2025/talks/calm-apis?utm_source=x&gclid=1#notes',
      'https://devdays.example.com:443/2025/talks/calm-apis//',
    ])
      expect(key(url)).toBe(one);
    // What does name another page or talk still makes another key.
    expect(key('https://devdays.example.com/2025/talks/calm-apis?id=2')).not.toBe(one);
    expect(key('https://devdays.example.com:8443/2025/talks/calm-apis')).not.toBe(one);
    expect(
      talkKey({ url: 'https://devdays.example.com/2025/talks/calm-apis', externalId: null, title: 'Other' }),
    ).not.toBe(one);
  });

  it('holds nothing of the machine: the same talk read twice, at other times, gives the same key', () => {
    const a = sessionKey(SESSION);
    const b = sessionKey(SESSION);
    expect(a).toBe(b);
    expect(a).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no random UUID
  });

  it('keeps the old key computable, so a talk stored under it is found again', () => {
    const t = { url: 'https://devdays.example.com/2025/talks/calm-apis/', externalId: null, title: 'Calm APIs' };
    expect(legacyTalkKey(t)).toBe('https://devdays.example.com/2025/talks/calm-apis/#Calm APIs');
    expect(talkKey(t)).toBe('devdays.example.com/2025/talks/calm-apis#Calm APIs');
  });
});
