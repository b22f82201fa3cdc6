/**
 * A direct HTML → Markdown converter for the simple descriptions most schedules print
 * (paragraphs, line breaks, links, emphasis, inline code, lists), giving exactly what Turndown
 * gives with the options of html-to-markdown.ts — Turndown's own steps (whitespace collapsing,
 * flanking whitespace, blank elements, the join of block outputs, escaping) transcribed for these
 * few elements only. Turndown's general walk (a clone of the tree, a rule lookup over ~25 rules
 * and several `textContent` reads per node) was a third of reading a 600-session Sched page.
 *
 * Anything outside the subset (tables, headings, code blocks, quotes, comments…) returns null and
 * the caller converts with Turndown. A property test (test/unit/markdown/simple-markdown.property
 * .test.ts) holds the two to the same output on generated trees of the subset.
 */

/** A small mutable copy of the tree: Turndown removes collapsed text nodes, the page's nodes stay untouched. */
interface VNode {
  /** Upper-case tag name, or '#text'. */
  tag: string;
  data: string;
  parent: VNode | null;
  first: VNode | null;
  last: VNode | null;
  prev: VNode | null;
  next: VNode | null;
  href: string | null;
  title: string | null;
  start: string | null;
  isCode: boolean;
  /** textContent, memoized once whitespace is collapsed (the tree no longer changes then). */
  text: string | null;
}

const SUPPORTED = new Set(['P', 'BR', 'A', 'EM', 'I', 'STRONG', 'B', 'U', 'SPAN', 'CODE', 'UL', 'OL', 'LI', 'DIV']);
/** Turndown's block elements, within the subset. */
const BLOCK = new Set(['DIV', 'LI', 'OL', 'P', 'UL']);
/** The deepest tree transcribed (Turndown recurses too; a deeper one goes to Turndown). */
const MAX_DEPTH = 64;

const isBlock = (n: VNode) => BLOCK.has(n.tag);

function node(tag: string, parent: VNode | null): VNode {
  return {
    tag,
    data: '',
    parent,
    first: null,
    last: null,
    prev: null,
    next: null,
    href: null,
    title: null,
    start: null,
    isCode: false,
    text: null,
  };
}

function append(parent: VNode, child: VNode): void {
  child.prev = parent.last;
  if (parent.last) parent.last.next = child;
  else parent.first = child;
  parent.last = child;
}

/** The copy of `el`'s children, or null when something outside the subset is in it. */
function copyTree(el: Element): VNode | null {
  const root = node('#root', null);
  const copyChildren = (from: Node, to: VNode, depth: number): boolean => {
    if (depth > MAX_DEPTH) return false;
    for (let c = from.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) {
        const t = node('#text', to);
        t.data = (c as Text).data;
        append(to, t);
      } else if (c.nodeType === 1) {
        const e = c as Element;
        const tag = e.nodeName;
        if (!SUPPORTED.has(tag)) return false;
        const v = node(tag, to);
        if (tag === 'A') {
          v.href = e.getAttribute('href');
          v.title = e.getAttribute('title');
        } else if (tag === 'OL') v.start = e.getAttribute('start');
        append(to, v);
        if (!copyChildren(e, v, depth + 1)) return false;
      } else return false;
    }
    return true;
  };
  return copyChildren(el, root, 0) ? root : null;
}

function remove(n: VNode): VNode {
  const after = n.next ?? n.parent!;
  if (n.prev) n.prev.next = n.next;
  else n.parent!.first = n.next;
  if (n.next) n.next.prev = n.prev;
  else n.parent!.last = n.prev;
  return after;
}

function nextInWalk(prev: VNode | null, current: VNode): VNode {
  if (prev && prev.parent === current) return current.next ?? current.parent!;
  return current.first ?? current.next ?? current.parent!;
}

