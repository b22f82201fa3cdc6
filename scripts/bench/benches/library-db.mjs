/**
 * 7–8. Search and a 200-talk day export against the product's database (TalkmarkDB through Dexie,
 * in a plain page), at both library sizes: 500 talks / 10,000 notes, then 5,000 / 100,000.
 * Each figure reopens the database first, so nothing is cached from the run before.
 */
export async function libraryDb({ context, origin, bundle, runs }) {
  const page = await context.newPage();
  await page.goto(`${origin}/blank.html`);
  await page.addScriptTag({ path: bundle });
  // Main-thread CPU time of each search (CDP TaskDuration, thread-time clock): on a shared machine
  // it does not grow while the page waits for a CPU, as wall time does.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const cpuNow = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
  const out = {};
  for (const size of ['small', 'large']) {
    const seeded = await page.evaluate((s) => __bench.seed(s), size);
    const queries = await page.evaluate(() => __bench.QUERIES);
    const search = {};
    for (const q of queries) {
      search[q] = [];
      for (let i = 0; i < runs; i++) {
        const before = await cpuNow();
        const r = await page.evaluate((query) => __bench.search(query), q);
        search[q].push({ ...r, cpu: (await cpuNow()) - before });
      }
    }
    const exportDay = [];
    for (let i = 0; i < runs; i++) exportDay.push(await page.evaluate(() => __bench.exportDay()));
    out[size] = { seeded, search, exportDay };
  }
  await cdp.detach();
  await page.close();
  return out;
}
