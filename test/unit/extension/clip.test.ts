// extractWithKnownZone against a fake scripting API: the clip script's read, and the second read
// in the conference's stored zone that every later clip (popup or in-page button) gets.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { chooseConferenceZone } from '../../../lib/db/conference-zones';
import { TalkmarkDB } from '../../../lib/db/schema';
import type { ExtractedTalk } from '../../../lib/model';

const page = vi.hoisted(() => ({
  /** What the page says: its zone when it names one, else null. */
  zone: null as string | null,
  /** The zone the extension set for the next read, as the clip script would take and clear it. */
  pending: null as string | null,
  reads: [] as Array<string | null>,
  injections: 0,
}));

const talk = (timeZone: string | null): ExtractedTalk => ({
  source: 'sessionize',
  url: 'https://sessionize.com/api/v2/abc123de/view/All#sz-session-1',
  externalId: '1',
  title: 'Keynote',
  start: timeZone ? '2026-04-18T09:00:00+02:00' : null,
  end: null,
  timeZone,
  room: null,
  tracks: [],
  customFields: {},
  speakers: [],
  descriptionHtml: null,
  description: null,
  files: [],
  videoUrl: null,
  conference: { key: 'sessionize:abc123de', name: null, url: null, timeZone },
});

vi.mock('wxt/browser', () => ({
  browser: {
    scripting: {
      executeScript: async (options: { func?: (zone: string) => void; args?: [string]; files?: string[] }) => {
        page.injections++;
        if (options.func) {
          page.pending = options.args![0];
          return [{ result: undefined }];
        }
        const zone = page.zone ?? page.pending;
        page.reads.push(page.pending);
        page.pending = null;
        const warnings = zone
          ? []
          : ['Sessionize’s export gives times without a time zone, so the times of 1 session were left empty.'];
        return [{ result: { talks: [talk(zone)], warnings, source: 'sessionize' } }];
      },
    },
  },
}));

const { extractWithKnownZone } = await import('../../../lib/extension/clip');

let db: TalkmarkDB;
beforeEach(async () => {
  db = new TalkmarkDB(`test-${crypto.randomUUID()}`);
  Object.assign(page, { zone: null, pending: null, reads: [], injections: 0 });
});

describe('extractWithKnownZone', () => {
  it('reads once, with no extra injection, when the page names its zone', async () => {
    page.zone = 'Europe/Vienna';
    const { read, zone } = await extractWithKnownZone(db, 1);
    expect(zone).toBeNull();
    expect(read.talks[0]!.timeZone).toBe('Europe/Vienna');
    expect(page.injections).toBe(1);
  });

  it('reads again in the zone stored for the conference when the page names none', async () => {
    await chooseConferenceZone(db, talk(null).conference!, 'Europe/Vienna');
    const { read, zone } = await extractWithKnownZone(db, 1);
    expect(zone).toBe('Europe/Vienna');
    expect(read.talks[0]).toMatchObject({ timeZone: 'Europe/Vienna', start: '2026-04-18T09:00:00+02:00' });
    expect(page.reads).toEqual([null, 'Europe/Vienna']);
  });

  it('leaves the read as it is when no zone is known for the conference', async () => {
    const { read, zone } = await extractWithKnownZone(db, 1);
    expect(zone).toBeNull();
    expect(read.talks[0]!.start).toBeNull();
    expect(read.warnings[0]).toMatch(/without a time zone/);
    expect(page.reads).toEqual([null]);
  });
});
