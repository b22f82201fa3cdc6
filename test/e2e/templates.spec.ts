import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, readTable, test } from './fixtures';
import { alpha, openExport, typeNotes } from './export-helpers';
import { clipSessions } from './pages';

interface StoredTemplate {
  id: string;
  name: string;
  kind: string;
  body: string;
}

const BROKEN = '### {{ talk.title }}\n{% for note in talk.notes %}\n- {{ note.text }\n{% endfor %}\n';
const FIXED =
  '### {{ talk.title }} (my way)\n{% for note in talk.notes %}\n- {{ note | note_content }}\n{% endfor %}\n';

/** One clipped talk with notes, so previews run on real data. */
async function clippedTalkWithNotes(
  context: Parameters<typeof clipSessions>[0],
  openExtensionPage: (path: string) => Promise<Page>,
): Promise<Page> {
  const tab = await clipSessions(context, [alpha]);
  await tab.close();
  const panel = await openExtensionPage('sidepanel.html');
  await typeNotes(panel, alpha.title, ['! Paved roads beat gates', '"Nobody reads the wiki']);
  return panel;
}

async function createFromStarter(options: Page, starter: string): Promise<void> {
  await options.getByRole('combobox', { name: 'Starter' }).selectOption(starter);
  await options.getByRole('button', { name: 'Create template' }).click();
  await expect(options.getByRole('textbox', { name: 'Template source' })).toBeVisible();
}

