/**
 * The sanitizer for page elements (the descriptions of a list page): an allowlist copy into an
 * inert document. Nothing of the page is imported as a node: allowed HTML elements are created
 * afresh by tag name, text is copied as text, and only `title` and a resolved http(s)/mailto
 * `href` are set. Everything else is dropped, or unwrapped to its content.
 *
 * It gives the tree DOMPurify gives with the same configuration (see description.ts), and the
 * same tree after the same tidying (links resolved, empty inline wrappers dropped): a property
 * test holds the two to each other on generated hostile markup. The difference is the cost:
 * one walk that builds only what is kept, instead of importing every node, walking it again
 * with DOMPurify's generic checks (an `innerHTML` serialization per leaf element among them)
 * and then tidying (600 descriptions: ~2–3× less time).
 *
 * The page is live and hostile: a `<form>` can shadow DOM properties with its controls
 * (`<input name="firstChild">`), so every read goes through the prototypes' own getters.
 */

export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  'u',
  's',
  'del',
  'code',
  'pre',
  'p',
  'br',
  'ul',
  'ol',
  'li',
  'blockquote',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'span',
  'div',
]);

/** DOMPurify's default FORBID_CONTENTS: disallowed elements dropped with their content, not unwrapped. */
const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set([
  'annotation-xml',
  'audio',
  'colgroup',
  'desc',
  'foreignobject',
  'head',
  'iframe',
  'math',
  'mi',
  'mn',
  'mo',
  'ms',
  'mtext',
  'noembed',
  'noframes',
  'noscript',
  'plaintext',
  'script',
  'selectedcontent',
  'style',
  'svg',
  'template',
  'thead',
  'title',
  'video',
  'xmp',
]);

