/**
 * Splits a corpus document into content paragraphs and sentences, leaving out the lines its metadata
 * names as site boilerplate. The text itself is never edited.
 */
import { GENRES, PERSPECTIVES, type DocumentInfo, type Paragraph, type StatedDate } from './types';

interface DocumentMeta extends Omit<DocumentInfo, 'file'> {
  /** Whole lines (after trimming) that are site chrome, bylines or repeated headlines. */
  boilerplate: string[];
}

export class CorpusError extends Error {
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(file ? `${file}${line ? `:${line}` : ''}: ${message}` : message);
    this.name = 'CorpusError';
  }
}

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** A segment that ends on an initial or a dotted abbreviation ("Joseph R.", "the U.S."): the sentence goes on. */
const ENDS_ON_ABBREVIATION = /(?:^|[\s(])(?:\p{Lu}\.)+$/u;

/** Sentence ranges of a paragraph; trailing spaces are not part of a sentence. */
export function splitSentences(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let joinNext = false;
  for (const { index, segment } of sentenceSegmenter.segment(text)) {
    const end = index + segment.trimEnd().length;
    if (end <= index) continue;
    if (joinNext && ranges.length) ranges[ranges.length - 1][1] = end;
    else ranges.push([index, end]);
    joinNext = ENDS_ON_ABBREVIATION.test(segment.trimEnd());
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

const META_FIELDS = [
  'id',
  'title',
  'titleNote',
  'outlet',
  'outletNote',
  'authors',
  'perspective',
  'genre',
  'date',
  'dateISO',
  'republished',
  'updated',
  'licence',
  'boilerplate',
];
/** A line that credits another outlet as the source ("Source:Xinhua"): the page republishes it. */
const CREDITS_A_SOURCE = /\bSource\s*:/i;
const UPDATED = /\bupdated\b/i;

/** Checks a parsed metadata object; every problem is named with the metadata file. */
export function checkDocumentMeta(value: unknown, file: string, text: string): DocumentMeta {
  const fail = (message: string): never => {
    throw new CorpusError(message, file);
  };
  if (!value || typeof value !== 'object') fail('metadata must be a mapping');
  const meta = value as Record<string, unknown>;
  for (const key of Object.keys(meta))
    if (!META_FIELDS.includes(key)) fail(`unknown field "${key}" (known: ${META_FIELDS.join(', ')})`);
  const str = (key: string, optional = false, from: Record<string, unknown> = meta): string | null => {
    const v = from[key];
    if (v === null || v === undefined) return optional ? null : fail(`"${key}" is required`);
    if (typeof v !== 'string' || !v.trim()) fail(`"${key}" must be a non-empty string`);
    return v as string;
  };
  const oneOf = <T extends string>(key: string, values: readonly T[]): T => {
    const v = str(key) as T;
    if (!values.includes(v)) fail(`"${key}" must be one of ${values.join(', ')}, not "${v}"`);
    return v;
  };
  const id = str('id')!;
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) fail(`"id" must be lower-case words joined by hyphens, not "${id}"`);
  const authors = meta.authors ?? [];
  if (!Array.isArray(authors) || authors.some((a) => typeof a !== 'string')) fail('"authors" must be a list of names');
  const boilerplate = meta.boilerplate ?? [];
  if (!Array.isArray(boilerplate) || boilerplate.some((b) => typeof b !== 'string'))
    fail('"boilerplate" must be a list of lines');
  const lines = text.split(/\r\n|\r|\n/).map(lineKey);
  const lineSet = new Set(lines);
  for (const line of boilerplate as string[]) {
    if (!lineSet.has(lineKey(line))) fail(`boilerplate line not found in the document: "${line}"`);
  }
  /** A date as the text states it, with its YYYY-MM-DD form and the line it stands on; `what` names it in messages. */
  const statedDate = (from: Record<string, unknown>, what: string): { stated: StatedDate; line: string } | null => {
    const date = str('date', true, from);
    const dateISO = str('dateISO', true, from);
    if (dateISO && !/^\d{4}-\d{2}-\d{2}$/.test(dateISO))
      fail(`${what}: "dateISO" must be YYYY-MM-DD, not "${dateISO}"`);
    if (dateISO && !date) fail(`${what}: "dateISO" needs the "date" the text states`);
    if (!date) return null;
    const line = lines.find((l) => l.includes(lineKey(date)));
    if (line === undefined) fail(`${what}: "date" must be quoted from the text; "${date}" is not in it`);
    if (dateISO && !date.includes(dateISO) && !date.includes(dateISO.slice(0, 4)))
      fail(`${what}: "${dateISO}" is not the date "${date}" states`);
    return { stated: { date, dateISO }, line: line! };
  };
  const original = statedDate(meta, 'the publication date');
  if (original && UPDATED.test(original.line)) {
    fail(`"${original.stated.date}" is when the page was updated, not when it was published: give it under "updated"`);
  }
  if (original && CREDITS_A_SOURCE.test(original.line)) {
    fail(
      `the line of "${original.stated.date}" credits another outlet as its source, so it is the republisher's date: give it under "republished"`,
    );
  }
  const mapping = (key: string): Record<string, unknown> | null => {
    const v = meta[key];
    if (v === undefined || v === null) return null;
    if (typeof v !== 'object' || Array.isArray(v)) fail(`"${key}" must be a mapping`);
    return v as Record<string, unknown>;
  };
  const republishedMeta = mapping('republished');
  const republished = republishedMeta && {
    by: str('by', true, republishedMeta),
    date: statedDate(republishedMeta, 'republished')?.stated ?? null,
  };
  const updatedMeta = mapping('updated');
  const updated = updatedMeta && statedDate(updatedMeta, 'updated')?.stated;
  if (updatedMeta && !updated) fail('"updated" needs the "date" the text states');
  if (updated && !UPDATED.test(updated.date)) fail(`"updated": "${updated.date}" does not say it is an update`);
  return {
    id,
    title: str('title')!,
    outlet: str('outlet', true),
    ...(meta.outletNote ? { outletNote: str('outletNote')! } : {}),
    authors: authors as string[],
    date: original?.stated.date ?? null,
    dateISO: original?.stated.dateISO ?? null,
    ...(republished ? { republished } : {}),
    ...(updated ? { updated } : {}),
    perspective: oneOf('perspective', PERSPECTIVES),
    genre: oneOf('genre', GENRES),
    ...(meta.licence ? { licence: str('licence')! } : {}),
    boilerplate: boilerplate as string[],
  };
}
