import type { TalkmarkDB } from './schema';

export type Availability = { ok: true } | { ok: false; message: string };

/**
 * Can this page use IndexedDB at all? Firefox private windows (and some hardened profiles)
 * refuse it; say so plainly instead of failing on the first note.
 */
export async function checkDatabase(db: TalkmarkDB): Promise<Availability> {
  if (typeof indexedDB === 'undefined') {
    return {
      ok: false,
      message:
        'This browser window offers no storage (IndexedDB), so Talkmark cannot keep notes here. Open it in a normal, non-private window.',
    };
  }
  try {
    await db.open();
    return { ok: true };
  } catch (err) {
    const name = err instanceof Error ? err.name : '';
    const detail = err instanceof Error ? err.message : String(err);
    if (/InvalidState|Security|MissingAPI/i.test(name) || /private|mutation/i.test(detail)) {
      return {
        ok: false,
        message:
          'Storage is switched off in this window (a private window?), so Talkmark cannot keep notes here. Open it in a normal window.',
      };
    }
    return { ok: false, message: `Talkmark's storage could not be opened: ${detail}` };
  }
}
