/**
 * Cards a journalist can trust: each defect a careful reader found in the glossary, put back into the
 * corpus, must be refused by the compiler with a message that says what to fix; and the corpus as it
 * stands must hold what the review asked for (labels, speakers, notes, dates, perspectives, coverage).
 */
import { describe, expect, it } from 'vitest';
import { asOfLabel, attributionLabel, citationLabel } from '../lib/citation';
import { compileCorpus, type CompileInput } from '../lib/corpus/compile';
import { parseGlossary } from '../lib/corpus/glossary';
import type { KnowledgeBundle } from '../lib/corpus/types';
import { sourceInfo } from '../lib/views';
import { readCorpus, realBundle } from './helpers';

/** The compiler's message for the corpus changed by `change`, or null if it compiles. */
async function problemsWith(change: (input: CompileInput) => CompileInput): Promise<string | null> {
  return compileCorpus(change(await readCorpus('corpus'))).then(
    () => null,
    (e: Error) => e.message,
  );
}

/** The glossary with entry `id`'s block edited. */
const editEntry =
  (id: string, edit: (block: string) => string) =>
  (input: CompileInput): CompileInput => {
    const text = input.glossary.text;
    const start = text.indexOf(`  - id: ${id}\n`);
    const next = text.indexOf('\n  - id: ', start + 1);
    const end = next === -1 ? text.length : next + 1;
    expect(start, id).toBeGreaterThan(-1);
    return {
      ...input,
      glossary: { ...input.glossary, text: text.slice(0, start) + edit(text.slice(start, end)) + text.slice(end) },
    };
  };
const replaceIn =
  (file: 'glossary' | 'timeline' | 'exclusions', from: string, to: string) =>
  (input: CompileInput): CompileInput => {
    expect(input[file].text).toContain(from);
    return { ...input, [file]: { ...input[file], text: input[file].text.replace(from, to) } };
  };
const withLabel = (id: string, quote: string, doc: string) =>
  editEntry(id, (block) =>
    block.replace(
      /\n {4}kind: (\w+)\n/,
      `\n    kind: $1\n    label: { quote: ${JSON.stringify(quote)}, doc: ${doc} }\n`,
    ),
  );
const withFact = (id: string, fact: string) =>
  editEntry(id, (block) => block.replace(/\n {4}facts:( \[\])?\n/, `\n    facts:\n      - ${fact}\n`));
const entryOf = (bundle: KnowledgeBundle, id: string) => bundle.entries.find((e) => e.id === id)!;
const sourceOf = (bundle: KnowledgeBundle, docId: string) => sourceInfo(bundle.documents.find((d) => d.id === docId)!);

