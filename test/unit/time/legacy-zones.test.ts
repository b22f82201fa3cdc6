/** Legacy zone names that schedules still print become the canonical IANA names (issue 15). */
import { describe, expect, it } from 'vitest';
import { resolveTimeZone } from '../../../lib/time/parse';
import { canonicalTimeZone } from '../../../lib/time/zones';

describe('canonicalTimeZone', () => {
  it.each([
    ['US/Eastern', 'America/New_York'],
    ['us/pacific', 'America/Los_Angeles'],
    ['Canada/Eastern', 'America/Toronto'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['Etc/UTC', 'UTC'],
    ['europe/berlin', 'Europe/Berlin'],
  ])('%s → %s', (name, canonical) => {
    expect(canonicalTimeZone(name)).toBe(canonical);
  });

  it('still refuses abbreviations, which Intl would map silently', () => {
    expect(canonicalTimeZone('EST')).toBeNull();
    expect(canonicalTimeZone('BST')).toBeNull();
  });

  it('is what a resolved printed or known zone becomes, so two sources of one conference agree', () => {
    expect(resolveTimeZone({ printed: ['US/Eastern'] }).timeZone).toBe('America/New_York');
    expect(resolveTimeZone({ known: 'US/Central' }).timeZone).toBe('America/Chicago');
  });
});
