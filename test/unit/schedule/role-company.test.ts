/** One printed line about a person → role and company (Sched's "Position, Company", Sessionize taglines). */
import { describe, expect, it } from 'vitest';
import { splitRoleCompany, splitTagline } from '../../../lib/schedule/role-company';
import { parseSessionizeAll } from '../../../lib/schedule';

describe('splitRoleCompany (Sched)', () => {
  it.each([
    // Sched drops an empty position: a line without a comma is the company…
    ['Snyk', null, 'Snyk'],
    ['Red Hat', null, 'Red Hat'],
    ['Example, Inc.', null, 'Example, Inc.'],
    // …unless it reads like a position.
    ['Maintainer', 'Maintainer', null],
    ['Independent Consultant', 'Independent Consultant', null],
    ['PhD Student', 'PhD Student', null],
    ['CTO, Acme', 'CTO', 'Acme'],
  ])('%s', (raw, role, company) => {
    expect(splitRoleCompany(raw)).toEqual({ role, company });
  });
});

describe('splitTagline (Sessionize)', () => {
  it.each([
    ['Principal Architect at Microsoft', 'Principal Architect', 'Microsoft'],
    ['Developer Advocate @ Grafana Labs', 'Developer Advocate', 'Grafana Labs'],
    ['SRE@Shopify', 'SRE', 'Shopify'],
    ['Staff Engineer, Acme', 'Staff Engineer', 'Acme'],
    ['VP, Engineering, Acme Corp', 'VP, Engineering', 'Acme Corp'],
    ['Cloud Architect - Contoso', 'Cloud Architect', 'Contoso'],
    ['Rustacean, Mozilla', 'Rustacean', 'Mozilla'],
    // Free text stays whole, as the role.
    ['Speaker, author, and trainer', 'Speaker, author, and trainer', null],
    [
      'Building reliable systems since 2004. Loves coffee.',
      'Building reliable systems since 2004. Loves coffee.',
      null,
    ],
    ['Microsoft MVP', 'Microsoft MVP', null],
    // Taglines seen on a real Sessionize event.
    [
      'Lehrer für Mathematik, KI und Advanced Algorithms an der HTL Leonding',
      'Lehrer für Mathematik, KI und Advanced Algorithms an der HTL Leonding',
      null,
    ],
    ['MVP | ACP IT Solutions GMBH, Lead Cloud Architect', 'MVP | ACP IT Solutions GMBH, Lead Cloud Architect', null],
    ['Data Scientist, cubido business solutions GmbH', 'Data Scientist', 'cubido business solutions GmbH'],
    ['CTO atwork, Microsoft MVP', 'CTO atwork, Microsoft MVP', null],
    [
      'Cloud Adoption Engineer & Cloud Evangelist at AVL List GmbH',
      'Cloud Adoption Engineer & Cloud Evangelist',
      'AVL List GmbH',
    ],
  ])('%s', (raw, role, company) => {
    expect(splitTagline(raw)).toEqual({ role, company });
  });

  it('is what the Sessionize API reader stores, the tagline kept as printed', () => {
    const json = {
      sessions: [
        {
          id: '1',
          title: 'T',
          startsAt: '2026-04-18T10:00:00',
          endsAt: '2026-04-18T10:45:00',
          speakers: ['a', 'b'],
          roomId: null,
        },
      ],
      speakers: [
        { id: 'a', fullName: 'Ann Lee', tagLine: 'Engineer - Beta Labs' },
        { id: 'b', fullName: 'Bo Chen', tagLine: 'CTO, Gamma' },
      ],
      rooms: [],
    };
    const [talk] = parseSessionizeAll(json, 'https://sessionize.com/api/v2/x/view/All', {
      timeZone: 'Europe/Vienna',
    }).talks;
    expect(talk!.speakers.map((s) => [s.name, s.role, s.company, s.roleCompanyRaw])).toEqual([
      ['Ann Lee', 'Engineer', 'Beta Labs', 'Engineer - Beta Labs'],
      ['Bo Chen', 'CTO', 'Gamma', 'CTO, Gamma'],
    ]);
  });
});
