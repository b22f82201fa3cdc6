import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { enUsDayLabel, enUsTimeSpan } from '../../../lib/time/en-us-clock';

const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'America/St_Johns',
  'Europe/Berlin',
  'Europe/London',
  'Asia/Kolkata',
  'Asia/Kathmandu',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Pacific/Kiritimati',
  'UTC',
  'Etc/GMT+10',
];

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatter = (kind: string, timeZone: string, options: Intl.DateTimeFormatOptions) => {
  let f = formatters.get(kind + timeZone);
  if (!f) formatters.set(kind + timeZone, (f = new Intl.DateTimeFormat('en-US', { ...options, timeZone })));
  return f;
};
const intlSpan = (start: number, end: number | null, timeZone: string) => {
  const f = formatter('time', timeZone, { hour: 'numeric', minute: '2-digit' });
  return (end === null || end < start ? f.format(start) : f.formatRange(start, end)).replace(/[\u2009\u202f]/g, ' ');
};
const intlDay = (at: number, timeZone: string) =>
  formatter('day', timeZone, { weekday: 'long', month: 'long', day: 'numeric' }).format(at);

// 1970 to 2100, whole seconds: what talks and notes hold.
const instant = fc.integer({ min: 0, max: 4_102_444_800 }).map((s) => s * 1000);

describe('en-US clock labels written without Intl', () => {
  it('are what Intl prints, for any instant and span in many zones (or null: ask Intl)', () => {
    fc.assert(
      fc.property(
        instant,
        fc.oneof(fc.constant(null), fc.integer({ min: -3_600_000, max: 30 * 3_600_000 })),
        fc.constantFrom(...ZONES),
        (start, length, zone) => {
          const end = length === null ? null : start + length;
          const span = enUsTimeSpan(start, end, zone);
          if (span !== null) expect(span).toBe(intlSpan(start, end, zone));
          const day = enUsDayLabel(start, zone);
          // From 1970 on (whole-minute offsets), the day label always speaks for Intl.
          if (start >= Date.UTC(1970, 0, 2)) expect(day).not.toBeNull();
          if (day !== null) expect(day).toBe(intlDay(start, zone));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('speak for Intl in the usual cases: same-day spans, either side of noon and midnight', () => {
    const at = (iso: string) => Date.parse(iso);
    const ny = 'America/New_York';
    expect(enUsTimeSpan(at('2025-09-09T13:30:00Z'), at('2025-09-09T14:00:00Z'), ny)).toBe('9:30 – 10:00 AM');
    expect(enUsTimeSpan(at('2025-09-09T15:30:00Z'), at('2025-09-09T16:30:00Z'), ny)).toBe('11:30 AM – 12:30 PM');
    expect(enUsTimeSpan(at('2025-09-09T04:05:00Z'), null, ny)).toBe('12:05 AM');
    expect(enUsTimeSpan(at('2025-09-09T16:00:00Z'), at('2025-09-09T16:00:30Z'), ny)).toBe('12:00 PM');
    expect(enUsDayLabel(at('2025-09-09T16:00:00Z'), ny)).toBe('Tuesday, September 9');
    // Across midnight Intl adds the dates: left to it.
    expect(enUsTimeSpan(at('2025-09-10T03:30:00Z'), at('2025-09-10T04:30:00Z'), ny)).toBeNull();
    // Other locales are Intl's.
    expect(enUsTimeSpan(0, null, ny, 'de-DE')).toBeNull();
    expect(enUsDayLabel(0, ny, 'en-GB')).toBeNull();
  });
});
