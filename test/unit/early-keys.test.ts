import { afterEach, describe, expect, it } from 'vitest';
import { keepEarlyKeys, takeEarlyKeys } from '../../components/earlyKeys';

const press = (key: string, init: KeyboardEventInit = {}) =>
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }));

describe('keys typed while the panel loads', () => {
  afterEach(() => {
    takeEarlyKeys();
    document.body.replaceChildren();
  });

  it('are typed into the note box when it takes the focus, as input its handler sees', () => {
    keepEarlyKeys(window);
    for (const key of 'Sidecars') press(key);
    press(' ');
    press('x');
    press('Backspace');
    const box = document.body.appendChild(document.createElement('textarea'));
    box.value = 'draft: ';
    const seen: string[] = [];
    box.addEventListener('input', () => seen.push(box.value));
    box.focus();
    expect(box.value).toBe('draft: Sidecars ');
    expect(seen).toEqual(['draft: Sidecars ']);
  });

  it('take the place of what they would have done: a space does not scroll the panel', () => {
    keepEarlyKeys(window);
    expect(press(' ')).toBe(false); // default prevented
    expect(press('Enter')).toBe(true); // not kept: Enter still does what it does
    expect(press('t', { altKey: true })).toBe(true); // shortcuts are left alone
    expect(press('c', { ctrlKey: true })).toBe(true);
    expect(takeEarlyKeys()).toBe(' ');
  });

  it('are dropped when the focus goes anywhere but a text field, and keeping stops', () => {
    keepEarlyKeys(window);
    press('a');
    document.body.appendChild(document.createElement('button')).focus();
    const box = document.body.appendChild(document.createElement('textarea'));
    box.focus();
    expect(box.value).toBe('');
    document.body.focus();
    press('b');
    expect(takeEarlyKeys()).toBe('');
  });
});
