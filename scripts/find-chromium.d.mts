/** The path of a Chromium that can load unpacked extensions, or null. */
export function findChromium(): Promise<string | null>;
