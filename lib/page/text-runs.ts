/**
 * Reading a page's text without changing it. Text nodes are grouped into runs, one per block element,
 * so a term split by inline markup ("Belt and <em>Road</em>") is found whole, while text in separate
 * blocks never joins ("…Xi" in one paragraph, "Jinping…" in the next).
 */

/** Elements whose text is never marked: code, form fields, editors, non-rendered content, Gloss's own UI. */
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'CODE', 'PRE',
  'KBD', 'SAMP', 'VAR', 'SVG', 'MATH', 'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE',
]);

/** Tags that flow inside a line; every other element starts a new run. */
const INLINE_TAGS = new Set([
  'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'DATA', 'DFN', 'EM', 'FONT', 'I', 'INS', 'DEL', 'MARK', 'Q', 'RUBY', 'RB',
  'RP', 'RT', 'S', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'NOBR', 'BIG', 'TT', 'LABEL', 'WBR',
]);

/** The tag name of Gloss's card host; its subtree is never scanned. */
export const GLOSS_HOST_TAG = 'GLOSS-CARD';

export interface TextRun {
  /** The block element the run belongs to (its nearest non-inline ancestor). */
  block: Element;
  nodes: Text[];
  /** Offset of each node's text within `text`. */
  starts: number[];
  text: string;
}

/** Whether an element's subtree is left alone. */
export function isSkippedElement(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIPPED_TAGS.has(tag) || tag === GLOSS_HOST_TAG) return true;
  // contenteditable="" / "true" / "plaintext-only" all make an editor; "false" does not.
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

function isInline(el: Element): boolean {
  return INLINE_TAGS.has(el.tagName.toUpperCase());
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
 * Yields the text runs under `root` (an element, a document or a shadow root) in document order, and
 * reports each open shadow root found on the way through `onShadowRoot` (the caller scans those as
 * roots of their own). Excluded subtrees are skipped whole; white-space-only nodes are passed over.
 * A generator, so the caller can stop after any run and resume in a later task.
 */
export function* textRuns(root: Node, onShadowRoot: (shadow: ShadowRoot) => void = () => {}): Generator<TextRun> {
  const doc = root.ownerDocument ?? (root as Document);
  const startEl = root.nodeType === Node.ELEMENT_NODE ? (root as Element) : null;
  // The root, or an element above it, may be one whose text is left alone (a rescan inside <code>).
  for (let up = startEl; up; up = up.parentElement) if (isSkippedElement(up)) return;

  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let current: TextRun | null = null;
  let node: Node | null = walker.currentNode;
  // Consecutive text nodes mostly share a parent: remember the last parent's block.
  let lastParent: Element | null = null;
  let lastBlock: Element | null = null;

  while (node) {
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (el !== root && isSkippedElement(el)) {
        node = skipSubtree(walker);
        continue;
      }
      if (el.shadowRoot) onShadowRoot(el.shadowRoot);
    } else if (node.nodeType === Node.TEXT_NODE) {
      const text = node as Text;
      const data = text.data;
      // Text directly under a shadow root belongs to the host's block.
      const parent = text.parentElement ?? (text.parentNode instanceof ShadowRoot ? text.parentNode.host : null);
      if (parent && data.trim()) {
        if (parent !== lastParent) {
          lastParent = parent;
          lastBlock = nearestBlock(parent, root);
        }
        const block = lastBlock!;
        if (!current || current.block !== block) {
          if (current) yield current;
          current = { block, nodes: [], starts: [], text: '' };
        }
        current.starts.push(current.text.length);
        current.nodes.push(text);
        current.text += data;
      }
    }
    node = walker.nextNode();
  }
  if (current) yield current;
}

/** Moves the walker past the current node's subtree; returns the next node, or null at the end. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
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