describe('a label says what its entry is', () => {
  const shared = "Issues related to Hong Kong, Xinjiang and Xizang are all China's internal affairs";
  // The label each entry had before the review, and what the compiler now says of it.
  const before: Record<string, [string, string, string]> = {
    taiwan: [
      'recognizes Taiwan as an inalienable part of the Chinese territory',
      'xinhua-community',
      '"recognizes" makes the label someone\'s statement, not a description',
    ],
    srv: [
      'During the early stages of the SRV, the nation had several difficulties.',
      'cgtn-new-cooperation',
      'a label is a phrase that says what the entry is, not a sentence',
    ],
    cgtn: [
      'a special commentator for CGTN',
      'cgtn-new-cooperation',
      'the label stands in apposition to "Gao Lei" (entry "gao-lei")',
    ],
    'ho-chi-minh': [
      'personally created and carefully cultivated by President Ho Chi Minh City',
      'mondo-new-positioning',
      'a label cannot keep a source\'s error ("President Ho Chi Minh City")',
    ],
    cpv: ['the Communist Party of Vietnam (CPV)', 'peoples-daily-commentary', 'the label only names the entry'],
  };
  it.each(Object.entries(before))(
    "refuses %s's old label: a claim, a sentence, a phrase about someone else, a garble, its name alone",
    async (id, [quote, doc, expected]) => {
      expect(await problemsWith(withLabel(id, quote, doc))).toContain(`entry "${id}" label: ${expected}`);
    },
  );

  it('refuses one label for several entries (Hong Kong, Xinjiang and Xizang shared one)', async () => {
    const message = await problemsWith((input) =>
      ['hong-kong', 'xinjiang', 'xizang'].reduce((i, id) => withLabel(id, shared, 'xinhua-community')(i), input),
    );
    expect(message).toContain('entries "hong-kong", "xinjiang", "xizang" share the label');
  });

  it('leaves the label out where no sentence defines the entry; an entry the documents say nothing about has no facts', async () => {
    const bundle = await realBundle();
    for (const id of ['taiwan', 'hong-kong', 'xinjiang', 'xizang', 'srv', 'cgtn', 'ho-chi-minh', 'cpv'])
      expect(entryOf(bundle, id).label, id).toBeUndefined();
    expect(entryOf(bundle, 'hanoi').label?.quote).toBe('capital of Vietnam');
    expect(entryOf(bundle, 'cgtn').facts).toEqual([]);
    expect(entryOf(bundle, 'ho-chi-minh-city').facts).toEqual([]);
    const labels = bundle.entries.flatMap((e) => (e.label ? [e.label.quote] : []));
    expect(new Set(labels).size).toBe(labels.length);
  });
});

