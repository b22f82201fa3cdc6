import { screen, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ExportFolderSave } from '../../../components/ExportFolderSave';
import type { FolderHandle } from '../../../lib/export/folder-write';
import { numberedFileName, type PostFiles } from '../../../lib/export/post-export';
import { postLayout } from '../../../lib/export/post-layout';
import type { ExportFolderIo } from '../../../lib/extension/page-io';
import { MemoryFolder } from '../export/memory-folder';
import { renderWithServices, testServices } from './harness';

/** A Hugo post with one slide, as buildPostFiles makes it (copy n is named `…-n`). */
async function build(copy: number): Promise<{ ok: true; files: PostFiles }> {
  const fileName = numberedFileName('2025-09-09-kcd.md', copy);
  const layout = postLayout('hugo', fileName, [{ noteId: 'n1', mime: 'image/webp', kind: 'slide' }]);
  const placed = layout.images[0]!;
  const bytes = new Uint8Array([82, 73, 70, 70]);
  return {
    ok: true,
    files: {
      fileName,
      layout,
      markdown: `# KCD\n\n![Slide](<${placed.link}>)\n`,
      pictures: [{ ...placed, mime: 'image/webp', bytes, thumb: bytes, thumbMime: 'image/webp' }],
    },
  };
}

function setup(remembered: MemoryFolder | null, picked: MemoryFolder | null = null) {
  const services = testServices();
  const io = {
    remembered: vi.fn<ExportFolderIo['remembered']>(async () => remembered as FolderHandle | null),
    pick: vi.fn<ExportFolderIo['pick']>(async () => picked as FolderHandle | null),
  };
  services.extension.exportFolder = io;
  renderWithServices(<ExportFolderSave flavour="hugo" build={build} />, services);
  return io;
}

const status = () => screen.findByRole('status');

describe('Save to folder', () => {
  it('first time: the click opens the picker, then writes the bundle into the folder picked', async () => {
    const folder = new MemoryFolder('blog');
    const io = setup(null, folder);
    await userEvent.click(await screen.findByRole('button', { name: 'Save to folder…' }));
    expect(io.pick).toHaveBeenCalledWith('hugo');
    expect((await status()).textContent).toBe('Saved content/posts/kcd/index.md in “blog” with 1 picture.');
    expect([...folder.files.keys()]).toEqual(['content/posts/kcd/slide-01.webp', 'content/posts/kcd/index.md']);
    expect(screen.getByText('Saves into “blog”.')).toBeTruthy();
  });

  it('a remembered folder whose permission lapsed: asks again in the click; a refusal is said', async () => {
    const folder = new MemoryFolder('blog', { permission: 'prompt', onRequest: 'denied' });
    const io = setup(folder);
    await userEvent.click(await screen.findByRole('button', { name: 'Save to folder' }));
    expect(folder.requests).toBe(1);
    expect(io.pick).not.toHaveBeenCalled();
    expect((await status()).textContent).toMatch(/may not write to “blog”/);
    expect(folder.files.size).toBe(0);
  });

  it('files that exist: a confirm lists them; Cancel changes nothing, Save as new name writes a -2 copy', async () => {
    const folder = new MemoryFolder('blog').seed('content/posts/kcd/index.md', 'mine');
    setup(folder);
    const save = await screen.findByRole('button', { name: 'Save to folder' });
    await userEvent.click(save);
    let dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByRole('listitem').textContent).toBe('content/posts/kcd/index.md');
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));
    await userEvent.keyboard('{Enter}'); // the focused Cancel
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect((await status()).textContent).toBe('Not saved: nothing was changed.');
    expect([...folder.files.keys()]).toEqual(['content/posts/kcd/index.md']);
    expect(folder.text('content/posts/kcd/index.md')).toBe('mine');

    await userEvent.click(save);
    dialog = await screen.findByRole('alertdialog');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save as new name' }));
    await vi.waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/^Saved content\/posts\/kcd-2\/index\.md/),
    );
    expect(folder.text('content/posts/kcd/index.md')).toBe('mine');
    expect(folder.text('content/posts/kcd-2/index.md')).toContain('![Slide](<slide-01.webp>)');
  });

  it('Replace, once confirmed, writes over the listed files', async () => {
    const folder = new MemoryFolder('blog').seed('content/posts/kcd/index.md', 'mine');
    setup(folder);
    await userEvent.click(await screen.findByRole('button', { name: 'Save to folder' }));
    await userEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Replace' }));
    await vi.waitFor(() => expect(folder.text('content/posts/kcd/index.md')).toContain('# KCD'));
  });

  it('a full disk mid-save: the status names what was written and what was not', async () => {
    const folder = new MemoryFolder('blog', {
      failWrite: { path: 'content/posts/kcd/index.md', error: 'QuotaExceededError' },
    });
    setup(folder);
    await userEvent.click(await screen.findByRole('button', { name: 'Save to folder' }));
    expect((await status()).textContent).toBe(
      'Not saved: the disk is full (content/posts/kcd/index.md). Written: content/posts/kcd/slide-01.webp. Not written: content/posts/kcd/index.md.',
    );
  });

  it('without the File System Access API (Firefox): no button, the .zip is named instead', async () => {
    renderWithServices(<ExportFolderSave flavour="hugo" build={build} />, testServices());
    expect(screen.queryByRole('button', { name: /Save to folder/ })).toBeNull();
    expect(screen.getByText(/Download as \.zip holds the same files/)).toBeTruthy();
  });
});
