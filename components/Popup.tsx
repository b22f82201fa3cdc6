import { useEffect, useState } from 'preact/hooks';
import type { ClipResponse } from '../lib/messages';
import { conferenceOf, lacksZone } from '../lib/extension/clip-zone';
import type { ConferenceRef, ExtractedTalk } from '../lib/model';
import type { ExtractionResult } from '../lib/schedule/types';
import { dayLabel, extractedByDay } from '../lib/talks/agenda';
import { TimeZonePicker } from './TimeZonePicker';

export interface PopupTarget {
  tabId: number;
  url: string;
  title: string;
}

export interface PopupProps {
  /** The page the popup acts on, or null when there is none (a browser page, say). */
  target: PopupTarget | null;
  /** Read the page's talks (fresh each call), in `timeZone` where the page names none. */
  extract: (tabId: number, timeZone?: string) => Promise<ExtractionResult>;
  /** The first read: in its conference's stored zone when the page names none (`zone`, else null). */
  extractInKnownZone: (tabId: number) => Promise<{ read: ExtractionResult; zone: string | null }>;
  /** Remember the zone the user chose for a conference. */
  chooseZone: (conference: ConferenceRef, timeZone: string) => Promise<void>;
  store: (talks: ExtractedTalk[], note: string | null) => Promise<ClipResponse>;
  /** Bring the highlighter to the page (activeTab); false when the page cannot be scripted. */
  highlight: (tabId: number) => Promise<boolean>;
  /** Whether highlights repaint on this site by themselves, and the switch for it. */
  siteAccess: { origin: string; granted: boolean } | null;
  setSiteAccess: (origin: string, granted: boolean) => Promise<boolean>;
  openSidePanel: () => Promise<void>;
}

function summary(res: ClipResponse): string {
  if (!res.ok) return res.message ?? 'No talk found on this page.';
  const parts = [res.added && `${res.added} added`, res.updated && `${res.updated} updated`, res.skipped && `${res.skipped} already clipped`].filter(Boolean);
  return `Clipped: ${parts.join(', ')}.`;
}


/** The toolbar popup: clip the page (one talk, a day, or all), highlight on it, open the panel. */
export function Popup({ target, extract, extractInKnownZone, chooseZone, store, highlight, siteAccess, setSiteAccess, openSidePanel }: PopupProps) {
  const [preview, setPreview] = useState<ExtractionResult | null>(null);
  /** The conference's zone in effect when the page names none (stored or just chosen). */
  const [zone, setZone] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<ClipResponse | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [granted, setGranted] = useState(siteAccess?.granted ?? false);

  useEffect(() => {
    if (!target) return;
    void extractInKnownZone(target.tabId).then(({ read, zone: stored }) => {
      setZone(stored);
      setPreview(read);
    });
  }, [target?.tabId]);

  /** The user named the zone: remembered for the conference, and the page read again in it. */
  const applyZone = async (timeZone: string) => {
    const conference = preview && conferenceOf(preview);
    if (!target || !conference) return;
    setBusy('zone');
    try {
      await chooseZone(conference, timeZone);
      setZone(timeZone);
      setPreview(await extract(target.tabId, timeZone));
      setProblem(null);
    } catch (err) {
      setProblem(`The time zone could not be saved: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      setBusy(null);
    }
  };

  /** Clip from a fresh read of the page (it may have changed since the preview). */
  const clip = async (label: string, pick: (talks: ExtractedTalk[]) => ExtractedTalk[]) => {
    if (!target) return;
    setBusy(label);
    try {
      const fresh = await extract(target.tabId, zone ?? undefined);
      setPreview(fresh);
      setResult(await store(pick(fresh.talks), fresh.warnings[0] ?? null));
    } finally {
      setBusy(null);
    }
  };

  const days = preview ? extractedByDay(preview.talks) : [];
  const count = preview?.talks.length ?? 0;
  // Asked when some talk has no zone (its times are missing or carry a bare offset), and kept on
  // show once chosen, so a wrong choice can be changed.
  const askZone = !!preview && count > 0 && !!conferenceOf(preview) && (!!zone || lacksZone(preview));
  return (
    <main style={{ padding: '.75rem', width: '340px' }}>
      <h1>Talkmark</h1>
      {target ? (
        <p class="meta muted" title={target.url}>
          {target.title || target.url}
        </p>
      ) : (
        <p class="meta muted">Open a talk’s schedule page to clip it, or an article to highlight it.</p>
      )}

      <section aria-label="Clip">
        {target && !preview && <p class="muted">Reading this page…</p>}
        {preview && count === 0 && <p class="muted">{preview.warnings[0] ?? 'No talk found on this page.'}</p>}
        {askZone && (
          <TimeZonePicker
            key={zone ?? ''}
            value={zone}
            reason={lacksZone(preview!) ? preview!.warnings.find((w) => /time zone/i.test(w)) ?? 'This page does not say which time zone its times are in.' : null}
            disabled={!!busy}
            onChoose={(z) => void applyZone(z)}
          />
        )}
        {preview && count > 1 && (
          <p class="meta">
            {count} talks on {days.length === 1 ? 'one day' : `${days.length} days`}
          </p>
        )}
        <p style={{ display: 'flex', gap: '.4rem', flexWrap: 'wrap' }}>
          {count <= 1 ? (
            <button type="button" disabled={!target || count === 0 || !!busy} onClick={() => void clip('one', (t) => t)}>
              {busy ? 'Clipping…' : 'Clip this talk'}
            </button>
          ) : (
            <button type="button" disabled={!!busy} onClick={() => void clip('all', (t) => t)}>
              {busy === 'all' ? 'Adding…' : `Add all ${count} talks`}
            </button>
          )}
        </p>
        {count > 1 && days.length > 1 && (
          <ul class="plain" aria-label="Days on this page">
            {days.map((d) => (
              <li key={d.day} style={{ marginBottom: '.25rem' }}>
                <button
                  type="button"
                  class="secondary"
                  disabled={!!busy}
                  aria-label={`Add the day: ${dayLabel(d.day)} (${d.talks.length} talks)`}
                  onClick={() => void clip(d.day, (talks) => extractedByDay(talks).find((g) => g.day === d.day)?.talks ?? [])}
                >
                  {busy === d.day ? 'Adding…' : `Add ${dayLabel(d.day)} (${d.talks.length})`}
                </button>
              </li>
            ))}
          </ul>
        )}
        <p role="status" class={result && !result.ok ? 'error' : 'ok'}>
          {result ? summary(result) : ''}
        </p>
      </section>

      <section aria-label="Highlight">
        <p style={{ display: 'flex', gap: '.4rem', flexWrap: 'wrap' }}>
          <button
            type="button"
            class="secondary"
            disabled={!target}
            onClick={() => void highlight(target!.tabId).then((ok) => (ok ? window.close() : setProblem('Talkmark cannot highlight on this page.')))}
          >
            Highlight on this page
          </button>
          <button type="button" class="secondary" onClick={() => openSidePanel().catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)))}>
            Open side panel
          </button>
        </p>
        {siteAccess && (
          <label class="meta">
            <input
              type="checkbox"
              style={{ width: 'auto' }}
              checked={granted}
              onChange={(e) => {
                const want = (e.target as HTMLInputElement).checked;
                void setSiteAccess(siteAccess.origin, want).then((now) => setGranted(now));
              }}
            />{' '}
            Show my highlights on {new URL(siteAccess.origin).host} on every visit
          </label>
        )}
      </section>
      {problem && <p class="error">{problem}</p>}
    </main>
  );
}
