/**
 * The corpus compiler: documents + metadata + glossary → one knowledge bundle. Runs in the build (a
 * broken quote stops it) and in `npm run corpus`. Pure: the caller reads the files.
 */
import { cueWordKey, type CueGroup } from '../match/evidence';
import { buildMatcher, type AliasSpec } from '../match/matcher';
import { foldKey, isWordChar } from '../text/normalize';
import { buildSearchIndex, buildSearchRecords } from '../search/records';
import { checkDocumentMeta, CorpusError, splitParagraphs } from './documents';
import { parseGlossary } from './glossary';
import { parseTimeline } from './timeline';
import type { QuoteSpec } from './yaml';
import { evidenceRules, findMentions } from './mentions';
import { foldParagraphs, locateQuote, type FoldedParagraph } from './quotes';
import { buildReport } from './report';
import { BUNDLE_FORMAT, USER_ID_PREFIX, type Citation, type DocumentInfo, type Entry, type KnowledgeBundle, type Paragraph, type TimelineEvent } from './types';

export interface CorpusFile {
  /** File name, e.g. "000_ac0ade3d90da5921.txt". */
  file: string;
  text: string;
  metaFile: string;
  /** Parsed metadata (YAML or JSON). */
  meta: unknown;
}

export interface CompileInput {
  documents: CorpusFile[];
  glossary: { file: string; text: string };
  timeline: { file: string; text: string };
}

