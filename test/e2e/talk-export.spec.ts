/**
 * Day posts are about the talks one saw and wrote about: a talk marked "not attended" is left
 * out, and so (by default, a checkbox away) is a talk without notes or highlights. One talk
 * exported on its own is shown whatever it holds.
 */
import { expect, test } from './fixtures';
import { alpha, beta, DAY1, HOUR, openExport, typeNotes } from './export-helpers';
import { clipSessions, type SessionSpec } from './pages';

// Long user paths on a shared machine: generous, not tight.
test.describe.configure({ timeout: 90_000 });

const quiet: SessionSpec = {
  id: '9'.repeat(32),
  title: 'Talk Quiet',
  start: DAY1 + 2 * HOUR,
  minutes: 30,
  room: 'Room 104',
};

test('a talk marked not attended leaves the day post; talks without notes are left out unless the box is unticked', async ({
  context,
  openExtensionPage,
}) => {
  const tab = await clipSessions(context, [alpha, beta, quiet]);
  await tab.close();
  const panel = await openExtensionPage('sidepanel.html');
  await typeNotes(panel, alpha.title, ['! Alpha takeaway']);
  await typeNotes(panel, beta.title, ['! Beta takeaway, though I left early']);

  // Beta: marked as not attended in its editor, from the Agenda.
  await panel.getByRole('button', { name: 'Agenda', exact: true }).click();
  await panel.getByRole('button', { name: 'Edit talk: Talk Beta' }).click();
  const editor = panel.getByRole('form', { name: 'Edit talk' });
  await editor.getByRole('checkbox', { name: /I did not attend this talk/ }).check();
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('article', { name: 'Talk Beta' })).toContainText('Not attended');

  await openExport(panel);
  await panel.getByRole('combobox', { name: 'Scope' }).selectOption('day');
  await panel.getByRole('combobox', { name: 'Day to export' }).selectOption({ label: 'Tue, Sep 9, 2025 (3 talks)' });
  const preview = panel.getByRole('textbox', { name: 'Recap preview' });
  const onlyNoted = panel.getByRole('checkbox', { name: /Only talks with notes or highlights/ });
  await expect(onlyNoted).toBeChecked();
  await expect(preview).toHaveValue(/Talk Alpha/);
  await expect(preview).not.toHaveValue(/Talk Beta/);
  await expect(preview).not.toHaveValue(/Talk Quiet/);

  await onlyNoted.uncheck();
  await expect(preview).toHaveValue(/Talk Alpha[\s\S]*Talk Quiet/);
  await expect(preview).not.toHaveValue(/Talk Beta/);

  // On its own, the talk not attended is still exported (and the box is not offered).
  await panel.getByRole('combobox', { name: 'Scope' }).selectOption('talk');
  const talk = panel.getByRole('combobox', { name: 'Talk to export' });
  await talk.selectOption((await talk.locator('option', { hasText: 'Talk Beta' }).getAttribute('value'))!);
  await expect(preview).toHaveValue(/Talk Beta/);
  await expect(onlyNoted).toHaveCount(0);
});
