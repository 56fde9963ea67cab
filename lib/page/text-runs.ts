/**
 * Reading a page's text without changing it. Text nodes are grouped into runs, one per block element,
 * so a term split by inline markup ("Belt and <em>Road</em>") is found whole, while text in separate
 * blocks never joins ("…Xi" in one paragraph, "Jinping…" in the next).
 */

/** The tag name of Gloss's card host; its subtree is never scanned. */
export const GLOSS_HOST_TAG = 'GLOSS-CARD';

// Elements are told apart by `localName`, which (unlike `tagName`) needs no case folding: HTML
// elements have lower-case local names, and so do the SVG and MathML roots.

/** Elements whose text is never marked: code, form fields, editors, non-rendered content, Gloss's own UI. */
// prettier-ignore
const SKIPPED_NAMES = new Set([
  'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button', 'code', 'pre', 'kbd',
  'samp', 'var', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title',
  GLOSS_HOST_TAG.toLowerCase(),
]);

/** Tags that flow inside a line; every other element starts a new run. */
// prettier-ignore
const INLINE_NAMES = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'data', 'dfn', 'em', 'font', 'i', 'ins', 'del', 'mark', 'q', 'ruby', 'rb',
  'rp', 'rt', 's', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'nobr', 'big', 'tt', 'label', 'wbr',
]);

/**
 * The only elements that can host a shadow root, besides custom elements (whose names hold a hyphen):
 * the DOM standard's valid shadow host names (https://dom.spec.whatwg.org/#valid-shadow-host-name).
 * Asking any other element for its shadow root would cost a call into the DOM for nothing.
 */
// prettier-ignore
const SHADOW_HOST_NAMES = new Set([
  'article', 'aside', 'blockquote', 'body', 'div', 'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'main',
  'nav', 'p', 'section', 'span',
]);

/** Text that is not only white space. */
export const NOT_BLANK = /\S/;

export interface TextRun {
  /** The block element the run belongs to (its nearest non-inline ancestor). */
  block: Element;
  nodes: Text[];
  /** Offset of each node's text within `text`. */
  starts: number[];
  text: string;
  /** Where an alias may begin in `text`, as the run filter read it (RunFilter.aliasStarts); absent without one. */
  mayBegin?: readonly number[];
}

/** An editor: contenteditable="" / "true" / "plaintext-only" all make one; "false" does not. */
const EDITOR = '[contenteditable]:not([contenteditable="false" i])';

/**
 * Whether `el` makes an editor of its subtree. Asked of each element a walk enters: one attribute
 * lookup each, where one query for the editors under the root would match every element of the
 * page, of which a walk that leaves the text far below unread enters a few hundred (and a rest read
 * later would query its whole parent again).
 */
function isEditor(el: Element): boolean {
  return el.hasAttribute('contenteditable') && el.matches(EDITOR);
}

/** Whether an element's subtree is left alone. */
export function isSkippedElement(el: Element): boolean {
  return SKIPPED_NAMES.has(el.localName) || isEditor(el);
}

export function isInline(el: Element): boolean {
  return INLINE_NAMES.has(el.localName);
}

/**
 * The nearest ancestor-or-self that is not an inline element: where a run of text begins and ends.
 * The climb stops at `stopAt` (the root being scanned), which is then the block.
 */
export function nearestBlock(el: Element, stopAt?: Node): Element {
  let block = el;
  while (block !== stopAt && isInline(block) && block.parentElement) block = block.parentElement;
  return block;
}

/**
 * Decides, as a run's text is read node by node, whether the run is worth yielding (for the marker:
 * the matcher's sieve). Runs it turns away cost no arrays and no joined text.
 */
export interface RunFilter {
  begin(): void;
  read(piece: string): void;
  mayHoldTerm(): boolean;
  /** Where an alias may begin in the run, once mayHoldTerm has said it may hold a term. */
  aliasStarts(): readonly number[];
}

/** With a filter, how many runs may be passed over before the walk yields anyway (with null). */
export const RUNS_PER_YIELD = 32;

/** Where a walk starts, and where it may stop early. */
export interface WalkOptions {
  /** The node under the root to start at (the root's own text before it is not read); the root by default. */
  startAt?: Node;
  /**
   * Asked of each block element the walk is about to enter (not the root, nor where it starts, nor a
   * child of an inline element), with the length of the text read so far: true leaves it and every
   * sibling after it unread, and the walk goes on after their parent (or ends, if that is the root).
   * The marker leaves what lies far below the screen for later.
   */
  leaveRest?: (el: Element, textRead: number) => boolean;
}

/**
 * Yields the text runs under `root` (an element, a document or a shadow root) in document order, and
 * reports each open shadow root found on the way through `onShadowRoot` (the caller scans those as
 * roots of their own). Excluded subtrees are skipped whole; white-space-only nodes are passed over.
 * With a `filter`, only the runs it keeps are yielded, and null after every RUNS_PER_YIELD runs it
 * turned away. A generator, so the caller can stop after any yield and resume in a later task.
 */
