import { Parser, type Node } from 'commonmark';

const parser = new Parser();

export function parseMarkdown(markdown: string): Node {
  return parser.parse(markdown);
}

export function walk(root: Node, visit: (node: Node) => void): void {
  const walker = root.walker();
  let event;
  while ((event = walker.next())) if (event.entering) visit(event.node);
}

/** Text a reader sees in a node: text and code literals, line breaks as spaces. */
export function plainText(node: Node): string {
  let text = '';
  walk(node, (n) => {
    if (n.type === 'text' || n.type === 'code') text += n.literal ?? '';
    else if (n.type === 'softbreak' || n.type === 'linebreak') text += ' ';
  });
  return text;
}

export function nodesOfType(root: Node, type: string): Node[] {
  const found: Node[] = [];
  walk(root, (n) => {
    if (n.type === type) found.push(n);
  });
  return found;
}

/** The scheme a browser would see in an href: leading controls/spaces dropped, tabs/newlines ignored. */
export function hrefScheme(href: string): string | null {
  const cleaned = href.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\n\r]/g, '');
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(cleaned);
  return m ? m[1]!.toLowerCase() : null;
}

/** Raw HTML nodes and links whose scheme is not http/https/mailto: what must never reach a page. */
export function dangerousNodes(markdown: string): string[] {
  const problems: string[] = [];
  walk(parseMarkdown(markdown), (n) => {
    if (n.type === 'html_block' || n.type === 'html_inline') problems.push(`${n.type}: ${n.literal}`);
    if ((n.type === 'link' || n.type === 'image') && n.destination) {
      const scheme = hrefScheme(n.destination);
      if (scheme !== null && !['http', 'https', 'mailto'].includes(scheme))
        problems.push(`${n.type} → ${n.destination}`);
    }
  });
  return problems;
}