test('a template made from a starter shows errors with their line as you type, and survives a reload', async ({
  context,
  openExtensionPage,
}) => {
  await clippedTalkWithNotes(context, openExtensionPage);
  const options = await openExtensionPage('options.html');
  await expect(options.getByText('No templates yet.')).toBeVisible();
  await createFromStarter(options, 'structured-talk');

  const source = options.getByRole('textbox', { name: 'Template source' });
  const preview = options.getByRole('textbox', { name: 'Template preview' });
  await expect(options.getByRole('textbox', { name: 'Template name' })).toHaveValue('My structured talks');
  await expect(source).toHaveValue(/^### Talk \{\{ talk\.number \}\}: \{\{ talk\.title \}\}/);
  await expect(options.getByText('With your talks of Tue, Sep 9, 2025.')).toBeVisible();
  await expect(preview).toHaveValue(/^### Talk 1: Talk Alpha$/m);
  await expect(preview).toHaveValue(/^#### Key Takeaways\n- .*Paved roads beat gates$/m);

  await source.fill(BROKEN);
  const error = options.getByRole('alert');
  await expect(error).toHaveText(/Line 3, column 3: output "\{\{ note\.text \}.*not closed/);
  await expect(preview).toBeHidden();

  await source.fill(FIXED);
  await expect(error).toBeHidden();
  await expect(preview).toHaveValue(/^### Talk Alpha \(my way\)$/m);
  await expect(preview).toHaveValue(/^- .*\*\*Takeaway:\*\* Paved roads beat gates\n+- .*Nobody reads the wiki/m);
  await options.getByRole('textbox', { name: 'Template name' }).fill('Talks my way');
  await expect(options.getByRole('list', { name: 'Your templates' })).toContainText('Talks my way');

  // Typed, then the page goes away at once: the last keystrokes are kept.
  await source.press('End');
  await source.pressSequentially('Thanks for reading!');
  await options.reload();
  await options.getByRole('list', { name: 'Your templates' }).getByRole('button', { name: 'Talks my way' }).click();
  await expect(options.getByRole('textbox', { name: 'Template source' })).toHaveValue(`${FIXED}Thanks for reading!`);
  await expect
    .poll(async () => (await readTable<StoredTemplate>(options, 'templates')).map((t) => [t.name, t.kind, t.body]))
    .toEqual([['Talks my way', 'talk', `${FIXED}Thanks for reading!`]]);
});

test('a template exports as a file and imports back; a broken file is refused with its line', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await createFromStarter(options, 'narrative-day');
  await options.getByRole('textbox', { name: 'Template name' }).fill('Team post');
  // Nothing clipped yet: the preview runs on the built-in sample.
  await expect(options.getByText(/With a built-in sample/)).toBeVisible();
  await expect(options.getByRole('textbox', { name: 'Template preview' })).toHaveValue(
    /^## Shipping Small: Feature Flags at Scale by Avery Quinn at Northwind$/m,
  );
  const body = await options.getByRole('textbox', { name: 'Template source' }).inputValue();

  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export template file' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('team-post.day.liquid');
  const file = (await download.path())!;
  expect(readFileSync(file, 'utf8')).toBe(body);

  await options.getByRole('button', { name: 'Delete template' }).click();
  await expect(options.getByRole('status').filter({ hasText: 'Deleted “Team post”.' })).toBeVisible();
  await expect(options.getByText('No templates yet.')).toBeVisible();

  const importInput = options.getByLabel('Import template file');
  await importInput.setInputFiles({
    name: 'broken.liquid',
    mimeType: 'text/plain',
    buffer: Buffer.from('# Recap\n{% for talk in talks %}\n{{ talk.title }}\n'),
  });
  await expect(options.getByRole('alert')).toHaveText(
    /broken\.liquid: The template has an error, so it was not imported\. Line 2, column 1: tag \{% for talk in talks %\} not closed/,
  );
  expect(await readTable(options, 'templates')).toHaveLength(0);

  await importInput.setInputFiles({
    name: download.suggestedFilename(),
    mimeType: 'text/plain',
    buffer: readFileSync(file),
  });
  await expect(options.getByRole('status').filter({ hasText: 'Imported' })).toHaveText(
    'Imported “team-post” (whole post).',
  );
  await expect(options.getByRole('combobox', { name: 'Template kind' })).toHaveValue('day');
  await expect(options.getByRole('textbox', { name: 'Template source' })).toHaveValue(body);
  const [stored] = await readTable<StoredTemplate>(options, 'templates');
  expect(stored).toMatchObject({ kind: 'day', body });
});

test('the Export view uses a template, and a broken one disables export and says where', async ({
  context,
  openExtensionPage,
}) => {
  const panel = await clippedTalkWithNotes(context, openExtensionPage);
  const options = await openExtensionPage('options.html');
  await createFromStarter(options, 'bulleted-talk');
  await options.getByRole('textbox', { name: 'Template name' }).fill('Custom talks');
  const source = options.getByRole('textbox', { name: 'Template source' });
  await source.fill('#### {{ talk.title }} — custom\n{% for note in talk.notes %}{{ note | note_item }}\n{% endfor %}');
  await expect(options.getByRole('textbox', { name: 'Template preview' })).toHaveValue(/^#### Talk Alpha — custom$/m);

  await panel.bringToFront();
  await openExport(panel);
  await panel
    .getByRole('combobox', { name: 'Template', exact: true })
    .selectOption({ label: 'Custom talks (each talk)' });
  const preview = panel.getByRole('textbox', { name: 'Recap preview' });
  await expect(preview).toHaveValue(/^#### Talk Alpha — custom\n- .*\*\*Takeaway:\*\* Paved roads beat gates$/m);
  await expect(panel.getByRole('button', { name: 'Download .md' })).toBeEnabled();

  // Broken in the options page: the open panel follows, names the line and refuses to export.
  await options.bringToFront();
  await source.fill('#### {{ talk.title }}\n\n{{ talk.title | shout }}');
  await panel.bringToFront();
  await expect(panel.getByRole('alert')).toHaveText(/Line 3, column 1: undefined filter: shout/);
  await expect(preview).toBeHidden();
  for (const name of ['Copy as Markdown', 'Copy as rich text', 'Download .md'])
    await expect(panel.getByRole('button', { name })).toBeDisabled();

  await options.bringToFront();
  await source.fill('#### {{ talk.title | upcase }}');
  await panel.bringToFront();
  await expect(preview).toHaveValue(/^#### TALK ALPHA$/m);
  await expect(panel.getByRole('button', { name: 'Download .md' })).toBeEnabled();
});

test('the template editor is readable at 300 px and follows dark mode', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.setViewportSize({ width: 300, height: 800 });
  await options.emulateMedia({ colorScheme: 'dark' });
  await createFromStarter(options, 'structured-day');
  await expect(options.getByRole('textbox', { name: 'Template preview' })).toBeVisible();
  expect(await options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(300);
  expect(
    await options.getByRole('textbox', { name: 'Template source' }).evaluate((el) => getComputedStyle(el).color),
  ).toBe('rgb(236, 235, 243)');
});

test('the template editor lists the variables; a top-level {{ title }} in a whole-post template says what was meant', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await createFromStarter(options, 'narrative-day');
  await options.getByText('Variables and filters', { exact: true }).click();
  await expect(options.getByLabel('Template variables')).toContainText('front_matter');
  await expect(options.getByLabel('Template filters')).toContainText('{{ note | note_item }}');
  await options
    .locator('summary')
    .filter({ hasText: /^talk inside \{% for talk in talks %\}$/ })
    .click();
  await expect(options.getByLabel('Fields of talk', { exact: true })).toContainText('talk.speakers');

  const source = options.getByRole('textbox', { name: 'Template source' });
  await source.fill('{{ title }}');
  const hint =
    '“title” is not a variable of a whole-post template, so it prints nothing. Did you mean {{ recap.title }} or {{ talk.title }} inside {% for talk in talks %}?';
  await expect(options.getByRole('alert')).toContainText(`The template produced no text. ${hint}`);
  await expect(options.getByRole('list', { name: 'Template warnings' }), 'said once, in the error').toHaveCount(0);
  // With other text around it the post renders, and the warning says the same.
  await source.fill('# {{ title }}\nMy day');
  // Named where it is typed: line 1, column 6.
  await expect(options.getByRole('list', { name: 'Template warnings' })).toHaveText(`Line 1, column 6: ${hint}`);
  await expect(options.getByRole('textbox', { name: 'Template preview' })).toHaveValue(/^#\s*\nMy day\n$/);

  await source.fill('{% for talk in talks %}- {{ talk.title }}\n{% endfor %}');
  await expect(options.getByRole('textbox', { name: 'Template preview' })).toHaveValue(
    '- Shipping Small: Feature Flags at Scale\n- Observability on a Budget\n',
  );
  await expect(options.getByRole('list', { name: 'Template warnings' })).toHaveCount(0);
});

test('a snippet made in the same editor is rendered by a template, in the editor and in the Export view', async ({
  context,
  openExtensionPage,
}) => {
  const panel = await clippedTalkWithNotes(context, openExtensionPage);
  const options = await openExtensionPage('options.html');
  await createFromStarter(options, 'snippet');
  await expect(options.getByRole('textbox', { name: 'Template name' })).toHaveValue('Talk heading');
  await expect(options.getByText("Use it in a template: {% render 'talk-heading', talk: talk %}")).toBeVisible();
  // The snippet previews as each talk shows it.
  await expect(options.getByRole('textbox', { name: 'Template preview' })).toHaveValue(/^### Talk Alpha — /m);
  const source = options.getByRole('textbox', { name: 'Template source' });
  await source.click();
  await options.keyboard.press('ControlOrMeta+a');
  await options.keyboard.type('#### {{ talk.title }} (snippet)');
  await expect(options.getByRole('textbox', { name: 'Template preview' })).toHaveValue(
    /^#### Talk Alpha \(snippet\)$/m,
  );

  await createFromStarter(options, 'bulleted-talk');
  await options.getByRole('textbox', { name: 'Template name' }).fill('Uses the snippet');
  await source.click();
  await options.keyboard.press('ControlOrMeta+a');
  await options.keyboard.type("{% render 'talk-heading', talk: talk %}\n{{ talk.notes.size }} notes");
  await expect(options.getByRole('textbox', { name: 'Template preview' })).toHaveValue(
    /^#### Talk Alpha \(snippet\)\n2 notes$/m,
  );
  const stored = await readTable<StoredTemplate>(options, 'templates');
  expect(stored.map((t) => t.kind).sort()).toEqual(['snippet', 'talk']);

  await panel.bringToFront();
  await openExport(panel);
  const templateSelect = panel.getByRole('combobox', { name: 'Template', exact: true });
  // A snippet is not a post's template: the select offers only the other one.
  await expect(templateSelect.locator('option', { hasText: 'Talk heading' })).toHaveCount(0);
  await templateSelect.selectOption({ label: 'Uses the snippet (each talk)' });
  await expect(panel.getByRole('textbox', { name: 'Recap preview' })).toHaveValue(
    /^#### Talk Alpha \(snippet\)\n2 notes$/m,
  );
});

test('the editor completes variable names with Tab and flags an unknown one where it is typed', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await createFromStarter(options, 'bulleted-talk');
  const source = options.getByRole('textbox', { name: 'Template source' });
  await source.click();
  await options.keyboard.press('ControlOrMeta+a');
  await options.keyboard.press('Delete');
  await options.keyboard.type('### {{ talk.ti');
  const completions = options.getByRole('list', { name: 'Variable completions' });
  await expect(completions).toContainText('title');
  await expect(completions).toContainText('time_label');
  await options.keyboard.press('Tab');
  await expect(source).toBeFocused();
  await expect(completions).toBeHidden();
  await options.keyboard.type(' }}');
  await options.keyboard.press('Enter');
  // A loop variable is known inside its loop.
  await options.keyboard.type('{% for speaker in talk.speakers %}{{ speaker.is_m');
  await expect(completions).toHaveText(/is_moderator/);
  await options.keyboard.press('Tab');
  await options.keyboard.type(' }}{% endfor %}');
  await options.keyboard.press('Enter');
  await options.keyboard.type('{{ titel }}');
  await expect(source).toHaveValue(
    '### {{ talk.title }}\n{% for speaker in talk.speakers %}{{ speaker.is_moderator }}{% endfor %}\n{{ titel }}',
  );
  await expect(options.getByRole('list', { name: 'Template warnings' })).toContainText(
    'Line 3, column 4: “titel” is not a variable of a talk template',
  );
  await expect(options.getByRole('textbox', { name: 'Template preview' })).toHaveValue(
    /^### Shipping Small: Feature Flags at Scale$/m,
  );
  // Without a suggestion shown, Tab leaves the box as usual.
  await options.keyboard.press('Tab');
  await expect(source).not.toBeFocused();
});

test('at 360 px a snippet’s render tag breaks only between its words, never inside the name', async ({
  context,
  openExtensionPage,
}) => {
  await clippedTalkWithNotes(context, openExtensionPage);
  const options = await openExtensionPage('options.html');
  await options.setViewportSize({ width: 360, height: 700 });
  await createFromStarter(options, 'snippet');
  const tag = options
    .getByRole('article', { name: 'Edit template Talk heading' })
    .locator('code', { hasText: "{% render 'talk-heading', talk: talk %}" });
  await expect(tag).toBeVisible();
  const layout = await tag.evaluate((code) => {
    const text = code.textContent ?? '';
    // How many lines each word of the tag takes: 1 each, or it was split inside.
    const words: Array<[string, number]> = [];
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    let offset = 0;
    const nodes: Array<{ node: Text; start: number }> = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n as Text, start: offset });
      offset += (n as Text).data.length;
    }
    const at = (i: number): [Text, number] => {
      const hit = nodes.findLast((x) => x.start <= i)!;
      return [hit.node, i - hit.start];
    };
    for (const m of text.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(...at(m.index));
      range.setEnd(...at(m.index + m[0].length - 1));
      range.setEnd(range.endContainer, range.endOffset + 1);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      words.push([m[0], tops.size]);
    }
    return { words, page: document.documentElement.scrollWidth, viewport: innerWidth };
  });
  expect(layout.words).toEqual(layout.words.map(([w]) => [w, 1]));
  expect(layout.page, 'the page does not scroll sideways').toBeLessThanOrEqual(layout.viewport);
});
