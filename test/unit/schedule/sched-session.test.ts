import { describe, expect, it } from 'vitest';
import { extractTalks } from '../../../lib/schedule';
import { splitRoleCompany } from '../../../lib/schedule/sched';
import { OWN_FIXTURES, loadDocument, readFixture } from '../helpers';

const URL_ = 'https://kcdsf2025.sched.com/event/25u4t/platform-engineering-without-the-platform-team';
const page = () => loadDocument(readFixture(`${OWN_FIXTURES}/sched/kcdsf2025-session.html`), URL_);

describe('Sched session page', () => {
  it('reads every field of the session', () => {
    const { talks, warnings, source } = extractTalks(page(), URL_);
    expect(source).toBe('sched');
    expect(warnings).toEqual([]);
    expect(talks).toHaveLength(1);
    const t = talks[0]!;
    expect(t.title).toBe('Platform Engineering Without the Platform Team');
    expect(t.externalId).toBe('6f1c2e8a9b0d4c3e8f7a6b5c4d3e2f10');
    expect(t.url).toBe(URL_);
    expect(t.start).toBe('2025-09-09T09:30:00-07:00');
    expect(t.end).toBe('2025-09-09T10:00:00-07:00');
    expect(Date.parse(t.start!)).toBe(Date.UTC(2025, 8, 9, 16, 30));
    expect(t.room).toBe('Grand Ballroom A');
    expect(t.tracks).toEqual(['Platform Engineering']);
    expect(t.customFields).toEqual({ 'Content Experience Level': 'Any', 'Presentation Language': 'English' });
    expect(t.files).toEqual([
      {
        name: 'paved-roads-slides.pdf',
        url: 'https://static.sched.com/hosted_files/kcdsf2025/ab/paved-roads-slides.pdf',
      },
    ]);
    expect(t.videoUrl).toBe('https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  });

  it('reads speakers with role and company, absolute links, and no placeholder avatar', () => {
    const [t] = extractTalks(page(), URL_).talks;
    expect(t!.speakers).toEqual([
      {
        name: 'Jane Doe',
        role: 'Staff Engineer, Developer Experience',
        company: 'Acme Corp',
        roleCompanyRaw: 'Staff Engineer, Developer Experience, Acme Corp',
        group: 'Speakers',
        profileUrl: 'https://kcdsf2025.sched.com/speaker/jdoe',
        avatarUrl: 'https://static.sched.com/avatars/jdoe.320x320px.jpg',
      },
      {
        name: 'Ravi Kumar',
        role: 'Maintainer',
        company: null,
        roleCompanyRaw: 'Maintainer',
        group: 'Speakers',
        profileUrl: 'https://kcdsf2025.sched.com/speaker/rkumar',
        avatarUrl: null,
      },
    ]);
  });

  it('keeps the description as sanitized HTML and as Markdown with its links', () => {
    const [t] = extractTalks(page(), URL_).talks;
    expect(t!.description).toContain('[Backstage](https://backstage.io/docs)');
    expect(t!.description).toContain('_Crossplane_');
    expect(t!.description).toContain('[Paved roads on a budget](https://blog.example.dev/paved-roads)');
    expect(t!.descriptionHtml).not.toMatch(/<strong><\/strong>|<script|on\w+=/);
  });

  it('says so when a Sched page has no session on it', () => {
    const doc = loadDocument('<html><body><h1>Checking your browser…</h1></body></html>', URL_);
    const result = extractTalks(doc, URL_);
    expect(result.talks).toEqual([]);
    expect(result.warnings[0]).toMatch(/no session/i);
  });

  it('says a page that is no schedule is no schedule', () => {
    const doc = loadDocument('<html><body><p>hello</p></body></html>', 'https://example.com/');
    expect(extractTalks(doc, 'https://example.com/')).toMatchObject({ talks: [], source: 'none' });
  });

  it('strips scripts, handlers and javascript: links from hostile descriptions', () => {
    const html = readFixture(`${OWN_FIXTURES}/sched/kcdsf2025-session.html`).replace(
      '<strong></strong>Most teams',
      '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a><iframe src="https://evil.example"></iframe>Most teams',
    );
    const [t] = extractTalks(loadDocument(html, URL_), URL_).talks;
    expect(t!.descriptionHtml).not.toMatch(/script|onerror|javascript:|iframe/i);
    expect(t!.description).not.toMatch(/javascript:|alert/);
  });
});

describe('splitRoleCompany', () => {
  it.each([
    ['CTO, Acme', 'CTO', 'Acme'],
    ['VP, Engineering, Acme Inc.', 'VP, Engineering', 'Acme Inc.'],
    ['Independent', 'Independent', null],
    ['', null, null],
    ['Engineer, Example, Inc.', 'Engineer', 'Example, Inc.'],
    // Two letters that are also initials or words are a company of their own, not a legal form.
    ['Solutions Architect, AS', 'Solutions Architect', 'AS'],
    ['Founder, Co', 'Founder', 'Co'],
  ])('%s', (raw, role, company) => {
    expect(splitRoleCompany(raw)).toEqual({ role, company });
  });
});
