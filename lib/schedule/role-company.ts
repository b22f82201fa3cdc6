/**
 * One printed line about a person ("Staff Engineer, Acme", "CTO @ Beta", "Snyk") → role and
 * company. Sched prints "Position, Company" and drops either part when it is empty, so a line
 * without a separator is a company unless it reads like a position; Sessionize taglines are free
 * text that people write as "Role, Company", "Role - Company", "Role at Company" or "Role @ Company".
 */

export interface RoleCompany {
  role: string | null;
  company: string | null;
}

/** A legal-form suffix printed after a comma ("Acme, Inc."): part of the company name, not a company. */
// Not the two-letter ones that are also words or initials ("AS", "AB", "SA", "Co"): only with their dot.
const LEGAL_SUFFIX =
  /^(?:inc\.?|llc|l\.l\.c\.?|ltd\.?|limited|corp\.?|co\.|plc|llp|gmbh|ag|s\.a\.?|bv|b\.v\.?|nv|n\.v\.?|pty\.? ltd\.?|srl|s\.r\.l\.?|oy|kk)$/i;

/**
 * Words that make a line a position ("Maintainer", "Independent Consultant", "PhD Student"), not
 * a company. A company is a name ("Snyk", "Red Hat"); a line with one of these words is a role.
 */
const ROLE_WORD = new RegExp(
  '\\b(?:' +
    [
      'engineer(?:ing)?',
      'developer',
      'dev',
      'programmer',
      'architect',
      'maintainer',
      'contributor',
      'committer',
      'manager',
      'director',
      'head',
      'lead',
      'leader',
      'founder',
      'co-?founder',
      'owner',
      'partner',
      'president',
      'vp',
      'svp',
      'evp',
      'chief',
      'officer',
      'ceo',
      'cto',
      'cio',
      'cfo',
      'coo',
      'ciso',
      'cpo',
      'cmo',
      'consultant',
      'advisor',
      'adviser',
      'analyst',
      'scientist',
      'researcher',
      'professor',
      'lecturer',
      'student',
      'phd',
      'postdoc',
      'fellow',
      'intern',
      'specialist',
      'expert',
      'advocate',
      'evangelist',
      'designer',
      'writer',
      'author',
      'editor',
      'journalist',
      'librarian',
      'archivist',
      'curator',
      'coordinator',
      'administrator',
      'admin',
      'sre',
      'devops',
      'technologist',
      'strategist',
      'principal',
      'staff',
      'senior',
      'sr\\.?',
      'junior',
      'jr\\.?',
      'member',
      'chair',
      'co-?chair',
      'board',
      'ambassador',
      'organi[sz]er',
      'volunteer',
      'mentor',
      'trainer',
      'coach',
      'teacher',
      'freelancer?',
      'independent',
      'self-employed',
      'retired',
      'hacker',
      'tinkerer',
      'enthusiast',
      'mvp',
      'gde',
      'champion',
      'product',
      'program',
      'programme',
      'project',
      'technical',
      'software',
      'solutions?',
      'security',
      'data',
      'cloud',
      'platform',
    ].join('|') +
    ')\\b',
  'i',
);

/** Job-title nouns: a "company" part holding one is really a second role ("MVP | Acme, Lead Cloud Architect"). */
const TITLE_NOUN =
  /\b(?:engineer|developer|architect|manager|director|lead|head|founder|co-?founder|ceo|cto|cio|cfo|coo|ciso|vp|consultant|advocate|evangelist|scientist|analyst|specialist|trainer|maintainer|student|professor|officer|president|mvp|gde|intern|researcher)\b/i;

export function looksLikeRole(text: string): boolean {
  return ROLE_WORD.test(text);
}

const clean = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A line with nothing to split on: a position when it reads like one, else a company. */
function single(text: string): RoleCompany {
  return looksLikeRole(text) ? { role: text, company: null } : { role: null, company: text };
}

/** Split "Position, Company" at the last ", " — positions may hold commas, company names rarely do. */
export function splitRoleCompany(raw: string): RoleCompany {
  const text = clean(raw);
  if (!text) return { role: null, company: null };
  let at = text.lastIndexOf(', ');
  if (at < 0) return single(text);
  // "Engineer, Example, Inc.": the company is "Example, Inc.", unless nothing would be left for the role.
  if (LEGAL_SUFFIX.test(text.slice(at + 2).trim())) {
    const before = text.lastIndexOf(', ', at - 1);
    if (before >= 0) at = before;
    else return { role: null, company: text };
  }
  return { role: text.slice(0, at).trim() || null, company: text.slice(at + 2).trim() || null };
}

/**
 * A free-text tagline: "Role at Company" / "Role @ Company" first (the clearest), then
 * "Role - Company" (spaced dash), then "Role, Company". A tagline with none of them is kept as
 * the role when it reads like one ("Cloud Architect"), else as a company ("Microsoft").
 * Sentences ("Building things at scale since 2004.") stay whole, as the role, never guessed apart.
 */
export function splitTagline(raw: string): RoleCompany {
  const text = clean(raw);
  if (!text) return { role: null, company: null };
  // Long prose is a bio line, not "Role, Company".
  if (text.length > 90 || /[.!?]\s+\S/.test(text)) return { role: text, company: null };
  const at = /^(.*\S)\s+(?:at|@)\s+(\S.*)$/i.exec(text) ?? /^(.*\S)\s*@\s*(\S.*)$/.exec(text);
  if (at) return { role: at[1]!, company: at[2]! };
  // A company is a name: a few words, no job title, no list of roles ("and trainer").
  const companyLike = (c: string) => !TITLE_NOUN.test(c) && c.split(' ').length <= 5 && !/^(?:and|or|&)\b/i.test(c);
  const dash = /^(.*\S)\s+[-–—]\s+(\S.*)$/.exec(text);
  if (dash && looksLikeRole(dash[1]!) && companyLike(dash[2]!)) return { role: dash[1]!, company: dash[2]! };
  if (text.includes(', ')) {
    const split = splitRoleCompany(text);
    // "Rustacean, Mozilla" splits too; "Speaker, author, and trainer" (a list of roles) does not.
    const oneComma = text.indexOf(', ') === text.lastIndexOf(', ');
    if (
      split.role &&
      split.company &&
      companyLike(split.company) &&
      (looksLikeRole(split.role) || (oneComma && split.company.split(' ').length <= 3))
    )
      return split;
  }
  return { role: text, company: null };
}
