import { describe, expect, it } from 'vitest';
import { buildRecapData, renderRecap } from '../../../lib/recap';
import { START, makeHighlight, makeNote, makeSpeaker, makeTalk } from './builders';

describe('buildRecapData', () => {
  it('orders notes by time, keeps only the talk’s own, and drops empty ones but not bare slide marks', () => {
    const talk = makeTalk();
    const data = buildRecapData({
      talks: [talk],
      notes: [
        makeNote('t1', 'plain', 'second', START + 120_000),
        makeNote('t1', 'plain', 'first', START + 60_000),
        makeNote('other', 'plain', 'someone else’s', START + 1),
        makeNote('t1', 'plain', '   \n  ', START + 2),
        makeNote('t1', 'slide', '', START + 180_000),
        makeNote('t1', 'link', '  https://example.com/a_b  ', START + 200_000),
      ],
      highlights: [
        makeHighlight('t1', '  Quote  '),
        makeHighlight('t1', ''),
        makeHighlight(null as unknown as string, 'orphan'),
      ],
    });
    const notes = data.talks[0]!.notes;
    expect(notes.map((n) => n.text.markdown)).toEqual(['first', 'second', '', '<https://example.com/a_b>']);
    expect(notes.map((n) => n.offset.markdown)).toEqual(['[1:00]', '[2:00]', '[3:00]', '[3:20]']);
    expect(data.talks[0]!.highlights.map((h) => [h.quote, h.on_talk_page])).toEqual([['Quote', true]]);
  });

  it('offsets link into the recording, and are absent before the start or without one', () => {
    const timed = makeTalk({ videoUrl: 'https://youtu.be/aB3dE5fG7hI', endAt: START + 2 * 3_600_000 });
    const untimed = makeTalk({ id: 't2', start: null, end: null, startAt: null, endAt: null });
    const data = buildRecapData({
      talks: [timed, untimed],
      notes: [
        makeNote('t1', 'plain', 'early', START - 1),
        makeNote('t1', 'plain', 'late', START + 3_723_000),
        makeNote('t2', 'plain', 'x', START),
      ],
      highlights: [],
    });
    expect(data.talks[0]!.notes.map((n) => [n.offset_label, n.offset_url, n.offset.markdown])).toEqual([
      [null, null, ''],
      ['1:02:03', 'https://youtu.be/aB3dE5fG7hI?t=3723', '[1:02:03](https://youtu.be/aB3dE5fG7hI?t=3723)'],
    ]);
    expect(data.talks[1]!.notes[0]!.offset_ms).toBeNull();
  });

  it('gives no offset to a note written long after the talk ended (no link past the recording)', () => {
    const talk = makeTalk({ videoUrl: 'https://youtu.be/aB3dE5fG7hI' }); // 30 minutes
    const data = buildRecapData({
      talks: [talk],
      notes: [
        makeNote('t1', 'plain', 'Q&A ran over', START + 55 * 60_000),
        makeNote('t1', 'todo', 'that evening', START + 8 * 3_600_000),
      ],
      highlights: [],
    });
    expect(data.talks[0]!.notes.map((n) => n.offset.markdown)).toEqual([
      '[55:00](https://youtu.be/aB3dE5fG7hI?t=3300)',
      '',
    ]);
  });

  it('orders days by date even when talks in two zones make time order disagree', () => {
    // 17:00 in San Francisco on the 9th is 02:00 on the 10th in Berlin; the Berlin talk comes first in time.
    const berlin = makeTalk({
      id: 'berlin',
      timeZone: 'Europe/Berlin',
      start: '2025-09-10T01:00:00+02:00',
      startAt: Date.UTC(2025, 8, 9, 23),
      endAt: null,
    });
    const sf = makeTalk({
      id: 'sf',
      start: '2025-09-09T17:00:00-07:00',
      startAt: Date.UTC(2025, 8, 10, 0),
      endAt: null,
    });
    const untimed = makeTalk({ id: 'later', start: null, end: null, startAt: null, endAt: null });
    const data = buildRecapData({ talks: [untimed, sf, berlin], notes: [], highlights: [] });
    expect(data.days.map((d) => [d.number, d.key, d.heading, d.talks.map((t) => `${t.number}:${t.id}`)])).toEqual([
      [1, '2025-09-09', 'Day 1 — Tuesday, September 9', ['1:sf']],
      [2, '2025-09-10', 'Day 2 — Wednesday, September 10', ['2:berlin']],
      [3, null, 'Other talks', ['3:later']],
    ]);
    expect(data.talks.map((t) => t.id)).toEqual(['sf', 'berlin', 'later']);
    expect(data.date).toBe('2025-09-09');
    expect(data.talks.map((t) => t.time_label)).toEqual(['5:00 PM PDT', '1:00 AM CEST', null]);
  });

  it('names the recording’s player and id for embeds', () => {
    const videos = [
      'https://youtu.be/aB3dE5fG7hI?t=5',
      'https://vimeo.com/channels/staffpicks/1015553301',
      'https://media.ccc.de/v/x',
      null,
    ];
    const data = buildRecapData({
      talks: videos.map((videoUrl, i) => makeTalk({ id: `v${i}`, videoUrl, clippedAt: i })),
      notes: [],
      highlights: [],
    });
    expect(data.talks.map((t) => [t.video_player, t.video_id])).toEqual([
      ['youtube', 'aB3dE5fG7hI'],
      ['vimeo', '1015553301'],
      [null, null],
      [null, null],
    ]);
  });

  it('links the bare URLs of a link note, leaving punctuation and other Markdown as typed', () => {
    const notes = [
      'Slides: https://speakerdeck.com/x/kernel_(linux). Also (https://k8s.io/docs)!',
      'Repo https://github.com/a/b and [docs](https://a.example/ https://b.example)',
      'Plain text https://not-a-link-note.example',
    ];
    const data = buildRecapData({
      talks: [makeTalk()],
      notes: notes.map((text, i) => makeNote('t1', i === 2 ? 'plain' : 'link', text, START + i * 1000)),
      highlights: [],
    });
    expect(data.talks[0]!.notes.map((n) => n.text.markdown)).toEqual([
      'Slides: <https://speakerdeck.com/x/kernel_%28linux%29>. Also (<https://k8s.io/docs>)!',
      notes[1],
      notes[2],
    ]);
  });

  it('turns the headings of a description into bold lines, so they do not outrank the talk', () => {
    const data = buildRecapData({
      talks: [makeTalk({ description: 'Intro line\n## Outline ##\n- one\n  ### Inside\n#\n#hashtag' })],
      notes: [],
      highlights: [],
    });
    expect(data.talks[0]!.description?.markdown).toBe('Intro line\n\n**Outline**\n\n- one\n  **Inside**\n\n#hashtag');
  });

  it('groups by the venue’s calendar day, not UTC’s, and labels days', () => {
    const late = Date.UTC(2025, 8, 10, 6, 30); // 23:30 PDT on the 9th
    const data = buildRecapData({
      talks: [
        makeTalk({ id: 'a', startAt: late, start: '2025-09-09T23:30:00-07:00' }),
        makeTalk({ id: 'b', startAt: START }),
        makeTalk({ id: 'c', startAt: late + 86_400_000, start: '2025-09-10T23:30:00-07:00' }),
        makeTalk({
          id: 'd',
          timeZone: 'Mars/Olympus_Mons',
          start: '2025-09-11T10:00:00+02:00',
          startAt: Date.UTC(2025, 8, 11, 8),
        }),
      ],
      notes: [],
      highlights: [],
    });
    expect(data.days.map((d) => [d.key, d.heading, d.talks.map((t) => t.id)])).toEqual([
      ['2025-09-09', 'Day 1 — Tuesday, September 9', ['b', 'a']],
      ['2025-09-10', 'Day 2 — Wednesday, September 10', ['c']],
      ['2025-09-11', 'Day 3 — Thursday, September 11', ['d']],
    ]);
    expect(data.talks.find((t) => t.id === 'd')!.time_zone).toBe('Etc/GMT-2');
    expect(data.talks.find((t) => t.id === 'b')!.time_label).toBe('9:30 – 10:00 AM PDT');
    expect(data.date).toBe('2025-09-09');
  });

  it('checks every URL and keeps only navigable ones', () => {
    const data = buildRecapData({
      talks: [
        makeTalk({
          url: 'javascript:alert(1)',
          videoUrl: 'data:text/html,x',
          links: ['https://ok.example', 'vbscript:x'],
          files: [
            { name: 'deck', url: 'file:///etc/passwd' },
            { name: '', url: 'https://static.example/d.pdf' },
          ],
          speakers: [makeSpeaker('  Ada   Lovelace ', ' ', 'javascript:x')],
        }),
      ],
      notes: [],
      highlights: [],
    });
    const t = data.talks[0]!;
    expect([t.url, t.video_url, t.links, t.files, t.resources]).toEqual([
      null,
      null,
      ['https://ok.example/'],
      [{ name: '', url: 'https://static.example/d.pdf' }],
      [{ name: 'Slides', url: 'https://static.example/d.pdf' }],
    ]);
    expect(t.speakers).toEqual([
      {
        name: 'Ada Lovelace',
        role: null,
        company: null,
        profile_url: null,
        group: 'Speakers',
        is_moderator: false,
        is_panelist: false,
      },
    ]);
  });

  it('neutralizes page HTML in descriptions, converting HTML-only ones', () => {
    const data = buildRecapData({
      talks: [
        makeTalk({ description: 'Hi <script>alert(1)</script> [x](javascript:alert(1))' }),
        makeTalk({
          id: 't2',
          description: null,
          descriptionHtml: '<p>Uses <em>eBPF</em> &lt;img src=x onerror=alert(1)&gt;</p>',
        }),
      ],
      notes: [],
      highlights: [],
    });
    expect(data.talks[0]!.description?.markdown).toBe('Hi \\<script>alert(1)\\</script> [x](#javascript:alert(1))');
    expect(data.talks[1]!.description?.markdown).toBe('Uses _eBPF_ \\<img src=x onerror=alert(1)>');
  });
});

