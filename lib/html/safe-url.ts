const SCHEMES = {
  /** Pages and files: what a stored talk, file or recording URL may be. */
  web: new Set(['http:', 'https:']),
  /** What a link may open: a page, or a mail to write. */
  link: new Set(['http:', 'https:', 'mailto:']),
};

/**
 * The URL in canonical form when it is absolute and its scheme can only navigate; otherwise
 * null. `javascript:`, `data:`, `vbscript:` and relative URLs never pass. The one check for
 * every URL that came from a page, a backup or a note.
 */
export function safeUrl(raw: unknown, allow: keyof typeof SCHEMES = 'link'): string | null {
  if (typeof raw !== 'string' || !raw.trim()) return null;
  try {
    const url = new URL(raw.trim());
    return SCHEMES[allow].has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}
