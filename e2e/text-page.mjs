// Pages written by others, stored as plain text or Markdown-ish text (../shared/pages), turned into the
// HTML a reader would meet: headings as headings, lists as lists, paragraphs as paragraphs, every
// character of the text kept and escaped. Used by the end-to-end server and by the precision tests,
// so both read the same page.

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

/** A block that is a heading: "== Lịch sử ==", "# Title", "**<u>DEFENSE AND SECURITY</u>**", or a short title line. */
function headingText(block) {
  if (block.includes('\n')) return null;
  const wiki =
    block.match(/^=+\s*(.+?)\s*=+$/u) ?? block.match(/^#+\s+(.+)$/u) ?? block.match(/^\*\*<u>(.+)<\/u>\*\*$/u);
  if (wiki) return wiki[1];
  // Wikipedia's section titles lost their markup in these copies: a short line that starts with a
  // capital, with no sentence punctuation, brackets or table rules.
  const words = block.split(/\s+/);
  if (words.length <= 8 && /^\p{Lu}/u.test(block) && !/[.!?:;,)\]|"”=]$/u.test(block) && !/[[\]|{}<>]/u.test(block))
    return block;
  return null;
}

/** Paragraphs, one per blank-line-separated block, or one per line where the text has no blank lines. */
function blocksOf(text) {
  const body = text.replace(/\r\n?/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '');
  const separated = /\n[ \t\u00a0]*\n/.test(body);
  return (separated ? body.split(/\n[ \t\u00a0]*\n/) : body.split('\n')).map((b) => b.trim()).filter(Boolean);
}

/** The body's HTML for `text`. */
export function textPageBody(text) {
  return blocksOf(text)
    .map((block) => {
      const heading = headingText(block);
      if (heading) return `<h2>${escape(heading)}</h2>`;
      const lines = block.split('\n');
      if (lines.every((l) => /^-\s+/.test(l)))
        return `<ul>${lines.map((l) => `<li>${escape(l.replace(/^-\s+/, ''))}</li>`).join('')}</ul>`;
      return `<p>${escape(block)}</p>`;
    })
    .join('\n');
}

/** A whole page: `lang` only when given (Gloss must tell Vietnamese by the text otherwise). */
export function textPageHtml(text, title, lang) {
  return `<!doctype html><html${lang ? ` lang="${escape(lang)}"` : ''}><head><meta charset="utf-8"><title>${escape(title)}</title></head><body>${textPageBody(text)}</body></html>`;
}