describe('slide marks', () => {
  // "Mark slide" in the side panel stores the word "Slide" as a bare mark's text.
  const talk = makeTalk({ videoUrl: 'https://youtu.be/aB3dE5fG7hI' });
  const notes = [
    makeNote('t1', 'slide', 'Slide', START + 754_000),
    makeNote('t1', 'slide', '', START + 760_000),
    makeNote('t1', 'slide', 'Slide: Three levels of isolation', START + 770_000),
    makeNote('t1', 'slide', 'slide:', START + 780_000),
    makeNote('t1', 'slide', 'Slides are online', START + 790_000),
    makeNote('t1', 'slide', 'Slide 12 shows the numbers', START + 800_000),
  ];

  it('a mark with no words of its own has no text; a mark with words keeps them, said once', () => {
    const data = buildRecapData({ talks: [talk], notes, highlights: [] });
    expect(data.talks[0]!.notes.map((n) => n.text.markdown)).toEqual([
      '',
      '',
      'Three levels of isolation',
      '',
      'Slides are online',
      'Slide 12 shows the numbers',
    ]);
  });

  for (const preset of ['narrative', 'bulleted', 'structured'] as const) {
    it(`${preset}: a bare mark exports as the label with its offset link, never “Slide: Slide”`, () => {
      const result = renderRecap({ talks: [talk], notes: notes.slice(0, 3), highlights: [] }, { preset, intro: null });
      if (!result.ok) throw new Error(result.error.message);
      const md = result.markdown;
      expect(md).not.toMatch(/\*\*Slide:\*\* Slide\b/);
      expect(md).toMatch(/\[12:34\]\(https:\/\/youtu\.be\/aB3dE5fG7hI\?t=754\) \*\*Slide\*\*$/m);
      expect(md).toMatch(/\[12:40\]\([^)]+\) \*\*Slide\*\*$/m);
      expect(md.match(/Three levels of isolation/g)).toHaveLength(1);
      expect(md).toMatch(/\[12:50\]\([^)]+\) \*\*Slide:\*\* Three levels of isolation$/m);
    });
  }
});

describe('renderRecap', () => {
  it('renders a lone talk without front matter, intro or takeaways when asked', () => {
    const result = renderRecap(
      {
        talks: [makeTalk({ speakers: [makeSpeaker('Ada', 'Analytical Engines')] })],
        notes: [makeNote('t1', 'takeaway', 'Notes matter', START + 5_000)],
        highlights: [],
      },
      { preset: 'bulleted', intro: null, mainTakeaways: false },
    );
    expect(result).toEqual({
      ok: true,
      fileName: '2025-09-09-conference-recap.md',
      markdown:
        '### A talk – Ada, Analytical Engines\n\n[Talk page](https://conf.example/event/1)\n\n- [0:05] **Takeaway:** Notes matter\n',
    });
  });

  it('renders an empty export as a valid, nearly empty post', () => {
    const result = renderRecap({ talks: [], notes: [], highlights: [] }, { intro: null });
    expect(result).toEqual({
      ok: true,
      fileName: 'conference-recap.md',
      markdown: '---\ntitle: "Conference recap"\ndraft: true\ntags: []\nauthors: []\n---\n',
    });
  });
});
