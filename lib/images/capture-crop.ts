import type { TalkmarkDB } from '../db/schema';
import { attemptWrite, StorageError, type StorageResult } from '../db/storage-errors';
import type { CaptureCrop } from '../model';
import { clampCrop, isValidCrop, isWholeCrop } from './crop';

/**
 * A talk's capture crop, stored on the talk record (a field, no index: no schema change), so it
 * travels with the talk in backups and sync and goes with it when the talk is deleted.
 */

/** The crop the talk's next capture keeps; undefined: the whole tab (also for a bad stored value). */
export async function captureCropOf(db: TalkmarkDB, talkId: string): Promise<CaptureCrop | undefined> {
  const crop = (await db.talks.get(talkId))?.captureCrop;
  return crop && isValidCrop(crop) && !isWholeCrop(crop) ? crop : undefined;
}

/** Sets (or with null, or a crop of the whole picture, clears) the crop of a talk's next captures. */
export function setCaptureCrop(
  db: TalkmarkDB,
  talkId: string,
  crop: CaptureCrop | null,
  now = Date.now(),
): Promise<StorageResult<CaptureCrop | null>> {
  return attemptWrite(() =>
    db.transaction('rw', db.talks, async () => {
      const kept = crop && !isWholeCrop(crop) ? clampCrop(crop) : null;
      const found = await db.talks
        .where('id')
        .equals(talkId)
        .modify((talk) => {
          if (kept) talk.captureCrop = kept;
          else delete talk.captureCrop;
          talk.updatedAt = now;
        });
      if (!found) throw new StorageError('missing', 'The talk of this picture no longer exists.');
      return kept;
    }),
  );
}
