import { describe, expect, it } from 'vitest';
import { formatKeys, isMac, modifierNames, shortcutLetter } from '../../lib/keyboard';

describe('platform names of keys', () => {
  it('knows a Mac by its platform string, old and new', () => {
    for (const p of ['macOS', 'MacIntel', 'iPad']) expect(isMac(p), p).toBe(true);
    for (const p of ['Windows', 'Win32', 'Linux x86_64', 'Linux', 'Chrome OS', '']) expect(isMac(p), p).toBe(false);
  });

  it('names modifiers with symbols on macOS and words elsewhere', () => {
    expect(modifierNames('macOS')).toMatchObject({ alt: '⌥', shift: '⇧', command: '⌘', ctrl: '⌃' });
    expect(modifierNames('Linux x86_64')).toMatchObject({ alt: 'Alt', shift: 'Shift', ctrl: 'Ctrl' });
  });

  it('writes a combination the way each platform does', () => {
    expect(formatKeys('Alt+Shift+N', 'macOS')).toBe('⌥⇧N');
    expect(formatKeys('Alt+Shift+N', 'Win32')).toBe('Alt+Shift+N');
    expect(formatKeys('Alt+T', 'MacIntel')).toBe('⌥T');
    expect(formatKeys('Alt+t', 'Linux x86_64')).toBe('Alt+T');
    expect(formatKeys('Shift+Enter', 'macOS')).toBe('⇧Return');
    expect(formatKeys('Shift+Enter', 'Windows')).toBe('Shift+Enter');
  });

  it('takes the manifest spellings and the one Chrome reports on macOS', () => {
    expect(formatKeys('MacCtrl+Shift+N', 'macOS')).toBe('⌃⇧N');
    expect(formatKeys('Command+Shift+Y', 'macOS')).toBe('⇧⌘Y');
    expect(formatKeys('⇧⌘Y', 'macOS')).toBe('⇧⌘Y');
    expect(formatKeys('⌥⇧N', 'macOS')).toBe('⌥⇧N');
    // Modifiers in any order come out in the platform's order.
    expect(formatKeys('Shift+Alt+N', 'Linux')).toBe('Alt+Shift+N');
    expect(formatKeys('Shift+Alt+N', 'macOS')).toBe('⌥⇧N');
  });
});

describe('the letter of an Alt/Option shortcut', () => {
  it('is the typed letter where Alt leaves letters alone (Windows, Linux), following the layout', () => {
    expect(shortcutLetter({ key: 't', code: 'KeyT' })).toBe('t');
    expect(shortcutLetter({ key: 'T', code: 'KeyT' })).toBe('t');
    // AZERTY: the key labelled A sits where QWERTY has Q.
    expect(shortcutLetter({ key: 'a', code: 'KeyQ' })).toBe('a');
  });

  it('is the physical key where Option types a symbol (macOS)', () => {
    expect(shortcutLetter({ key: '†', code: 'KeyT' })).toBe('t'); // Option+T
    expect(shortcutLetter({ key: 'œ', code: 'KeyQ' })).toBe('q'); // Option+Q
    expect(shortcutLetter({ key: 'å', code: 'KeyA' })).toBe('a'); // Option+A
    expect(shortcutLetter({ key: '¬', code: 'KeyL' })).toBe('l'); // Option+L
    expect(shortcutLetter({ key: '∂', code: 'KeyD' })).toBe('d'); // Option+D
    expect(shortcutLetter({ key: 'π', code: 'KeyP' })).toBe('p'); // Option+P
    expect(shortcutLetter({ key: 'ß', code: 'KeyS' })).toBe('s'); // Option+S
    expect(shortcutLetter({ key: 'Dead', code: 'KeyE' })).toBe('e'); // Option+E is a dead key
  });

  it('is nothing for keys that are not letters', () => {
    expect(shortcutLetter({ key: 'Enter', code: 'Enter' })).toBeNull();
    expect(shortcutLetter({ key: '1', code: 'Digit1' })).toBeNull();
    expect(shortcutLetter({ key: 'Alt', code: 'AltLeft' })).toBeNull();
  });
});
