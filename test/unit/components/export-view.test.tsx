import { screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportView } from '../../../components/ExportView';
import { loadExportChoices } from '../../../lib/export/export-settings';
import type { Talk } from '../../../lib/model';
import { makeNote, timedTalk } from '../notes/factories';
import { renderWithServices, testServices, type TestServices } from './harness';

// Two days of one conference; each talk has a note, so every scope has something to show.
const streams = timedTalk('streams', '09:30', '10:00', { title: 'Streams in practice' }, '2025-09-09');
const kafka = timedTalk('kafka', '10:15', '10:45', { title: 'Scaling Kafka' }, '2025-09-10');
const talks: Talk[] = [streams, kafka];

let services: TestServices;
beforeEach(async () => {
  services = testServices();
  await services.db.talks.bulkAdd(talks);
  await services.db.notes.bulkAdd([
    makeNote({ talkId: streams.id, kind: 'takeaway', text: 'Backpressure is a contract', createdAt: streams.startAt! }),
    makeNote({ talkId: kafka.id, text: 'Partitions are the unit of order', createdAt: kafka.startAt! }),
  ]);
});

/**
 * The preview's text as shown now. Looked up each time: while a new scope loads, the preview is
 * taken away (the old answer must not be exported) and a new box takes its place.
 */
const preview = {
  get value(): string {
    return screen.queryByRole<HTMLTextAreaElement>('textbox', { name: 'Recap preview' })?.value ?? '';
  },
};

async function openExport(props: { talkId?: string; initialScope?: 'talk' } = {}) {
  renderWithServices(<ExportView talks={talks} {...props} />, services);
  await vi.waitFor(() => expect(preview.value).not.toBe(''));
}

const select = (name: string) => screen.getByRole<HTMLSelectElement>('combobox', { name });

describe('ExportView', () => {
  it('previews the remembered scope (one day, the latest) and widens it when "All talks" is chosen', async () => {
    await openExport();
    expect(preview.value).toContain('Partitions are the unit of order');
    expect(preview.value).not.toContain('Backpressure is a contract');

    const user = userEvent.setup();
    await user.selectOptions(select('Scope'), 'all');
    await vi.waitFor(() => expect(preview.value).toContain('Backpressure is a contract'));
    expect(preview.value).toContain('Partitions are the unit of order');
    // The choice is remembered for the next time the view opens.
    await vi.waitFor(async () => expect((await loadExportChoices(services.db)).choices.scope).toBe('all'));
  });

  it('"One talk" shows only the talk chosen in the talk list', async () => {
    await openExport({ talkId: kafka.id, initialScope: 'talk' });
    expect(preview.value).toContain('Scaling Kafka');
    expect(preview.value).not.toContain('Backpressure');
    await userEvent.setup().selectOptions(select('Talk to export'), streams.id);
    await vi.waitFor(() => expect(preview.value).toContain('Backpressure is a contract'));
    expect(preview.value).not.toContain('Partitions');
  });

  it('style choices change the preview: the title, the preset, no front matter', async () => {
    await openExport();
    const user = userEvent.setup();
    expect(preview.value.startsWith('---\n')).toBe(true); // Hugo YAML front matter by default

    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'My week at the conference');
    await vi.waitFor(() => expect(preview.value).toContain('My week at the conference'));

    const narrative = preview.value;
    await user.selectOptions(select('Preset'), 'bulleted');
    await vi.waitFor(() => expect(preview.value).not.toBe(narrative));
    expect(preview.value).toContain('- [0:00] Partitions are the unit of order');

    await user.selectOptions(select('Front matter'), 'none');
    await vi.waitFor(() => expect(preview.value.startsWith('---')).toBe(false));
  });

  it('a copy right after typing (before the preview follows) takes the text as typed, not the preview before it', async () => {
    await openExport();
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Typed just now');
    // No wait for the preview: the click lands inside the typing pause.
    await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    const [copied] = services.extension.copyText.mock.calls[0] ?? [];
    expect(copied).toContain('Typed just now');
    await vi.waitFor(() => expect(preview.value).toBe(copied));
  });

  it('copy and download hand the exact preview to the extension I/O, and say so', async () => {
    await openExport();
    const user = userEvent.setup();
    const io = services.extension;

    await user.click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    expect(io.copyText).toHaveBeenCalledExactlyOnceWith(preview.value);
    expect(screen.getByText('Copied the Markdown.')).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Copy as rich text' }));
    const [html, plain] = io.copyRichText.mock.calls[0] ?? [];
    expect(plain).toBe(preview.value);
    expect(html).toContain('<h2>Scaling Kafka</h2>');
    expect(html).toContain('<p>[0:00] Partitions are the unit of order</p>');

    await user.click(screen.getByRole('button', { name: 'Download .md' }));
    const [fileName, text, type] = io.saveFile.mock.calls[0] ?? [];
    expect(fileName).toMatch(/\.md$/);
    expect(screen.getByText(`File name: ${fileName}`)).toBeTruthy();
    expect(text).toBe(preview.value);
    expect(type).toBe('text/markdown;charset=utf-8');
    expect(screen.getByText(`Saved ${fileName}.`)).toBeTruthy();
  });

  it('says what went wrong when the clipboard refuses', async () => {
    services.extension.copyText.mockRejectedValueOnce(new Error('Document is not focused.'));
    await openExport();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Copy as Markdown' }));
    expect((await screen.findByRole('status')).textContent).toBe('That did not work: Document is not focused.');
  });
});
