/**
 * 4–6. The libraries on their own, in a plain Chromium page (no extension): re-anchoring (ours and
 * the peer's), Sched extraction, recap rendering. Every run is a fresh page, so every figure is
 * cold (first call, as the user meets it); the bundle is evaluated before the clock starts.
 */
import { moduleMap, profileTop } from '../lib/profile.mjs';

/** Profiles name the bundle by the path addScriptTag gave it. */
function moduleOfBundle(bundle) {
  const lineToModule = moduleMap(bundle);
  return (url, line) => (url.endsWith(bundle.split('/').pop()) ? lineToModule(line) : null);
}

async function freshPage(context, url, bundle) {
  const page = await context.newPage();
  await page.goto(url);
  await page.addScriptTag({ path: bundle });
  return page;
}

/**
 * `fn`'s result plus the main thread's CPU time meanwhile (CDP TaskDuration on the thread-time
 * clock): unlike wall time, it does not grow when other processes take the CPU away.
 */
async function withCpu(context, page, fn) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const read = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const before = await read();
  const result = await fn();
  const cpu = (await read()) - before;
  await cdp.detach();
  return { ...result, cpu };
}

export async function prepareAnchoring({ context, origin, bundle }) {
  const page = await freshPage(context, `${origin}/article.html`, bundle);
  const prepared = await page.evaluate(() => {
    document.querySelectorAll('script').forEach((s) => s.remove());
    return __bench.prepare();
  });
  await page.close();
  return prepared;
}

export async function anchoring({ context, origin, bundle, prepared, runs }) {
  const ours = [];
  const peer = [];
  for (let i = 0; i < runs; i++) {
    const page = await freshPage(context, `${origin}/article-edited.html`, bundle);
    ours.push(
      await withCpu(context, page, () =>
        page.evaluate(({ highlights, edited }) => __bench.ours(highlights, edited), prepared),
      ),
    );
    peer.push(
      await withCpu(context, page, () =>
        page.evaluate(({ highlights, edited }) => __bench.peer(highlights, edited), prepared),
      ),
    );
    await page.close();
  }
  return { ours, peer };
}

export async function profileAnchoring({ context, origin, bundle, prepared }) {
  const page = await freshPage(context, `${origin}/article-edited.html`, bundle);
  const cdp = await context.newCDPSession(page);
  const profile = await profileTop(
    cdp,
    () => page.evaluate(({ highlights, edited }) => __bench.ours(highlights, edited), prepared),
    { moduleOf: moduleOfBundle(bundle) },
  );
  await page.close();
  return profile;
}

export async function extraction({ context, origin, bundle, url, runs }) {
  const samples = [];
  const warm = [];
  const cpu = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const page = await freshPage(context, `${origin}/sched/list/descriptions/`, bundle);
    last = await withCpu(context, page, () => page.evaluate((u) => __bench.run(u), url));
    samples.push(last.ms);
    cpu.push(last.cpu);
    warm.push(await page.evaluate((u) => __bench.warm(u), url));
    await page.close();
  }
  return { samples, warm, cpu, last };
}

export async function profileExtraction({ context, origin, bundle, url, top = 8 }) {
  const page = await freshPage(context, `${origin}/sched/list/descriptions/`, bundle);
  const cdp = await context.newCDPSession(page);
  const profile = await profileTop(cdp, () => page.evaluate((u) => __bench.run(u), url), {
    top,
    moduleOf: moduleOfBundle(bundle),
  });
  await page.close();
  return profile;
}

export async function recap({ context, origin, bundle, presets, runs }) {
  const out = {};
  for (const preset of presets) {
    const samples = [];
    const warm = [];
    const cpu = [];
    let last;
    for (let i = 0; i < runs; i++) {
      const page = await freshPage(context, `${origin}/blank.html`, bundle);
      const input = await page.evaluate(() => __bench.prepare());
      last = { ...input, ...(await withCpu(context, page, () => page.evaluate((p) => __bench.run(p), preset))) };
      samples.push(last.ms);
      cpu.push(last.cpu);
      warm.push(await page.evaluate((p) => __bench.warm(p), preset));
      await page.close();
    }
    out[preset] = { samples, warm, cpu, last };
  }
  return out;
}

export async function profileRecap({ context, origin, bundle, preset, top = 8 }) {
  const page = await freshPage(context, `${origin}/blank.html`, bundle);
  await page.evaluate(() => __bench.prepare());
  const cdp = await context.newCDPSession(page);
  const profile = await profileTop(cdp, () => page.evaluate((p) => __bench.run(p), preset), {
    top,
    moduleOf: moduleOfBundle(bundle),
  });
  await page.close();
  return profile;
}

/**
 * What each start-up step of the highlighter costs the loaded 1 MB article on its own:
 * appending its <style> to <head>, mounting its shadow host, or nothing (the baseline), each
 * followed by a forced style and layout pass, as main-thread CPU time.
 */
export async function highlighterParts({ context, origin, bundle, runs }) {
  const out = { none: [], style: [], host: [] };
  for (let i = 0; i < runs; i++) {
    for (const part of Object.keys(out)) {
      const page = await freshPage(context, `${origin}/article.html`, bundle);
      await page.evaluate(() => __bench.flush());
      await page.waitForTimeout(200);
      const { cpu } = await withCpu(context, page, () =>
        page.evaluate((p) => {
          if (p === 'style') __bench.addStyle();
          if (p === 'host') __bench.addHost();
          __bench.flush();
          return {};
        }, part),
      );
      out[part].push(cpu);
      await page.close();
    }
  }
  return out;
}
