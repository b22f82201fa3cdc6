/**
 * 2. Side panel first render with 500 talks / 10,000 notes: navigation start →
 * `talkmark:panel-ready` (marked on the first frame with data), the panel opened fresh as a
 * tab for every run. 3. Note writes and keystroke-to-durable, typed into that panel's composer.
 */
import { extensionSnippets, profileTop } from '../lib/profile.mjs';

/** Seed the extension's database from one of its pages: one raw IndexedDB transaction. */
export async function seedDatabase(context, extensionId, data) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  // The panel's first query creates the database with the product's own Dexie schema.
  await page.waitForFunction(() => performance.getEntriesByName('talkmark:panel-ready').length > 0);
  const counts = await page.evaluate(async ({ conference, talks, notes, pickedTalkId }) => {
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('talkmark');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise((resolve, reject) => {
      const tx = db.transaction(['conferences', 'talks', 'notes', 'settings'], 'readwrite');
      tx.objectStore('conferences').put(conference);
      for (const t of talks) tx.objectStore('talks').put(t);
      for (const n of notes) tx.objectStore('notes').put(n);
      tx.objectStore('settings').put({ key: 'pickedTalkId', value: pickedTalkId });
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    const count = (store) =>
      new Promise((resolve) => {
        const r = db.transaction(store).objectStore(store).count();
        r.onsuccess = () => resolve(r.result);
      });
    const result = { talks: await count('talks'), notes: await count('notes') };
    db.close();
    return result;
  }, data);
  await page.close();
  return counts;
}

const readyTime = () => performance.getEntriesByName('talkmark:panel-ready')[0]?.startTime ?? null;

export async function panelFirstRender({ context, extensionId, runs }) {
  const url = `chrome-extension://${extensionId}/sidepanel.html`;
  const open = async () => {
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('talkmark:panel-ready').length > 0, null, {
      timeout: 20_000,
    });
    const ms = await page.evaluate(readyTime);
    const options = await page.evaluate(() => document.querySelectorAll('option').length);
    await page.close();
    return { ms, options };
  };
  await open(); // warm-up: the first open compiles the panel's code, later opens use the code cache
  const samples = [];
  let options = 0;
  for (let i = 0; i < runs; i++) {
    const r = await open();
    samples.push(r.ms);
    options = r.options;
  }
  // Main-thread CPU time of the same first render (thread-time clock), over reloads in one tab so
  // the DevTools session stays attached; the counters restart with each new document, so the value
  // read at the mark is the document's own. The first reload is a warm-up.
  const cpu = [];
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('talkmark:panel-ready').length > 0);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  for (let i = 0; i <= runs; i++) {
    await page.waitForTimeout(300);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('talkmark:panel-ready').length > 0, null, {
      polling: 'raf',
    });
    const value = await read();
    if (i > 0) cpu.push(value);
  }
  await page.close();
  return { samples, options, cpu };
}

/**
 * What an open panel costs while nobody touches it: main-thread CPU time (CDP TaskDuration,
 * thread-time clock) over `seconds`, per second. The panel re-renders on a clock tick.
 */
export async function idlePanel({ context, extensionId, seconds = 5 }) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.waitForFunction(() => performance.getEntriesByName('talkmark:panel-ready').length > 0);
  await page.waitForTimeout(1500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const before = await read();
  const t0 = Date.now();
  await page.waitForTimeout(seconds * 1000);
  const perSecond = ((await read()) - before) / ((Date.now() - t0) / 1000);
  await cdp.detach();
  await page.close();
  return { perSecond, seconds };
}

/** A CPU profile of one panel open (reloaded in the same tab, so the profiler stays attached). */
export async function profilePanel({ context, extensionId, extensionDir }) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  await page.waitForFunction(() => performance.getEntriesByName('talkmark:panel-ready').length > 0);
  const cdp = await context.newCDPSession(page);
  const profile = await profileTop(
    cdp,
    async () => {
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('talkmark:panel-ready').length > 0);
    },
    { snippet: extensionSnippets(extensionDir) },
  );
  await page.close();
  return profile;
}

