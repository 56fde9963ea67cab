import { describe, expect, it } from 'vitest';
import { DocumentVoices } from '../lib/corpus/attribution';
import { compileCorpus } from '../lib/corpus/compile';
import { coverageOf, uncoveredNames } from '../lib/corpus/coverage';
import { datePartsOf, sortAgrees } from '../lib/corpus/dates';
import { CorpusError, splitSentences } from '../lib/corpus/documents';
import type { Paragraph } from '../lib/corpus/types';
import { readCorpus, realBundle } from './helpers';

describe('corpus compiler on the real corpus', () => {
  it('holds at least 40 verified entries with mentions in all six documents', async () => {
    const bundle = await realBundle();
    expect(bundle.documents).toHaveLength(6);
    expect(bundle.entries.length).toBeGreaterThanOrEqual(40);
    for (const e of bundle.entries) {
      expect(e.facts.length).toBeLessThanOrEqual(6);
      for (const f of [...(e.label ? [e.label] : []), ...e.facts]) {
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
    expect(
      of('doi-moi')
        .map((m) => m.text)
        .sort(),
    ).toEqual(['Doi Moi', 'DoiMoi']);
    expect(of('vo-van-thuong').map((m) => m.text)).toEqual(['Vo Van Thanh', 'Vo Van Thuong']); // the interview's misspelling, and the US statement
    for (const m of bundle.mentions) {
      const p = bundle.paragraphs.find((x) => x.docId === m.docId && x.n === m.paragraph)!;
      expect(p.text.slice(m.start, m.end)).toBe(m.text);
    }
  });

  it('leaves boilerplate out of the paragraphs without editing the text', async () => {
    const bundle = await realBundle();
    const all = bundle.paragraphs.map((p) => p.text).join('\n');
    for (const chrome of [
      'Leave a Reply',
      'Related Pages',
      'About us | Contact us | Legal notice',
      '(Web editor: Hongyu, Du Mingming)',
      'published_time:',
    ]) {
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
    const changed = {
      ...input,
      glossary: {
        ...input.glossary,
        text: input.glossary.text.replace("The source misspells Xi Jinping's name.", 'The source misspells his name.'),
      },
    };
    expect((await compileCorpus(changed)).hash).not.toBe(a.hash);
  });

  it('reports acronym definitions, and covers every name in the documents by an entry or a reasoned exclusion', async () => {
    const { report } = await realBundle();
    expect(
      report.acronyms.some(
        (a) => a.acronym === 'CPV' && a.expansion === 'Communist Party of Vietnam' && a.covered === 'entry',
      ),
    ).toBe(true);
    expect(report.acronyms.some((a) => a.acronym === 'APEC' && a.covered === 'excluded')).toBe(true);
    expect(report.coverage.uncovered).toEqual([]);
    expect(report.coverage.byEntries + report.coverage.excluded).toBe(report.coverage.names);
    expect(report.coverage.byEntries).toBeGreaterThan(100);
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
    const broken = await breakGlossary(
      'Xi also called on the two countries to manage differences on maritime issues.',
      'Xi also called on the two countries to manage differences on maritime questions.',
    );
    const line = lineOf(broken.glossary.text, 'on maritime questions');
    const error = await compileCorpus(broken).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CorpusError);
    const message = (error as Error).message;
    expect(message).toContain(`glossary.yaml:${line}:`);
    expect(message).toContain('entry "maritime-issues" fact 1: the quote is not in the document');
    expect(message).toContain('nearest text (xinhua-community ¶');
    expect(message).toContain('Xi also called on the two countries to manage differences on maritime issues');
  });

  it('fails on a quote whose case differs, and on an unknown document', async () => {
    const badCase = await breakGlossary(
      '"Similar to China’s reform and opening-up in the 1970s,',
      '"similar to China’s reform and opening-up in the 1970s,',
    );
    await expect(compileCorpus(badCase)).rejects.toThrow(/differs from the text in case, accents or punctuation/);
    const badDoc = await breakGlossary(
      'label: { quote: "capital of Vietnam", doc: xinhua-community }',
      'label: { quote: "capital of Vietnam", doc: xinhua }',
    );
    await expect(compileCorpus(badDoc)).rejects.toThrow(/no document has the id "xinhua"/);
  });

  it('accepts quotes that differ only in white space and quote marks', async () => {
    const relaxed = await breakGlossary(
      'quote: "Similar to China’s reform and opening-up',
      'quote: "Similar  to China\'s reform and opening-up',
    );
    await expect(compileCorpus(relaxed)).resolves.toBeTruthy();
  });

  it('names the line of a malformed entry and of broken YAML', async () => {
    const badKind = await breakGlossary('    name: Hanoi\n    kind: place', '    name: Hanoi\n    kind: city');
    const line = lineOf(badKind.glossary.text, 'kind: city');
    await expect(compileCorpus(badKind)).rejects.toThrow(`glossary.yaml:${line}: entry "hanoi": kind must be one of`);
    const yaml = await breakGlossary('  - id: beijing\n', '  - id: beijing\n   bad: [\n');
    await expect(compileCorpus(yaml)).rejects.toThrow(/glossary.yaml:\d+: YAML/);
    const related = await breakGlossary(
      'related: [great-hall-of-the-people, trong-visit-2022]',
      'related: [great-hall, trong-visit-2022]',
    );
    await expect(compileCorpus(related)).rejects.toThrow(/related entry "great-hall" does not exist/);
  });

  it('rejects metadata that invents a date or names a missing boilerplate line', async () => {
    const input = await readCorpus('corpus');
    const [first, ...rest] = input.documents;
    const invented = { ...first, meta: { ...(first.meta as object), date: 'August 19, 2024', dateISO: '2024-08-19' } };
    await expect(compileCorpus({ ...input, documents: [invented, ...rest] })).rejects.toThrow(
      /"date" must be quoted from the text/,
    );
    const missing = { ...first, meta: { ...(first.meta as object), boilerplate: ['Subscribe now'] } };
    await expect(compileCorpus({ ...input, documents: [missing, ...rest] })).rejects.toThrow(
      /boilerplate line not found/,
    );
  });
});

describe('timeline', () => {
  it('orders dated events by the text’s own dates and keeps undated ones last', async () => {
    const { timeline, paragraphs } = await realBundle();
    const dated = timeline.filter((t) => t.sort);
    expect(dated.map((t) => t.sort)).toEqual([...dated.map((t) => t.sort)].sort());
    expect(timeline.slice(dated.length).every((t) => t.sort === null)).toBe(true);
    expect(timeline.find((t) => t.id === 'to-lam-state-visit')?.accounts.map((a) => a.when)).toEqual([null]);
    for (const { when, citation } of timeline.flatMap((t) => t.accounts)) {
      // The date is the text's, in the sentence that reports the event.
      const text = paragraphs.find((p) => p.docId === citation.docId && p.n === citation.paragraph)!.text;
      if (when) expect(text).toContain(when);
    }
  });

  it('rejects a date the sentence that reports the event does not state', async () => {
    const input = await readCorpus('corpus');
    const broken = {
      ...input,
      timeline: {
        ...input.timeline,
        text: input.timeline.text.replace('when: October 31, 2022', 'when: October 30, 2022'),
      },
    };
    const line = broken.timeline.text
      .slice(0, broken.timeline.text.indexOf('quote: "On October 31, 2022'))
      .split('\n').length;
    await expect(compileCorpus(broken)).rejects.toThrow(
      `timeline.yaml:${line}: event "trong-arrives-beijing-2022" account 1: "October 30, 2022" is not in the sentence that reports the event`,
    );
  });

  it('rejects an unknown entry and a quote that is not in the document', async () => {
    const input = await readCorpus('corpus');
    const broken = {
      ...input,
      timeline: {
        ...input.timeline,
        text: input.timeline.text
          .replace('entries: [doi-moi, srv]', 'entries: [doi-moi, vietnam]')
          .replace('Cooperation documents in more than 30 fields', 'Cooperation documents')
          .replace('covering more than 30 fields such', 'covering more than 40 fields such'),
      },
    };
    const error = (await compileCorpus(broken).catch((e: Error) => e)) as Error;
    expect(error.message).toContain('event "doi-moi-1980s": entry "vietnam" does not exist');
    expect(error.message).toContain('event "cooperation-documents-2023" account 1: the quote is not in the document');
  });
});

describe('the reviewer’s tools', () => {
  const paragraph = (n: number, text: string, docId = 'doc'): Paragraph => ({
    docId,
    n,
    text,
    sentences: splitSentences(text),
  });

  it('keeps a sentence whole across initials and abbreviations, and splits it at a full stop', () => {
    const text = 'President Joseph R. Biden Jr. met the U.S. Secretary of State. The Leaders agreed.';
    expect(splitSentences(text).map(([a, b]) => text.slice(a, b))).toEqual([
      'President Joseph R. Biden Jr. met the U.S. Secretary of State.',
      'The Leaders agreed.',
    ]);
  });

  it('finds the names no mention covers: runs of capitals, not sentence-initial words, headings or dates', () => {
    const paragraphs = [
      paragraph(
        1,
        'Issues of trade were raised. China and Vietnam met the Chongyang Institute for Financial Studies on Tuesday, October 3.',
      ),
      paragraph(2, 'DEFENSE AND SECURITY'),
      paragraph(3, 'Vietnam agreed with China. Acknowledging this, the Leaders met in Hanoi.'),
    ];
    const hanoi = paragraphs[2].text.indexOf('Hanoi');
    const mentions = [{ entryId: 'hanoi', docId: 'doc', paragraph: 3, start: hanoi, end: hanoi + 5, text: 'Hanoi' }];
    expect(uncoveredNames(paragraphs, mentions).map((f) => f.name)).toEqual([
      'China and Vietnam',
      'Chongyang Institute for Financial Studies',
      'Vietnam',
      'China',
      'Leaders',
    ]);
    const exclusions = ['China', 'Vietnam', 'Leaders', 'Mekong'].map((name, i) => ({ name, reason: 'r', line: i + 1 }));
    const { coverage, unused } = coverageOf(uncoveredNames(paragraphs, mentions), mentions, exclusions);
    expect(coverage.uncovered.map((u) => u.name)).toEqual(['Chongyang Institute for Financial Studies']);
    expect(coverage).toMatchObject({ names: 5, byEntries: 1, excluded: 3 });
    expect(unused.map((e) => e.name)).toEqual(['Mekong']);
  });

  it('tells who speaks: a name beside a speech verb, a pronoun for the last one named, an interview’s answer', () => {
    const paragraphs = [
      paragraph(1, 'Xi said the talks went well. Both sides agreed.'),
      paragraph(2, 'Trade will grow, he said.'),
      paragraph(3, 'Nie Huihui: The bond is strong.'),
      paragraph(4, 'It grows each year.'),
      paragraph(5, 'What do you think?'),
    ];
    const voices = new DocumentVoices(paragraphs, 'interview');
    const at = (n: number, quote: string, speaker?: string) => {
      const text = paragraphs[n - 1].text;
      return voices.attribute(n, text.indexOf(quote), text.indexOf(quote) + quote.length, speaker);
    };
    expect(at(1, 'Xi said the talks went well.')).toEqual({});
    expect(at(1, 'Both sides agreed.')).toEqual({ attribution: 'narration' });
    expect(at(2, 'Trade will grow, he said.', 'Xi')).toEqual({ attribution: { speaker: 'Xi' } });
    expect(at(2, 'Trade will grow, he said.', 'Trong')).toEqual({
      problem: 'the text gives these words to "Xi", not to "Trong"',
    });
    expect(at(2, 'Trade will grow')).toMatchObject({ problem: expect.stringContaining('cut before "he said"') });
    expect(at(3, 'The bond is strong.', 'Nie Huihui')).toEqual({ attribution: { speaker: 'Nie Huihui' } });
    expect(at(4, 'It grows each year.', 'Nie Huihui')).toEqual({ attribution: { speaker: 'Nie Huihui' } });
    expect(at(5, 'What do you think?')).toEqual({ attribution: 'narration' });
  });

  it('reads the year, month and day a date in words states, and lets the ordering say no more', () => {
    expect(datePartsOf('Dec. 12, 2023')).toEqual({ year: 2023, month: 12, day: 12 });
    expect(datePartsOf('in the 1980s')).toEqual({ year: 1980 });
    expect(datePartsOf('on Tuesday')).toEqual({});
    expect(sortAgrees('2023-12-12', 'from Dec. 12 to 13', '2023-12-12')).toBe(true);
    expect(sortAgrees('2023-12-13', 'from Dec. 12 to 13', '2023-12-12')).toBe(false);
    expect(sortAgrees('2023-12', 'On December 12', null)).toBe(false);
  });
});