/** White space that collapsing changes: a tab, CR or LF, or two spaces in a row. */
const COLLAPSIBLE = /[\r\n\t]| {2}/;
/** `s.replace(/ $/, '')` without a regular expression (V8 tries `/ $/` at every position of the text). */
const withoutTrailingSpace = (s: string) => (s.endsWith(' ') ? s.slice(0, -1) : s);

/** Turndown's collapseWhitespace (from collapse-whitespace), for a tree without PRE or void elements other than BR. */
function collapseWhitespace(root: VNode): void {
  if (!root.first) return;
  let prevText: VNode | null = null;
  let prev: VNode | null = null;
  let current = nextInWalk(prev, root);
  while (current !== root) {
    if (current.tag === '#text') {
      // Most prose has only single spaces: nothing to collapse, no new string.
      let text = COLLAPSIBLE.test(current.data) ? current.data.replace(/[ \r\n\t]+/g, ' ') : current.data;
      if ((!prevText || prevText.data.endsWith(' ')) && text[0] === ' ') text = text.substr(1);
      if (!text) {
        current = remove(current);
        continue;
      }
      current.data = text;
      prevText = current;
    } else if (isBlock(current) || current.tag === 'BR') {
      if (prevText) prevText.data = withoutTrailingSpace(prevText.data);
      prevText = null;
    }
    const following = nextInWalk(prev, current);
    prev = current;
    current = following;
  }
  if (prevText) {
    prevText.data = withoutTrailingSpace(prevText.data);
    if (!prevText.data) remove(prevText);
  }
}

function textContent(n: VNode): string {
  if (n.tag === '#text') return n.data;
  if (n.text !== null) return n.text;
  let s = '';
  for (let c = n.first; c; c = c.next) s += textContent(c);
  n.text = s;
  return s;
}

function hasDescendant(n: VNode, tag: string): boolean {
  for (let c = n.first; c; c = c.next) if (c.tag === tag || hasDescendant(c, tag)) return true;
  return false;
}

function isBlank(n: VNode): boolean {
  return (
    n.tag !== 'BR' &&
    n.tag !== 'A' &&
    /^\s*$/i.test(textContent(n)) &&
    !hasDescendant(n, 'BR') &&
    !hasDescendant(n, 'A')
  );
}

function isFlankedByWhitespace(side: 'left' | 'right', n: VNode): boolean {
  const sibling = side === 'left' ? n.prev : n.next;
  if (!sibling) return false;
  // Turndown's / $/ and /^ / tests, as string checks.
  const flanks = (s: string) => (side === 'left' ? s.endsWith(' ') : s.startsWith(' '));
  if (sibling.tag === '#text') return flanks(sibling.data);
  return !isBlock(sibling) && flanks(textContent(sibling));
}

const EDGES = /^(([ \t\r\n]*)(\s*))(?:(?=\S)[\s\S]*\S)?((\s*?)([ \t\r\n]*))$/;

function flankingWhitespace(n: VNode): { leading: string; trailing: string } {
  if (isBlock(n)) return { leading: '', trailing: '' };
  const m = EDGES.exec(textContent(n))!;
  let leading = m[1]!;
  let trailing = m[4]!;
  if (m[2] && isFlankedByWhitespace('left', n)) leading = m[3]!;
  if (m[6] && isFlankedByWhitespace('right', n)) trailing = m[5]!;
  return { leading, trailing };
}

function trimLeadingNewlines(s: string): string {
  return s.replace(/^\n*/, '');
}

function trimTrailingNewlines(s: string): string {
  let end = s.length;
  while (end > 0 && s[end - 1] === '\n') end--;
  return s.substring(0, end);
}

function join(output: string[], replacement: string): void {
  const tail = output.pop() || '';
  const s1 = trimTrailingNewlines(tail);
  const s2 = trimLeadingNewlines(replacement);
  const nls = Math.max(tail.length - s1.length, replacement.length - s2.length);
  const separator = '\n\n'.substring(0, nls);
  if (s1) output.push(s1);
  if (separator) output.push(separator);
  if (s2) output.push(s2);
}

