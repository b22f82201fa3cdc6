/**
 * The template editor's preview is rendered in a worker (lib/export/render-worker.ts), so a key
 * typed while a 2,000-note preview renders does not wait for it; the preview still follows typing.
 */
import { expect, test } from './fixtures';
import { alpha, openExport, typeNotes } from './export-helpers';
import { clipSessions } from './pages';

test('typing into a template updates its preview, rendered off the page in a worker', async ({
  context,
  openExtensionPage,
}) => {
  test.setTimeout(120_000); // a clip, notes, the options page and the Export view: slow on a loaded machine
  const tab = await clipSessions(context, [alpha]);
  await tab.close();
  const panel = await openExtensionPage('sidepanel.html');
  await typeNotes(panel, alpha.title, ['! Paved roads beat gates']);

  const options = await openExtensionPage('options.html');
  await options.getByRole('combobox', { name: 'Starter' }).selectOption('bulleted-talk');
  await options.getByRole('button', { name: 'Create template' }).click();
  const preview = options.getByRole('textbox', { name: 'Template preview' });
  await expect(preview).toHaveValue(/Talk Alpha/);

  // Real key events at the end of the source.
  await options.getByRole('textbox', { name: 'Template source' }).click();
  await options.keyboard.press('ControlOrMeta+End');
  await options.keyboard.type('\nTyped after the notes');
  await expect(preview).toHaveValue(/^Typed after the notes$/m);
  // The render ran in the preview's worker, not on the page's main thread.
  expect(options.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/render-worker.*\.js$/));

  // The Export view's preview renders there too, and follows a choice.
  await panel.bringToFront();
  await openExport(panel);
  await expect(panel.getByRole('textbox', { name: 'Recap preview' })).toHaveValue(/Paved roads beat gates/);
  expect(panel.workers().map((w) => w.url())).toContainEqual(expect.stringMatching(/render-worker.*\.js$/));
});
