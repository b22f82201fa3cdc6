/**
 * Speakers as a recap names them, with the group the page listed them under (Speakers,
 * Moderators, Panelists…), so a template can write a panel as "A, B and C, moderated by D".
 */
import type { Speaker } from '../model';
import { normalizeInlineText, safeLinkUrl } from './escape';

export interface SpeakerView {
  name: string;
  role: string | null;
  company: string | null;
  profile_url: string | null;
  /** The group the page listed the person under (`Speakers`, `Moderators`, `Panelists`…), or null. */
  group: string | null;
  /** Listed as a moderator, host, chair or MC. */
  is_moderator: boolean;
  /** Listed as a panelist. */
  is_panelist: boolean;
}

const MODERATOR = /moderat|\bhosts?\b|\bchairs?\b|facilitat|\bm\.?c\.?s?\b|emcee|master of ceremon/i;
const PANELIST = /panel/i;

export function speakerViews(speakers: readonly Speaker[]): SpeakerView[] {
  return speakers
    .map((s) => {
      const group = s.group ? normalizeInlineText(s.group) || null : null;
      const moderator = group !== null && MODERATOR.test(group);
      return {
        name: normalizeInlineText(s.name),
        role: s.role ? normalizeInlineText(s.role) : null,
        company: s.company ? normalizeInlineText(s.company) || null : null,
        profile_url: safeLinkUrl(s.profileUrl),
        group,
        is_moderator: moderator,
        is_panelist: !moderator && group !== null && PANELIST.test(group),
      };
    })
    .filter((s) => s.name !== '');
}
