import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../lib/corpus/compile';
import { CorpusError } from '../lib/corpus/documents';
import { readCorpus, realBundle } from './helpers';

describe('corpus compiler on the real corpus', () => {
  it('holds at least 40 verified entries with mentions in all five documents', async () => {
    const bundle = await realBundle();
    expect(bundle.documents).toHaveLength(5);
    expect(bundle.entries.length).toBeGreaterThanOrEqual(40);
    for (const e of bundle.entries) {
      expect(e.facts.length).toBeGreaterThanOrEqual(1);
      expect(e.facts.length).toBeLessThanOrEqual(6);
      const para = bundle.paragraphs.find((p) => p.docId === e.label.docId && p.n === e.label.paragraph)!;
      expect(para.text.slice(e.label.start, e.label.end)).toBe(e.label.quote);
      for (const f of e.facts) {
        const p = bundle.paragraphs.find((x) => x.docId === f.docId && x.n === f.paragraph)!;
        expect(p.text.slice(f.start, f.end)).toBe(f.quote);
      }
    }
    const docsWithMentions = new Set(bundle.mentions.map((m) => m.docId));
    expect([...docsWithMentions].sort()).toEqual(bundle.documents.map((d) => d.id).sort());
  });

  it('finds mentions across documents, with their spellings and context rules', async () => {
    const bundle = await realBundle();
    const of = (id: string) => bundle.mentions.filter((m) => m.entryId === id);
    expect(new Set(of('nguyen-phu-trong').map((m) => m.docId)).size).toBeGreaterThanOrEqual(3);
    expect(of('xi-jinping').some((m) => m.text === 'Xi Jinpig')).toBe(true); // the corpus's misspelling
    expect(of('xi-jinping').some((m) => m.text === 'Xi')).toBe(true); // bare "Xi", supported by context
    expect(of('doi-moi').map((m) => m.text).sort()).toEqual(['Doi Moi', 'DoiMoi']);
    expect(of('vo-van-thuong').map((m) => m.text)).toEqual(['Vo Van Thanh']);
    for (const m of bundle.mentions) {
      const p = bundle.paragraphs.find((x) => x.docId === m.docId && x.n === m.paragraph)!;
      expect(p.text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('leaves boilerplate out of the paragraphs without editing the text', async () => {
    const bundle = await realBundle();
    const all = bundle.paragraphs.map((p) => p.text).join('\n');
    for (const chrome of ['Leave a Reply', 'Related Pages', 'About us | Contact us | Legal notice', '(Web editor: Hongyu, Du Mingming)']) {
      expect(all).not.toContain(chrome);
    }
    expect(bundle.documents.find((d) => d.id === 'new-height-new-era')?.date).toBeNull();
  });

  it('gives the same hash for the same input, and another for a changed one', async () => {
    const input = await readCorpus('corpus');
    const a = await compileCorpus(input);
    const b = await compileCorpus(await readCorpus('corpus'));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(b.hash).toBe(a.hash);
    const changed = { ...input, glossary: { ...input.glossary, text: input.glossary.text.replace('name: Hanoi', 'name: Ha Noi city') } };
    expect((await compileCorpus(changed)).hash).not.toBe(a.hash);
  });

  it('reports acronym definitions and names no entry covers', async () => {
    const { report } = await realBundle();
    expect(report.acronyms.some((a) => a.acronym === 'CPV' && a.expansion === 'Communist Party of Vietnam' && a.covered)).toBe(true);
    expect(report.uncoveredNames.length).toBeGreaterThan(0);
  });
});

describe('corpus compiler on broken input', () => {
  const breakGlossary = async (from: string, to: string) => {
    const input = await readCorpus('corpus');
    expect(input.glossary.text).toContain(from);
    return { ...input, glossary: { ...input.glossary, text: input.glossary.text.replace(from, to) } };
  };
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

  it('fails on a quote that is not in its document, naming file, line and the nearest text', async () => {
    const broken = await breakGlossary('Both sides should also deepen mutual trust on security, Xi said.', 'Both sides should also deepen mutual trust on defence, Xi said.');
    const line = lineOf(broken.glossary.text, 'mutual trust on defence');
    const error = await compileCorpus(broken).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    const message = (error as Error).message;
    expect(message).toContain(`glossary.yaml:${line}:`);
    expect(message).toContain('entry "six-point-proposal" fact 2: the quote is not in the document');
    expect(message).toContain('nearest text (xinhua-community ¶');
    expect(message).toContain('Both sides should also deepen mutual trust on security');
  });

  it('fails on a quote whose case differs, and on an unknown document', async () => {
    const badCase = await breakGlossary('"Similar to China’s reform and opening-up in the 1970s,', '"similar to China’s reform and opening-up in the 1970s,');
    await expect(compileCorpus(badCase)).rejects.toThrow(/differs from the text in case, accents or punctuation/);
    const badDoc = await breakGlossary('label: { quote: "Hanoi, capital of Vietnam", doc: xinhua-community }', 'label: { quote: "Hanoi, capital of Vietnam", doc: xinhua }');
    await expect(compileCorpus(badDoc)).rejects.toThrow(/no document has the id "xinhua"/);
  });

  it('accepts quotes that differ only in white space and quote marks', async () => {
    const relaxed = await breakGlossary('quote: "The article reflects the authors’ opinions."', "quote: \"The  article reflects the authors' opinions.\"");
    await expect(compileCorpus(relaxed)).resolves.toBeTruthy();
  });

  it('names the line of a malformed entry and of broken YAML', async () => {
    const badKind = await breakGlossary('    name: Hanoi\n    kind: place', '    name: Hanoi\n    kind: city');
    const line = lineOf(badKind.glossary.text, 'kind: city');
    await expect(compileCorpus(badKind)).rejects.toThrow(`glossary.yaml:${line}: entry "hanoi": kind must be one of`);
    const yaml = await breakGlossary('  - id: beijing\n', '  - id: beijing\n   bad: [\n');
    await expect(compileCorpus(yaml)).rejects.toThrow(/glossary.yaml:\d+: YAML/);
    const related = await breakGlossary('related: [great-hall-of-the-people, trong-visit-2022]', 'related: [great-hall, trong-visit-2022]');
    await expect(compileCorpus(related)).rejects.toThrow(/related entry "great-hall" does not exist/);
  });

  it('rejects metadata that invents a date or names a missing boilerplate line', async () => {
    const input = await readCorpus('corpus');
    const [first, ...rest] = input.documents;
    const invented = { ...first, meta: { ...(first.meta as object), date: 'August 19, 2024', dateISO: '2024-08-19' } };
    await expect(compileCorpus({ ...input, documents: [invented, ...rest] })).rejects.toThrow(/"date" must be quoted from the text/);
    const missing = { ...first, meta: { ...(first.meta as object), boilerplate: ['Subscribe now'] } };
    await expect(compileCorpus({ ...input, documents: [missing, ...rest] })).rejects.toThrow(/boilerplate line not found/);
  });
});

describe('timeline', () => {
  it('orders dated events by the text’s own dates and keeps undated ones last', async () => {
    const { timeline } = await realBundle();
    const dated = timeline.filter((t) => t.sort);
    expect(dated.map((t) => t.sort)).toEqual([...dated.map((t) => t.sort)].sort());
    expect(timeline.slice(dated.length).every((t) => t.when === null && t.sort === null)).toBe(true);
    expect(timeline.find((t) => t.id === 'to-lam-state-visit')?.when).toBeNull();
    for (const t of dated) {
      // The date is the text's: in the quoted passage or in the quoted date line.
      expect(t.citation.quote.includes(t.when!) || t.dateCitation?.quote.includes(t.when!)).toBe(true);
    }
  });

  it('rejects a date the text does not state', async () => {
    const input = await readCorpus('corpus');
    const broken = { ...input, timeline: { ...input.timeline, text: input.timeline.text.replace('when: October 31, 2022', 'when: October 30, 2022') } };
    const line = broken.timeline.text.slice(0, broken.timeline.text.indexOf('when: October 30, 2022')).split('\n').length;
    await expect(compileCorpus(broken)).rejects.toThrow(`timeline.yaml:${line}: event "trong-arrives-beijing-2022": "October 30, 2022" is not in the quote`);
  });

  it('rejects an unknown entry and a quote that is not in the document', async () => {
    const input = await readCorpus('corpus');
    const broken = {
      ...input,
      timeline: {
        ...input.timeline,
        text: input.timeline.text.replace('entries: [doi-moi, srv]', 'entries: [doi-moi, vietnam]').replace('Cooperation documents in more than 30 fields', 'Cooperation documents').replace('covering more than 30 fields such', 'covering more than 40 fields such'),
      },
    };
    const error = (await compileCorpus(broken).catch((e: Error) => e)) as Error;
    expect(error.message).toContain('event "doi-moi-1980s": entry "vietnam" does not exist');
    expect(error.message).toContain('event "cooperation-documents-2023": the quote is not in the document');
  });
});
