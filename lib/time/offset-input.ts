/** Reads an offset typed by a person: `12:34`, `1:02:03`, `5` (minutes), `-0:30`. Null if unreadable. */
export function parseOffsetInput(text: string): number | null {
  const m = /^\s*(-)?\s*(?:(\d+):)?(\d+)(?::(\d{1,2}))?\s*$/.exec(text);
  if (!m) return null;
  const [, minus, a, b, c] = m;
  let seconds: number;
  if (c !== undefined)
    seconds = Number(a ?? 0) * 3600 + Number(b) * 60 + Number(c); // h:mm:ss
  else if (a !== undefined)
    seconds = Number(a) * 60 + Number(b); // m:ss
  else seconds = Number(b) * 60; // bare minutes
  if ((c !== undefined && Number(c) > 59) || (a !== undefined && c === undefined && Number(b) > 59)) return null;
  return (minus ? -1 : 1) * seconds * 1000;
}
