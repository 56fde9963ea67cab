/**
 * A generated knowledge pack for the scale measurements (bench/packs.mjs): a folder laid out like
 * corpus/, as a newsroom's pack would be, built by `npm run pack` like any other. By default 1,000
 * documents (about 5 MB of text) and 5,000 entries, among them two the bundled pack has too (Hanoi,
 * the Regional Comprehensive Economic Partnership), named in many of the documents so cards list
 * them under "Also in". Every label and fact is a sentence of the documents, so the compiler's
 * checks (quotes, labels that define, narration, coverage) pass as they must for a real pack.
 * Deterministic: the same sizes give the same folder.
 *   npx tsx bench/scale-pack.ts <folder> [documents] [entries]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface ScaleSizes {
  documents: number;
  entries: number;
}
export const SCALE: ScaleSizes = { documents: 1000, entries: 5000 };
export const SCALE_PACK_ID = 'delta-wire-archive';

/** Entries the bundled pack has too: the generated documents name them often. */
const SHARED = [
  {
    id: 'hanoi',
    name: 'Hanoi',
    kind: 'place',
    every: 3,
    label: 'the capital where the river traders meet each spring',
    fact: 'Hanoi, the capital where the river traders meet each spring, hosted them again this year.',
  },
  {
    id: 'rcep',
    name: 'Regional Comprehensive Economic Partnership',
    kind: 'agreement',
    every: 4,
    label: 'the trade pact the river ports now work under',
    fact: 'The Regional Comprehensive Economic Partnership is the trade pact the river ports now work under.',
  },
] as const;

const SYLLABLES = [
  'qua',
  'zor',
  'vel',
  'thi',
  'mek',
  'dru',
  'nax',
  'pol',
  'fyr',
  'gud',
  'wex',
  'jol',
  'bri',
  'sam',
  'kot',
  'lun',
];
const KINDS = ['institution', 'place', 'initiative', 'media', 'concept'] as const;
const NOUNS = [
  'water board',
  'ferry company',
  'river council',
  'market town',
  'canal works',
  'fishing union',
  'rice exchange',
  'port authority',
];
const FILLER = [
  'the boats waited at the locks while the water rose slowly over the flats',
  'traders counted the crates of fruit before the trucks left for the border',
  'the dry season came early this year and the canals ran low by the end of it',
  'the harbour office kept its books open late to clear the barges in time',
  'fishermen spoke little of the catch, which was smaller than the year before',
  'the new bridge carried more lorries than the ferry ever did in its best month',
  'rain in the hills filled the reservoirs and the sluices were opened at night',
];

