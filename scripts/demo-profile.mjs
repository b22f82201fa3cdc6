// The demo profile `npm start` opens: Talkmark pinned to the toolbar, so the page's "the Talkmark
// button in the toolbar" is true. Chromium keeps pinned extensions in the profile's Preferences
// (`extensions.pinned_extensions`, a list of ids) and reads it at start; an extension loaded with
// --load-extension gets its id from its folder's path, so the id is known before launch.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Chromium's id for an unpacked extension: SHA-256 of its absolute path, 32 hex digits spelled a–p. */
export function unpackedExtensionId(dir) {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((d) => String.fromCharCode(97 + parseInt(d, 16))).join('');
}

/** Adds the extension to the profile's pinned list, keeping everything else the profile holds. */
export function pinExtension(profileDir, extensionId) {
  const file = join(profileDir, 'Default', 'Preferences');
  mkdirSync(join(profileDir, 'Default'), { recursive: true });
  let prefs = {};
  try {
    prefs = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // A new profile (or one Chromium never finished writing): start from nothing.
  }
  const extensions = (prefs.extensions ??= {});
  const pinned = Array.isArray(extensions.pinned_extensions) ? extensions.pinned_extensions : [];
  if (!pinned.includes(extensionId)) extensions.pinned_extensions = [...pinned, extensionId];
  writeFileSync(file, JSON.stringify(prefs));
}
