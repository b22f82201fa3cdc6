import { useState } from 'preact/hooks';
import { canonicalTimeZone, supportedTimeZones as supportedZones, viewerTimeZone } from '../lib/time/zones';

export interface TimeZonePickerProps {
  /** The zone in effect for this conference, if one was chosen or is known. */
  value: string | null;
  /** Why the page needs one, in one line (the extractor's warning). */
  reason: string | null;
  disabled?: boolean;
  onChoose: (timeZone: string) => void;
}

/**
 * "Times on this page are in …": for schedules that print wall times without a zone. A text box
 * with the browser's zone list as suggestions (typing "Vienna" finds Europe/Vienna); a name the
 * browser does not know is refused in words, never stored.
 */
export function TimeZonePicker({ value, reason, disabled, onChoose }: TimeZonePickerProps) {
  const [text, setText] = useState(value ?? '');
  const [error, setError] = useState<string | null>(null);
  const choose = (input: string) => {
    const typed = input.trim();
    if (!typed) return setError(null);
    const zone =
      canonicalTimeZone(typed) ??
      supportedZones().find((z) => z.split('/').pop()!.replace(/_/g, ' ').toLowerCase() === typed.toLowerCase()) ??
      null;
    if (!zone) {
      // "BST", "CST": abbreviations name several zones (or none the browser would pick right).
      const what = /^[A-Z]{2,5}$/i.test(typed)
        ? 'an abbreviation, which can mean several zones'
        : 'not a time zone this browser knows';
      return setError(`“${typed}” is ${what}: pick a city from the list, e.g. ${viewerTimeZone()}.`);
    }
    setError(null);
    setText(zone);
    if (zone !== value) onChoose(zone);
  };
  return (
    <div class="zone-picker">
      {reason && <p class="meta">{reason}</p>}
      <label class="meta">
        Times on this page are in{' '}
        <input
          list="talkmark-zones"
          value={text}
          placeholder={viewerTimeZone()}
          disabled={disabled}
          aria-invalid={error ? 'true' : undefined}
          onInput={(e) => setText((e.target as HTMLInputElement).value)}
          onChange={(e) => choose((e.target as HTMLInputElement).value)}
          onKeyDown={(e) => e.key === 'Enter' && choose((e.target as HTMLInputElement).value)}
        />
      </label>
      <datalist id="talkmark-zones">
        {supportedZones().map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