/** A generator of numbers in [0, 1), the same for the same seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** `count` distinct names of two made-up words each ("Quazor Velthi"), which no real text holds. */
function names(count: number): string[] {
  const next = random(0x5ca1e);
  const word = () => {
    let w = '';
    for (let i = 0, n = 2 + Math.floor(next() * 2); i < n; i++) w += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  const seen = new Set<string>();
  while (seen.size < count) seen.add(`${word()} ${word()}`);
  return [...seen];
}

const pad = (n: number) => String(n).padStart(4, '0');

/** Writes the folder: documents with their metadata, glossary, timeline, exclusions and the manifest. */
export async function writeScalePackFolder(dir: string, { documents, entries }: ScaleSizes = SCALE): Promise<void> {
  await mkdir(dir, { recursive: true });
  const next = random(0xd0c5);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
  const own = names(entries - SHARED.length);
  const docId = (d: number) => `report-${pad(d)}`;
  // Each document gathers its sentences paragraph by paragraph: the first holds its entries' definitions.
  const sentences: string[][] = Array.from({ length: documents }, () => []);
  const glossary: object[] = [];
  const timeline: object[] = [];

  own.forEach((name, i) => {
    const home = i % documents;
    const other = (i * 7 + 3) % documents;
    const label = `a ${NOUNS[i % NOUNS.length]} set up for lock ${i + 1} on the lower river`;
    const defining = `${name} is ${label}.`;
    const year = 1990 + (i % 30);
    const second = `${name} opened ${2 + (i % 9)} offices along the canal in ${year}.`;
    sentences[home].push(defining);
    sentences[other].push(second);
    const id = `entry-${pad(i)}`;
    glossary.push({
      id,
      name,
      kind: KINDS[i % KINDS.length],
      label: { quote: label, doc: docId(home) },
      facts: [
        { quote: defining, doc: docId(home) },
        { quote: second, doc: docId(other) },
      ],
      related: [`entry-${pad((i + 1) % own.length)}`],
    });
    if (i % 50 === 0)
      timeline.push({
        id: `offices-${pad(i)}`,
        title: `${name} opens offices on the canal`,
        sort: String(year),
        accounts: [{ when: `in ${year}`, quote: second, doc: docId(other) }],
        entries: [id],
      });
  });
  for (const shared of SHARED) {
    glossary.push({
      id: shared.id,
      name: shared.name,
      kind: shared.kind,
      label: { quote: shared.label, doc: docId(0) },
      facts: [{ quote: shared.fact, doc: docId(0) }],
      related: [],
    });
    for (let d = 0; d < documents; d += shared.every)
      sentences[d].push(
        d === 0 ? shared.fact : `The report from the delta named ${shared.name} again, as report ${d + 1} shows.`,
      );
  }

  // About 5 KB a document: its own sentences, then ordinary ones naming an entry now and then.
  for (let d = 0; d < documents; d++) {
    const paragraphs: string[] = [sentences[d].join(' ')];
    let size = paragraphs[0].length;
    while (size < 5000) {
      const paragraph: string[] = [];
      for (let s = 0; s < 5; s++) {
        const text = pick(FILLER);
        const sentence =
          next() < 0.3
            ? `${text[0].toUpperCase()}${text.slice(1)}, near the offices of ${pick(own)}.`
            : `${text[0].toUpperCase()}${text.slice(1)}.`;
        paragraph.push(sentence);
      }
      const line = paragraph.join(' ');
      paragraphs.push(line);
      size += line.length;
    }
    const title = `River report, number ${d + 1}`;
    await writeFile(join(dir, `${pad(d)}_${docId(d)}.txt`), [title, ...paragraphs].join('\n') + '\n');
    await writeFile(
      join(dir, `${pad(d)}_${docId(d)}.meta.yaml`),
      stringify({
        id: docId(d),
        title,
        outlet: 'Delta Wire',
        authors: [],
        perspective: 'not-stated',
        genre: 'report',
        date: null,
      }),
    );
  }
  const header = (what: string) =>
    `# Generated by bench/scale-pack.ts for the scale measurements: ${what}, in corpus/'s schema.\n`;
  await writeFile(
    join(dir, 'glossary.yaml'),
    header('the glossary') + stringify({ entries: glossary }, { lineWidth: 0 }),
  );
  await writeFile(
    join(dir, 'timeline.yaml'),
    header('the timeline') + stringify({ events: timeline }, { lineWidth: 0 }),
  );
  await writeFile(join(dir, 'exclusions.yaml'), header('no name is left out') + stringify({ exclusions: [] }));
  await writeFile(
    join(dir, 'pack.yaml'),
    header('the manifest') +
      stringify({
        id: SCALE_PACK_ID,
        title: 'Delta Wire archive (generated)',
        version: '1.0.0',
        authors: ['Gloss benchmark'],
        licence: 'Generated text, free to use.',
        created: '2026-12-01',
        description: `${documents} generated river reports and ${entries} entries, for measuring Gloss at scale.`,
      }),
  );
}

if (process.argv[1]?.endsWith('scale-pack.ts')) {
  const [dir, documents, entries] = process.argv.slice(2);
  if (!dir) throw new Error('usage: npx tsx bench/scale-pack.ts <folder> [documents] [entries]');
  await writeScalePackFolder(dir, {
    documents: Number(documents ?? SCALE.documents),
    entries: Number(entries ?? SCALE.entries),
  });
}
