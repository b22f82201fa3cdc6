/** The starting points offered when creating a template: each preset, as a talk section or a whole post. */
import type { Template } from '../model';
import { PRESET_NAMES, PRESETS, TALK_STARTERS, dayStarterTemplate, type PresetName } from '../recap';
import { SNIPPET_STARTER } from './snippets';

export interface StarterChoice {
  /** `narrative-talk`, `structured-day`, … (an option value). */
  id: string;
  preset: PresetName;
  kind: Template['kind'];
  label: string;
  /** Suggested name of a template made from it. */
  name: string;
}

const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export const STARTER_CHOICES: readonly StarterChoice[] = PRESET_NAMES.flatMap((preset): StarterChoice[] => [
  {
    id: `${preset}-talk`,
    preset,
    kind: 'talk' as const,
    label: `${capitalized(preset)} — each talk`,
    name: `My ${preset} talks`,
  },
  {
    id: `${preset}-day`,
    preset,
    kind: 'day' as const,
    label: `${capitalized(preset)} — whole post`,
    name: `My ${preset} post`,
  },
]).concat([
  {
    id: 'snippet',
    preset: 'bulleted',
    kind: 'snippet',
    label: 'Snippet — a piece to {% render %}',
    name: 'Talk heading',
  },
]);

export function starterBody(choice: StarterChoice): string {
  if (choice.kind === 'snippet') return SNIPPET_STARTER;
  return choice.kind === 'talk' ? TALK_STARTERS[choice.preset] : dayStarterTemplate(choice.preset);
}

export function findStarter(id: string): StarterChoice | null {
  return STARTER_CHOICES.find((c) => c.id === id) ?? null;
}

export const TEMPLATE_KIND_LABELS: Record<Template['kind'], string> = {
  talk: 'Each talk (inside the preset’s post)',
  day: 'Whole post (front matter, days and talks)',
  snippet: 'Snippet (other templates render it)',
};

export const KIND_SHORT_LABELS: Record<Template['kind'], string> = {
  talk: 'each talk',
  day: 'whole post',
  snippet: 'snippet',
};

/** The preset's own description, for the Export view's select. */
export function presetLabel(name: PresetName): string {
  return PRESETS[name].label;
}