const NOTE_WORDS =
  'latency budget canary rollout owner paved road default drift metric cache queue shard tenant region replica flag deploy cluster'.split(
    ' ',
  );

function noteTexts(rand, count) {
  return Array.from({ length: count }, (_, i) => {
    const n = 3 + Math.floor(rand() * 8);
    const words = Array.from({ length: n }, () => NOTE_WORDS[Math.floor(rand() * NOTE_WORDS.length)]);
    return `${i % 5 === 0 ? '! ' : ''}${words.join(' ')}`;
  });
}

async function openComposer(context, extensionId) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
  const box = page.getByRole('textbox', { name: 'Note' });
  await box.waitFor();
  await page.waitForFunction(
    () => !document.querySelector('textarea[aria-label="Note"]')?.placeholder.startsWith('Loading'),
  );
  await box.click();
  return page;
}

/** Resolves when the page has worked through what it was sent (a frame, then a task). */
const settled = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));

/**
 * Notes typed as a fast typist would: the text arrives (one input event for all but the last
 * three characters, then three keystrokes), the panel catches up, Enter, and the next note
 * starts 100 ms later — about the shortest gap between two keystrokes of a person. Typing the
 * whole text as keystrokes at the driver's speed (~1,000 chars/s) would only measure a backlog
 * of input events, which Chrome runs before the IndexedDB callbacks the write waits for.
 */
export async function noteWrites({
  context,
  extensionId,
  seededRandom,
  notes = 100,
  controlNotes = 20,
  continuousChars = 300,
  keyDelay = 25,
}) {
  const page = await openComposer(context, extensionId);
  const texts = noteTexts(seededRandom(11), notes);
  await page.evaluate(() => performance.clearMeasures());
  for (const text of texts) {
    await page.keyboard.insertText(text.slice(0, -3));
    await page.keyboard.type(text.slice(-3));
    await settled(page);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(100);
  }
  await page.waitForFunction((n) => performance.getEntriesByName('talkmark:note-write').length >= n, notes, {
    timeout: 30_000,
  });
  const writes = await page.evaluate(() => performance.getEntriesByName('talkmark:note-write').map((e) => e.duration));

  // Control: the same writes started by a keydown dispatched from script, which bypasses Chrome's
  // input pipeline (after a real input event the renderer draws a frame before it runs other
  // tasks, IndexedDB callbacks included). The difference is Chrome's scheduling, not our code.
  await page.evaluate(() => performance.clearMeasures('talkmark:note-write'));
  for (const text of texts.slice(0, controlNotes)) {
    await page.keyboard.insertText(text);
    await settled(page);
    await page.evaluate(() =>
      document
        .querySelector('textarea[aria-label="Note"]')
        .dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true })),
    );
    await page.waitForTimeout(100);
  }
  await page.waitForFunction((n) => performance.getEntriesByName('talkmark:note-write').length >= n, controlNotes, {
    timeout: 30_000,
  });
  const controlWrites = await page.evaluate(() =>
    performance.getEntriesByName('talkmark:note-write').map((e) => e.duration),
  );
  const stored = await page.evaluate(
    () =>
      new Promise((resolve) => {
        const open = indexedDB.open('talkmark');
        open.onsuccess = () => {
          const r = open.result.transaction('notes').objectStore('notes').count();
          r.onsuccess = () => {
            resolve(r.result);
            open.result.close();
          };
        };
      }),
  );

  // Continuous typing, no Enter: every keystroke must be durable within the 200 ms max-wait + write.
  await page.waitForTimeout(400);
  const rand = seededRandom(12);
  let long = '';
  while (long.length < continuousChars) long += `${NOTE_WORDS[Math.floor(rand() * NOTE_WORDS.length)]} `;
  const typed = continuousChars ? await typeContinuously(page, long.slice(0, continuousChars), keyDelay) : null;
  await page.close();
  return {
    writes,
    controlWrites,
    stored,
    durable: typed?.durable ?? [],
    continuousCharsPerSecond: typed?.charsPerSecond ?? 0,
  };
}

