import { expect, test } from './fixtures';
import { MINUTE, clipSessions } from './pages';

const START = Date.UTC(2025, 8, 9, 16, 30);

/** WCAG contrast of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? [])
      .slice(0, 3)
      .map((v) => Number(v) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [lum(a), lum(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the Agenda’s “Overlaps with…” line reads at 4.5:1 or more on its card (${colorScheme})`, async ({
    context,
    openExtensionPage,
  }) => {
    const tab = await clipSessions(context, [
      { id: 'a'.repeat(32), title: 'Talk Alpha', start: START, minutes: 30 },
      { id: 'd'.repeat(32), title: 'Talk Delta', start: START + 10 * MINUTE, minutes: 30 },
    ]);
    await tab.close();
    const panel = await openExtensionPage('sidepanel.html');
    await panel.setViewportSize({ width: 360, height: 700 });
    await panel.emulateMedia({ colorScheme });
    await panel.getByRole('button', { name: 'Agenda' }).click();
    const line = panel.getByRole('article', { name: 'Talk Alpha' }).getByText('Overlaps with Talk Delta');
    await expect(line).toBeVisible();
    const [color, card] = await line.evaluate((el) => [
      getComputedStyle(el).color,
      getComputedStyle(el.closest('article')!).backgroundColor,
    ]);
    expect(contrast(color!, card!), `${color} on ${card}`).toBeGreaterThanOrEqual(4.5);
  });
}
