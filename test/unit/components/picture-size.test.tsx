import { screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PictureSizeSection } from '../../../components/PictureSizeSection';
import { getSetting } from '../../../lib/db/settings';
import { imageMaxSideOf } from '../../../lib/images/fit';
import { renderWithServices, testServices } from './harness';

describe('Settings: the longest side of stored pictures', () => {
  it('shows 1920 px first, and stores the size picked from the keyboard', async () => {
    const services = testServices();
    renderWithServices(<PictureSizeSection />, services);
    const select = await screen.findByRole<HTMLSelectElement>('combobox', { name: /Longest side/ });
    expect(select.value).toBe('1920');
    expect([...select.options].map((o) => o.value)).toEqual(['1280', '1600', '1920', '2560', '3840']);
    const user = userEvent.setup();
    await user.selectOptions(select, '1280');
    await vi.waitFor(async () => expect(await getSetting(services.db, 'imageMaxSide')).toBe(1280));
    expect(select.value).toBe('1280');
  });

  it('reads only its choices: anything a restored backup brings becomes 1920', () => {
    expect(imageMaxSideOf(2560)).toBe(2560);
    for (const bad of [0, -1, 1000, 1920.5, '1280', null, undefined, 1e9]) expect(imageMaxSideOf(bad)).toBe(1920);
  });
});
