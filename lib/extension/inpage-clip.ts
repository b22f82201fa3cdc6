/**
 * In-page "Clip" buttons on Sched pages, each in its own shadow root so page CSS cannot restyle
 * it and page scripts find nothing of ours in the light DOM. Clicks must be trusted (a page
 * cannot script a clip), and the buttons hold no data beyond "clipped or not".
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { sendToExtension } from './send';
import { talkKey } from '../schedule/talk-key';

const SESSION_ANCHOR = 'span.event a.name[id]';
const SCHED_ID = /^[0-9a-f]{32}$/i;

const STYLE = `
  :host { all: initial; display: inline-block; margin: 0 0 0 .5em; vertical-align: middle; }
  button { font: 600 12px/1.2 system-ui, sans-serif; padding: 3px 9px; border-radius: 999px; cursor: pointer;
    border: 1px solid #5b3cc4; background: #5b3cc4; color: #fff; }
  button[data-state="clipped"] { background: #fff; color: #3d2a87; }
  button[data-state="busy"] { opacity: .7; cursor: progress; }
  button:focus-visible { outline: 2px solid #f59e0b; outline-offset: 2px; }
  [role="status"] { font: 600 12px/1.4 system-ui, sans-serif; margin-left: .4em; padding: 1px 8px; border-radius: 999px;
    color: #fff; background: #3f3f46; }
  [role="status"]:empty { display: none; }
  [data-tone="ok"] { background: #067647; }
  [data-tone="error"] { background: #b42318; }
`;
// The status line brings its own background (white text, ≥ 5.6:1 on each), so it reads the same
// on a light or a dark page: green for done, red for a failure, grey while working.

type Tone = 'busy' | 'ok' | 'error';

function say(status: HTMLElement, text: string, tone: Tone): void {
  status.textContent = text;
  if (text) status.dataset.tone = tone;
  else delete status.dataset.tone;
}

type ButtonState = 'idle' | 'busy' | 'clipped';

/** One session's control: its state lives here so answers that arrive before mounting are kept. */
class SessionButton {
  private state: ButtonState = 'idle';
  private error: string | null = null;
  private button: HTMLButtonElement | null = null;
  private status: HTMLElement | null = null;

  constructor(
    readonly key: string,
    private readonly label: string,
  ) {}

  mount(container: HTMLElement, onClick: () => void): void {
    this.button = document.createElement('button');
    this.status = document.createElement('span');
    this.status.setAttribute('role', 'status');
    this.button.addEventListener('click', (event) => {
      // A page can dispatch synthetic clicks into our shadow root; only a person's click counts.
      if (event.isTrusted && this.state !== 'busy') onClick();
    });
    container.append(this.button, this.status);
    this.render();
  }

  set(state: ButtonState, error: string | null = null): void {
    this.state = state;
    this.error = error;
    this.render();
  }

  private render(): void {
    if (!this.button || !this.status) return;
    this.button.dataset.state = this.state;
    this.button.textContent = this.state === 'clipped' ? 'Clipped ✓' : this.state === 'busy' ? 'Clipping…' : 'Clip';
    this.button.setAttribute(
      'aria-label',
      this.state === 'clipped' ? this.label.replace('Clip talk', 'Clipped talk') : this.label,
    );
    say(this.status, this.error ?? '', 'error');
  }
}

function sessionTitle(anchor: Element): string {
  const title = anchor.querySelector('.session-title') ?? anchor;
  return (title.firstChild?.textContent ?? title.textContent ?? '').replace(/\s+/g, ' ').trim();
}

const send = sendToExtension;

async function clip(button: SessionButton): Promise<void> {
  button.set('busy');
  const res = await send({ type: 'clip-page', keys: [button.key] });
  if (res?.ok) button.set('clipped');
  else button.set('idle', res?.message ?? 'Talkmark was updated: reload the page to clip.');
}

export function mountClipButtons(ctx: ContentScriptContext, doc: Document): void {
  const anchors = Array.from(doc.querySelectorAll(SESSION_ANCHOR)).filter((a) => SCHED_ID.test(a.id));
  if (!anchors.length) return;
  const single = anchors.length === 1;
  const buttons = anchors.map((anchor) => {
    const key = talkKey({ url: location.href, externalId: anchor.id.toLowerCase(), title: '' });
    const button = new SessionButton(key, single ? 'Clip talk' : `Clip talk: ${sessionTitle(anchor)}`);
    void createShadowRootUi(ctx, {
      name: 'talkmark-clip',
      position: 'inline',
      anchor: anchor.parentElement ?? anchor,
      append: 'after',
      css: STYLE,
      onMount: (container) => button.mount(container, () => void clip(button)),
    }).then((ui) => ui.mount());
    return button;
  });
  if (!single) mountDayButtons(ctx, doc, anchors, buttons);
  void markClipped(buttons);
}

/** The day a session belongs to on a list view: the nearest day anchor before it. */
function sessionsByDay(
  doc: Document,
  anchors: Element[],
  buttons: SessionButton[],
): Array<{ day: Element; sessions: SessionButton[] }> {
  const days = Array.from(doc.querySelectorAll('a.sched-container-anchor[id]'));
  return days
    .map((day, i) => {
      const next = days[i + 1];
      const sessions = buttons.filter((_, j) => {
        const a = anchors[j]!;
        const after = day.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING;
        const before = !next || next.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_PRECEDING;
        return after && before;
      });
      return { day, sessions };
    })
    .filter((d) => d.sessions.length > 0);
}

/** "Add the day": every session under one day heading, clipped at once, with a count. */
function mountDayButtons(ctx: ContentScriptContext, doc: Document, anchors: Element[], buttons: SessionButton[]): void {
  for (const { day, sessions } of sessionsByDay(doc, anchors, buttons)) {
    const heading = day.nextElementSibling?.querySelector('.sched-current-date') ?? day;
    const label = `Add the day: ${(heading.textContent ?? day.id).replace(/\s+/g, ' ').trim()} (${sessions.length} talks)`;
    void createShadowRootUi(ctx, {
      name: 'talkmark-day',
      position: 'inline',
      anchor: heading,
      append: 'after',
      css: STYLE,
      onMount(container) {
        const button = document.createElement('button');
        const status = document.createElement('span');
        status.setAttribute('role', 'status');
        button.textContent = `Add the day (${sessions.length})`;
        button.setAttribute('aria-label', label);
        button.addEventListener('click', async (event) => {
          if (!event.isTrusted || button.disabled) return;
          button.disabled = true;
          say(status, `Adding ${sessions.length} talks…`, 'busy');
          sessions.forEach((s) => s.set('busy'));
          const res = await send({ type: 'clip-page', keys: sessions.map((s) => s.key) });
          button.disabled = false;
          if (!res?.ok) {
            sessions.forEach((s) => s.set('idle'));
            say(status, res?.message ?? 'Talkmark was updated: reload the page to clip.', 'error');
            return;
          }
          const done = new Set(res.keys);
          sessions.forEach((s) => s.set(done.has(s.key) ? 'clipped' : 'idle'));
          say(status, `${res.added} added · ${res.updated} updated · ${res.skipped} already clipped`, 'ok');
        });
        container.append(button, status);
      },
    }).then((ui) => ui.mount());
  }
}

/** Show which sessions are clipped already. */
async function markClipped(buttons: SessionButton[]): Promise<void> {
  const clipped = await send({ type: 'clipped-keys', keys: buttons.map((b) => b.key) });
  if (!Array.isArray(clipped)) return;
  const set = new Set(clipped);
  for (const b of buttons) if (set.has(b.key)) b.set('clipped');
}
