/**
 * A file the reader imports, turned into the lines the corpus compiler splits into paragraphs
 * (lib/corpus/documents.ts: one paragraph per non-empty line). Every check that can refuse a file
 * runs here, before anything is written: a refused file changes nothing.
 */

import { Tokenizer } from 'htmlparser2';
import { refuse } from '../refused';

/** The largest document Gloss imports (README states it; the options page says it when refusing). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export type DocumentProblem =
  | 'empty'
  | 'tooLarge'
  | 'pdfTooLarge'
  | 'binary'
  | 'notUtf8'
  | 'noText'
  | 'duplicate'
  | 'noTextLayer'
  | 'pdfUnreadable';

/** Reports progress (done of total); may pause to let a cancel through. See lib/user/jobs.ts. */
export type Progress = (done: number, total: number) => void | Promise<void>;

/** Text is decoded and HTML parsed in pieces of this many units, with progress between them. */
const PIECE = 512 * 1024;

type DocumentFormat = 'text' | 'markdown' | 'html';

/**
 * UTF-8 text of a file's bytes, or DocumentRefused. Binary files are told apart from text by NUL
 * bytes and by control characters that text does not contain (a PDF, an image, a zip).
 */
export async function decodeDocument(bytes: Uint8Array, progress: Progress = () => {}): Promise<string> {
  if (bytes.length === 0) throw refuse.document('empty');
  if (bytes.length > MAX_DOCUMENT_BYTES) throw refuse.document('tooLarge');
  let control = 0;
  for (const byte of bytes.subarray(0, 65536)) {
    if (byte === 0) throw refuse.document('binary');
    if (byte < 32 && byte !== 9 && byte !== 10 && byte !== 12 && byte !== 13) control++;
  }
  if (control > Math.min(bytes.length, 65536) / 100) throw refuse.document('binary');
  let text = '';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let at = 0; at < bytes.length; at += PIECE) {
    await progress(at, bytes.length);
    try {
      text += decoder.decode(bytes.subarray(at, at + PIECE), { stream: at + PIECE < bytes.length });
    } catch {
      throw refuse.document('notUtf8');
    }
  }
  await progress(bytes.length, bytes.length);
  if (!text.trim()) throw refuse.document('empty');
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
// prettier-ignore
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'iframe', 'object', 'svg', 'math', 'canvas', 'nav', 'button',
  'select', 'textarea',
]);
/** Elements that start a new paragraph. */
// prettier-ignore
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure',
  'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'ol', 'p', 'pre', 'section',
  'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);

/** Elements that have no end tag and hold nothing. */
// prettier-ignore
const VOID = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track',
  'wbr',
]);

/**
 * The reading text of an HTML document, one paragraph per line, and its title (<title>, else the
 * first <h1>). The file is read by htmlparser2's tokenizer, written in JavaScript: it only reports
 * tags and text (entities decoded, the insides of <script> and <style> left raw), so no element is
 * ever made from the file's markup, in any document, and no handler or resource of it can run or
 * load. It runs in a worker, where there is no DOM at all. Gloss keeps the open elements itself, on
 * a stack that grows at its end: nesting of any depth costs the same per tag (htmlparser2's own
 * Parser shifts its whole stack on every tag, quadratic in the depth).
 */
export async function htmlDocumentText(
  html: string,
  progress: Progress = () => {},
): Promise<{ text: string; title: string | null }> {
  const lines: string[] = [];
  let line = '';
  const open: string[] = [];
  /** How many of each element are open: a stray end tag is ignored without searching the stack. */
  const openCount = new Map<string, number>();
  /** Depth of the outermost skipped element open (its text is not read), or -1. */
  let skipFrom = -1;
  let title = '';
  /** The first <title> is the document's (an SVG's own <title> later is not). */
  let titleRead = false;
  let heading: string | null = null;
  let headingFrom = -1;
  let name = '';
  const endLine = () => {
    const collapsed = line.replace(/\s+/g, ' ').trim();
    if (collapsed) lines.push(collapsed);
    line = '';
  };
  const text = (value: string) => {
    if (open.at(-1) === 'title' && !titleRead) title += value;
    if (headingFrom >= 0) heading = (heading ?? '') + value;
    if (skipFrom < 0) line += value;
  };
  const closeTop = () => {
    const closed = open.pop()!;
    openCount.set(closed, openCount.get(closed)! - 1);
    if (closed === 'title' && title) titleRead = true;
    if (headingFrom === open.length) headingFrom = -1;
    if (skipFrom === open.length) skipFrom = -1;
    else if (skipFrom < 0 && BLOCKS.has(closed)) endLine();
  };
  const ignore = () => {};
  const tokenizer = new Tokenizer(
    { decodeEntities: true },
    {
      onopentagname(start, end) {
        name = html.slice(start, end).toLowerCase();
        if (skipFrom < 0 && (name === 'br' || BLOCKS.has(name))) endLine();
        if (VOID.has(name)) return;
        if (skipFrom < 0 && SKIPPED.has(name)) skipFrom = open.length;
        if (name === 'h1' && heading === null && headingFrom < 0) headingFrom = open.length;
        open.push(name);
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
      },
      onclosetag(start, end) {
        const closing = html.slice(start, end).toLowerCase();
        if (!openCount.get(closing)) return;
        while (open.at(-1) !== closing) closeTop();
        closeTop();
      },
      ontext: (start, end) => text(html.slice(start, end)),
      ontextentity: (codepoint) => text(String.fromCodePoint(codepoint)),
      onattribdata: ignore,
      onattribentity: ignore,
      onattribend: ignore,
      onattribname: ignore,
      oncdata: ignore,
      oncomment: ignore,
      ondeclaration: ignore,
      onend: ignore,
      onopentagend: ignore,
      onprocessinginstruction: ignore,
      onselfclosingtag: ignore,
    },
  );
  for (let at = 0; at < html.length; at += PIECE) {
    await progress(at, html.length);
    tokenizer.write(html.slice(at, at + PIECE));
  }
  tokenizer.end();
  await progress(html.length, html.length);
  endLine();
  const named = (title || heading || '').replace(/\s+/g, ' ').trim();
  return { text: lines.join('\n'), title: named || null };
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
export async function documentText(
  format: DocumentFormat,
  text: string,
  progress?: Progress,
): Promise<{ text: string; title: string | null }> {
  if (format === 'html') return htmlDocumentText(text, progress);
  if (format === 'markdown') return markdownDocumentText(text);
  const firstLine =
    text
      .split(/\r\n|\r|\n/)
      .find((l) => l.trim())
      ?.trim() ?? null;
  return { text, title: firstLine && firstLine.length <= 200 ? firstLine : null };
}
