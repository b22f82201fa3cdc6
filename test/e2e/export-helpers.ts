/** Shared steps of the export and template tests: clipped talks on fixed days, notes typed into them. */
import type { BrowserContext, Page } from '@playwright/test';
import { expect } from './fixtures';
import { clipSessions, type SessionSpec } from './pages';

/** Conference days far from "now": day labels and file names are fixed, whatever the clock. */
export const DAY1 = Date.UTC(2025, 8, 9, 16, 30);
export const DAY2 = Date.UTC(2025, 8, 10, 16, 30);
export const HOUR = 3_600_000;

export const alpha: SessionSpec = {
  id: 'a'.repeat(32),
  title: 'Talk Alpha',
  start: DAY1,
  minutes: 30,
  room: 'Room 101',
};
export const beta: SessionSpec = {
  id: 'b'.repeat(32),
  title: 'Talk Beta',
  start: DAY1 + HOUR,
  minutes: 30,
  room: 'Room 102',
};
export const gamma: SessionSpec = {
  id: 'c'.repeat(32),
  title: 'Talk Gamma',
  start: DAY2,
  minutes: 30,
  room: 'Room 103',
};

export const HOSTILE = '<img src=x onerror=alert(1)> <script>alert(2)</script> [x](javascript:alert(3))';

/** Pick `title` (a talk without notes yet) in the Now view and type each note as a user would. */
export async function typeNotes(panel: Page, title: string, notes: readonly string[]): Promise<void> {
  await panel.getByRole('button', { name: 'Now', exact: true }).click();
  const picker = panel.getByRole('combobox', { name: 'Talk to take notes for' });
  const value = await picker.locator('option', { hasText: title }).getAttribute('value');
  await picker.selectOption(value!);
  await expect(panel.getByRole('region', { name: 'Current talk' }).getByRole('heading', { name: title })).toBeVisible();
  const box = panel.getByRole('textbox', { name: 'Note' });
  const list = panel.getByRole('list', { name: 'Notes of this talk' }).getByRole('listitem');
  for (const note of notes) {
    await box.fill(note);
    await box.press('Enter');
  }
  await expect(list).toHaveCount(notes.length);
}

/** Two talks on day 1 with notes of several kinds (one hostile), one talk on day 2. */
export async function conferenceWithNotes(
  context: BrowserContext,
  openExtensionPage: (path: string) => Promise<Page>,
): Promise<Page> {
  const tab = await clipSessions(context, [alpha, beta, gamma]);
  await tab.close();
  const panel = await openExtensionPage('sidepanel.html');
  await typeNotes(panel, alpha.title, [
    '! eBPF needs no kernel patches',
    '"Containers are not a security boundary"',
    '? How does this scale past 1000 nodes',
    HOSTILE,
  ]);
  await typeNotes(panel, beta.title, ['! Golden paths beat gates']);
  await typeNotes(panel, gamma.title, ['Day two starts with coffee']);
  return panel;
}

export async function openExport(panel: Page): Promise<void> {
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  await expect(panel.getByRole('region', { name: 'Export recap' })).toBeVisible();
}
