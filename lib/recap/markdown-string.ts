import { Drop } from 'liquidjs';

/**
 * Text that is already Markdown and already made safe (escaped or neutralized). Templates print
 * it as is; any other value is escaped on output. A liquidjs Drop so string filters and
 * comparisons see the plain string.
 */
export class MarkdownString extends Drop {
  readonly markdown: string;
  readonly size: number;

  constructor(markdown: string) {
    super();
    this.markdown = markdown;
    this.size = markdown.length;
  }

  override valueOf(): string {
    return this.markdown;
  }

  override toString(): string {
    return this.markdown;
  }
}

export function md(markdown: string): MarkdownString {
  return new MarkdownString(markdown);
}
