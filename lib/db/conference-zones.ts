/**
 * The time zone of a conference, as Talkmark knows it: stated by an earlier clip, or chosen by
 * the user when a schedule prints wall times without any zone (Sessionize's API, some JSON-LD).
 * It lives on the conference record, so backups carry it and every later clip of the same
 * conference uses it; extraction takes it only where it fits what the page itself states.
 */
import type { ConferenceRef } from '../model';
import { canonicalTimeZone } from '../time/zones';
import type { TalkmarkDB } from './schema';

/** The stored zone of the conference with this key; null when unknown (or not a zone: a restore may bring anything). */
export async function knownConferenceZone(db: TalkmarkDB, key: string): Promise<string | null> {
  const conference = await db.conferences.where('key').equals(key).first();
  return conference?.timeZone ? canonicalTimeZone(conference.timeZone) : null;
}

/** Remember the zone the user chose for a conference (created if it was never clipped); null forgets it. */
export async function chooseConferenceZone(
  db: TalkmarkDB,
  ref: ConferenceRef,
  timeZone: string | null,
  now = Date.now(),
): Promise<void> {
  const zone = timeZone === null ? null : canonicalTimeZone(timeZone);
  if (timeZone !== null && !zone) throw new Error(`“${timeZone}” is not a time zone this browser knows.`);
  await db.transaction('rw', db.conferences, async () => {
    const existing = await db.conferences.where('key').equals(ref.key).first();
    await db.conferences.put({
      id: existing?.id ?? crypto.randomUUID(),
      key: ref.key,
      name: existing?.name ?? ref.name,
      url: existing?.url ?? ref.url,
      timeZone: zone,
      updatedAt: now,
    });
  });
}
