/**
 * The corpus compiler: documents + metadata + glossary → one knowledge bundle. Runs in the build (a
 * broken quote stops it) and in `npm run corpus`. Pure: the caller reads the files.
 */
import { groupBy } from '../group-by';
import { cueWordKey, type CueGroup } from '../match/evidence';
import { buildMatcher, type AliasSpec } from '../match/matcher';
import { foldKey, isWordChar } from '../text/normalize';
import { DocumentVoices } from './attribution';
import { coverageOf, parseExclusions, uncoveredNames } from './coverage';
import { dateInSentence, sortAgrees } from './dates';
import { checkDocumentMeta, CorpusError, splitParagraphs } from './documents';
import { parseGlossary } from './glossary';
import { parseTimeline } from './timeline';
import type { QuoteSpec } from './yaml';
import { evidenceRules, findMentions } from './mentions';
import { foldParagraphs, locateQuote, quoteKey, type FoldedParagraph } from './quotes';
import { buildReport } from './report';
import { factNamesEntry, labelProblems, sourceErrorsIn } from './review';
import {
  BUNDLE_FORMAT,
  USER_ID_PREFIX,
  type Citation,
  type DocumentInfo,
  type Entry,
  type Fact,
  type KnowledgeBundle,
  type Paragraph,
  type TimelineAccount,
  type TimelineEvent,
} from './types';

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
  /** Names the documents hold that have no entry, each with the reason (coverage.ts). */
  exclusions: { file: string; text: string };
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
    if (id.startsWith(USER_ID_PREFIX))
      throw new CorpusError(`the id "${id}" starts with "${USER_ID_PREFIX}", which is kept for the reader's own data`);
  }

  // Every quote is checked; all failures are reported together.
  const problems: string[] = [];
  const problem = (file: string, line: number, what: string, message: string) =>
    problems.push(`${file}:${line}: ${what}: ${message}`);
  const cite = (spec: QuoteSpec, what: string, file = glossaryFile): Citation | null => {
    const folded = foldedByDoc.get(spec.doc);
    if (!folded) {
      problem(
        file,
        spec.line,
        what,
        `no document has the id "${spec.doc}" (known: ${[...foldedByDoc.keys()].join(', ')})`,
      );
      return null;
    }
    const result = locateQuote(spec.quote, spec.doc, folded);
    if (result.ok) return result.citation;
    const nearest = result.nearest
      ? `\n    nearest text (${spec.doc} ¶ ${result.nearest.paragraph}): "${result.nearest.text}"`
      : '\n    nothing similar was found in that document';
    problem(file, spec.line, what, `${result.problem}\n    quote: "${spec.quote}"${nearest}`);
    return null;
  };

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
    const seenKeys = new Set<string>();
    for (const a of g.aliases) {
      const key = `${foldKey(a.text)}|${a.caseRule}|${a.needs}|${a.text.normalize('NFC')}`;
      if (seenKeys.has(key)) continue;
      seenKeys.add(key);
      const owner = aliasOwner.get(foldKey(a.text));
      if (owner && owner !== g.id)
        problem(glossaryFile, g.line, `entry "${g.id}"`, `alias "${a.text}" is also an alias of "${owner}"`);
      aliasOwner.set(foldKey(a.text), g.id);
      aliases.push({
        entryId: g.id,
        text: a.text,
        caseRule: a.caseRule,
        ...(a.needs ? { needs: a.needs } : {}),
        ...(a.near ? { near: cueGroups(a.near) } : {}),
      });
    }
  }
  // Longer names that block an alias inside them; one that is some entry's alias would hide it.
  for (const g of glossary) {
    for (const text of g.not) {
      const owner = aliasOwner.get(foldKey(text));
      if (owner)
        problem(
          glossaryFile,
          g.line,
          `entry "${g.id}"`,
          `"${text}" under "not" is an alias of "${owner}", which the longest match already makes it`,
        );
      else if (!g.aliases.some((a) => holdsWords(foldKey(text), foldKey(a.text)))) {
        problem(glossaryFile, g.line, `entry "${g.id}"`, `"${text}" under "not" holds none of the entry's aliases`);
      }
      aliases.push({ entryId: g.id, text, caseRule: 'any', blocks: true });
    }
  }

  // Mentions first: a label's sentence and every fact must name their entry.
  const matcher = buildMatcher(aliases);
  const rules = evidenceRules(glossary);
  const mentions = documents.flatMap((d) =>
    findMentions(
      matcher,
      rules,
      paragraphs.filter((p) => p.docId === d.id),
    ),
  );
  const mentionsOf = groupBy(mentions, (m) => m.entryId);
  const paragraphOf = (c: Citation) => paragraphs.find((p) => p.docId === c.docId && p.n === c.paragraph)!;
  const voices = new Map(
    documents.map((d) => [
      d.id,
      new DocumentVoices(
        paragraphs.filter((p) => p.docId === d.id),
        d.genre,
      ),
    ]),
  );
  const misspellings = glossary.flatMap((g) => g.aliases.filter((a) => a.misspelling).map((a) => a.text));
  const documentById = new Map(documents.map((d) => [d.id, d]));

  /** A fact (or a timeline account): cited, its speaker found or checked, its cut and its source errors checked. */
  const factOf = (spec: QuoteSpec, what: string, file: string): Fact | null => {
    const citation = cite(spec, what, file);
    if (!citation) return null;
    const voice = voices.get(citation.docId)!.attribute(citation.paragraph, citation.start, citation.end, spec.speaker);
    if ('problem' in voice) {
      problem(file, spec.line, what, `${voice.problem}\n    quote: "${spec.quote}"`);
      return null;
    }
    const errors = sourceErrorsIn(citation.quote, misspellings);
    if (errors.length && !spec.note)
      problem(
        file,
        spec.line,
        what,
        `the quote keeps the source's error (${errors.join(', ')}): add a "note" that tells the reader`,
      );
    return { ...citation, ...voice, ...(spec.note ? { note: spec.note } : {}) };
  };

  const entries: Entry[] = [];
  const labelsByText = new Map<string, string[]>();
  for (const g of glossary) {
    const where = `entry "${g.id}"`;
    const names = g.aliases.map((a) => a.text);
    /** Whether the entry wrote the document (its metadata names the author). */
    const wrote = (docId: string) =>
      !!documentById.get(docId)?.authors.some((a) => names.some((n) => foldKey(n) === foldKey(a)));
    const label = g.label ? cite(g.label, `${where} label`) : null;
    if (g.label && label) {
      const context = {
        entryId: g.id,
        names,
        isAuthor: wrote(label.docId),
        mentions,
        errors: sourceErrorsIn(label.quote, misspellings),
      };
      for (const message of labelProblems(label, paragraphOf(label), context))
        problem(glossaryFile, g.label.line, `${where} label`, message);
      const key = quoteKey(label.quote).toLowerCase();
      labelsByText.set(key, [...(labelsByText.get(key) ?? []), g.id]);
    }
    const facts = g.facts.map((spec, i) => {
      const fact = factOf(spec, `${where} fact ${i + 1}`, glossaryFile);
      if (fact && !factNamesEntry(fact, spec.pronoun, mentionsOf.get(g.id) ?? [], wrote(fact.docId))) {
        problem(
          glossaryFile,
          spec.line,
          `${where} fact ${i + 1}`,
          `the quote does not name "${g.name}" (none of its aliases is in it): a fact says something of its entry${spec.pronoun ? ` (the paragraph does not name it, or "${spec.pronoun}" is not in the quote)` : '; if it names it by a pronoun, give "pronoun"'}`,
        );
      }
      return fact;
    });
    if ((!g.label || label) && facts.every((f): f is Fact => f !== null)) {
      entries.push({
        id: g.id,
        name: g.name,
        kind: g.kind,
        ...(g.side ? { side: g.side } : {}),
        ...(label ? { label } : {}),
        facts,
        related: g.related,
        aliases: [...new Set(g.aliases.map((a) => a.text))],
      });
    }
  }
  for (const [text, ids] of labelsByText) {
    if (ids.length > 1)
      problems.push(
        `${glossaryFile}: entries ${ids.map((id) => `"${id}"`).join(', ')} share the label "${text}": a label says what one entry is`,
      );
  }

  const timelineFile = input.timeline.file;
  const timeline: TimelineEvent[] = [];
  for (const t of parseTimeline(input.timeline.text, timelineFile)) {
    const where = `event "${t.id}"`;
    for (const id of t.entries)
      if (!entryIds.has(id)) problem(timelineFile, t.line, where, `entry "${id}" does not exist`);
    const accounts: TimelineAccount[] = [];
    for (const [i, a] of t.accounts.entries()) {
      const citation = factOf(a.quote, `${where} account ${i + 1}`, timelineFile);
      if (!citation) continue;
      if (a.when !== undefined && !dateInSentence(paragraphOf(citation), citation.start, citation.end, a.when)) {
        problem(
          timelineFile,
          a.quote.line,
          `${where} account ${i + 1}`,
          `"${a.when}" is not in the sentence that reports the event: dates come from that sentence only`,
        );
      }
      accounts.push({ when: a.when ?? null, citation });
    }
    if (
      t.sort &&
      !t.accounts.some(
        (a) => a.when !== undefined && sortAgrees(t.sort!, a.when, documentById.get(a.quote.doc)?.dateISO ?? null),
      )
    ) {
      problem(
        timelineFile,
        t.line,
        where,
        `sort "${t.sort}" says more than any account's date (${t.accounts
          .map((a) => a.when && `"${a.when}"`)
          .filter(Boolean)
          .join(', ')}) states`,
      );
    }
    if (accounts.length === t.accounts.length)
      timeline.push({ id: t.id, title: t.title, sort: t.sort ?? null, accounts, entries: t.entries });
  }
  // Dated events in order (stable for equal dates), undated ones after in file order.
  timeline.sort(
    (a, b) => (a.sort === null ? 1 : 0) - (b.sort === null ? 1 : 0) || (a.sort ?? '').localeCompare(b.sort ?? ''),
  );

  const exclusionsFile = input.exclusions.file;
  const exclusions = parseExclusions(input.exclusions.text, exclusionsFile);
  const { coverage, unused } = coverageOf(uncoveredNames(paragraphs, mentions), mentions, exclusions);
  for (const u of coverage.uncovered) {
    problems.push(
      `${exclusionsFile}: "${u.name}" (${u.docId} ¶ ${u.paragraph}) is a name no entry covers: give it an entry, or a line here with the reason`,
    );
  }
  for (const e of unused)
    problems.push(
      `${exclusionsFile}:${e.line}: "${e.name}" is no longer a name the documents hold uncovered: remove the line`,
    );

  if (problems.length) {
    throw new CorpusError(
      `${problems.length} problem${problems.length > 1 ? 's' : ''} in the corpus:\n  ${problems.join('\n  ')}`,
    );
  }

  const body = {
    format: BUNDLE_FORMAT,
    documents,
    paragraphs,
    entries,
    aliases,
    mentions,
    timeline,
    report: buildReport(
      paragraphs,
      entries,
      aliases,
      mentions,
      coverage,
      exclusions.map((e) => e.name),
    ),
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
