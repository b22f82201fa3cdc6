import type { ComponentChildren } from 'preact';
import { parseInline, type InlineToken } from '../lib/markdown/inline';

export interface NoteTextProps {
  text: string;
}

function render(tokens: InlineToken[]): ComponentChildren {
  return tokens.map((t, i) => {
    switch (t.type) {
      case 'text':
        return t.text;
      case 'br':
        return <br key={i} />;
      case 'code':
        return <code key={i}>{t.text}</code>;
      case 'strong':
        return <strong key={i}>{render(t.children)}</strong>;
      case 'em':
        return <em key={i}>{render(t.children)}</em>;
      case 'link':
        return (
          <a key={i} href={t.href} target="_blank" rel="noopener noreferrer">
            {render(t.children)}
          </a>
        );
    }
  });
}

/** A note's Markdown, rendered as text nodes and safe links only. */
export function NoteText({ text }: NoteTextProps) {
  return <>{render(parseInline(text))}</>;
}
