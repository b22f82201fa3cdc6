import { describe, expect, it } from 'vitest';
import { lacksZone } from '../../lib/schedule/clip-zone';
import { extractPage } from '../../lib/extension/page-extraction';
import { REAL_FIXTURES, loadDocument, readFixture } from './helpers';

const LIST_URL = 'https://dlfforum2017.sched.com/list/simple';
const list = () => loadDocument(readFixture(`${REAL_FIXTURES}/sched-dlfforum2017-list.html`), LIST_URL);
const ics = readFixture(`${REAL_FIXTURES}/sched-dlfforum2017-all.ics`);

describe('extractPage on a Sched list view', () => {
  it('joins the site feed: every session gets its end time and the venue zone', async () => {
    let asked = '';
    const result = await extractPage(list(), LIST_URL, async (url) => ((asked = url), ics));
    expect(asked).toBe('https://dlfforum2017.sched.com/all.ics');
    expect(result.talks).toHaveLength(151);
    expect(result.talks.every((t) => t.end !== null && t.timeZone === 'America/New_York')).toBe(true);
  });

  it('still clips the sessions, without end times, when the feed cannot be fetched', async () => {
    const result = await extractPage(list(), LIST_URL, async () => {
      throw new Error('HTTP 503');
    });
    expect(result.talks).toHaveLength(151);
    expect(result.warnings.at(-1)).toMatch(/could not be loaded \(HTTP 503\).*without end times/);
  });

  it('clips only the sessions the page shows, not the whole feed', async () => {
    const html = readFixture(`${REAL_FIXTURES}/sched-dlfforum2017-list.html`);
    // Keep the first day only, as a filtered list would.
    const cut = html.indexOf('<a class="sched-container-anchor" id="2017-10-23">');
    const doc = loadDocument(html.slice(0, cut), LIST_URL);
    const result = await extractPage(doc, LIST_URL, async () => ics);
    expect(result.talks.length).toBeGreaterThan(0);
    expect(result.talks.length).toBeLessThan(151);
    expect(result.talks.every((t) => t.start?.startsWith('2017-10-22'))).toBe(true);
  });
});

describe('cachedFetch', () => {
  it('fetches a feed once for the clicks of the next ten minutes, then again', async () => {
    const { cachedFetch, FEED_CACHE_MS } = await import('../../lib/extension/page-extraction');
    let fetched = 0;
    let now = 1_000;
    const fetchText = cachedFetch(
      async (url) => `${url} #${++fetched}`,
      {},
      () => now,
    );
    expect(await fetchText('https://a.sched.com/all.ics')).toBe('https://a.sched.com/all.ics #1');
    now += FEED_CACHE_MS - 1;
    expect(await fetchText('https://a.sched.com/all.ics')).toBe('https://a.sched.com/all.ics #1');
    expect(await fetchText('https://b.sched.com/all.ics')).toBe('https://b.sched.com/all.ics #2');
    now += FEED_CACHE_MS;
    expect(await fetchText('https://b.sched.com/all.ics')).toBe('https://b.sched.com/all.ics #3');
  });
});

describe('extractPage with a zone the user chose', () => {
  const API_URL = 'https://sessionize.com/api/v2/abc123de/view/All';
  const apiDoc = () => {
    const doc = loadDocument('<html><body><pre></pre></body></html>', API_URL);
    doc.querySelector('pre')!.textContent = readFixture('test/fixtures/schedule/sessionize-api-all.json');
    return doc;
  };

  it('leaves wall times without a zone empty, and says how to fix it', async () => {
    const result = await extractPage(apiDoc(), API_URL, async () => '');
    expect(result.talks).toHaveLength(2);
    expect(result.talks.every((t) => t.start === null && t.timeZone === null)).toBe(true);
    expect(result.warnings[0]).toMatch(/without a time zone.*the Talkmark popup asks/);
    expect(lacksZone(result)).toBe(true);
  });

  it('asks for a zone only where one is missing: not for a page that gives no times at all', () => {
    const talk = (start: string | null, timeZone: string | null) =>
      ({ start, timeZone }) as Parameters<typeof lacksZone>[0]['talks'][number];
    const read = (talks: ReturnType<typeof talk>[], warnings: string[] = []) => ({ talks, warnings, source: 'jsonld' });
    expect(lacksZone(read([talk('2026-04-18T09:00:00+02:00', null)]))).toBe(true); // a bare offset
    expect(lacksZone(read([talk('2026-04-18T09:00:00+02:00', 'Europe/Vienna')]))).toBe(false);
    expect(lacksZone(read([talk(null, null)]))).toBe(false); // no times printed, nothing to place
    expect(
      lacksZone(read([talk(null, null)], ['The time of 1 session was left empty: the time zone is unknown.'])),
    ).toBe(true);
  });

  it('places them in the chosen zone, DST included', async () => {
    const result = await extractPage(apiDoc(), API_URL, async () => '', { timeZone: 'Europe/Vienna' });
    expect(result.talks.map((t) => [t.start, t.end, t.timeZone])).toEqual([
      ['2026-04-18T09:00:00+02:00', '2026-04-18T09:45:00+02:00', 'Europe/Vienna'],
      ['2026-04-18T10:00:00+02:00', '2026-04-18T10:45:00+02:00', 'Europe/Vienna'],
    ]);
    expect(result.talks[0]!.conference).toMatchObject({ key: 'sessionize:abc123de', timeZone: 'Europe/Vienna' });
    expect(result.warnings).toEqual([]);
    expect(lacksZone(result)).toBe(false);
  });
});
