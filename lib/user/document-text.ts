/**
 * A file the reader imports, turned into the lines the corpus compiler splits into paragraphs
 * (lib/corpus/documents.ts: one paragraph per non-empty line). Every check that can refuse a file
 * runs here, before anything is written: a refused file changes nothing.
 */

/** The largest document Gloss imports. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export type DocumentProblem = 'empty' | 'tooLarge' | 'binary' | 'notUtf8' | 'noText';

/** Why a file was refused; `problem` picks the message the reader sees. */
export class DocumentRefused extends Error {
  constructor(readonly problem: DocumentProblem) {
    super(`document refused: ${problem}`);
    this.name = 'DocumentRefused';
  }
}

export type DocumentFormat = 'text' | 'markdown' | 'html';

/**
 * UTF-8 text of a file's bytes, or DocumentRefused. Binary files are told apart from text by NUL
 * bytes and by control characters that text does not contain (a PDF, an image, a zip).
 */
export function decodeDocument(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new DocumentRefused('empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw new DocumentRefused('tooLarge');
  let control = 0;
  for (const byte of bytes.subarray(0, 65536)) {
    if (byte === 0) throw new DocumentRefused('binary');
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) control++;
  }
  if (control > Math.min(bytes.length, 65536) / 100) throw new DocumentRefused('binary');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DocumentRefused('notUtf8');
  }
  if (!text.trim()) throw new DocumentRefused('empty');
  return text.replace(/^\ufeff/, '');
}

/** The format by file name, then by type, then by the text's own look. */
export function documentFormat(fileName: string, mimeType: string, text: string): DocumentFormat {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (['html', 'htm', 'xhtml'].includes(extension) || /html/.test(mimeType)) return 'html';
  if (['md', 'markdown', 'mdown'].includes(extension) || mimeType === 'text/markdown') return 'markdown';
  if (extension === 'txt' || mimeType === 'text/plain') return 'text';
  return /^\s*(<!doctype html|<html[\s>])/i.test(text) ? 'html' : 'text';
}

/** Elements whose text is no part of the document's reading text. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'HEAD', 'IFRAME', 'OBJECT', 'SVG', 'MATH', 'CANVAS', 'NAV', 'BUTTON', 'SELECT', 'TEXTAREA']);
/** Elements that start a new paragraph. */
const BLOCKS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE',
  'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);

/**
 * The reading text of an HTML document, one paragraph per line. The caller parses the file with a
 * real parser into an inert document (DOMParser: no script runs, nothing loads); this only reads text
 * nodes, so no markup from the file can ever reach Gloss's pages.
 */
export function htmlDocumentText(doc: Document): { text: string; title: string | null } {
  const lines: string[] = [];
  let line = '';
  const endLine = () => {
    const collapsed = line.replace(/\s+/g, ' ').trim();
    if (collapsed) lines.push(collapsed);
    line = '';
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) line += (child as Text).data;
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (SKIPPED.has(tag)) continue;
        if (tag === 'BR') endLine();
        const block = BLOCKS.has(tag);
        if (block) endLine();
        walk(child);
        if (block) endLine();
      }
    }
  };
  if (doc.body) walk(doc.body);
  endLine();
  const title = (doc.querySelector('title')?.textContent ?? doc.querySelector('h1')?.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { text: lines.join('\n'), title: title || null };
}

/** The reading text of Markdown, one paragraph per line: the marks of the syntax go, the words stay. */
export function markdownDocumentText(markdown: string): { text: string; title: string | null } {
  const lines: string[] = [];
  let paragraph: string[] = [];
  let title: string | null = null;
  const endParagraph = () => {
    if (paragraph.length) lines.push(inlineMarkdown(paragraph.join(' ')));
    paragraph = [];
  };
  let fenced = false;
  for (const raw of markdown.split(/\r\n|\r|\n/)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      endParagraph();
      fenced = !fenced;
      continue;
    }
    if (fenced) {
      if (raw.trim()) lines.push(raw.trim());
      continue;
    }
    const line = raw.trim();
    const heading = /^#{1,6}\s+(.*?)\s*#*$/.exec(line);
    if (!line || /^([-*_])(\s*\1){2,}$/.test(line)) {
      endParagraph();
    } else if (heading) {
      endParagraph();
      const text = inlineMarkdown(heading[1]);
      title ??= text;
      lines.push(text);
    } else if (/^([-*+]|\d+[.)])\s+/.test(line)) {
      endParagraph();
      paragraph.push(line.replace(/^([-*+]|\d+[.)])\s+/, ''));
    } else {
      paragraph.push(line.replace(/^(>\s?)+/, ''));
    }
  }
  endParagraph();
  return { text: lines.filter(Boolean).join('\n'), title };
}

function inlineMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}])([*_])(\S(?:.*?\S)?)\2(?=$|[^\p{L}\p{N}])/gu, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Plain text keeps its lines as they are: one paragraph per non-empty line, as in the corpus. */
export function documentText(format: DocumentFormat, text: string, parseHtml: (html: string) => Document): { text: string; title: string | null } {
  if (format === 'html') return htmlDocumentText(parseHtml(text));
  if (format === 'markdown') return markdownDocumentText(text);
  const firstLine = text.split(/\r\n|\r|\n/).find((l) => l.trim())?.trim() ?? null;
  return { text, title: firstLine && firstLine.length <= 200 ? firstLine : null };
}
