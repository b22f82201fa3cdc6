import { describe, expect, it } from 'vitest';
import { PRESET_NAMES, renderRecap, validateTemplate } from '../../../lib/recap';
import { SAMPLE_RECAP_INPUT } from '../../../lib/export/sample-data';
import { findStarter, STARTER_CHOICES, starterBody } from '../../../lib/export/starters';

describe('starters', () => {
  it('offer each preset as a talk section and as a whole post', () => {
    expect(STARTER_CHOICES.map((c) => c.id)).toEqual([
      'narrative-talk',
      'narrative-day',
      'bulleted-talk',
      'bulleted-day',
      'structured-talk',
      'structured-day',
      'snippet',
    ]);
    expect(findStarter('bulleted-day')).toMatchObject({ preset: 'bulleted', kind: 'day' });
    expect(findStarter('nope')).toBeNull();
  });

  it('are valid templates of their kind, without warnings', () => {
    for (const choice of STARTER_CHOICES)
      expect(validateTemplate(starterBody(choice), choice.kind === 'snippet' ? 'talk' : choice.kind)).toEqual({
        ok: true,
        warnings: [],
      });
  });

  it('render the built-in sample exactly as their preset does', () => {
    for (const choice of STARTER_CHOICES) {
      if (choice.kind === 'snippet') continue;
      const viaPreset = renderRecap(SAMPLE_RECAP_INPUT, { preset: choice.preset });
      const viaStarter = renderRecap(SAMPLE_RECAP_INPUT, {
        preset: choice.preset,
        template: { kind: choice.kind, source: starterBody(choice) },
      });
      expect(viaStarter).toEqual(viaPreset);
    }
  });
});

describe('the built-in sample', () => {
  it('has every note kind, a highlight and two speakers on one talk', () => {
    expect(new Set(SAMPLE_RECAP_INPUT.notes.map((n) => n.kind))).toEqual(
      new Set(['plain', 'takeaway', 'quote', 'question', 'link', 'todo', 'slide']),
    );
    expect(SAMPLE_RECAP_INPUT.highlights).toHaveLength(1);
    expect(SAMPLE_RECAP_INPUT.talks.map((t) => t.speakers.length)).toEqual([1, 2]);
  });

  it('renders with every preset on its own day, in the venue clock', () => {
    for (const preset of PRESET_NAMES) {
      const result = renderRecap(SAMPLE_RECAP_INPUT, { preset });
      expect(result).toMatchObject({ ok: true, fileName: '2025-05-14-sample-conf-recap.md' });
    }
    const narrative = renderRecap(SAMPLE_RECAP_INPUT, { preset: 'narrative' });
    expect(narrative.ok && narrative.markdown).toContain(
      '## Observability on a Budget by Rowan Ellis at Contoso and Sam Okafor at Fabrikam',
    );
    expect(narrative.ok && narrative.markdown).toMatch(/> \[9:00\] Deploying is not releasing\./);
  });
});
