import { describe, expect, it } from 'vitest';
import {
  buildRecapData,
  dayTemplateScope,
  renderRecap,
  renderWithTemplate,
  talkTemplateScope,
  validateTemplate,
} from '../../../lib/recap';
import { dangerousNodes } from './commonmark-helpers';
import { loadRecapFixture } from './fixtures';

const data = buildRecapData(loadRecapFixture('kcd-sf-bay-area-2025'), { locale: 'en-US' });
const talk = data.talks[0]!;
const day = data.days[0]!;
const scope = talkTemplateScope(data, talk, day);

function render(source: string, vars: object = scope): string {
  const result = renderWithTemplate(source, vars);
  if (!result.ok) throw new Error(`${result.error.message} at ${result.error.line}:${result.error.column}`);
  return result.markdown;
}

describe('renderWithTemplate', () => {
  it('loops over notes, speakers and highlights with conditionals', () => {
    const source = [
      '## {{ talk.title }}{% for s in talk.speakers %} · {{ s.name }}{% if s.company %} ({{ s.company }}){% endif %}{% endfor %}',
      '{% for note in talk.notes %}{% if note.kind == "takeaway" %}',
      '- {{ note | offset }} {{ note.text }}{% endif %}{% endfor %}',
      '{% for h in talk.highlights %}{{ h.quote | blockquote }}{% endfor %}',
    ].join('\n');
    expect(render(source)).toBe(
      [
        '## You Can’t Handle the Root! Container Isolation for Secure Multi-tenancy · Mariana Moore (Edera)',
        '',
        '- [6:45](https://www.youtube.com/watch?v=aB3dE5fG7hI&t=405s) A kernel exploit in one container is an exploit in all of them. Treat the kernel as shared attack surface.',
        '- [26:30](https://www.youtube.com/watch?v=aB3dE5fG7hI&t=1590s) GPUs have almost no isolation primitives, and DRA makes sharing them easy: a wide-open attack surface.',
        '> Containers share a kernel, and so do their vulnerabilities.',
      ].join('\n'),
    );
  });

  it('formats dates in the talk’s zone by default, or in a zone given', () => {
    expect(render('{{ talk | date_in_zone: "%A, %B %-d, %Y %-I:%M %p %Z" }}')).toBe(
      'Tuesday, September 9, 2025 9:30 AM PDT',
    );
    expect(render('{{ talk.start_at | date_in_zone: "%F %H:%M %z" }}')).toBe('2025-09-09 09:30 -0700');
    expect(render('{{ talk.start_at | date_in_zone: "%F %H:%M %z", "Europe/Zurich" }}')).toBe('2025-09-09 18:30 +0200');
    expect(render('{{ talk.start_at | date_in_zone }}')).toBe('2025-09-09');
    expect(render('{{ talk.start_at | date_in_zone: "%H:%M", "Not/AZone" }}')).toBe('16:30');
  });

  it('renders offsets from milliseconds too, linked when the recording allows', () => {
    expect(render('{{ 754000 | offset }} {{ 3723000 | offset: talk.video_url }} {{ -5 | offset }}')).toBe(
      '[12:34] [1:02:03](https://www.youtube.com/watch?v=aB3dE5fG7hI&t=3723s) ',
    );
  });

  it('escapes plain values, prints Markdown values as they are, and writes YAML strings', () => {
    const vars = { ...scope, evil: '*bold* [x](javascript:alert(1)) <img src=x onerror=alert(1)>', title: 'A: "B" #c' };
    expect(render('{{ evil }}', vars)).toBe('\\*bold\\* \\[x\\](javascript:alert(1)) \\<img src=x onerror=alert(1)>');
    expect(render('{{ evil | md_escape }}', vars)).toBe(render('{{ evil }}', vars));
    expect(render('{{ evil | raw }}', vars)).toBe('*bold* [x](#javascript:alert(1)) \\<img src=x onerror=alert(1)>');
    expect(render('{{ evil | upcase }}', vars)).toBe(
      '\\*BOLD\\* \\[X\\](JAVASCRIPT:ALERT(1)) \\<IMG SRC=X ONERROR=ALERT(1)>',
    );
    expect(render('title: {{ title | yaml_string }}\ntags: {{ recap.tags | yaml_string }}', vars)).toBe(
      'title: "A: \\"B\\" #c"\ntags: []',
    );
    expect(render('{{ "Docs" | md_link: "javascript:alert(1)" }} {{ "Docs" | md_link: "https://k8s.io/a b" }}')).toBe(
      'Docs [Docs](https://k8s.io/a%20b)',
    );
    expect(render('{% for note in talk.notes_by_kind.quote %}{{ note.text }}{% endfor %}')).toBe(
      'Containers were never designed to contain.',
    );
    expect(render('{% echo evil %}', vars)).toBe(render('{{ evil }}', vars));
  });

  it('never lets hostile page text out raw, however the template prints it', () => {
    const hostile =
      '<script>alert(1)</script> <iframe src=x> [a](javascript:alert(1)) <a href="javascript:x" onerror=y>';
    const vars = { ...scope, hostile, list: [hostile, hostile] };
    const source = [
      '{{ hostile }}',
      '{{ hostile | raw }}',
      '{{ hostile | append: "<b>" | raw }}',
      '{{ list }}',
      '{{ list | join: "<br>" }}',
      '{% capture c %}{{ hostile }}<i>{% endcapture %}{{ c }} {{ c | raw }}',
      '{{ hostile | blockquote }}',
      '{{ hostile | indent: 2 }}',
      '{{ hostile | md_link: hostile }}',
      '{{ hostile | safe_url }}',
      '{{ hostile | autolink }}',
      '{% cycle hostile, "x" %}',
      '{{ hostile | newline_to_br }}',
      '{{ hostile | escape }}',
      '{{ hostile | url_decode }}',
      '{{ hostile | strip_html }}',
    ].join('\n\n');
    expect(dangerousNodes(render(source, vars))).toEqual([]);
  });

  it('reports errors with line, column and reason instead of rendering nothing', () => {
    expect(renderWithTemplate('ok\n\n{{ talk.title | nope }}', scope)).toEqual({
      ok: false,
      error: { line: 3, column: 1, message: 'undefined filter: nope' },
    });
    const unclosed = renderWithTemplate('line 1\n{% for note in talk.notes %}\n{{ note.text }}', scope);
    expect(unclosed.ok).toBe(false);
    if (!unclosed.ok) expect(unclosed.error).toMatchObject({ line: 2, message: expect.stringMatching(/not closed/) });
    const bad = renderWithTemplate('a\nb {% if %}', scope);
    expect(bad).toMatchObject({
      ok: false,
      error: { line: 2, message: expect.stringMatching(/invalid value expression/) },
    });
    const runtime = renderWithTemplate('x\n{{ talk.title | append }}', scope);
    expect(runtime).toMatchObject({ ok: false, error: { line: 2, message: expect.stringMatching(/argument/) } });
  });

  it('cannot reach files, the network or prototypes', () => {
    expect(renderWithTemplate('{% include "secrets.txt" %}', scope)).toMatchObject({ ok: false, error: { line: 1 } });
    expect(renderWithTemplate('{% render "/etc/passwd" %}', scope)).toMatchObject({ ok: false });
    expect(renderWithTemplate('{% layout "https://evil.example/x" %}', scope)).toMatchObject({ ok: false });
    expect(render('{{ talk.constructor }}{{ talk.title.constructor.name }}{{ talk.__proto__ }}')).toBe('');
  });

  // A freeze would run into the test's timeout; how fast the limits act is not asserted here.
  it('stops a runaway loop instead of freezing', () => {
    expect(renderWithTemplate('{% for i in (1..100000000) %}{{ i }}{% endfor %}', scope)).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/memory/) },
    });
    expect(
      renderWithTemplate('{% for i in (1..10000) %}{% for j in (1..10000) %}{% endfor %}{% endfor %}', scope),
    ).toMatchObject({ ok: false, error: { message: expect.stringMatching(/render limit/) } });
  }, 20_000);
});