describe('a fact is about its entry and keeps who speaks', () => {
  it.each<[string, string, string]>([
    [
      'after "he said, adding that" (Vietnam\'s stance read as Gloss\'s)',
      '{ quote: "they have received extensive support and positive response from the international community and that Vietnam firmly supports and stands ready to actively join them", doc: xinhua-community }',
      'entry "global-security-initiative" fact 1: the quote is cut after "he said adding that", which says who speaks',
    ],
    [
      'before the words that say who speaks',
      '{ quote: "China and Vietnam should work closely on international and regional issues", doc: xinhua-community }',
      'entry "global-security-initiative" fact 1: the quote is cut before "Xi continued", which says who speaks',
    ],
  ])('refuses a quote cut %s', async (_, fact, expected) => {
    expect(await problemsWith(withFact('global-security-initiative', fact))).toContain(expected);
  });

  it('refuses facts that merely mention their entry, or do not name it at all (CGTN\'s disclaimer, "It can be said…" under Two Corridors)', async () => {
    const disclaimer = await problemsWith(
      withFact('cgtn', '{ quote: "The article reflects the authors’ opinions.", doc: cgtn-new-cooperation }'),
    );
    expect(disclaimer).toContain('entry "cgtn" fact 1: the quote does not name "CGTN"');
    const corridors = await problemsWith(
      withFact(
        'two-corridors',
        '{ quote: "It can be said that deeper cooperation in docking their strategic planning has built a cooperative network covering multiple fields, featuring shared interests, and ushering in a brighter future for the peoples of both countries.", doc: peoples-daily-commentary }',
      ),
    );
    expect(corridors).toContain(
      'entry "two-corridors" fact 1: the quote does not name "Two Corridors and One Economic Circle"',
    );
    const fragment = await problemsWith(
      withFact(
        'belt-and-road',
        '{ quote: "covering more than 30 fields such as the Belt and Road cooperation, inspection and quarantine", doc: xinhua-community }',
      ),
    );
    expect(fragment).toContain(
      'entry "belt-and-road" fact 1: a fact starts where its sentence starts, so that it keeps its subject',
    );
    const sea = await problemsWith(
      withFact(
        'south-china-sea',
        '{ quote: "Xi also called on the two countries to manage differences on maritime issues.", doc: xinhua-community }',
      ),
    );
    expect(sea).toContain('entry "south-china-sea" fact 1: the quote does not name "South China Sea"');
  });

  it('checks the speaker a fact names against the text', async () => {
    const hk =
      'quote: "Issues related to Hong Kong, Xinjiang and Xizang are all China\'s internal affairs, he said, adding that Vietnam opposes any force to interfere in China\'s internal affairs, hopes and also believes that China will maintain stability, development and prosperity.", doc: xinhua-community';
    const wrong = await problemsWith(replaceIn('glossary', `{ ${hk}, speaker: Trong }`, `{ ${hk}, speaker: Xi }`));
    expect(wrong).toContain('entry "hong-kong" fact 1: the text gives these words to "Trong", not to "Xi"');
    const missing = await problemsWith(replaceIn('glossary', `{ ${hk}, speaker: Trong }`, `{ ${hk} }`));
    expect(missing).toContain(
      'entry "hong-kong" fact 1: the sentence gives these words to "Trong": keep the speaker in the quote, or give "speaker"',
    );
    const narration = await problemsWith(
      withFact(
        'to-lam',
        '{ quote: "Vietnam saw significant changes between then and 2016 when the CPV held its 12th National Congress.", doc: cgtn-new-cooperation, speaker: To Lam }',
      ),
    );
    expect(narration).toContain("the sentence gives no one's words: it is the document's own narration");
  });

  it('says who speaks in every fact: the quote itself, a speaker the text names, or the document', async () => {
    const bundle = await realBundle();
    const [hongKong] = entryOf(bundle, 'hong-kong').facts;
    expect(hongKong.attribution).toEqual({ speaker: 'Trong' });
    expect(attributionLabel(hongKong, sourceOf(bundle, hongKong.docId))).toBe('Trong said');
    const [visit] = entryOf(bundle, 'xi-state-visit-2023').facts;
    expect(attributionLabel(visit, sourceOf(bundle, visit.docId))).toBe('Commentary by Zhai Kun');
    const narrator = (id: string) => {
      const [fact] = entryOf(bundle, id).facts;
      return attributionLabel(fact, sourceOf(bundle, fact.docId));
    };
    expect([
      narrator('hanoi'),
      narrator('nie-huihui'),
      narrator('beijing'),
      narrator('us-vietnam-partnership'),
    ]).toEqual([
      'Xinhua reports',
      'Interview by Jiang Xinyu, China.com',
      'Unsigned article',
      'Joint statement published by The White House',
    ]);
    const taiwan = entryOf(bundle, 'taiwan').facts[0];
    expect(taiwan.attribution).toBeUndefined();
    expect(taiwan.quote).toMatch(/Trong said\.$/);
    const [gsi] = entryOf(bundle, 'global-security-initiative').facts;
    expect(gsi).toMatchObject({ attribution: { speaker: 'Trong' }, truncated: true });
  });
});

