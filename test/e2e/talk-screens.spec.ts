/**
 * Screenshots of the talk editor and the popup on a blog post, light and dark, at the side
 * panel's size, for a person to look at. Skipped unless TALKMARK_SHOTS names a folder.
 */
import { join } from 'node:path';
import { expect, OWN_FIXTURES, pressShortcut, test } from './fixtures';
import { clipSessions, MINUTE } from './pages';

const dir = process.env.TALKMARK_SHOTS;
test.skip(!dir, 'set TALKMARK_SHOTS=<folder> to take the screenshots');
test.use({ headed: true });
test.describe.configure({ mode: 'default' });

for (const scheme of ['light', 'dark'] as const) {
  test(`the talk editor and the popup on a blog post, ${scheme}`, async ({
    context,
    openExtensionPage,
    serve,
    serviceWorker,
  }) => {
    await clipSessions(context, [
      {
        id: 'f'.repeat(32),
        title: 'Platform Engineering Without the Platform Team',
        start: Date.now() - 5 * MINUTE,
        minutes: 30,
        descriptionLink: 'https://blog.example.dev/paved-roads',
      },
    ]);
    const panel = await openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 360, height: 700 });
    await panel.emulateMedia({ colorScheme: scheme });
    await panel.screenshot({ path: join(dir!, `panel-${scheme}.png`) });
    await panel.getByRole('button', { name: /^Edit talk:/ }).click();
    await expect(panel.getByRole('form', { name: 'Edit talk' })).toBeVisible();
    await panel.screenshot({ path: join(dir!, `editor-${scheme}.png`) });
    await panel.screenshot({ path: join(dir!, `editor-full-${scheme}.png`), fullPage: true });

    const blog = 'https://blog.example.dev/paved-roads';
    await serve(blog, { file: join(OWN_FIXTURES, 'articles/blog-post-og.html') });
    const page = await context.newPage();
    await page.goto(blog);
    await pressShortcut(page, 'alt+shift+h');
    const tabId = await serviceWorker.evaluate(
      async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!,
    );
    const popup = await openExtensionPage(`popup.html?tab=${tabId}`);
    await popup.setViewportSize({ width: 360, height: 700 });
    await popup.emulateMedia({ colorScheme: scheme });
    await expect(popup.getByRole('button', { name: 'Highlight on this page' })).toBeVisible();
    await expect(popup.getByRole('combobox', { name: 'Talk this page’s highlights go to' })).toBeVisible();
    await popup.screenshot({ path: join(dir!, `popup-blog-${scheme}.png`) });
    await popup.getByRole('button', { name: 'Clip it as a talk anyway' }).click();
    await expect(popup.getByRole('status').filter({ hasText: 'could be read' })).toBeVisible();
    await popup.screenshot({ path: join(dir!, `popup-blog-clipped-${scheme}.png`) });
  });
}
