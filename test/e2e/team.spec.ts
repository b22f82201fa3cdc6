/**
 * A team's notes in one database (issue 18): the user names themself in the settings with the
 * keyboard, a note by Ada arrives (here through a backup restore; with sync, from the server),
 * and the panel shows it with her name, read-only, behind an Everyone / Only mine filter; the
 * talk's export credits each note ("— Ada", "— Grace").
 */
import type { Page } from '@playwright/test';
import { expect, readTable, test } from './fixtures';
import { clipSessions, MINUTE, type SessionSpec } from './pages';

test.describe.configure({ timeout: 90_000 });

const talk: SessionSpec = { id: 'e'.repeat(32), title: 'Team Talk', start: Date.now() - 20 * MINUTE, minutes: 45 };

/** A backup holding the stored talk and one note Ada wrote for it. */
async function adaBackup(page: Page): Promise<Buffer> {
  const [stored] = await readTable<{ id: string; startAt: number }>(page, 'talks');
  const conferences = await readTable(page, 'conferences');
  const at = stored!.startAt + 5 * MINUTE;
  const backup = {
    format: 'talkmark-backup',
    version: 1,
    exportedAt: new Date().toISOString(),
    schemaVersion: 3,
    data: {
      conferences,
      talks: [stored],
      notes: [
        {
          id: 'ada-note-1',
          talkId: stored!.id,
          kind: 'takeaway',
          text: 'Ship the boring version first',
          createdAt: at,
          updatedAt: at,
          author: 'Ada',
        },
      ],
      highlights: [],
      drafts: [],
      templates: [],
      // Ada's own name, in her file: never restored as this browser's.
      settings: [{ key: 'authorName', value: 'Ada' }],
    },
  };
  return Buffer.from(JSON.stringify(backup));
}

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.TALKMARK_SHOTS;
  if (!dir) return;
  await page.setViewportSize({ width: 360, height: 700 });
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${dir}/${name}-${scheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('a note by Ada shows with her name, the filter narrows to mine, and the export credits both', async ({
  context,
  openExtensionPage,
}) => {
  const tab = await clipSessions(context, [talk]);
  await tab.close();

  // Your name, typed as a person types it.
  const options = await openExtensionPage('options.html');
  await options.getByRole('textbox', { name: 'Name' }).click();
  await options.keyboard.type('Grace', { delay: 20 });
  await options.keyboard.press('Enter');
  const yourName = options.getByRole('region', { name: 'Your name' });
  await expect(yourName.getByRole('status')).toContainText('carry the name “Grace”');

  // Ada's note arrives.
  await options.getByLabel('Restore from backup file').setInputFiles({
    name: 'talkmark-backup-ada.json',
    mimeType: 'application/json',
    buffer: await adaBackup(options),
  });
  await expect(options.getByRole('status').filter({ hasText: 'Restored' })).toContainText('notes: 1 added');
  await expect(options.getByRole('textbox', { name: 'Name' })).toHaveValue('Grace');
  await shoot(options, 'team-options');

  // The user's own note, typed in the panel.
  const panel = await openExtensionPage('sidepanel.html');
  const box = panel.getByRole('textbox', { name: 'Note' });
  await box.click();
  await panel.keyboard.type('Budgets beat heroics', { delay: 20 });
  await panel.keyboard.press('Enter');
  const list = panel.getByRole('list', { name: 'Notes of this talk' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  const hers = list.getByRole('listitem').filter({ hasText: 'Ship the boring version first' });
  const mine = list.getByRole('listitem').filter({ hasText: 'Budgets beat heroics' });
  await expect(hers).toContainText('Ada');
  await expect(hers.getByRole('button', { name: 'Edit' })).toHaveCount(0);
  await expect(mine.getByRole('button', { name: 'Edit' })).toBeVisible();
  await expect(mine.locator('.note-author')).toHaveCount(0);
  const notes = await readTable<{ text: string; author?: string }>(panel, 'notes');
  expect(notes.find((n) => n.text === 'Budgets beat heroics')?.author).toBe('Grace');
  await shoot(panel, 'team-panel');

  // Only mine, and back.
  await panel.getByRole('button', { name: 'Only mine (1)' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).not.toContainText('Ship the boring version first');
  await panel.getByRole('button', { name: 'Everyone (2)' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // The talk's export merges both, credited.
  await panel.getByRole('button', { name: 'Export this talk' }).click();
  const preview = panel.getByRole('textbox', { name: 'Recap preview' });
  await expect(preview).toHaveValue(/Ship the boring version first — Ada/);
  await expect(preview).toHaveValue(/Budgets beat heroics — Grace/);
});
