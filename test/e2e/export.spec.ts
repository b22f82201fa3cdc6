import { HtmlRenderer, Parser, type Node } from 'commonmark';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { expect, test } from './fixtures';
import { conferenceWithNotes, openExport } from './export-helpers';

const FILE_NAME = /^2025-09-09-kcd-san-francisco-bay-area-recap\.md$/;
const DAY1_OPTION = 'Tue, Sep 9, 2025 (2 talks)';

function frontMatterOf(markdown: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  expect(m, 'the post starts with YAML front matter').not.toBeNull();
  return parseYaml(m![1]!) as Record<string, unknown>;
}

function nodes(markdown: string): Node[] {
  const found: Node[] = [];
  const walker = new Parser().parse(markdown).walker();
  let event;
  while ((event = walker.next())) if (event.entering) found.push(event.node);
  return found;
}

/** Nothing a Markdown renderer would turn into live HTML or a script link, even one that trusts raw HTML. */
function expectInert(markdown: string): void {
  const tree = nodes(markdown);
  expect(tree.filter((n) => n.type === 'html_inline' || n.type === 'html_block')).toEqual([]);
  for (const link of tree.filter((n) => n.type === 'link' || n.type === 'image'))
    expect(link.destination ?? '').toMatch(/^(https?:|#)/);
  const html = new HtmlRenderer().render(new Parser().parse(markdown));
  expect(html).not.toMatch(/<script|<img|href="javascript:/i);
  expect(markdown).not.toMatch(/\]\(\s*javascript:/i);
}

async function chooseDay1(panel: Page): Promise<void> {
  await panel.getByRole('combobox', { name: 'Scope' }).selectOption('day');
  await panel.getByRole('combobox', { name: 'Day to export' }).selectOption({ label: DAY1_OPTION });
}

/**
 * The opening every day-export test shares: the clipped conference with its notes, the Export
 * view, day 1 chosen. Returns the panel and its preview.
 */
async function exportDay1(
  context: BrowserContext,
  openExtensionPage: Parameters<typeof conferenceWithNotes>[1],
): Promise<{ panel: Page; preview: Locator }> {
  const panel = await conferenceWithNotes(context, openExtensionPage);
  await openExport(panel);
  await chooseDay1(panel);
  return { panel, preview: panel.getByRole('textbox', { name: 'Recap preview' }) };
}

test('a day exports with each preset: the preview shows talks, speakers and notes in that style', async ({
  context,
  openExtensionPage,
}) => {
  const { panel, preview } = await exportDay1(context, openExtensionPage);
  const preset = panel.getByRole('combobox', { name: 'Preset' });

  await preset.selectOption('narrative');
  await expect(preview).toHaveValue(/^## Talk Alpha by Jane Doe at Acme Corp and Ravi Kumar$/m);
  await expect(preview).toHaveValue(/^## Talk Beta by Jane Doe at Acme Corp and Ravi Kumar$/m);
  await expect(preview).toHaveValue(/^> .*Containers are not a security boundary/m);
  await expect(preview).toHaveValue(/\*\*Question:\*\* How does this scale past 1000 nodes/);
  await expect(preview).not.toHaveValue(/Talk Gamma|Day two/);

  await preset.selectOption('bulleted');
  await expect(preview).toHaveValue(/^### Talk Alpha – Jane Doe, Acme Corp & Ravi Kumar$/m);
  await expect(preview).toHaveValue(/^- .*\*\*Takeaway:\*\* eBPF needs no kernel patches$/m);
  await expect(preview).toHaveValue(/^- .*Golden paths beat gates$/m);

  await preset.selectOption('structured');
  await expect(preview).toHaveValue(/^### Talk 1: Talk Alpha$/m);
  await expect(preview).toHaveValue(/^### Talk 2: Talk Beta$/m);
  await expect(preview).toHaveValue(/^#### Speakers: \[Jane Doe\]\([^)]+\) \(Acme Corp\), \[Ravi Kumar\]/m);
  await expect(preview).toHaveValue(/^#### Key Takeaways\n- .*eBPF needs no kernel patches$/m);
  await expect(preview).toHaveValue(/^#### Quotes\n> .*Containers are not a security boundary/m);
  await expect(preview).toHaveValue(/^#### Questions\n- .*How does this scale past 1000 nodes$/m);
  // Main takeaways gather every talk's takeaways; the box turns them off.
  await expect(preview).toHaveValue(/^## Main takeaways$/m);
  await panel.getByRole('checkbox', { name: 'Include main takeaways' }).uncheck();
  await expect(preview).not.toHaveValue(/Main takeaways/);
  expectInert(await preview.inputValue());

  // Hugo sites that write TOML front matter: +++ and key = value; Jekyll goes back to YAML.
  await expect(preview).toHaveValue(/^---\ntitle: /);
  await panel.getByRole('combobox', { name: 'Front matter format' }).selectOption('toml');
  await expect(preview).toHaveValue(/^\+\+\+\ntitle = "[^"]+"\n[\s\S]*?\n\+\+\+\n/);
  await panel.getByRole('combobox', { name: 'Front matter', exact: true }).selectOption('jekyll');
  await expect(panel.getByRole('combobox', { name: 'Front matter format' })).toHaveCount(0);
  await expect(preview).toHaveValue(/^---\n/);
});

test('Download .md saves the previewed post: dated file name, front matter, headings, quotes, nothing raw', async ({
  context,
  openExtensionPage,
}) => {
  const { panel, preview } = await exportDay1(context, openExtensionPage);
  await panel.getByRole('combobox', { name: 'Preset' }).selectOption('narrative');
  await panel.getByRole('combobox', { name: 'Front matter', exact: true }).selectOption('jekyll');
  await panel.getByRole('textbox', { name: 'Title', exact: true }).fill('KCD SF: what I learned');
  await panel.getByRole('textbox', { name: 'Authors' }).fill('Ada Lovelace, Grace Hopper');
  await panel.getByRole('textbox', { name: 'Tags' }).fill('kubernetes, platform engineering');
  await expect(preview).toHaveValue(/^title: "KCD SF: what I learned"$/m);

  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Download .md' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(FILE_NAME);
  const markdown = readFileSync((await download.path())!, 'utf8');
  expect(markdown).toBe(await preview.inputValue());
  await expect(panel.getByRole('status')).toContainText('Saved 2025-09-09-kcd-san-francisco-bay-area-recap.md');

  expect(frontMatterOf(markdown)).toEqual({
    layout: 'post',
    title: 'KCD SF: what I learned',
    date: '2025-09-09',
    tags: ['kubernetes', 'platform engineering'],
    authors: ['Ada Lovelace', 'Grace Hopper'],
  });
  const headings = nodes(markdown)
    .filter((n) => n.type === 'heading')
    .map((n) => `${n.level} ${n.firstChild?.literal ?? ''}`);
  expect(headings).toContain('2 Talk Alpha by Jane Doe at Acme Corp and Ravi Kumar');
  expect(headings).toContain('2 Talk Beta by Jane Doe at Acme Corp and Ravi Kumar');
  const quotes = nodes(markdown).filter((n) => n.type === 'block_quote');
  expect(quotes).toHaveLength(1);
  expect(markdown).toMatch(/^> .*Containers are not a security boundary/m);
  // The hostile note is there as text, not as markup.
  expect(markdown).toContain('onerror=alert(1)');
  expectInert(markdown);
});

test('Copy as Markdown and Copy as rich text put the post on the clipboard', async ({ context, openExtensionPage }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { panel, preview } = await exportDay1(context, openExtensionPage);
  await expect(preview).toHaveValue(/Talk Alpha/);

  await panel.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(panel.getByRole('status')).toHaveText('Copied the Markdown.');
  expect(await panel.evaluate(() => navigator.clipboard.readText())).toBe(await preview.inputValue());

  await panel.getByRole('button', { name: 'Copy as rich text' }).click();
  await expect(panel.getByRole('status')).toHaveText('Copied as rich text.');
  const copied = await panel.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    return {
      types: item!.types,
      html: await (await item!.getType('text/html')).text(),
      text: await (await item!.getType('text/plain')).text(),
    };
  });
  expect(copied.types).toEqual(expect.arrayContaining(['text/html', 'text/plain']));
  expect(copied.html).toContain('<h2>Talk Alpha by Jane Doe at Acme Corp and Ravi Kumar</h2>');
  expect(copied.html).toMatch(/<blockquote>\s*<p>.*Containers are not a security boundary/);
  expect(copied.html).not.toContain('title: ');
  expect(copied.html).not.toMatch(/<script|<img|href="javascript:/i);
  expect(copied.text).toBe(await preview.inputValue());
});

test('one talk, several days or everything; the choices are remembered', async ({ context, openExtensionPage }) => {
  const panel = await conferenceWithNotes(context, openExtensionPage);
  await openExport(panel);
  const preview = panel.getByRole('textbox', { name: 'Recap preview' });
  const scope = panel.getByRole('combobox', { name: 'Scope' });

  // "One talk" starts on the talk the Now view shows (the last one notes went to).
  await scope.selectOption('talk');
  await expect(panel.getByRole('combobox', { name: 'Talk to export' })).toHaveValue(/.+/);
  await expect(preview).toHaveValue(/Talk Gamma/);
  const alphaId = await panel
    .getByRole('combobox', { name: 'Talk to export' })
    .locator('option', { hasText: 'Talk Alpha' })
    .getAttribute('value');
  await panel.getByRole('combobox', { name: 'Talk to export' }).selectOption(alphaId!);
  await expect(preview).toHaveValue(/Talk Alpha/);
  await expect(preview).not.toHaveValue(/Talk Beta|Talk Gamma/);

  await scope.selectOption('days');
  const day1 = panel.getByRole('checkbox', { name: /Tue, Sep 9, 2025/ });
  const day2 = panel.getByRole('checkbox', { name: /Wed, Sep 10, 2025/ });
  await day1.check();
  await expect(preview).toHaveValue(/^## Day 1 — Tuesday, September 9\n/m);
  await expect(preview).toHaveValue(/^## Day 2 — Wednesday, September 10\n/m);
  await day1.uncheck();
  await day2.uncheck();
  await expect(panel.getByText('Choose at least one day to export.')).toBeVisible();
  await expect(preview).toBeHidden();
  await expect(panel.getByRole('button', { name: 'Download .md' })).toBeDisabled();

  await scope.selectOption('all');
  await expect(preview).toHaveValue(/Talk Alpha[\s\S]*Talk Beta[\s\S]*Talk Gamma/);
  await panel.getByRole('combobox', { name: 'Preset' }).selectOption('bulleted');
  await panel.getByRole('combobox', { name: 'Front matter', exact: true }).selectOption('obsidian');
  await panel.getByRole('textbox', { name: 'Tags' }).fill('kcd');
  await panel.getByRole('checkbox', { name: 'Include main takeaways' }).uncheck();

  await panel.reload();
  await openExport(panel);
  await expect(panel.getByRole('combobox', { name: 'Scope' })).toHaveValue('all');
  await expect(panel.getByRole('combobox', { name: 'Preset' })).toHaveValue('bulleted');
  await expect(panel.getByRole('combobox', { name: 'Front matter', exact: true })).toHaveValue('obsidian');
  await expect(panel.getByRole('textbox', { name: 'Tags' })).toHaveValue('kcd');
  await expect(panel.getByRole('checkbox', { name: 'Include main takeaways' })).not.toBeChecked();
  await expect(panel.getByRole('textbox', { name: 'Recap preview' })).toHaveValue(/^tags:\n {2}- "kcd"$/m);
});

test('the Export view is readable at 300 px and follows dark mode', async ({ context, openExtensionPage }) => {
  const panel = await conferenceWithNotes(context, openExtensionPage);
  await panel.setViewportSize({ width: 300, height: 700 });
  await panel.emulateMedia({ colorScheme: 'dark' });
  await openExport(panel);
  await expect(panel.getByRole('textbox', { name: 'Recap preview' })).toBeVisible();
  expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  const colours = await panel.getByRole('textbox', { name: 'Recap preview' }).evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.color, s.backgroundColor];
  });
  expect(colours).toEqual(['rgb(236, 235, 243)', 'rgb(31, 30, 39)']);
});

test('“Export this talk” in the Now view opens the export on that talk alone', async ({
  context,
  openExtensionPage,
}) => {
  const panel = await conferenceWithNotes(context, openExtensionPage);
  await panel.getByRole('button', { name: 'Agenda' }).click();
  await panel.getByRole('button', { name: 'Take notes for Talk Beta' }).click();
  await panel.getByRole('button', { name: 'Export this talk' }).click();
  await expect(panel.getByRole('combobox', { name: 'Scope' })).toHaveValue('talk');
  const preview = panel.getByRole('textbox', { name: 'Recap preview' });
  await expect(preview).toHaveValue(/^## Talk Beta by /m);
  await expect(preview).toHaveValue(/Golden paths beat gates/);
  await expect(preview).not.toHaveValue(/Talk Alpha|Talk Gamma/);
});

test('“One talk” is a post of its own: no intro placeholder, no Main takeaways, the talk’s title', async ({
  context,
  openExtensionPage,
}) => {
  const panel = await conferenceWithNotes(context, openExtensionPage);
  await openExport(panel);
  const preview = panel.getByRole('textbox', { name: 'Recap preview' });
  await panel.getByRole('combobox', { name: 'Scope' }).selectOption('talk');
  const talk = panel.getByRole('combobox', { name: 'Talk to export' });
  await talk.selectOption((await talk.locator('option', { hasText: 'Talk Alpha' }).getAttribute('value'))!);
  await expect(preview).toHaveValue(/^title: "Talk Alpha"$/m);
  await expect(preview).toHaveValue(/eBPF needs no kernel patches/);
  await expect(preview).not.toHaveValue(/Replace this line|Main takeaways/);
  await expect(panel.getByRole('checkbox', { name: 'Include main takeaways' })).toHaveCount(0);
  await expect(panel.getByText('File name: 2025-09-09-talk-alpha-recap.md')).toBeVisible();
  // A day post keeps both.
  await chooseDay1(panel);
  await expect(preview).toHaveValue(/Replace this line[\s\S]*^## Main takeaways$/m);
});

test('at 360 px the preview wraps long lines: nothing scrolls sideways', async ({ context, openExtensionPage }) => {
  const panel = await conferenceWithNotes(context, openExtensionPage);
  await panel.setViewportSize({ width: 360, height: 700 });
  const longUrl = `https://example.com/${'a-very-long-path-segment/'.repeat(8)}end`;
  // Talk Gamma is the Now view's talk (its note was typed last): two more notes with long lines.
  const box = panel.getByRole('textbox', { name: 'Note' });
  for (const note of [`@ ${longUrl}`, `\`const answer = ${'compute(deeply, nested, call), '.repeat(6)}done\``]) {
    await box.fill(note);
    await box.press('Enter');
  }
  await expect(panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem')).toHaveCount(3);
  await openExport(panel);
  await panel.getByRole('combobox', { name: 'Scope' }).selectOption('all');
  const preview = panel.getByRole('textbox', { name: 'Recap preview' });
  await expect(preview).toHaveValue(new RegExp(longUrl.replace(/[.?/]/g, '\\$&')));
  const sizes = await panel.evaluate(() => {
    const box = document.querySelector<HTMLTextAreaElement>('textarea.recap-preview')!;
    return {
      doc: document.documentElement.scrollWidth,
      viewport: innerWidth,
      box: box.scrollWidth,
      boxClient: box.clientWidth,
      right: box.getBoundingClientRect().right,
    };
  });
  expect(sizes.doc, 'the document does not scroll sideways').toBeLessThanOrEqual(sizes.viewport);
  expect(sizes.box, 'the preview wraps instead of scrolling sideways').toBeLessThanOrEqual(sizes.boxClient);
  expect(sizes.right).toBeLessThanOrEqual(sizes.viewport);
});

test('Intro and Closing typed in the Export view open and close the post, per scope, and are remembered', async ({
  context,
  openExtensionPage,
}) => {
  const { panel, preview } = await exportDay1(context, openExtensionPage);
  await expect(preview).toHaveValue(/Replace this line/);

  // Real key presses: a click into Intro, Enter for a new paragraph, Tab on to Closing.
  await panel.getByRole('textbox', { name: 'Intro' }).click();
  await panel.keyboard.type('First day at **KCD**.');
  await panel.keyboard.press('Enter');
  await panel.keyboard.press('Enter');
  await panel.keyboard.type('Mostly eBPF <script>alert(1)</script>');
  await panel.keyboard.press('Tab');
  await expect(panel.getByRole('textbox', { name: 'Closing' })).toBeFocused();
  await panel.keyboard.type('See you at KubeCon!');
  await expect(preview).toHaveValue(
    /\n---\n\nFirst day at \*\*KCD\*\*\.\n\nMostly eBPF \\<script>alert\(1\)\\<\/script>\n\n## Main takeaways\n/,
  );
  await expect(preview).toHaveValue(/\n\nSee you at KubeCon!\n$/);
  await expect(preview).not.toHaveValue(/Replace this line/);
  expectInert(await preview.inputValue());

  // One talk has its own (empty) intro: neither the day's words nor the placeholder.
  await panel.getByRole('combobox', { name: 'Scope' }).selectOption('talk');
  await expect(panel.getByRole('textbox', { name: 'Intro' })).toHaveValue('');
  await expect(preview).toHaveValue(/^title: "Talk Gamma"$/m);
  await expect(preview).not.toHaveValue(/First day|See you at KubeCon|Replace this line|Main takeaways/);

  await panel.reload();
  await openExport(panel);
  await chooseDay1(panel);
  await expect(panel.getByRole('textbox', { name: 'Intro' })).toHaveValue(
    'First day at **KCD**.\n\nMostly eBPF <script>alert(1)</script>',
  );
  await expect(panel.getByRole('textbox', { name: 'Closing' })).toHaveValue('See you at KubeCon!');
  await expect(panel.getByRole('textbox', { name: 'Recap preview' })).toHaveValue(/\n\nSee you at KubeCon!\n$/);
});

test('extra front matter keys typed as rows are written as typed YAML and TOML, per preset', async ({
  context,
  openExtensionPage,
}) => {
  const { panel, preview } = await exportDay1(context, openExtensionPage);
  await panel.getByRole('combobox', { name: 'Preset' }).selectOption('structured');

  const addRow = async (n: number, key: string, type: string, value: string) => {
    await panel.getByRole('button', { name: 'Add a key' }).click();
    const row = panel.getByRole('group', { name: `Extra key ${n}` });
    await row.getByRole('textbox', { name: 'Key' }).click();
    await panel.keyboard.type(key);
    await row.getByRole('combobox', { name: 'Type' }).selectOption(type);
    await row.getByRole('textbox', { name: 'Value' }).click();
    await panel.keyboard.type(value);
  };
  await addRow(1, 'showAuthor', 'boolean', 'true');
  await addRow(2, 'categories', 'list', 'DevOps, Events');
  await addRow(3, 'datetime', 'datetime', '2025-09-09T10:30+02:00');
  await addRow(4, 'weight', 'number', '12px');
  // A value that is not of its type is named beside its row and left out.
  await expect(panel.getByRole('group', { name: 'Extra key 4' })).toContainText(
    'Not written: “weight” is not a number',
  );
  await expect(preview).toHaveValue(/^datetime: 2025-09-09T10:30:00\+02:00$/m);
  const yaml = frontMatterOf(await preview.inputValue());
  expect(yaml).toMatchObject({
    showAuthor: true,
    categories: ['DevOps', 'Events'],
    datetime: '2025-09-09T10:30:00+02:00',
  });
  expect(yaml).not.toHaveProperty('weight');
  await panel.getByRole('group', { name: 'Extra key 4' }).getByRole('textbox', { name: 'Value' }).press('Backspace');
  await panel.keyboard.press('Backspace');
  await expect(preview).toHaveValue(/^weight: 12$/m);

  await panel.getByRole('combobox', { name: 'Front matter format' }).selectOption('toml');
  await expect(preview).toHaveValue(/^\+\+\+\n/);
  const toml = parseToml(/^\+\+\+\n([\s\S]*?)\n\+\+\+\n/.exec(await preview.inputValue())![1]!);
  expect(toml).toMatchObject({ showAuthor: true, categories: ['DevOps', 'Events'], weight: 12 });
  expect((toml.datetime as Date).toISOString()).toBe('2025-09-09T10:30:00.000+02:00');

  // Another preset has keys of its own; the structured preset's come back with it, after a reload.
  await panel.getByRole('combobox', { name: 'Preset' }).selectOption('narrative');
  await expect(panel.getByRole('group', { name: 'Extra key 1' })).toHaveCount(0);
  await expect(preview).not.toHaveValue(/showAuthor/);
  await panel.reload();
  await openExport(panel);
  await panel.getByRole('combobox', { name: 'Preset' }).selectOption('structured');
  await expect(panel.getByRole('group', { name: /^Extra key/ })).toHaveCount(4);
  await expect(panel.getByRole('textbox', { name: 'Recap preview' })).toHaveValue(/^showAuthor = true$/m);
});