describe("a source's errors are noted, never corrected", () => {
  it('refuses a quote that keeps a misspelling or a scrubbed name without a note', async () => {
    const withoutNote = (note: string) => replaceIn('glossary', `\n        note: "${note}"`, '');
    const refusals: [(input: CompileInput) => CompileInput, string][] = [
      [
        withoutNote('The source writes “Vo Van Thanh” for Vo Van Thuong.'),
        'entry "vo-van-thuong" fact 1: the quote keeps the source\'s error ("Vo Van Thanh")',
      ],
      [
        withoutNote("The source misspells Xi Jinping's name."),
        'entry "twentieth-cpc-congress" fact 2: the quote keeps the source\'s error ("Xi Jinpig")',
      ],
      [
        withoutNote('“:*” stands in the source where a name was removed: the guest of this visit, Xi Jinping.'),
        'entry "pham-minh-chinh" fact 1: the quote keeps the source\'s error (a scrubbed name ("**" or ":*"))',
      ],
      [
        withFact(
          'nie-huihui',
          '{ quote: "On the afternoon of the 13th, ** and Nguyen Phu Trong met with representatives of young people and friendly personages from China and Vietnam.", doc: mondo-new-positioning }',
        ),
        'entry "nie-huihui" fact 1: the quote keeps the source\'s error (a scrubbed name ("**" or ":*"))',
      ],
    ];
    for (const [change, expected] of refusals) expect(await problemsWith(change)).toContain(expected);
  });

  it('keeps the quotes verbatim, with a note on each error (and the party leader called a "head-of-state delegation")', async () => {
    const bundle = await realBundle();
    const quotes = [
      ...bundle.entries.flatMap((e) => e.facts),
      ...bundle.timeline.flatMap((t) => t.accounts.map((a) => a.citation)),
    ];
    for (const error of [
      'Xi Jinpig',
      'Vo Van Thanh',
      ':*',
      'President Ho Chi Minh City',
      'head-of-state delegation',
      'Secretary-General',
    ]) {
      const keeping = quotes.filter((q) => q.quote.includes(error));
      expect(keeping.length, error).toBeGreaterThan(0);
      for (const q of keeping) expect(q.note, `${error}: ${q.quote}`).toBeTruthy();
    }
  });

  it("flags the sources' misspellings as such, so they match only beside the entry", async () => {
    const { text, file } = (await readCorpus('corpus')).glossary;
    const aliases = parseGlossary(text, file).flatMap((e) => e.aliases);
    for (const spelling of ['Xi Jinpig', 'Vo Van Thanh', 'President Ho Chi Minh City']) {
      expect(
        aliases.find((a) => a.text === spelling),
        spelling,
      ).toMatchObject({ misspelling: true, needs: 'related' });
    }
  });
});