export function* textRuns(
  root: Node,
  onShadowRoot: (shadow: ShadowRoot) => void = () => {},
  filter?: RunFilter,
  { startAt, leaveRest }: WalkOptions = {},
): Generator<TextRun | null> {
  const doc = root.ownerDocument ?? (root as Document);
  const startEl = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : null;
  // A start that has left the root since it was chosen: a walk from there would run to the document's end.
  if (startAt && !root.contains(startAt)) return;
  // The root, or an element above it, may be one whose text is left alone (a rescan inside <code>).
  for (let up = startEl; up; up = up.parentElement) if (isSkippedElement(up)) return;

  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  // The run being gathered, in arrays reused from run to run: a run is copied out only if kept. Its
  // text is joined once at the end (a string grown by += is a rope, which every later read must walk).
  let block: Element | null = null;
  const nodes: Text[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  let passedOver = 0;
  const finish = (): TextRun => ({
    block: block!,
    nodes: nodes.slice(),
    starts: starts.slice(),
    text: parts.join(''),
    mayBegin: filter?.aliasStarts(),
  });
  if (startAt) walker.currentNode = startAt;
  let node: Node | null = walker.currentNode;
  // Consecutive text nodes mostly share a parent: remember the last parent's block.
  let lastParent: Element | null = null;
  let lastBlock: Element | null = null;
  let textRead = 0;

  while (node) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      const name = el.localName;
      if (el !== root && (SKIPPED_NAMES.has(name) || isEditor(el))) {
        node = skipSubtree(walker);
        continue;
      }
      if (
        leaveRest &&
        el !== root &&
        el !== startAt &&
        !INLINE_NAMES.has(name) &&
        leavable(el) &&
        leaveRest(el, textRead)
      ) {
        node = skipSiblingsFrom(walker, el, root);
        continue;
      }
      if ((SHADOW_HOST_NAMES.has(name) || name.includes('-')) && el.shadowRoot) onShadowRoot(el.shadowRoot);
    } else if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const data = text.data;
      // Most text nodes begin with a letter: the regular expression only for the others. White space
      // between tags is passed over before its parent is asked for (a call into the DOM).
      // Text directly under a shadow root belongs to the host's block.
      const parent =
        data.charCodeAt(0) > 0x20 || NOT_BLANK.test(data)
          ? (text.parentElement ?? (text.parentNode instanceof ShadowRoot ? text.parentNode.host : null))
          : null;
      if (parent) {
        if (parent !== lastParent) {
          lastParent = parent;
          lastBlock = nearestBlock(parent, root);
        }
        if (block !== lastBlock) {
          if (block) {
            if (!filter || filter.mayHoldTerm()) yield finish();
            else if (++passedOver === RUNS_PER_YIELD) {
              passedOver = 0;
              yield null;
            }
          }
          block = lastBlock;
          nodes.length = 0;
          starts.length = 0;
          parts.length = 0;
          length = 0;
          filter?.begin();
        }
        starts.push(length);
        nodes.push(text);
        parts.push(data);
        length += data.length;
        textRead += data.length;
        filter?.read(data);
      }
    }
    node = walker.nextNode();
  }
  if (block && (!filter || filter.mayHoldTerm())) yield finish();
}

/** Moves the walker past the current node's subtree; returns the next node, or null at the end. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/**
 * Whether the walk may leave `el` and its siblings after it: not inside an inline element, whose
 * text on either side of them would then join into one run.
 */
export function leavable(el: Element): boolean {
  const parent = el.parentElement;
  return !parent || !isInline(parent);
}

/** Moves the walker past `el` and every sibling after it; returns the next node, or null at the end of `root`. */
function skipSiblingsFrom(walker: TreeWalker, el: Element, root: Node): Node | null {
  const parent = el.parentNode;
  if (!parent || parent === root) return null;
  walker.currentNode = parent;
  return skipSubtree(walker);
}

/** Maps an offset in a run's text to the text node and offset within it. */
export function locateInRun(run: TextRun, offset: number, preferEnd = false): { node: Text; offset: number } {
  // Binary search for the last node starting at or before `offset`.
  let lo = 0;
  let hi = run.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (run.starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  // An end offset that falls exactly on a node boundary belongs to the node before it.
  if (preferEnd && lo > 0 && run.starts[lo] === offset) lo--;
  return { node: run.nodes[lo], offset: offset - run.starts[lo] };
}

/** Whether a run still reads as it did: each of its nodes on the page, holding the text it held. */
export function runIsCurrent(run: TextRun): boolean {
  return run.nodes.every((node, i) => {
    const start = run.starts[i];
    const data = node.data;
    return (
      node.isConnected &&
      data.length === (run.starts[i + 1] ?? run.text.length) - start &&
      run.text.startsWith(data, start)
    );
  });
}

/** A Range over [start, end) of a run's text. */
export function rangeInRun(run: TextRun, start: number, end: number): Range {
  const a = locateInRun(run, start);
  const b = locateInRun(run, end, true);
  const range = (run.block.ownerDocument ?? document).createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** The language tag in force for an element (`lang` on it or an ancestor, then the document). */
export function languageOf(el: Element): string | null {
  return el.closest('[lang]')?.getAttribute('lang') ?? el.ownerDocument?.documentElement.getAttribute('lang') ?? null;
}
