/**
 * The domain's rules, each written once: what an http(s) link is, which time zones are known,
 * and the fields of a speaker and a talk's file. Messages, extracted talks and backups all read
 * through these; they differ only in how strict the leaf checks are (see lenient.ts).
 */
import { safeUrl } from '../html/safe-url';
import type { Speaker, Template } from '../model';
import { intlTimeZoneName } from '../time/zones';
import { fail, memberOf, shape, type Check } from './checks';

/** Chrome navigates to no URL longer than 2 MB (Firefox: 1 MB); a backup refuses text over 5 MB. */
export const MAX_URL_CHARS = 2 * 1024 * 1024;

/** The http(s) link in canonical form, or null: the one URL rule for pages, backups and notes. */
export const webUrl = (value: string): string | null => safeUrl(value, 'web');
export const isWebUrl = (value: string): boolean => webUrl(value) !== null;

/** An http(s) link of at most `MAX_URL_CHARS`, canonical: `javascript:` and relative links fail. */
export const webLink: Check<string> = (v, path) => {
  const url = typeof v === 'string' && v.length <= MAX_URL_CHARS ? webUrl(v) : null;
  if (!url || url.length > MAX_URL_CHARS) fail(path, 'an http(s) link', v);
  return url;
};

/**
 * An IANA zone this browser knows, spelled as Intl spells it (`intlTimeZoneName`); a page's
 * invention or an abbreviation fails. Readers that store make old links current with
 * `canonicalTimeZone`; its table stays out of the highlighter, which bundles the message contract.
 */
export const knownTimeZone: Check<string> = (v, path) => {
  const zone = typeof v === 'string' ? intlTimeZoneName(v.slice(0, 100)) : null;
  if (!zone) fail(path, 'a known time zone', v);
  return zone;
};

/** A speaker's fields, the one list: a backup reads them strictly, a clip leniently. */
export function speakerShape(checks: {
  name: Check<string>;
  text: Check<string | null>;
  link: Check<string | null>;
}): Check<Speaker> {
  const { name, text, link } = checks;
  return shape<Speaker>({
    name,
    role: text,
    company: text,
    roleCompanyRaw: text,
    group: text,
    profileUrl: link,
    avatarUrl: link,
  });
}

/** A talk's file (slides, a recording): its name and its link. */
export function talkFileShape<Name>(checks: { name: Check<Name>; url: Check<string> }): Check<{
  name: Name;
  url: string;
}> {
  return shape<{ name: Name; url: string }>({ name: checks.name, url: checks.url });
}

/** A template renders one talk's section or a whole day post. */
export const templateKind: Check<Template['kind']> = memberOf(['talk', 'day', 'snippet']);

/** A display name is a label next to a note, not a document: one short line. */
export const MAX_AUTHOR_CHARS = 80;
// Controls (newlines, tabs, NUL), line/paragraph separators and the bidi controls that could
// make a name print as someone else's, or reorder the note text around it.
const NOT_IN_A_NAME = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

/**
 * A display name as typed: spaces collapsed and trimmed; null when nothing is left, when it is
 * longer than `MAX_AUTHOR_CHARS` or holds a control character (the settings field says why).
 */
export function cleanAuthorName(value: string): string | null {
  const name = value.replace(/[ \u00a0]+/g, ' ').trim();
  if (name === '' || name.length > MAX_AUTHOR_CHARS || NOT_IN_A_NAME.test(name)) return null;
  return name;
}

/** A note's or highlight's `author` in a file or from a server: exactly a clean name, else refused. */
export const authorName: Check<string> = (v, path) => {
  if (typeof v !== 'string' || cleanAuthorName(v) !== v)
    fail(path, `a name of 1 to ${MAX_AUTHOR_CHARS} characters on one line`, v);
  return v;
};
