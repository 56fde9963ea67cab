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
 * The same walk, reading every character of every text node once (`charCodeAt`): a finder must at
 * least look at each character, so this is the floor for text with few nodes and much text in each.
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