describe('validateTemplate', () => {
  it('accepts the starters and warns about unknown variables', () => {
    expect(validateTemplate('{{ talk.title }} {{ recap.title }} {{ day.label }}', 'talk')).toEqual({
      ok: true,
      warnings: [],
    });
    expect(validateTemplate('{{ talks.size }} {{ front_matter }}', 'day')).toEqual({ ok: true, warnings: [] });
    expect(validateTemplate('{{ tlak.title }}', 'talk')).toEqual({
      ok: true,
      warnings: ['“tlak” is not a variable of a talk template, so it prints nothing. Did you mean {{ talk }}?'],
    });
  });

  it('returns the position of a syntax error', () => {
    expect(validateTemplate('fine\n  {% for note in %}{% endfor %}')).toMatchObject({
      ok: false,
      error: { line: 2, column: 3 },
    });
    expect(validateTemplate('{% endfor %}')).toMatchObject({ ok: false, error: { line: 1, column: 1 } });
  });
});

describe('renderRecap with user templates', () => {
  const input = loadRecapFixture('kcd-sf-bay-area-2025');

  it('puts a talk template inside the preset’s post', () => {
    const result = renderRecap(input, {
      preset: 'bulleted',
      mainTakeaways: false,
      intro: null,
      template: { kind: 'talk', source: '### {{ talk.number }}. {{ talk.title }}' },
    });
    expect(result).toMatchObject({ ok: true });
    if (result.ok)
      expect(result.markdown).toBe(
        [
          '### 1. You Can’t Handle the Root! Container Isolation for Secure Multi-tenancy',
          '',
          '### 2. Best Practices for GitOps Promotions',
          '',
          '### 3. 10 Things That Super Mario Taught Me About Platform Engineering',
          '',
          '### 4. Introduction to Bootable Containers',
          '',
        ].join('\n'),
      );
  });

  it('names the talk whose rendering failed', () => {
    const result = renderRecap(input, {
      template: { kind: 'talk', source: '{% if talk.number == 3 %}{{ talk.title | append }}{% endif %}' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { line: 1, message: expect.stringContaining('10 Things That Super Mario') },
    });
  });

  it('refuses to export a day template that produced nothing', () => {
    expect(renderRecap(input, { template: { kind: 'day', source: '{% if false %}x{% endif %}\n\n' } })).toEqual({
      ok: false,
      error: { line: 1, message: 'The template produced no text' },
    });
  });

  it('gives a day template the front matter and settings', () => {
    const result = renderWithTemplate(
      '{{ front_matter }}{{ settings.main_takeaways }} {{ talks.size }} {{ days.first.heading }}',
      dayTemplateScope(data, '---\ntitle: "x"\n---\n', {
        main_takeaways: true,
        intro_heading: null,
        outro_heading: null,
      }),
    );
    expect(result).toEqual({ ok: true, markdown: '---\ntitle: "x"\n---\ntrue 4 Day 1 — Tuesday, September 9' });
  });
});
