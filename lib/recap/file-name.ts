/**
 * File names for exported posts, Jekyll's `YYYY-MM-DD-slug.md` convention (Hugo and Obsidian
 * accept it too): `2025-09-09-kcd-sf-bay-area-recap.md`.
 */

const MAX_SLUG = 60;

/** Lower-case ASCII words joined by hyphens; accents folded, everything else dropped. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG + 1);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > 20 ? cut.slice(0, lastHyphen) : slug.slice(0, MAX_SLUG)).replace(/-+$/, '');
}

/**
 * `<date>-<name>-recap.md`. The name's trailing year is dropped when the date already says it
 * ("KCD SF Bay Area 2025" on 2025-09-09 → `kcd-sf-bay-area`), and "recap" is not doubled.
 */
export function recapFileName(date: string | null, name: string | null): string {
  const day = date && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : null;
  let slug = slugify(name ?? '');
  if (day) slug = slug.replace(new RegExp(`-${day.slice(0, 4)}$`), '');
  if (!/(^|-)recap(-|$)/.test(slug)) slug = slug ? `${slug}-recap` : 'recap';
  return `${day ? `${day}-` : ''}${slug}.md`;
}
