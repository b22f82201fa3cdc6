/** Clipboard writes for the Export view (extension pages may write on a user gesture). */

export async function copyPlainText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}

/** HTML for editors that take it, the Markdown for those that take plain text. */
export async function copyRichText(html: string, plain: string): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard.write) {
    throw new Error('This browser cannot copy formatted text; use Copy as Markdown instead.');
  }
  const item = new ClipboardItem({
    'text/html': new Blob([html], { type: 'text/html' }),
    'text/plain': new Blob([plain], { type: 'text/plain' }),
  });
  await navigator.clipboard.write([item]);
}
