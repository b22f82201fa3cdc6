/** Filters for styles the presets do not cover: TOML front matter, tables of contents, dates, embeds. */
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  buildRecapData,
  dayTemplateScope,
  headingId,
  renderWithTemplate,
  talkTemplateScope,
  validateTemplate,
} from '../../../lib/recap';
import { headingIds } from '../../../lib/recap/heading-id';
import { escapeMarkdownInline } from '../../../lib/recap/escape';
import { hostileString } from './arbitraries';
import { START, makeTalk } from './builders';
import { nodesOfType, parseMarkdown, plainText } from './commonmark-helpers';
import { loadRecapFixture } from './fixtures';

vi.setConfig({ testTimeout: 180_000 });

const data = buildRecapData(loadRecapFixture('kcd-sf-bay-area-2025'), { locale: 'en-US' });
const talkScope = talkTemplateScope(data, data.talks[0]!, data.days[0]!);
const dayScope = dayTemplateScope(data, '', { main_takeaways: false, intro_heading: null, outro_heading: null });

function render(source: string, vars: object = talkScope): string {
  const result = renderWithTemplate(source, vars);
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.line}:${result.error.column}`);
  return result.markdown;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('heading_id', () => {
  it('gives the anchors GitHub, Hugo, Astro and Docusaurus give', () => {
    expect(render('{{ talk.title | heading_id }}')).toBe(
      'you-cant-handle-the-root-container-isolation-for-secure-multi-tenancy',
    );
    expect(headingId('10 Things That Super Mario Taught Me')).toBe('10-things-that-super-mario-taught-me');
    expect(headingId('Q&A: `kubectl` & snake_case')).toBe('qa-kubectl--snake_case');
    expect(headingId('  Zürich   2023 — Día 1 ')).toBe('zürich-2023--día-1');
    expect(headingId('C++ / Rust?')).toBe('c--rust');
  });

  it('always makes a link to itself, whatever the title holds', () => {
    fc.assert(
      fc.property(hostileString, (title) => {
        const id = headingId(title);
        expect(id).toMatch(/^[\p{L}\p{M}\p{N}\p{Pc}-]*$/u);
        const links = nodesOfType(parseMarkdown(`- [${escapeMarkdownInline(title) || 'x'}](#${id})\n`), 'link');
        expect(links).toHaveLength(1);
        expect(links[0]!.destination).toBe(`#${encodeURI(id)}`);
      }),
      { numRuns: 1500 },
    );
  });

  it('is the same for escaped text, so a captured heading line works too', () => {
    fc.assert(
      fc.property(hostileString, (title) => {
        expect(headingId(escapeMarkdownInline(title))).toBe(headingId(title));
      }),
      { numRuns: 1500 },
    );
    const source =
      '{% capture h %}{{ talk.title }} by {{ talk.speakers | speaker_list }}{% endcapture %}{{ h | heading_id }}';
    expect(render(source)).toBe(
      'you-cant-handle-the-root-container-isolation-for-secure-multi-tenancy-by-mariana-moore-at-edera',
    );
  });

  it('numbers a repeated talk title as GitHub and Hugo do, given the talk', () => {
    const repeated = buildRecapData({
      talks: [
        makeTalk({ id: 'a', title: 'Keynote', startAt: START }),
        makeTalk({ id: 'b', title: 'Lightning talks', startAt: START + 1 }),
        makeTalk({ id: 'c', title: 'Keynote', startAt: START + 2 }),
        makeTalk({ id: 'd', title: 'Keynote!', startAt: START + 3 }),
      ],
      notes: [],
      highlights: [],
    });
    const scope = dayTemplateScope(repeated, '', { main_takeaways: false, intro_heading: null, outro_heading: null });
    expect(render('{% for talk in talks %}{{ talk | heading_id }} {% endfor %}', scope)).toBe(
      'keynote lightning-talks keynote-1 keynote-2 ',
    );
    expect(
      render(
        '{{ talk | heading_id }} {{ talk.title | heading_id }}',
        talkTemplateScope(repeated, repeated.talks[2]!, repeated.days[0]!),
      ),
    ).toBe('keynote-1 keynote');
    expect(headingIds(['a', 'a-1', 'a', 'A', ''])).toEqual(['a', 'a-1', 'a-2', 'a-3', '']);
  });

  it('is the id of the heading a template writes from the same title', () => {
    fc.assert(
      fc.property(hostileString, (title) => {
        const heading = nodesOfType(parseMarkdown(render('## {{ t }}', { t: title })), 'heading')[0];
        // The id is computed from the text a reader sees in the heading.
        expect(headingId(title)).toBe(headingId(heading ? plainText(heading) : ''));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('toml_string', () => {
  it('quotes text and lists for TOML', () => {
    expect(
      render('title = {{ t | toml_string }}\ntags = {{ recap.tags | toml_string }}\nx = {{ l | toml_string }}', {
        ...talkScope,
        t: 'A "quote" +++\n\\',
        l: ['a', 'b"'],
      }),
    ).toBe('title = "A \\"quote\\" +++\\n\\\\"\ntags = []\nx = ["a", "b\\""]');
  });

  it('counts against the render’s memory limit, with the quoting filters’ own cap', () => {
    // Each step doubles `"` and `\`: 24 steps were 50M characters in 4 s, 26 crashed the tab.
    const chain = (filter: string, steps: number) =>
      renderWithTemplate(`{{ s ${Array(steps).fill(`| ${filter} `).join('')}| size }}`, { s: '"\\\n' });
    // The count in the message is the proof the cap held: the chain stopped at the step that
    // passed 1,000,000 characters, not 50M characters later (no wall-clock limit: it flaked
    // under load, and speed belongs to the bench).
    for (const filter of ['toml_string', 'yaml_string']) {
      expect(chain(filter, 24), filter).toMatchObject({
        ok: false,
        error: { message: expect.stringContaining(`${filter}: 1,179,647 characters is more`) },
      });
    }
    // Markdown filters re-escape plain text, so they double too (`indent`, `blockquote` alike):
    // stopped by the memory limit (1.5 s here), where they went on doubling.
    for (const filter of ['md_escape']) {
      expect(chain(filter, 25), filter).toMatchObject({ ok: false, error: { message: 'memory alloc limit exceeded' } });
    }
    expect(renderWithTemplate('{{ s | toml_string }}', { s: 'x'.repeat(1_000_001) })).toMatchObject({
      ok: false,
      error: {
        message: 'toml_string: 1,000,001 characters is more than a front matter value holds (at most 1,000,000)',
      },
    });
    expect(render('{{ s | yaml_string | size }}', { s: 'x'.repeat(1_000_000) })).toBe('1000002');
  });
});

describe('date and date_in_zone', () => {
  it('write RFC 3339 offsets with %:z, as Hugo and TOML want', () => {
    expect(render('{{ talk | date_in_zone: "%FT%T%:z" }} {{ talk.start_at | date: "%Y-%m-%d %H:%M:%S %z" }}')).toBe(
      '2025-09-09T09:30:00-07:00 2025-09-09 09:30:00 -0700',
    );
  });

  it('read our milliseconds and Liquid’s seconds, in the venue’s clock', () => {
    // Liquid's own `date` would read milliseconds as seconds: the year 57660.
    expect(
      render(
        '{{ talk.start_at | date: "%Y %-I:%M %p" }} {{ 1757435400 | date: "%H:%M" }} {{ "1757435400" | date: "%s" }}',
      ),
    ).toBe('2025 9:30 AM 09:30 1757435400');
    expect(render('{{ "not a date" | date: "%Y" }} {{ "2025-13-45" | date: "%Y" }}')).toBe('not a date 2025-13-45');
    // Past the ±8.64e15 ms a Date holds there is no date, rather than a failed render.
    expect(
      render('[{{ "99999999999999999999" | date }}] [{{ n | date: "%F" }}] [{{ m | date_in_zone: "%F" }}]', {
        ...talkScope,
        n: 8.64e15 + 1,
        m: -1e300,
      }),
    ).toBe('[] [] []');
    expect(render('{{ n | date: "%F" }}', { ...talkScope, n: 8.64e15 - 86_400_000 })).toBe('275760-09-11');
    // A calendar day or a wall time is printed as written, not moved into the venue's clock.
    expect(
      render('{{ recap.date | date: "%B %-d, %Y" }} · {{ "2025-09-15 11:00" | date: "%-I:%M %p" }}', dayScope),
    ).toBe('September 9, 2025 · 11:00 AM');
    // …in no zone: no UTC or +00:00 that was never said. `%FT%T%:z` is then a TOML local date-time.
    expect(render('{{ recap.date | date: "%FT%T%:z" }}|{{ "2025-09-15 11:00" | date: "%R %Z %z" }}|', dayScope)).toBe(
      '2025-09-09T00:00:00|11:00|',
    );
  });

  it('know "now", for a publication date, in the zone given or the first talk’s', () => {
    vi.useFakeTimers({ now: Date.UTC(2025, 8, 15, 18, 0) });
    expect(render('{{ "now" | date: "%FT%T%:z" }}', dayScope)).toBe('2025-09-15T11:00:00-07:00');
    expect(render('{{ "today" | date_in_zone: "%F %H:%M", "Europe/Zurich" }}', dayScope)).toBe('2025-09-15 20:00');
    expect(render('{{ "now" | date: "%F %R %Z" }}', { x: 1 })).toBe('2025-09-15 18:00 UTC');
  });
});

describe('speaker_list', () => {
  it('names a company two speakers share once, even when it needs escaping', () => {
    const speakers = [
      { name: 'Ada', company: 'Labs [EU]' },
      { name: 'Bo', company: 'Labs [EU]' },
      { name: 'Cy', company: '*' },
    ];
    expect(render('{{ s | speaker_list }} | {{ s | speaker_list: "comma" }}', { s: speakers })).toBe(
      'Ada and Bo at Labs \\[EU\\] and Cy at \\* | Ada & Bo, Labs \\[EU\\] & Cy, \\*',
    );
  });
});

describe('video embeds', () => {
  it('give the recording’s id, so a Hugo shortcode can be written', () => {
    const source =
      '{% if talk.video_player == "youtube" %}{% raw %}{{< youtube {% endraw %}{{ talk.video_id | raw }}{% raw %} >}}{% endraw %}{% endif %}';
    expect(render(source)).toBe('{{< youtube aB3dE5fG7hI >}}');
    expect(render(source, talkTemplateScope(data, data.talks[2]!, data.days[0]!))).toBe('');
    expect(
      render('{{ talk.video_player }} {{ talk.video_id }}', talkTemplateScope(data, data.talks[2]!, data.days[0]!)),
    ).toBe('vimeo 1015553301');
  });
});

describe('front matter a template writes', () => {
  it('is checked for values that would break it, with the line and the fix', () => {
    const source =
      '---\ntitle: "{{ recap.title }}"\nauthor: {{ recap.authors.first }}\ndate: {{ recap.date }}\ntags: {{ recap.tags | yaml_string }}\n---\n{{ recap.intro }}';
    expect(validateTemplate(source, 'day')).toEqual({
      ok: true,
      warnings: [
        'Line 2: front matter gets a value in quotes; write {{ recap.title | yaml_string }} without quotes, so quotes, colons and # in it cannot break the YAML',
        'Line 3: front matter gets a value without a filter; write {{ recap.authors.first | yaml_string }} without quotes, so quotes, colons and # in it cannot break the YAML',
      ],
    });
    expect(validateTemplate("+++\ntitle = '{{ recap.title | upcase }}'\n+++\n", 'day')).toMatchObject({
      warnings: [expect.stringContaining('| toml_string')],
    });
    expect(validateTemplate('{{ front_matter }}\n## {{ recap.title }}', 'day')).toEqual({ ok: true, warnings: [] });
  });

  it('in TOML, warns about a date that is empty without a time, and a slug written bare', () => {
    const source =
      '+++\ntitle = {{ recap.title | toml_string }}\ndate = {{ talks.first | date: "%FT%T%:z" }}\nday = {{ recap.date }}\n' +
      'slug = {{ recap.title | slugify }}\nweight = {{ talks.size }}\n{% if recap.date %}published = {{ recap.date }}{% endif %}\n' +
      '{% if talks.first.start_at %}\nstart = {{ talks.first.start_at | date: "%F" }}\n{% endif %}\nnow = {{ "now" | date: "%F" }}\n' +
      'noted = {{ talks.first.notes.first.created_at | date: "%F" }}\n+++\n';
    expect(validateTemplate(source, 'day')).toEqual({
      ok: true,
      warnings: [
        'Line 3: {{ talks.first | date: "%FT%T%:z" }} is empty when there is no time, and TOML has no empty value; write {% if talks.first.start_at %}date = {{ talks.first | date: "%FT%T%:z" }}{% endif %} so the line is left out',
        'Line 4: {{ recap.date }} is empty when there is no time, and TOML has no empty value; write {% if recap.date %}day = {{ recap.date }}{% endif %} so the line is left out',
        'Line 5: front matter gets a value without a filter; write {{ recap.title | slugify | toml_string }} without quotes, so quotes, colons and # in it cannot break the TOML',
      ],
    });
    // YAML reads `date:` as null: no warning there.
    expect(validateTemplate('---\ndate: {{ talks.first | date: "%F" }}\n---\n', 'day')).toEqual({
      ok: true,
      warnings: [],
    });
  });
});