describe('dates as the texts give them', () => {
  it('refuses a date taken from another sentence, such as a photo caption', async () => {
    const dateQuote = await problemsWith(
      replaceIn(
        'timeline',
        '  - id: community-agreed-2023\n',
        '  - id: community-agreed-2023\n    dateQuote: "in Hanoi, capital of Vietnam, Dec. 12, 2023"\n',
      ),
    );
    expect(dateQuote).toContain(
      'event "community-agreed-2023": "dateQuote" is not read: a date must stand in the sentence that reports the event',
    );
    const caption = await problemsWith(replaceIn('timeline', 'when: on Tuesday', 'when: "Dec. 12, 2023"'));
    expect(caption).toContain(
      'event "community-agreed-2023" account 1: "Dec. 12, 2023" is not in the sentence that reports the event',
    );
  });

  it('refuses an ordering date that says more than the text', async () => {
    // October 30 is the unsigned article's, which gives no year; October 31, 2022 is the interview's.
    const message = await problemsWith(replaceIn('timeline', 'sort: "2022-10"', 'sort: "2022-10-30"'));
    expect(message).toContain(
      'event "trong-arrives-beijing-2022": sort "2022-10-30" says more than any account\'s date',
    );
  });

  it('shows both dates where the sources differ (Trong arrives October 31, 2022; the visit runs from October 30)', async () => {
    const bundle = await realBundle();
    const arrival = bundle.timeline.find((t) => t.id === 'trong-arrives-beijing-2022')!;
    expect(arrival.accounts.map((a) => [a.when, a.citation.docId])).toEqual([
      ['October 31, 2022', 'mondo-new-positioning'],
      ['from October 30 to November 2', 'new-height-new-era'],
    ]);
    const trong = entryOf(bundle, 'nguyen-phu-trong').facts.map((f) => f.quote);
    expect(trong.some((q) => q.includes('October 31, 2022'))).toBe(true);
    expect(trong.some((q) => q.includes('from October 30 to November 2'))).toBe(true);
  });

  it("refuses a republisher's date or an update as the publication date", async () => {
    const input = await readCorpus('corpus');
    const withMeta = (docFile: string, meta: Record<string, unknown>) => ({
      ...input,
      documents: input.documents.map((d) =>
        d.file.startsWith(docFile) ? { ...d, meta: { ...(d.meta as object), ...meta } } : d,
      ),
    });
    await expect(
      compileCorpus(withMeta('004', { date: 'Release Date:2023-12-19 14:32:46', dateISO: '2023-12-19' })),
    ).rejects.toThrow(/credits another outlet as its source, so it is the republisher's date/);
    await expect(
      compileCorpus(withMeta('001', { date: 'Updated on 2024-01-29', dateISO: '2024-01-29' })),
    ).rejects.toThrow(/is when the page was updated, not when it was published/);
  });

  it("cites the original's date, or says whose date it gives", async () => {
    const bundle = await realBundle();
    expect(citationLabel(sourceOf(bundle, 'xinhua-community'), 7)).toBe('Xinhua · republished 2023-12-19 · ¶ 7');
    expect(citationLabel(sourceOf(bundle, 'mondo-new-positioning'), 2)).toBe('China.com · updated 2024-01-29 · ¶ 2');
    expect(citationLabel(sourceOf(bundle, 'peoples-daily-commentary'), 2)).toBe(
      "People's Daily Online · 2023-12-12 · ¶ 2",
    );
    expect(citationLabel(sourceOf(bundle, 'cgtn-new-cooperation'), 1)).toBe('CGTN · undated · ¶ 1');
    // No outlet: the title, cut at a word, and a word that none is named.
    expect(citationLabel(sourceOf(bundle, 'new-height-new-era'), 1)).toBe(
      'Bring China Vietnam relations to a new… (no outlet named) · undated · ¶ 1',
    );
  });

  it('gives a person\'s title "as of" the date of the source that gives it', async () => {
    const bundle = await realBundle();
    const asOf = (id: string) => asOfLabel(sourceOf(bundle, entryOf(bundle, id).label!.docId));
    expect(
      Object.fromEntries(
        ['nguyen-phu-trong', 'vo-van-thuong', 'xi-jinping', 'to-lam', 'pham-minh-chinh'].map((id) => [id, asOf(id)]),
      ),
    ).toEqual({
      'nguyen-phu-trong': 'as of 2023-09-11',
      'vo-van-thuong': 'as of 2023-09-11',
      'xi-jinping': 'as of 2023-12-12',
      'to-lam': 'undated source',
      'pham-minh-chinh': 'as of 2024-01-29, when the page was updated',
    });
  });
});

describe('more than one voice', () => {
  it('says who publishes each document, and holds the US–Vietnam joint statement as a sixth', async () => {
    const bundle = await realBundle();
    expect(Object.fromEntries(bundle.documents.map((d) => [d.id, d.perspective]))).toEqual({
      'cgtn-new-cooperation': 'chinese-state-media',
      'mondo-new-positioning': 'chinese-media',
      'peoples-daily-commentary': 'chinese-party-newspaper',
      'new-height-new-era': 'not-stated',
      'xinhua-community': 'chinese-state-media',
      'us-vietnam-joint-statement': 'us-government',
    });
    const statement = bundle.documents.find((d) => d.id === 'us-vietnam-joint-statement')!;
    expect(statement).toMatchObject({ outlet: 'The White House', dateISO: '2023-09-11', genre: 'joint-statement' });
    expect(statement.licence).toMatch(/public domain/);
    const input = await readCorpus('corpus');
    const unsaid = {
      ...input,
      documents: input.documents.map((d, i) =>
        i === 0 ? { ...d, meta: { ...(d.meta as object), perspective: undefined } } : d,
      ),
    };
    await expect(compileCorpus(unsaid)).rejects.toThrow(/"perspective" is required/);
  });

  it('cites more than one side for Trong, Vo Van Thuong, the CPV and the South China Sea', async () => {
    const bundle = await realBundle();
    const perspective = new Map(bundle.documents.map((d) => [d.id, d.perspective]));
    for (const id of ['nguyen-phu-trong', 'vo-van-thuong', 'cpv', 'south-china-sea', 'covid-19', 'hanoi']) {
      const sides = new Set(entryOf(bundle, id).facts.map((f) => perspective.get(f.docId)));
      expect(sides.has('us-government'), id).toBe(true);
      expect(sides.size, id).toBeGreaterThan(1);
    }
  });

  it("quotes both governments' leaders on the China–Vietnam partnership, and keeps the US–Vietnam one apart", async () => {
    const bundle = await realBundle();
    const quotes = entryOf(bundle, 'comprehensive-strategic-partnership').facts.map((f) => f.quote);
    expect(quotes.some((q) => q.includes('Trong warmly welcomed'))).toBe(true);
    expect(entryOf(bundle, 'us-vietnam-partnership').facts.every((f) => f.docId === 'us-vietnam-joint-statement')).toBe(
      true,
    );
    expect(entryOf(bundle, 'comprehensive-strategic-partnership').related).toContain('us-vietnam-partnership');
  });
});

describe('coverage of the names the documents hold', () => {
  it('has entries for what the review found missing, each mentioned where the documents name it', async () => {
    const bundle = await realBundle();
    const mentioned = new Set(bundle.mentions.map((m) => m.entryId));
    const gaps = [
      'to-lam-state-visit',
      'joint-statement-2023',
      'cooperation-documents-2023',
      'four-goods',
      'comrades-and-brothers',
      'anti-corruption-campaign',
      'self-evolution',
      'independent-foreign-policy',
      'maritime-issues',
      'xinhua',
      'peoples-daily',
      'chinese-modernization',
      'socialist-modernization',
      'neighbourhood-diplomacy',
      'eight-major-steps',
      'taiwan-independence',
      'zhai-kun',
    ];
    for (const id of gaps) expect(mentioned.has(id), id).toBe(true);
    expect(entryOf(bundle, 'ho-chi-minh-city').kind).toBe('place');
    expect(entryOf(bundle, 'four-goods').kind).toBe('slogan');
  });

  it('finds the three initiatives in "the Global Development, Global Security, and Global Civilization Initiatives"', async () => {
    const bundle = await realBundle();
    const paragraph = bundle.paragraphs.find(
      (p) => p.docId === 'cgtn-new-cooperation' && p.text.includes('Global Civilization Initiatives'),
    )!;
    const here = bundle.mentions
      .filter((m) => m.docId === paragraph.docId && m.paragraph === paragraph.n)
      .map((m) => [m.entryId, m.text]);
    expect(here).toEqual(
      expect.arrayContaining([
        ['global-development-initiative', 'Global Development'],
        ['global-security-initiative', 'Global Security'],
        ['global-civilization-initiative', 'Global Civilization Initiatives'],
      ]),
    );
  });

  it('fails on a name that neither an entry nor the exclusion list covers, and on a stale exclusion', async () => {
    const uncovered = await problemsWith(
      replaceIn(
        'exclusions',
        '  - { name: Ju Peng, reason: "the photographer\'s credit in a Xinhua caption (\\"Xinhua/Ju Peng\\")" }\n',
        '',
      ),
    );
    expect(uncovered).toContain(
      '"Ju Peng" (xinhua-community ¶ 1) is a name no entry covers: give it an entry, or a line here with the reason',
    );
    const stale = await problemsWith(
      replaceIn(
        'exclusions',
        'exclusions:\n',
        'exclusions:\n  - { name: Friendship Pass, reason: "an entry covers it" }\n',
      ),
    );
    expect(stale).toContain('"Friendship Pass" is no longer a name the documents hold uncovered: remove the line');
    const reasonless = await problemsWith(
      replaceIn(
        'exclusions',
        '  - { name: Ju Peng, reason: "the photographer\'s credit in a Xinhua caption (\\"Xinhua/Ju Peng\\")" }',
        '  - { name: Ju Peng }',
      ),
    );
    expect(reasonless).toMatch(/exclusion "Ju Peng": "reason" must be a non-empty string/);
  });
});
