/**
 * The floors Gloss is compared with: the least any reader of a page's text must do. Run in the page
 * as a content script would meet it; bench/run.mjs times them the way it times Gloss.
 */

/** One TreeWalker pass over the text nodes that reads each one's data and nothing else. */
export function walkTextNodes(root: Node = document.body): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let chars = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
  return chars;
}

/**
 * One TreeWalker pass over elements and text nodes, reading each element's name and each text node's
 * data: what telling a page's blocks apart (text in two paragraphs never joins into one term) and
 * leaving code, scripts and editors alone needs at least. Not a target's floor: it shows how much of
 * Gloss's walk its reading of the page's structure costs.
 */
export function walkElementsAndText(root: Node = document.body): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let sum = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    sum += n.nodeType === Node.TEXT_NODE ? (n as Text).data.length : (n as Element).localName.length;
  }
  return sum;
}

/**
 * The walk over text nodes, reading every character of every one once (`charCodeAt`): a finder must
 * at least look at each character, so this is the floor for text with few nodes and much text in each.
 */
export function readEveryCharacter(root: Node = document.body): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let sum = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    for (let i = 0; i < data.length; i++) sum = (sum + data.charCodeAt(i)) | 0;
  }
  return sum;
}

/** A word's bit: the top bits of its hash pick one of 2^WORD_BITS bits, as a finder's first look-up would. */
const WORD_BITS = 14;

/**
 * The least a finder that knows words must do: the walk over elements and text (a page's structure),
 * every character told to be part of a word or not, every word hashed as it is read and its bit
 * looked up when it ends. Only ASCII letters are folded (to lower case) and every character above
 * ASCII counts as a letter, so it does less than any finder of Gloss's terms (which folds Vietnamese
 * letters and tells punctuation apart everywhere): a floor below them, and what a target that is a
 * multiple of a cheaper floor must be weighed against. Where it differs from a finder it mostly does
 * less: a word that ends its text node is not looked up, and the hash starts again in each node. It
 * does read the text of scripts and styles in the page's body, as the walks above do, which a finder
 * skips (under 1 % of the text on the pages measured).
 */
export function readEveryWord(root: Node = document.body): number {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  // No word's bit is set: every word is looked up, none found, as on a page that names no term.
  const bits = new Int32Array(1 << (WORD_BITS - 5));
  let sum = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.nodeType !== Node.TEXT_NODE) {
      sum += (n as Element).localName.length;
      continue;
    }
    const data = (n as Text).data;
    let hash = 0x811c9dc5 | 0;
    let inWord = false;
    for (let i = 0; i < data.length; i++) {
      const code = data.charCodeAt(i);
      const lower = code | 0x20;
      if ((lower >= 0x61 && lower <= 0x7a) || (code >= 0x30 && code <= 0x39) || code > 0x7f) {
        inWord = true;
        hash = Math.imul(hash ^ lower, 0x01000193);
      } else if (inWord) {
        const bit = hash >>> (32 - WORD_BITS);
        sum += (bits[bit >>> 5] >>> (bit & 31)) & 1;
        inWord = false;
        hash = 0x811c9dc5 | 0;
      }
    }
  }
  return sum;
}
