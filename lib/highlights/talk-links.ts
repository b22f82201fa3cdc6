import { cleanPageUrl } from '../anchoring/page-url';
import type { Talk } from '../model';

const MARKDOWN_LINK = /\]\((https?:\/\/[^)\s]+)\)/g;
const HTML_HREF = /href="(https?:\/\/[^"]+)"/g;

/**
 * Every page a talk points at: its own page, slides and files, the recording, links in its
 * description, and links the user attached. Compared in clean form (no fragment, no tracking).
 */
export function talkLinks(talk: Talk): Set<string> {
  const links = new Set<string>();
  const add = (u: string | null | undefined) => u && links.add(cleanPageUrl(u));
  add(talk.url);
  add(talk.videoUrl);
  talk.files.forEach((f) => add(f.url));
  talk.links.forEach(add);
  for (const m of (talk.description ?? '').matchAll(MARKDOWN_LINK)) add(m[1]);
  for (const m of (talk.descriptionHtml ?? '').matchAll(HTML_HREF)) add(m[1]!.replace(/&amp;/g, '&'));
  return links;
}

/**
 * The talk a highlight on `pageUrl` belongs to: the talk the user attached the page to, else the
 * talk that links to the page (the most recent one if several do), else the talk the user is
 * taking notes for now, else none.
 */
export function talkForPage(pageUrl: string, talks: readonly Talk[], nowTalkId: string | null): string | null {
  const page = cleanPageUrl(pageUrl);
  const attached = talks.find((t) => t.links.some((l) => cleanPageUrl(l) === page));
  if (attached) return attached.id;
  const linking = talks.filter((t) => talkLinks(t).has(page)).sort((a, b) => (b.startAt ?? 0) - (a.startAt ?? 0));
  return linking[0]?.id ?? (nowTalkId && talks.some((t) => t.id === nowTalkId) ? nowTalkId : null);
}
