import { useEffect, useState } from 'preact/hooks';
import type { ClipResponse } from '../lib/messages';
import { conferenceOf, lacksZone } from '../lib/schedule/clip-zone';
import { legacyTalkKey, talkKey } from '../lib/schedule/talk-key';
import type { ConferenceRef, ExtractedTalk } from '../lib/model';
import type { ExtractionResult } from '../lib/schedule/types';
import { dayLabel, extractedByDay } from '../lib/talks/agenda';
import { isPartialRead, pageReadKind, thinReadNotice } from '../lib/talks/page-read';
import type { PageTalkChoice } from '../lib/talks/page-talk';
import { TalkOptions } from './TalkOptions';
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
  /** Which of these talk keys are stored already. */
  clippedKeys: (keys: string[]) => Promise<string[]>;
  /** Bring the highlighter to the page (activeTab); false when the page cannot be scripted. */
  highlight: (tabId: number) => Promise<boolean>;
  /** The talks a page's highlights can go to, and the one they go to now. */
  pageTalk: (pageUrl: string) => Promise<PageTalkChoice>;
  /** Send the page's highlights (now and later) to this talk; resolves to how many moved. */
  sendPageTo: (pageUrl: string, talkId: string) => Promise<number>;
  /** Ask the side panel to open this stored talk in its editor, with what the clip missed. */
  completeTalk: (key: string, notice: string) => Promise<void>;
  /** Whether highlights repaint on this site by themselves, and the switch for it. */
  siteAccess: { origin: string; granted: boolean } | null;
  setSiteAccess: (origin: string, granted: boolean) => Promise<boolean>;
  openSidePanel: () => Promise<void>;
}

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

function summary(res: ClipResponse): string {
  if (!res.ok) return res.message ?? 'No talk found on this page.';
  const parts = [
    res.added && `${res.added} added`,
    res.updated && `${res.updated} updated`,
    res.skipped && `${res.skipped} already clipped`,
  ].filter(Boolean);
  return `Clipped: ${parts.join(', ')}.`;
}

/**
 * The toolbar popup. On a schedule: clip one talk, a day, or all (saying what is already in
 * Talkmark). On any other page (a blog post, an article): highlight on it and choose the talk
 * its highlights go to; clipping it as a talk comes second, with what could not be read.
 */
