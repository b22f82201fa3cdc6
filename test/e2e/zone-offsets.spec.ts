import { expect, test } from './fixtures';

/**
 * lib/time/zones.ts reads zone offsets from Temporal where the engine has it (the first
 * Intl.DateTimeFormat of a page costs tens of ms; Temporal ~1 ms) and from Intl elsewhere. The
 * two must agree: in the Chromium the extension runs in, for every zone it knows, at instants
 * spread over 1990–2040 (every 197 h: all times of day, both sides of every DST season), the
 * offset Temporal gives is the one read from Intl's wall clock, as zones.ts computes it.
 */
test('Temporal and Intl give the same offset in every zone the browser knows', async ({ context }) => {
  const page = await context.newPage();
  const report = await page.evaluate(() => {
    type Offsets = {
      Instant: {
        fromEpochMilliseconds(ms: number): { toZonedDateTimeISO(zone: string): { offsetNanoseconds: number } };
      };
    };
    const T = (globalThis as { Temporal?: Offsets }).Temporal;
    if (!T) return { temporal: false, zones: 0, checked: 0, mismatches: [] as string[] };
    const zones = (Intl as { supportedValuesOf(key: string): string[] }).supportedValuesOf('timeZone');
    const mismatches: string[] = [];
    let checked = 0;
    const step = 197 * 3_600_000;
    for (const zone of zones) {
      const f = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
      for (let at = Date.UTC(1990, 0, 1); at < Date.UTC(2040, 0, 1); at += step) {
        const p: Record<string, number> = {};
        for (const part of f.formatToParts(new Date(at)))
          if (part.type !== 'literal') p[part.type] = Number(part.value);
        const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!);
        const intl = Math.round((asUtc - at) / 60000);
        const temporal = Math.round(
          T.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).offsetNanoseconds / 60e9,
        );
        checked++;
        if (intl !== temporal && mismatches.length < 20)
          mismatches.push(`${zone} @ ${new Date(at).toISOString()}: ${intl} ≠ ${temporal}`);
      }
    }
    return { temporal: true, zones: zones.length, checked, mismatches };
  });
  expect(report.temporal, 'this Chromium has Temporal').toBe(true);
  expect(report.zones).toBeGreaterThan(300);
  expect(report.mismatches).toEqual([]);
});