/** Empty inline wrappers are dropped (descriptions often open with an empty `<strong>`). */
const INLINE: ReadonlySet<string> = new Set(['strong', 'b', 'em', 'i', 'span', 'u']);

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';
/** DOMPurify's checks on attribute values (SAFE_FOR_XML) and on leaf text. */
const ATTR_VALUE_BREAKOUT = /((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i;
const MARKUP_PROBE = /<[/\w!]/;
const ATTR_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;

const ELEMENT = 1;
const TEXT = 3;
const COMMENT = 8;

type Win = Window & typeof globalThis;

/** The DOM reads the copy needs, bound to the page window's prototypes (never to a node's own properties). */
interface Reads {
  firstChild(n: Node): Node | null;
  nextSibling(n: Node): Node | null;
  nodeType(n: Node): number;
  localName(e: Element): string;
  namespaceURI(e: Element): string | null;
  attributes(e: Element): NamedNodeMap;
  /** Whether `attributes` has anything to read: most description elements (p, li, strong) have none. */
  hasAttributes(e: Element): boolean;
  data(n: Node): string;
  isClobbered(e: Element): boolean;
}

const readsByWindow = new WeakMap<object, Reads>();

function getter<T>(proto: object, name: string): (self: unknown) => T {
  for (let p: object | null = proto; p; p = Object.getPrototypeOf(p)) {
    const get = Object.getOwnPropertyDescriptor(p, name)?.get;
    if (get) return (self) => get.call(self) as T;
  }
  throw new Error(`No getter for ${name}`);
}

function readsFor(win: Win): Reads {
  let reads = readsByWindow.get(win);
  if (reads) return reads;
  const node = win.Node.prototype;
  const element = win.Element.prototype;
  const nodeType = getter<number>(node, 'nodeType');
  const childNodes = getter<NodeList>(node, 'childNodes');
  const attributes = getter<NamedNodeMap>(element, 'attributes');
  reads = {
    firstChild: getter<Node | null>(node, 'firstChild'),
    nextSibling: getter<Node | null>(node, 'nextSibling'),
    nodeType,
    localName: getter<string>(element, 'localName'),
    namespaceURI: getter<string | null>(element, 'namespaceURI'),
    attributes,
    hasAttributes: (e) => element.hasAttributes.call(e),
    data: getter<string>(win.CharacterData.prototype, 'data'),
    // DOMPurify's _isClobbered: a form whose controls shadow the DOM it would use is removed whole.
    isClobbered: (f) => {
      const e = f as unknown as Record<string, unknown>;
      return (
        typeof e.nodeName !== 'string' ||
        typeof e.textContent !== 'string' ||
        typeof e.removeChild !== 'function' ||
        e.attributes !== attributes(f) ||
        typeof e.removeAttribute !== 'function' ||
        typeof e.removeAttributeNode !== 'function' ||
        typeof e.getAttributeNode !== 'function' ||
        typeof e.setAttribute !== 'function' ||
        typeof e.namespaceURI !== 'string' ||
        typeof e.insertBefore !== 'function' ||
        typeof e.hasChildNodes !== 'function' ||
        e.nodeType !== nodeType(f) ||
        e.childNodes !== childNodes(f)
      );
    },
  };
  readsByWindow.set(win, reads);
  return reads;
}

/** An attribute value as DOMPurify keeps it (trimmed), or null when it would remove it. */
function keptValue(raw: string | null): string | null {
  if (raw === null) return null;
  const value = raw.trim();
  return ATTR_VALUE_BREAKOUT.test(value) ? null : value;
}

export interface CopyRules {
  /** DOMPurify's ALLOWED_URI_REGEXP, tested on the value without white space. */
  allowedUri: RegExp;
  /** The link as stored, or null to drop the href (see tidySanitized in description.ts). */
  resolveLink: (href: string) => string | null;
}

/**
 * Copies the children of `source` (a page element) into `target` (an element of an inert
 * document), keeping only what the sanitizer allows. `source` is never modified.
 */
export function copyAllowed(source: Element, target: Element, win: Win, rules: CopyRules): void {
  const r = readsFor(win);
  const doc = target.ownerDocument;

  const copyChildren = (from: Node, into: Element): void => {
    for (let n = r.firstChild(from); n; n = r.nextSibling(n)) {
      const type = r.nodeType(n);
      if (type === TEXT) into.appendChild(doc.createTextNode(r.data(n)));
      else if (type === ELEMENT) copyElement(n as Element, into);
      // Comments, processing instructions, CDATA: dropped.
    }
  };

  const copyElement = (el: Element, into: Element): void => {
    // Foreign content (SVG, MathML, or elements a script made in another namespace): dropped.
    if (r.namespaceURI(el) !== HTML_NAMESPACE) return;
    const tag = r.localName(el);
    if (tag === 'form' && r.isClobbered(el)) return;
    if (isUnsafeLeaf(el)) return;
    if (!ALLOWED_TAGS.has(tag)) {
      if (!DROPPED_WITH_CONTENT.has(tag)) copyChildren(el, into);
      return;
    }
    const copy = doc.createElement(tag);
    // In the page's order, as DOMPurify leaves them.
    const attrs = r.hasAttributes(el) ? r.attributes(el) : null;
    for (let i = 0; attrs && i < attrs.length; i++) {
      const attr = attrs[i]!;
      if (attr.namespaceURI !== null) continue;
      const value = attr.name === 'title' || attr.name === 'href' ? keptValue(attr.value) : null;
      if (value === null) continue;
      if (attr.name === 'title') copy.setAttribute('title', value);
      else if (!value || rules.allowedUri.test(value.replace(ATTR_WHITESPACE, ''))) {
        // Links are resolved (or lose their href); DOMPurify also keeps an href on other tags, inert there.
        const kept = tag === 'a' ? rules.resolveLink(value) : value;
        if (kept !== null) copy.setAttribute('href', kept);
      }
    }
    copyChildren(el, copy);
    if (INLINE.has(tag) && !copy.firstElementChild && !copy.textContent?.trim()) return;
    into.appendChild(copy);
  };

  /**
   * DOMPurify's mXSS probe: an element without element children whose text and markup both
   * look like tags is removed whole. Among kept elements only a comment child can put markup
   * in `innerHTML`, so the text is read only then.
   */
  const isUnsafeLeaf = (el: Element): boolean => {
    let comment = false;
    for (let n = r.firstChild(el); n; n = r.nextSibling(n)) {
      const type = r.nodeType(n);
      if (type === ELEMENT) return false;
      if (type === COMMENT) comment = true;
    }
    if (!comment) return false;
    let text = '';
    for (let n = r.firstChild(el); n; n = r.nextSibling(n)) if (r.nodeType(n) === TEXT) text += r.data(n);
    return MARKUP_PROBE.test(text);
  };

  // The description's own element meets the probe too (its copy stood in DOMPurify's tree as a part).
  if (!isUnsafeLeaf(source)) copyChildren(source, target);
}
