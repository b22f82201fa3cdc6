import { getSetting, setSetting } from '../lib/db/settings';
import { DEFAULT_MAX_SIDE, imageMaxSideOf, MAX_SIDE_CHOICES } from '../lib/images/fit';
import { useDb } from './services';
import { useLiveQuery } from './useLiveQuery';

const LABELS: Record<number, string> = {
  1280: '1280 px — smallest files',
  1600: '1600 px',
  2560: '2560 px',
  3840: '3840 px — sharpest, largest files',
};

/** How large captured slides and pasted photos are stored (their longest side). */
export function PictureSizeSection() {
  const db = useDb();
  const side = useLiveQuery(async () => imageMaxSideOf(await getSetting(db, 'imageMaxSide')));
  return (
    <section aria-labelledby="pictures-heading" class="card">
      <h2 id="pictures-heading">Pictures</h2>
      <p class="muted">
        Slides and photos are scaled down to this longest side when they are added; pictures already stored keep their
        size.
      </p>
      {side.status === 'ready' && (
        <label>
          Longest side{' '}
          <select
            value={String(side.value)}
            onChange={(e) =>
              void setSetting(db, 'imageMaxSide', imageMaxSideOf(Number((e.target as HTMLSelectElement).value)))
            }
          >
            {MAX_SIDE_CHOICES.map((choice) => (
              <option key={choice} value={String(choice)}>
                {choice === DEFAULT_MAX_SIDE ? `${choice} px (default)` : LABELS[choice]}
              </option>
            ))}
          </select>
        </label>
      )}
    </section>
  );
}
