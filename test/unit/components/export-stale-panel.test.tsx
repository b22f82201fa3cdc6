import { screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportView } from '../../../components/ExportView';
import { loadExportChoices } from '../../../lib/export/export-settings';
import { setTemplateRows, templateRows } from '../../../lib/export/template-rows';
import type { FrontMatterRow } from '../../../lib/recap/front-matter-rows';
import { makeNote, timedTalk } from '../notes/factories';
import { renderWithServices, testServices, type TestServices } from './harness';

const wait = { timeout: 5000 };
const talk = timedTalk('t1', '09:30', '10:00', { title: 'Streams in practice' });
const IMPORTED: FrontMatterRow[] = [{ key: 'categories', type: 'list', value: 'DevOps, Events' }];
let services: TestServices;

beforeEach(async () => {
  services = testServices();
  await services.db.talks.add(talk);
  await services.db.notes.add(
    makeNote({ talkId: 't1', text: 'Backpressure first', createdAt: talk.startAt! + 60_000 }),
  );
});

/** The side panel, open on Export: its choices are loaded before the import happens elsewhere. */
async function openPanel() {
  renderWithServices(<ExportView talks={[talk]} talkId="t1" initialScope="day" />, services);
  const preview = await screen.findByRole<HTMLTextAreaElement>('textbox', { name: 'Recap preview' }, wait);
  await vi.waitFor(() => expect(preview.value).toMatch(/Backpressure first/), wait);
}

async function typeInIntro(text: string) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('textbox', { name: 'Intro' }));
  await user.keyboard(text);
}

describe('a side panel left open on Export while a template is imported in the settings page', () => {
  it('keeps the imported template’s front matter rows when the panel next writes its choices', async () => {
    await openPanel();
    // The settings page imports a template file: its rows go to the store and the shared mirror.
    expect((await setTemplateRows(services.db, localStorage, 'tpl-imported', IMPORTED)).ok).toBe(true);
    // Then the user goes on in the panel, which still holds the rows it loaded.
    await typeInIntro('A good day.');
    await vi.waitFor(
      async () => expect((await loadExportChoices(services.db)).choices.intro.day).toBe('A good day.'),
      wait,
    );
    expect((await loadExportChoices(services.db)).choices.frontMatterRows['template:tpl-imported']).toEqual(IMPORTED);
    expect(await templateRows(services.db, localStorage, 'tpl-imported')).toEqual(IMPORTED);
  });

  it('keeps rows written to the store alone (no shared mirror) too', async () => {
    await openPanel();
    expect((await setTemplateRows(services.db, null, 'tpl-imported', IMPORTED)).ok).toBe(true);
    await typeInIntro('Another day.');
    await vi.waitFor(
      async () => expect((await loadExportChoices(services.db)).choices.intro.day).toBe('Another day.'),
      wait,
    );
    expect((await loadExportChoices(services.db)).choices.frontMatterRows['template:tpl-imported']).toEqual(IMPORTED);
  });
});
