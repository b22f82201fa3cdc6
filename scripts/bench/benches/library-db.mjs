/**
 * 7–8. Search and a 200-talk day export against the product's database (TalkmarkDB through Dexie,
 * in a plain page), at both library sizes: 500 talks / 10,000 notes, then 5,000 / 100,000.
 * Each figure reopens the database first, so nothing is cached from the run before.
 */
export async function libraryDb({ context, origin, bundle, runs }) {
  const page = await context.newPage();
  await page.goto(`${origin}/blank.html`);
  await page.addScriptTag({ path: bundle });
  const out = {};
  for (const size of ['small', 'large']) {
    const seeded = await page.evaluate((s) => __bench.seed(s), size);
    const queries = await page.evaluate(() => __bench.QUERIES);
    const search = {};
    for (const q of queries) {
      search[q] = [];
      for (let i = 0; i < runs; i++) search[q].push(await page.evaluate((query) => __bench.search(query), q));
    }
    const exportDay = [];
    for (let i = 0; i < runs; i++) exportDay.push(await page.evaluate(() => __bench.exportDay()));
    out[size] = { seeded, search, exportDay };
  }
  await page.close();
  return out;
}
