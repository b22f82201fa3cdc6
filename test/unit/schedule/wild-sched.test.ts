/**
 * Sched's odd corners seen on real sites (issue 15): avatars painted as CSS backgrounds, a
 * recording given as a plain link, a company printed alone, grouped panels, type legends on the
 * Simple list, titles that carry their speakers, and descriptions with markup-looking words.
 */
import { Parser } from 'commonmark';
import { describe, expect, it } from 'vitest';
import { extractTalks } from '../../../lib/schedule';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const fixture = (name: string) => readFixture(`${OWN_FIXTURES}/sched/${name}`);

/** Every HTML node CommonMark would pass through, and the text it would show. */
function rendered(markdown: string): { html: string[]; text: string } {
  const walker = new Parser().parse(markdown).walker();
  const html: string[] = [];
  let text = '';
  for (let step = walker.next(); step; step = walker.next()) {
    const { node, entering } = step;
    if (!entering) continue;
    if (node.type === 'html_inline' || node.type === 'html_block') html.push(node.literal ?? '');
    if (node.type === 'text' || node.type === 'code') text += node.literal ?? '';
    if (node.type === 'softbreak' || node.type === 'linebreak' || node.type === 'paragraph') text += ' ';
  }
  return { html, text: text.replace(/\s+/g, ' ').trim() };
}

describe('Sched session page: panel groups in boxes, CSS avatars, a company alone, a linked recording', () => {
  const url =
    'https://kccncna2026.sched.com/event/3Ab9/securing-the-supply-chain-together-ada-lovelace-acme-bob-builder-beta-labs';
  const read = (html = fixture('wild-session-panel.html')) => extractTalks(loadDocument(html, url), url);
  const result = read();
  const t = result.talks[0]!;

  it('drops the speaker suffix from the title (names and companies joined by "," and "&")', () => {
    expect(result.warnings).toEqual([]);
    expect(t.title).toBe('Securing the Supply Chain Together');
    expect(t).toMatchObject({
      start: '2026-11-10T14:30:00-05:00',
      end: '2026-11-10T15:05:00-05:00',
      room: 'Building B | Level 3 | B312',
    });
  });

  it('keeps each person’s group, reads avatars drawn as CSS backgrounds, and a company printed alone', () => {
    expect(t.speakers.map((s) => [s.name, s.group, s.role, s.company, s.avatarUrl])).toEqual([
      ['Cara Díaz', 'Moderators', null, 'Snyk', 'https://static.sched.com/avatars/c/cara.diaz.320x320px.jpg?f00'],
      [
        'Ada Lovelace',
        'Speakers',
        'Principal Engineer',
        'Acme',
        'https://static.sched.com/avatars/a/ada.320x320px.jpg',
      ],
      ['Bob Builder', 'Speakers', null, 'Beta Labs', null],
      ['Dee Okafor', 'Hosts', 'Maintainer', null, null],
    ]);
    expect(t.speakers[0]!.roleCompanyRaw).toBe('Snyk');
  });

  it('takes a plain YouTube link in the description as the recording', () => {
    expect(t.videoUrl).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
    expect(t.files).toEqual([
      { name: 'supply-chain.pdf', url: 'https://static.sched.com/hosted_files/kccncna2026/9a/supply-chain.pdf' },
    ]);
  });

  it('takes a Vimeo link among the files as the recording, not as one more file', () => {
    const html = fixture('wild-session-panel.html')
      .replace(/Recording: <a[^>]*>[^<]*<\/a>/, 'No recording yet.')
      .replace(
        '</a>\n      </div>',
        '</a>\n        <a href="https://vimeo.com/912345678" class="file-uploaded file-uploaded-link">Session recording</a>\n      </div>',
      );
    const r = read(html).talks[0]!;
    expect(r.videoUrl).toBe('https://vimeo.com/912345678');
    expect(r.files.map((f) => f.name)).toEqual(['supply-chain.pdf']);
  });

  it('keeps markup-looking words as text in the stored Markdown', () => {
    const { html, text } = rendered(t.description!);
    expect(html).toEqual([]);
    expect(text).toContain('Why <Corp> tooling is not enough, and what to write instead of a stray </div>.');
    expect(text).toContain('Entities like &lt; stay as typed; *stars* too.');
    expect(t.descriptionHtml).toContain('&lt;Corp&gt;');
  });

  it('keeps a title whose suffix is not its speakers', () => {
    const html = fixture('wild-session-panel.html').replace(
      /Together - Ada Lovelace, Acme &amp; Bob Builder, Beta Labs\s*<\/a>/,
      'Together - Part Two, Revisited</a>',
    );
    expect(read(html).talks[0]!.title).toBe('Securing the Supply Chain Together - Part Two, Revisited');
  });
});

describe('Sched /list/simple with a type legend', () => {
  const url = 'https://osseu2026.sched.com/list/simple';
  const result = extractTalks(loadDocument(fixture('wild-list-simple-legend.html'), url), url);

  it('names each session’s type from its ev_N class and the page’s legend', () => {
    expect(result.talks.map((t) => t.tracks)).toEqual([
      ['Keynote Sessions'],
      ['Cloud Native'],
      ['Lightning Talks'],
      [],
    ]);
  });

  it('strips speaker suffixes joined by "and" or "&", never a dash that is part of the title', () => {
    expect(result.talks.map((t) => t.title)).toEqual([
      'Keynote: Open by Default',
      'Kubernetes - The Hard Way, Revisited',
      'Lightning Talk: Tiny Linux',
      'Coffee Break',
    ]);
    expect(result.talks[0]).toMatchObject({ start: '2026-09-08T09:00:00+02:00', timeZone: 'Europe/Amsterdam' });
  });
});
