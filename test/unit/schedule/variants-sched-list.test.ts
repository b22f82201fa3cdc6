/** Sched list views and unfinished Sched pages, as real sites print them. */
import { describe, expect, it } from 'vitest';
import { extractTalks } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const fixture = (name: string) => readFixture(`${OWN_FIXTURES}/sched/${name}`);
const NO_END = /shows no end times/;

describe('Sched /list/simple: 24-hour headings, breaks, people-less sessions, a session before any time', () => {
  const url = 'https://cndi2026.sched.com/list/simple';
  const result = extractTalks(loadDocument(fixture('variant-list-simple.html'), url), url);
  const [badges, keynote, coffee, gitops, yaml, night] = result.talks;

  it('reads every session in order, without the sidebar', () => {
    expect(result.source).toBe('sched');
    expect(result.talks.map((t) => t.title)).toEqual([
      'Badge Pick-Up (all day)',
      // The speaker suffix ("- Roberta Bianchi, CNCF") names the session's own speaker: cut.
      'Keynote: Welcome & Opening Remarks',
      '☕ Coffee Break',
      '#GitOps at Scale: Lessons from 400 Clusters',
      "O'Brien's Law of YAML",
      'Late Night Lightning Talks',
    ]);
  });

  it('takes each start from its day and time heading, in the zone the venue names', () => {
    expect(result.talks.map((t) => t.start)).toEqual([
      null,
      '2026-06-17T09:00:00+02:00',
      '2026-06-17T10:30:00+02:00',
      '2026-06-17T11:00:00+02:00',
      '2026-06-17T11:00:00+02:00',
      '2026-06-18T23:30:00+02:00',
    ]);
    expect(result.talks.every((t) => t.end === null)).toBe(true);
    expect(new Set(result.talks.map((t) => t.timeZone))).toEqual(new Set(['Europe/Rome']));
    expect(keynote!.conference).toEqual({
      key: 'cndi2026.sched.com',
      name: 'Cloud Native Days Italy 2026',
      url: 'https://cndi2026.sched.com',
      timeZone: 'Europe/Rome',
    });
  });

  it('says which session has no readable time and that the view has no end times', () => {
    expect(result.warnings).toEqual(['The time of 1 session could not be read.', expect.stringMatching(NO_END)]);
    expect(badges).toMatchObject({ start: null, room: 'Foyer', speakers: [] });
  });

  it('reads rooms, ids, links and people (names only, each once), nothing else', () => {
    expect(gitops).toMatchObject({
      room: 'Sala Rossa',
      externalId: '3c4d5e6f708192a3b4c5d6e7f8011223',
      url: 'https://cndi2026.sched.com/event/2Fa3/',
    });
    expect(gitops!.speakers).toEqual([
      {
        name: 'Marco Rossi',
        role: null,
        company: null,
        roleCompanyRaw: null,
        group: null,
        profileUrl: null,
        avatarUrl: null,
      },
      {
        name: 'Giulia Conti',
        role: null,
        company: null,
        roleCompanyRaw: null,
        group: null,
        profileUrl: null,
        avatarUrl: null,
      },
    ]);
    expect(yaml).toMatchObject({
      room: 'Sala Blu',
      speakers: [],
      url: 'https://cndi2026.sched.com/event/2Fa4/o-brien-s-law-of-yaml',
    });
    expect(coffee).toMatchObject({ room: 'Expo Hall', speakers: [], tracks: [] });
    expect(night!.speakers.map((s) => s.name)).toEqual(['Ana Lima', 'Bo Chen']);
    for (const t of result.talks) {
      expect(t).toMatchObject({
        description: null,
        descriptionHtml: null,
        files: [],
        videoUrl: null,
        tracks: [],
        customFields: {},
      });
    }
  });

  it('reads a list filtered to one type (one session left) as a list, linking the session page', () => {
    const html = fixture('variant-list-simple.html').replace(/<span class='event ev_(?!1 )[\s\S]*?<\/a><\/span>/g, '');
    for (const filtered of [
      'https://cndi2026.sched.com/type/Keynote',
      'https://cndi2026.sched.com/list/simple/type/Keynote',
    ]) {
      const r = extractTalks(loadDocument(html, filtered), filtered);
      expect(r.talks).toHaveLength(1);
      expect(r.talks[0]).toMatchObject({
        title: 'Keynote: Welcome & Opening Remarks',
        url: 'https://cndi2026.sched.com/event/2Fa1/keynote-welcome-roberta-bianchi-cncf',
        start: '2026-06-17T09:00:00+02:00',
        end: null,
        speakers: [expect.objectContaining({ name: 'Roberta Bianchi' })],
      });
      expect(r.warnings).toEqual([expect.stringMatching(NO_END)]);
    }
  });

  it('reads a one-session filtered view without day anchors as a list too', () => {
    const html = fixture('variant-list-simple.html')
      .replace(/<span class='event ev_(?!1 )[\s\S]*?<\/a><\/span>/g, '')
      .replace(/<a class="sched-container-anchor"[^>]*><\/a>/g, '');
    const filtered = 'https://cndi2026.sched.com/type/Keynote';
    const r = extractTalks(loadDocument(html, filtered), filtered);
    expect(r.talks[0]).toMatchObject({
      url: 'https://cndi2026.sched.com/event/2Fa1/keynote-welcome-roberta-bianchi-cncf',
      start: null,
    });
  });
});

describe('Sched /list/descriptions/ with a heading inside a description', () => {
  it('does not take "Top 10" in a description for the next session’s time heading', () => {
    const url = 'https://cndi2026.sched.com/list/descriptions/';
    // The description of the 11:00 #GitOps session, before the next session of the same slot.
    const html = fixture('variant-list-simple.html').replace(
      "<span class='event ev_5 ",
      '<div class="sched-event-details"><div class="tip-description"><h3>Top 10</h3><p>Ten lessons.</p></div></div>\n<span class=\'event ev_5 ',
    );
    const r = extractTalks(loadDocument(html, url), url);
    const [gitops, yaml] = r.talks.slice(3, 5);
    expect(gitops!.description).toBe('### Top 10\n\nTen lessons.');
    expect(yaml).toMatchObject({
      title: "O'Brien's Law of YAML",
      start: '2026-06-17T11:00:00+02:00',
      description: null,
    });
  });
});

describe('half-rendered Sched pages (the skeleton before its script fills it)', () => {
  const html = fixture('variant-skeleton.html');

  it('gives no talk on a session page, and says to reload, not a guess from the page title', () => {
    const url = 'https://kccnceu2026.sched.com/event/2CW7x/panel-maintainers-qa';
    const r = extractTalks(loadDocument(html, url), url);
    expect(r).toMatchObject({ talks: [], source: 'sched' });
    expect(r.warnings).toEqual([expect.stringMatching(/no session on it .*Reload/)]);
  });

  it('gives no talk on a list page, saying it shows no sessions yet', () => {
    const url = 'https://kccnceu2026.sched.com/list/descriptions/';
    const r = extractTalks(loadDocument(html, url), url);
    expect(r).toMatchObject({ talks: [], source: 'sched' });
    expect(r.warnings[0]).toMatch(/no sessions yet/);
  });

  it('is recognised on an organiser’s own domain by Sched’s CDN and containers', () => {
    const url = 'https://schedule.kubecon.example/event/2CW7x/panel';
    const r = extractTalks(loadDocument(html, url), url);
    expect(r).toMatchObject({ talks: [], source: 'sched' });
  });
});