export async function compileCorpus(input: CompileInput): Promise<KnowledgeBundle> {
  const documents: DocumentInfo[] = [];
  const paragraphs: Paragraph[] = [];
  const foldedByDoc = new Map<string, FoldedParagraph[]>();
  for (const source of [...input.documents].sort((a, b) => a.file.localeCompare(b.file))) {
    const { boilerplate, ...info } = checkDocumentMeta(source.meta, source.metaFile, source.text);
    if (foldedByDoc.has(info.id)) throw new CorpusError(`document id "${info.id}" is used twice`, source.metaFile);
    const docParagraphs = splitParagraphs(info.id, source.text, boilerplate);
    if (docParagraphs.length === 0) throw new CorpusError('the document has no content paragraphs', source.file);
    documents.push({ ...info, file: source.file });
    paragraphs.push(...docParagraphs);
    foldedByDoc.set(info.id, foldParagraphs(docParagraphs));
  }

  const glossaryFile = input.glossary.file;
  const glossary = parseGlossary(input.glossary.text, glossaryFile);
  // "user-" names the reader's own documents and entries (lib/user), so no bundled id may take it.
  for (const id of [...foldedByDoc.keys(), ...glossary.map((e) => e.id)]) {
    if (id.startsWith(USER_ID_PREFIX)) throw new CorpusError(`the id "${id}" starts with "${USER_ID_PREFIX}", which is kept for the reader's own data`);
  }

  // Every quote is checked; all failures are reported together.
  const problems: string[] = [];
  const cite = (spec: QuoteSpec, what: string, file = glossaryFile): Citation | null => {
    const folded = foldedByDoc.get(spec.doc);
    if (!folded) {
      problems.push(`${file}:${spec.line}: ${what}: no document has the id "${spec.doc}" (known: ${[...foldedByDoc.keys()].join(', ')})`);
      return null;
    }
    const result = locateQuote(spec.quote, spec.doc, folded);
    if (result.ok) return result.citation;
    const nearest = result.nearest
      ? `\n    nearest text (${spec.doc} ¶ ${result.nearest.paragraph}): "${result.nearest.text}"`
      : '\n    nothing similar was found in that document';
    problems.push(`${file}:${spec.line}: ${what}: ${result.problem}\n    quote: "${spec.quote}"${nearest}`);
    return null;
  };

  const entries: Entry[] = [];
  const aliases: AliasSpec[] = [];
  const aliasOwner = new Map<string, string>();
  const entryIds = new Set(glossary.map((g) => g.id));
  // A cue that is the id of an entry means a mention of it; any other cue is a word.
  const cueGroups = (near: string[][]): CueGroup[] =>
    near.map((group) => ({
      entries: group.filter((cue) => entryIds.has(cue)),
      words: group.filter((cue) => !entryIds.has(cue)).map(cueWordKey),
    }));
  for (const g of glossary) {
    const label = cite(g.label, `entry "${g.id}" label`);
    const facts = g.facts.map((f, i) => cite(f, `entry "${g.id}" fact ${i + 1}`));
    const seenKeys = new Set<string>();
    for (const a of g.aliases) {
      const key = `${foldKey(a.text)}|${a.caseRule}|${a.needs}|${a.text.normalize('NFC')}`;
      if (seenKeys.has(key)) continue;
      seenKeys.add(key);
      const owner = aliasOwner.get(foldKey(a.text));
      if (owner && owner !== g.id) {
        problems.push(`${glossaryFile}:${g.line}: entry "${g.id}": alias "${a.text}" is also an alias of "${owner}"`);
      }
      aliasOwner.set(foldKey(a.text), g.id);
      aliases.push({
        entryId: g.id,
        text: a.text,
        caseRule: a.caseRule,
        ...(a.needs ? { needs: a.needs } : {}),
        ...(a.near ? { near: cueGroups(a.near) } : {}),
      });
    }
    if (label && facts.every((f): f is Citation => f !== null)) {
      entries.push({
        id: g.id,
        name: g.name,
        kind: g.kind,
        ...(g.side ? { side: g.side } : {}),
        label,
        facts,
        related: g.related,
        aliases: [...new Set(g.aliases.map((a) => a.text))],
      });
    }
  }
  // Longer names that block an alias inside them; one that is some entry's alias would hide it.
  for (const g of glossary) {
    for (const text of g.not) {
      const owner = aliasOwner.get(foldKey(text));
      if (owner) problems.push(`${glossaryFile}:${g.line}: entry "${g.id}": "${text}" under "not" is an alias of "${owner}", which the longest match already makes it`);
      else if (!g.aliases.some((a) => holdsWords(foldKey(text), foldKey(a.text)))) {
        problems.push(`${glossaryFile}:${g.line}: entry "${g.id}": "${text}" under "not" holds none of the entry's aliases`);
      }
      aliases.push({ entryId: g.id, text, caseRule: 'any', blocks: true });
    }
  }
  const timelineFile = input.timeline.file;
  const timeline: TimelineEvent[] = [];
  for (const t of parseTimeline(input.timeline.text, timelineFile)) {
    for (const id of t.entries) {
      if (!entryIds.has(id)) problems.push(`${timelineFile}:${t.line}: event "${t.id}": entry "${id}" does not exist`);
    }
    const citation = cite(t.quote, `event "${t.id}"`, timelineFile);
    const dateCitation = t.dateQuote ? cite(t.dateQuote, `event "${t.id}" dateQuote`, timelineFile) : undefined;
    if (!citation || dateCitation === null) continue;
    timeline.push({
      id: t.id,
      title: t.title,
      when: t.when?.text ?? null,
      sort: t.when?.sort ?? null,
      citation,
      ...(dateCitation ? { dateCitation } : {}),
      entries: t.entries,
    });
  }
  // Dated events in order (stable for equal dates), undated ones after in file order.
  timeline.sort((a, b) => (a.sort === null ? 1 : 0) - (b.sort === null ? 1 : 0) || (a.sort ?? '').localeCompare(b.sort ?? ''));

  if (problems.length) {
    throw new CorpusError(`${problems.length} problem${problems.length > 1 ? 's' : ''} in the glossary or timeline:\n  ${problems.join('\n  ')}`);
  }

  const matcher = buildMatcher(aliases);
  const rules = evidenceRules(entries);
  const mentions = documents.flatMap((d) => findMentions(matcher, rules, paragraphs.filter((p) => p.docId === d.id)));
  const records = buildSearchRecords(entries, paragraphs);
  const body = {
    format: BUNDLE_FORMAT,
    documents,
    paragraphs,
    entries,
    aliases,
    mentions,
    timeline,
    search: { records, index: buildSearchIndex(records) },
    report: buildReport(paragraphs, entries, aliases, mentions),
  } as const;
  return { ...body, hash: await sha256(JSON.stringify(body)) };
}

/** Whether `text` holds `words` bounded by non-letters on both sides. */
function holdsWords(text: string, words: string): boolean {
  for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + words.length])) return true;
  }
  return false;
}

export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