export function Popup(props: PopupProps) {
  const {
    target,
    extract,
    extractInKnownZone,
    chooseZone,
    store,
    clippedKeys,
    highlight,
    pageTalk,
    sendPageTo,
    completeTalk,
    siteAccess,
    setSiteAccess,
    openSidePanel,
  } = props;
  const [preview, setPreview] = useState<ExtractionResult | null>(null);
  /** The conference's zone in effect when the page names none (stored or just chosen). */
  const [zone, setZone] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [result, setResult] = useState<ClipResponse | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [granted, setGranted] = useState(siteAccess?.granted ?? false);
  const [clipped, setClipped] = useState<ReadonlySet<string>>(new Set());
  const [choice, setChoice] = useState<PageTalkChoice | null>(null);
  const [moved, setMoved] = useState<string | null>(null);

  const refreshClipped = async (read: ExtractionResult) => {
    // A talk clipped before keys were reduced is stored under its old key until clipped again.
    const keys = read.talks.flatMap((t) => [talkKey(t), legacyTalkKey(t)]);
    const found = new Set(keys.length ? await clippedKeys(keys).catch(() => []) : []);
    setClipped(new Set(read.talks.filter((t) => found.has(talkKey(t)) || found.has(legacyTalkKey(t))).map(talkKey)));
  };

  useEffect(() => {
    if (!target) return;
    void extractInKnownZone(target.tabId).then(({ read, zone: stored }) => {
      setZone(stored);
      setPreview(read);
      void refreshClipped(read);
      if (pageReadKind(read) !== 'schedule') void pageTalk(target.url).then(setChoice, () => setChoice(null));
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
  const clip = async (
    label: string,
    pick: (talks: ExtractedTalk[]) => ExtractedTalk[],
  ): Promise<{ read: ExtractionResult; res: ClipResponse } | null> => {
    if (!target) return null;
    setBusy(label);
    try {
      const fresh = await extract(target.tabId, zone ?? undefined);
      setPreview(fresh);
      const res = await store(pick(fresh.talks), fresh.warnings[0] ?? null);
      setResult(res);
      await refreshClipped(fresh);
      return { read: fresh, res };
    } finally {
      setBusy(null);
    }
  };

  /**
   * A page that says little, clipped anyway: the side panel opens (first, inside the click: a
   * browser opens it only then) on the new talk's editor, with what could not be read.
   */
  const clipThin = () => {
    const opening = openSidePanel().catch((e: unknown) =>
      setProblem(`Open the side panel to complete the talk (${e instanceof Error ? e.message : String(e)}).`),
    );
    void clip('one', (t) => t.slice(0, 1)).then(async (done) => {
      if (!done?.res.ok || !done.read.talks[0]) return;
      const missing = thinReadNotice(done.read);
      setNotice(`${missing} The talk is open in the side panel for you to complete.`);
      await opening;
      await completeTalk(talkKey(done.read.talks[0]), missing).catch((e: unknown) =>
        setProblem(e instanceof Error ? e.message : String(e)),
      );
    });
  };

  const choose = async (talkId: string) => {
    if (!target || !talkId) return;
    try {
      const n = await sendPageTo(target.url, talkId);
      const title = choice?.talks.find((t) => t.id === talkId)?.title ?? 'this talk';
      setChoice((c) => (c ? { ...c, talkId } : c));
      setMoved(`Highlights on this page go to “${title}”${n ? ` (${plural(n, 'highlight')} moved)` : ''}.`);
    } catch (err) {
      setProblem(`The talk could not be chosen: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  const kind = preview ? pageReadKind(preview) : null;
  const days = preview ? extractedByDay(preview.talks) : [];
  const count = preview?.talks.length ?? 0;
  const inTalkmark = preview ? preview.talks.filter((t) => clipped.has(talkKey(t))).length : 0;
  // Asked when some talk has no zone (its times are missing or carry a bare offset), and kept on
  // show once chosen, so a wrong choice can be changed.
  const askZone = kind === 'schedule' && !!conferenceOf(preview!) && (!!zone || lacksZone(preview!));

  const highlightSection = (lead: boolean) => (
    <section aria-label="Highlight">
      <p style={{ display: 'flex', gap: '.4rem', flexWrap: 'wrap' }}>
        <button
          type="button"
          class={lead ? undefined : 'secondary'}
          disabled={!target}
          onClick={() =>
            void highlight(target!.tabId).then((ok) =>
              ok ? window.close() : setProblem('Talkmark cannot highlight on this page.'),
            )
          }
        >
          Highlight on this page
        </button>
        <button
          type="button"
          class="secondary"
          onClick={() => openSidePanel().catch((e: unknown) => setProblem(e instanceof Error ? e.message : String(e)))}
        >
          Open side panel
        </button>
      </p>
      {lead && choice && (
        <label class="picker">
          <span class="meta">Highlights here go to</span>
          <select
            aria-label="Talk this page’s highlights go to"
            value={choice.talkId ?? ''}
            onChange={(e) => void choose((e.target as HTMLSelectElement).value)}
          >
            {!choice.talkId && (
              <option value="">{choice.talks.length ? 'No talk yet: choose one' : 'No talk clipped yet'}</option>
            )}
            <TalkOptions talks={choice.talks} />
          </select>
        </label>
      )}
      {moved && (
        <p class="meta ok" role="status">
          {moved}
        </p>
      )}
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
  );

  const statusLine = (
    <p role="status" class={result && !result.ok ? 'error' : 'ok'}>
      {result ? summary(result) : ''}
    </p>
  );

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
      {target && !preview && <p class="muted">Reading this page…</p>}

      {kind === 'schedule' && (
        <section aria-label="Clip">
          {askZone && (
            <TimeZonePicker
              key={zone ?? ''}
              value={zone}
              reason={
                lacksZone(preview!)
                  ? (preview!.warnings.find((w) => /time zone/i.test(w)) ??
                    'This page does not say which time zone its times are in.')
                  : null
              }
              disabled={!!busy}
              onChoose={(z) => void applyZone(z)}
            />
          )}
          {count > 1 && (
            <p class="meta">
              {count} talks on {days.length === 1 ? 'one day' : `${days.length} days`}
              {inTalkmark > 0 && inTalkmark < count && <span class="muted"> · {inTalkmark} already in Talkmark</span>}
            </p>
          )}
          {inTalkmark === count && (
            <p class="meta" role="note">
              {count === 1 ? 'This talk is in Talkmark.' : `All ${count} talks are in Talkmark.`}
            </p>
          )}
          <p style={{ display: 'flex', gap: '.4rem', flexWrap: 'wrap' }}>
            {inTalkmark === count ? (
              <button type="button" class="secondary" disabled={!!busy} onClick={() => void clip('all', (t) => t)}>
                {busy ? 'Updating…' : count === 1 ? 'Update it from this page' : `Update all ${count} from this page`}
              </button>
            ) : count === 1 ? (
              <button
                type="button"
                disabled={!!busy}
                onClick={() => (isPartialRead(preview!) ? clipThin() : void clip('one', (t) => t))}
              >
                {busy ? 'Clipping…' : 'Clip this talk'}
              </button>
            ) : (
              <button type="button" disabled={!!busy} onClick={() => void clip('all', (t) => t)}>
                {busy === 'all'
                  ? 'Adding…'
                  : inTalkmark
                    ? `Add the ${count - inTalkmark} new talks`
                    : `Add all ${count} talks`}
              </button>
            )}
          </p>
          {isPartialRead(preview!) && !notice && <p class="meta warn">{thinReadNotice(preview!)}</p>}
          {notice && (
            <p class="meta warn" role="status">
              {notice}
            </p>
          )}
          {count > 1 && days.length > 1 && (
            <ul class="plain" aria-label="Days on this page">
              {days.map((d) => {
                const all = d.talks.every((t) => clipped.has(talkKey(t)));
                const label = dayLabel(d.day);
                return (
                  <li key={d.day} style={{ marginBottom: '.25rem' }}>
                    <button
                      type="button"
                      class="secondary"
                      disabled={!!busy}
                      aria-label={
                        all
                          ? `Update the day: ${label} (${d.talks.length} talks, all in Talkmark)`
                          : `Add the day: ${label} (${d.talks.length} talks)`
                      }
                      onClick={() =>
                        void clip(d.day, (talks) => extractedByDay(talks).find((g) => g.day === d.day)?.talks ?? [])
                      }
                    >
                      {busy === d.day
                        ? 'Adding…'
                        : all
                          ? `Update ${label} (${d.talks.length}, all in Talkmark)`
                          : `Add ${label} (${d.talks.length})`}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          {statusLine}
        </section>
      )}

      {highlightSection(kind === 'thin' || kind === 'none')}

      {kind === 'thin' && (
        <section aria-label="Clip">
          <h2>Not a schedule</h2>
          {!notice && <p class="meta warn">{thinReadNotice(preview!)}</p>}
          {notice ? null : inTalkmark > 0 ? (
            <p class="meta">This page is in Talkmark as a talk.</p>
          ) : (
            <p>
              <button type="button" class="secondary" disabled={!!busy} onClick={clipThin}>
                {busy ? 'Clipping…' : 'Clip it as a talk anyway'}
              </button>
            </p>
          )}
          {notice ? (
            <p class="meta warn" role="status">
              {notice}
            </p>
          ) : (
            statusLine
          )}
        </section>
      )}
      {kind === 'none' && <p class="meta muted">{preview!.warnings[0] ?? 'No talk found on this page.'}</p>}
      {problem && <p class="error">{problem}</p>}
    </main>
  );
}