const cleanAttribute = (a: string | null) => (a ? a.replace(/(\n+\s*)+/g, '\n') : '');
const escapeLinkDestination = (d: string) => {
  const escaped = d.replace(/([<>()])/g, '\\$1');
  return escaped.indexOf(' ') >= 0 ? `<${escaped}>` : escaped;
};

function elementIndex(n: VNode): number {
  let i = 0;
  for (let c = n.parent!.first; c && c !== n; c = c.next) if (c.tag !== '#text') i++;
  return i;
}

function lastElementChild(n: VNode): VNode | null {
  for (let c = n.last; c; c = c.prev) if (c.tag !== '#text') return c;
  return null;
}

/** Turndown's rules for the subset, with html-to-markdown.ts's options (atx, '-', '_', '**', br '  '). */
function replace(content: string, n: VNode): string {
  switch (n.tag) {
    case 'P':
      return `\n\n${content}\n\n`;
    case 'BR':
      return '  \n';
    case 'UL':
    case 'OL':
      return n.parent!.tag === 'LI' && lastElementChild(n.parent!) === n ? `\n${content}` : `\n\n${content}\n\n`;
    case 'LI': {
      let prefix = '-   ';
      if (n.parent!.tag === 'OL') {
        const start = n.parent!.start;
        const index = elementIndex(n);
        prefix = `${start ? Number(start) + index : index + 1}.  `;
      }
      const isParagraph = content.endsWith('\n');
      let body = trimLeadingNewlines(trimTrailingNewlines(content)) + (isParagraph ? '\n' : '');
      body = body.replace(/\n/gm, `\n${' '.repeat(prefix.length)}`);
      return prefix + body + (n.next ? '\n' : '');
    }
    case 'A': {
      if (!n.href) return content;
      const title = cleanAttribute(n.title).replace(/"/g, '\\"');
      return `[${content}](${escapeLinkDestination(n.href)}${title ? ` "${title}"` : ''})`;
    }
    case 'EM':
    case 'I':
      return content.trim() ? `_${content}_` : '';
    case 'STRONG':
    case 'B':
      return content.trim() ? `**${content}**` : '';
    case 'CODE': {
      if (!content) return '';
      const code = content.replace(/\r?\n|\r/g, ' ');
      const extraSpace = /^`|^ .*?[^ ].* $|`$/.test(code) ? ' ' : '';
      let delimiter = '`';
      const runs: string[] = code.match(/`+/gm) ?? [];
      while (runs.indexOf(delimiter) !== -1) delimiter += '`';
      return delimiter + extraSpace + code + extraSpace + delimiter;
    }
    default:
      return isBlock(n) ? `\n\n${content}\n\n` : content;
  }
}

function processChildren(parent: VNode, escape: (text: string) => string): string {
  const output: string[] = [];
  for (let n = parent.first; n; n = n.next) {
    n.isCode = n.tag === 'CODE' || parent.isCode;
    if (n.tag === '#text') {
      join(output, n.isCode ? n.data : escape(n.data));
      continue;
    }
    const blank = isBlank(n);
    const whitespace = flankingWhitespace(n);
    let content = processChildren(n, escape);
    if (whitespace.leading || whitespace.trailing) content = content.trim();
    const replacement = blank ? (isBlock(n) ? '\n\n' : '') : replace(content, n);
    join(output, whitespace.leading + replacement + whitespace.trailing);
  }
  return output.join('');
}

/**
 * The Markdown Turndown gives for `el`'s content (as a part of markdownOfParts, before tidying),
 * or null when `el` holds anything outside the subset. `escape` is the converter's text escaping.
 */
export function simpleMarkdown(el: Element, escape: (text: string) => string): string | null {
  const root = copyTree(el);
  if (!root) return null;
  collapseWhitespace(root);
  return processChildren(root, escape);
}
