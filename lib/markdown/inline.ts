/**
 * The Markdown a note may hold, as tokens a UI renders as text nodes — never as HTML, so a note
 * pasted from a hostile page cannot inject markup. Covers what people type while listening:
 * **bold**, _italic_/*italic*, `code`, [links](url), bare URLs, line breaks, "- " list lines.
 * Only http(s) and mailto links survive; anything else stays as its text.
 */
import { safeUrl } from '../html/safe-url';

export type InlineToken =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em'; children: InlineToken[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: InlineToken[] }
  | { type: 'br' };

const safeHref = (raw: string): string | null => safeUrl(raw, 'link');

// Order matters: code first (its content is literal), then links, then emphasis.
const PATTERN =
  /`([^`\n]+)`|\[([^\]\n]+)\]\(([^)\s]+)\)|\*\*([^*\n]+)\*\*|__([^_\n]+)__|(?<![\w*])\*([^*\n]+)\*(?!\w)|(?<![\w_])_([^_\n]+)_(?!\w)|(https?:\/\/[^\s<>()]+[^\s<>().,;:!?'"])/g;

export function parseInline(source: string): InlineToken[] {
  const tokens: InlineToken[] = [];
  const pushText = (text: string) => {
    const lines = text.split('\n');
    lines.forEach((line, i) => {
      if (i > 0) tokens.push({ type: 'br' });
      if (!line) return;
      const prev = tokens[tokens.length - 1];
      if (prev?.type === 'text') prev.text += line;
      else tokens.push({ type: 'text', text: line });
    });
  };
  let last = 0;
  for (const m of source.matchAll(PATTERN)) {
    const at = m.index ?? 0;
    if (at > last) pushText(source.slice(last, at));
    last = at + m[0].length;
    if (m[1] !== undefined) tokens.push({ type: 'code', text: m[1] });
    else if (m[2] !== undefined) {
      const href = safeHref(m[3]!);
      if (href) tokens.push({ type: 'link', href, children: parseInline(m[2]) });
      else pushText(m[0]);
    } else if (m[4] !== undefined || m[5] !== undefined)
      tokens.push({ type: 'strong', children: parseInline(m[4] ?? m[5]!) });
    else if (m[6] !== undefined || m[7] !== undefined)
      tokens.push({ type: 'em', children: parseInline(m[6] ?? m[7]!) });
    else if (m[8] !== undefined) {
      const href = safeHref(m[8]);
      if (href) tokens.push({ type: 'link', href, children: [{ type: 'text', text: m[8] }] });
      else pushText(m[8]);
    }
  }
  if (last < source.length) pushText(source.slice(last));
  return tokens;
}
