/**
 * Splits a corpus document into content paragraphs and sentences, leaving out the lines its metadata
 * names as site boilerplate. The text itself is never edited.
 */
import type { DocumentInfo, Paragraph } from './types';

export interface DocumentMeta extends Omit<DocumentInfo, 'file'> {
  /** Whole lines (after trimming) that are site chrome, bylines or repeated headlines. */
  boilerplate: string[];
}

export class CorpusError extends Error {
  constructor(message: string, readonly file?: string, readonly line?: number) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${message}` : message);
    this.name = 'CorpusError';
  }
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentence ranges of a paragraph; trailing spaces are not part of a sentence. */
export function splitSentences(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const { index, segment } of sentenceSegmenter.segment(text)) {
    const end = index + segment.trimEnd().length;
    if (end > index) ranges.push([index, end]);
  }
  return ranges;
}

/** Content paragraphs: each non-empty line that is not boilerplate, numbered from 1. */
/** Lines compare with white space collapsed: sources use no-break spaces where metadata has plain ones. */
function lineKey(line: string): string {
  return line.replace(/\s+/g, ' ').trim();
}

export function splitParagraphs(docId: string, text: string, boilerplate: readonly string[]): Paragraph[] {
  const skip = new Set(boilerplate.map(lineKey));
  const paragraphs: Paragraph[] = [];
  for (const raw of text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line || skip.has(lineKey(line))) continue;
    paragraphs.push({ docId, n: paragraphs.length + 1, text: line, sentences: splitSentences(line) });
  }
  return paragraphs;
}

/** Checks a parsed metadata object; every problem is named with the metadata file. */
export function checkDocumentMeta(value: unknown, file: string, text: string): DocumentMeta {
  const fail = (message: string): never => {
    throw new CorpusError(message, file);
  };
  if (!value || typeof value !== 'object') fail('metadata must be a mapping');
  const meta = value as Record<string, unknown>;
  const str = (key: string, optional = false): string | null => {
    const v = meta[key];
    if (v === null || v === undefined) return optional ? null : fail(`"${key}" is required`);
    if (typeof v !== 'string' || !v.trim()) fail(`"${key}" must be a non-empty string`);
    return v as string;
  };
  const id = str('id')!;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail(`"id" must be lower-case words joined by hyphens, not "${id}"`);
  const authors = meta.authors ?? [];
  if (!Array.isArray(authors) || authors.some((a) => typeof a !== 'string')) fail('"authors" must be a list of names');
  const boilerplate = meta.boilerplate ?? [];
  if (!Array.isArray(boilerplate) || boilerplate.some((b) => typeof b !== 'string')) fail('"boilerplate" must be a list of lines');
  const lines = new Set(text.split(/\r\n|\r|\n/).map(lineKey));
  for (const line of boilerplate as string[]) {
    if (!lines.has(lineKey(line))) fail(`boilerplate line not found in the document: "${line}"`);
  }
  const date = str('date', true);
  const dateISO = str('dateISO', true);
  if (dateISO && !/^\d{4}-\d{2}-\d{2}$/.test(dateISO)) fail(`"dateISO" must be YYYY-MM-DD, not "${dateISO}"`);
  if (dateISO && !date) fail('"dateISO" needs the "date" the text states');
  if (date && !lineKey(text).includes(lineKey(date))) fail(`"date" must be quoted from the text; "${date}" is not in it`);
  return {
    id,
    title: str('title')!,
    outlet: str('outlet', true),
    ...(meta.outletNote ? { outletNote: str('outletNote')! } : {}),
    authors: authors as string[],
    date,
    dateISO,
    boilerplate: boilerplate as string[],
  };
}