/**
 * Row 3c's measure, shared with row 12b: `text` typed as real key events `delay` ms apart into
 * the focused note box, no Enter; the keystroke → durable times of the draft writes (the 200 ms
 * max-wait + the IndexedDB write), read 500 ms after the last key.
 */
export async function typeContinuously(page, text, delay = 25) {
  await page.evaluate(() => performance.clearMeasures('talkmark:keystroke-to-durable'));
  const t1 = Date.now();
  await page.keyboard.type(text, { delay });
  const seconds = (Date.now() - t1) / 1000;
  await page.waitForTimeout(500);
  const durable = await page.evaluate(() =>
    performance.getEntriesByName('talkmark:keystroke-to-durable').map((e) => e.duration),
  );
  return { durable, charsPerSecond: text.length / seconds };
}

/** A CPU profile of the panel while 20 notes are added (real keys), for a write figure over budget. */
export async function profileNoteWrites({ context, extensionId, extensionDir, seededRandom }) {
  const page = await openComposer(context, extensionId);
  const cdp = await context.newCDPSession(page);
  const texts = noteTexts(seededRandom(13), 20);
  const profile = await profileTop(
    cdp,
    async () => {
      for (const text of texts) {
        await page.keyboard.insertText(text);
        await settled(page);
        await page.keyboard.press('Enter');
        await page.waitForTimeout(100);
      }
    },
    { snippet: extensionSnippets(extensionDir) },
  );
  await page.close();
  return profile;
}

/**
 * 10. The Agenda at this library size: click on the Agenda tab → its first card painted (a frame
 * after the card is in the DOM), then 60 screens of scrolling (one per frame), counting long
 * tasks (> 50 ms, PerformanceObserver) meanwhile. Fresh panel each run; the click is dispatched
 * in the page so the clock starts with it.
 */
export async function agenda({ context, extensionId, runs, screens = 60 }) {
  const samples = [];
  const cpu = [];
  const longTasks = [];
  const longest = [];
  let cards = 0;
  for (let i = 0; i <= runs; i++) {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 700 });
    await page.goto(`chrome-extension://${extensionId}/sidepanel.html`);
    await page.waitForFunction(() => performance.getEntriesByName('talkmark:panel-ready').length > 0);
    await page.waitForTimeout(300);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    const cpuNow = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
    const cpuBefore = await cpuNow();
    const firstPaint = await page.evaluate(async () => {
      const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
      const tab = [...document.querySelectorAll('button.tab')].find((b) => b.textContent === 'Agenda');
      const t0 = performance.now();
      tab.click();
      while (!document.querySelector('section[aria-label="Clipped talks"] li'))
        await new Promise((res) => setTimeout(res, 1));
      await frame();
      return performance.now() - t0;
    });
    const firstPaintCpu = (await cpuNow()) - cpuBefore;
    await cdp.detach();
    const r = await page.evaluate(async (screens) => {
      const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
      const tasks = [];
      const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
      observer.observe({ type: 'longtask' });
      for (let s = 0; s < screens; s++) {
        window.scrollBy(0, window.innerHeight);
        await frame();
      }
      await new Promise((res) => setTimeout(res, 200));
      observer.disconnect();
      return {
        long: tasks.length,
        longest: tasks.length ? Math.max(...tasks) : 0,
        cards: document.querySelectorAll('section[aria-label="Clipped talks"] li').length,
      };
    }, screens);
    await page.close();
    if (i === 0) continue; // warm-up: the first open compiles the panel's code
    samples.push(firstPaint);
    cpu.push(firstPaintCpu);
    longTasks.push(r.long);
    longest.push(r.longest);
    cards = r.cards;
  }
  return { samples, cpu, longTasks, longest, cards, screens };
}
