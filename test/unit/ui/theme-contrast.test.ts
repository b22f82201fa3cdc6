/**
 * Text colours of the extension pages against the backgrounds they sit on, in the light and the
 * dark theme, read from components/theme.css itself: every pair at least 4.5:1 (WCAG AA).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';

const css = readFileSync(resolve(__dirname, '../../../components/theme.css'), 'utf8');

function variables(block: string): Record<string, string> {
  return Object.fromEntries([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{3,6})\b/gi)].map((m) => [m[1]!, m[2]!]));
}

const light = variables(/:root\s*\{([^}]*)\}/.exec(css)![1]!);
const dark = {
  ...light,
  ...variables(/@media \(prefers-color-scheme: dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)![1]!),
};

/** Text colours (variables) and the surfaces they are drawn on. */
const TEXT = ['fg', 'muted', 'accent', 'error', 'ok', 'warn'];
const SURFACES = ['bg', 'card'];

/** Rules that set both a background and a text colour as literals (badges, highlights). */
function literalPairs(): Array<[string, string, string]> {
  return [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)].flatMap((m) => {
    const bg = /background:\s*(#[0-9a-f]{3,6})\b/i.exec(m[2]!)?.[1];
    const fg = /(?:^|[\s;])color:\s*(#[0-9a-f]{3,6})\b/i.exec(m[2]!)?.[1];
    return bg && fg ? [[m[1]!.trim(), fg, bg] as [string, string, string]] : [];
  });
}

describe('theme contrast', () => {
  for (const [theme, vars] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`${theme}: every text colour is at least 4.5:1 on every surface`, () => {
      const low = TEXT.flatMap((t) =>
        SURFACES.map((s) => [`--${t} on --${s}`, contrastRatio(vars[t]!, vars[s]!)] as const),
      ).filter(([, r]) => r < 4.5);
      expect(low).toEqual([]);
      expect(contrastRatio(vars['accent-fg']!, vars.accent!), 'button text').toBeGreaterThanOrEqual(4.5);
    });
  }

  it('the Agenda’s “Overlaps with…” line has a colour of its own per theme', () => {
    expect(css).toMatch(/\.warn\s*\{\s*color:\s*var\(--warn\)/);
    expect(contrastRatio(dark.warn!, dark.card!)).toBeGreaterThanOrEqual(4.5);
  });

  it('badges and marks drawn with literal colours are readable (they look the same in both themes)', () => {
    const pairs = literalPairs();
    expect(pairs.length).toBeGreaterThan(5);
    expect(pairs.filter(([, fg, bg]) => contrastRatio(fg, bg) < 4.5)).toEqual([]);
  });
});
