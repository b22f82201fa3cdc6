/**
 * Keys as a person presses and reads them, per platform. Pure: callers pass the platform string
 * (`navigator.userAgentData?.platform ?? navigator.platform`, see `currentPlatform`).
 *
 * On a Mac, Option+letter types a symbol (Option+T is "†"), so a shortcut that looks at
 * `event.key` never fires there; the physical key (`event.code`) still says "KeyT". Elsewhere
 * Alt leaves `event.key` alone, and it follows the keyboard layout (an AZERTY "A" is `KeyQ`).
 */

/** The platform string of this browser, for the functions below. */
export function currentPlatform(): string {
  const nav = globalThis.navigator as (Navigator & { userAgentData?: { platform?: string } }) | undefined;
  return nav?.userAgentData?.platform || nav?.platform || '';
}

/** macOS (and iPadOS, which reports "MacIntel" or "iPad"): the platform with ⌥ ⇧ ⌘ ⌃ names. */
export function isMac(platform: string): boolean {
  return /mac|iphone|ipad|ipod/i.test(platform);
}

export interface ModifierNames {
  alt: string;
  shift: string;
  ctrl: string;
  command: string;
  enter: string;
  /** Put between keys of one combination ("Alt+T"); macOS writes them together ("⌥T"). */
  join: string;
}

const MAC: ModifierNames = { alt: '⌥', shift: '⇧', ctrl: '⌃', command: '⌘', enter: 'Return', join: '' };
const OTHER: ModifierNames = { alt: 'Alt', shift: 'Shift', ctrl: 'Ctrl', command: 'Ctrl', enter: 'Enter', join: '+' };

export function modifierNames(platform: string): ModifierNames {
  return isMac(platform) ? MAC : OTHER;
}

/** macOS orders modifiers ⌃ ⌥ ⇧ ⌘; Windows and Linux Ctrl, Alt, Shift. */
const ORDER = ['ctrl', 'alt', 'shift', 'command'] as const;
type Modifier = (typeof ORDER)[number];
const MODIFIER_WORDS: Record<string, Modifier> = {
  ctrl: 'ctrl',
  control: 'ctrl',
  macctrl: 'ctrl',
  '⌃': 'ctrl',
  alt: 'alt',
  option: 'alt',
  opt: 'alt',
  '⌥': 'alt',
  shift: 'shift',
  '⇧': 'shift',
  command: 'command',
  cmd: 'command',
  meta: 'command',
  '⌘': 'command',
};

/**
 * A key combination as the platform writes it: `"Alt+Shift+N"` is `⌥⇧N` on macOS and stays
 * `Alt+Shift+N` elsewhere. Takes the manifest's spelling (`MacCtrl`, `Command`), the one
 * `commands.getAll()` reports (Chrome on macOS already gives `⌥⇧N`), or ours (`Shift+Enter`).
 */
export function formatKeys(combo: string, platform: string): string {
  const names = modifierNames(platform);
  const mods = new Set<Modifier>();
  let key = '';
  // "⌥⇧N" has no separators: split the symbols off first.
  const parts = combo
    .replace(/([⌃⌥⇧⌘])/g, '$1+')
    .split('+')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    const mod = MODIFIER_WORDS[part.toLowerCase()];
    if (mod) mods.add(mod);
    else key = part;
  }
  if (/^(enter|return)$/i.test(key)) key = names.enter;
  else if (key.length === 1) key = key.toUpperCase();
  return [...ORDER.filter((m) => mods.has(m)).map((m) => names[m]), key].filter(Boolean).join(names.join);
}

/** What a keydown carries that matters here (a KeyboardEvent has it all). */
export interface KeyLike {
  key: string;
  code: string;
}

/**
 * The letter of an Alt/Option+letter shortcut, lower case, or null. The typed letter when the
 * key still types one (Windows, Linux: follows the layout); else the physical key (macOS, where
 * Option turns the letter into a symbol or a dead key).
 */
export function shortcutLetter(event: KeyLike): string | null {
  if (/^[a-z]$/i.test(event.key)) return event.key.toLowerCase();
  const physical = /^Key([A-Z])$/.exec(event.code);
  return physical ? physical[1]!.toLowerCase() : null;
}
