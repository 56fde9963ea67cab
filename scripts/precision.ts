/**
 * `npm run precision`: Gloss on the labelled precision set (tests/precision), in Node with jsdom: the
 * precision and recall of its marks, what it underlines on long articles, and every mark that differs
 * from the labels. Writes the results into BENCHMARKS.md between its own markers; `--check` only prints.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { compileCorpusDir } from '../adapters/node-corpus';
import { evaluatePage, readLabels, scores, type PageResult } from '../tests/precision/precision';

const { window } = new JSDOM('<!doctype html><html><head></head><body></body></html>', { pretendToBeVisual: true });
// The page scanner reads these DOM interfaces as globals, as it does in a browser.
for (const name of ['Node', 'NodeFilter', 'ShadowRoot', 'Range', 'Element', 'Text', 'MutationObserver'] as const) {
  Object.assign(globalThis, { [name]: window[name] });
}

const bundle = await compileCorpusDir('corpus');
const labelled = readLabels();
const first: PageResult[] = [];
const every: PageResult[] = [];
for (const page of labelled) {
  first.push(await evaluatePage(window.document, bundle, page, 'first'));
  every.push(await evaluatePage(window.document, bundle, page, 'every'));
}

const s = scores(first);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const differences = first.flatMap((r) =>
  r.outcomes
    .filter((o) => o.status !== 'ok')
    .map(
      (o) =>
        `- ${r.page}: ${o.status} "${o.text}" (expected ${o.expected ?? 'none'}, marked ${o.marked ?? 'nothing'}): ${o.context}`,
    ),
);
const perThousand = (marks: number, words: number) => ((1000 * marks) / words).toFixed(1);
const long = first
  .map((r, i) => ({ page: r.page, words: r.words, marks: r.marks, first: r.underlines, every: every[i].underlines }))
  .filter((r) => r.words >= 5000)
  .sort((a, b) => b.words - a.words);

const lines = [
  `Run ${new Date().toISOString().slice(0, 10)}: ${labelled.length} pages, ${first.reduce((n, r) => n + r.outcomes.length, 0)} labelled places where an alias occurs.`,
  '',
  '| measure | result |',
  '|---|---|',
  `| precision: marks that name the entry the text means | ${pct(s.precision)} (${s.right} of ${s.marks}) |`,
  `| recall: labelled mentions marked | ${pct(s.recall)} (${s.right} of ${s.expected}) |`,
  `| recall against meaning, counting mentions the evidence rules give up on purpose | ${pct(s.recallOfMeaning)} |`,
  `| wrong marks | ${s.wrongMarks} |`,
  '',
  'Underlines on the long articles, by default (the first mention of each entry in each section) and with "underline every mention":',
  '',
  '| page | words | mentions found | underlined | per 1,000 words | every mention, per 1,000 words |',
  '|---|---|---|---|---|---|',
  ...long.map(
    (r) =>
      `| ${r.page} | ${r.words} | ${r.marks} | ${r.first} | ${perThousand(r.first, r.words)} | ${perThousand(r.every, r.words)} |`,
  ),
  ...(differences.length ? ['', 'Marks that differ from the labels:', '', ...differences] : []),
];
console.log(lines.join('\n'));

if (!process.argv.includes('--check')) {
  const file = 'BENCHMARKS.md';
  const text = readFileSync(file, 'utf8');
  const block = `<!-- precision:start -->\n${lines.join('\n')}\n<!-- precision:end -->`;
  const updated = text.includes('<!-- precision:start -->')
    ? text.replace(/<!-- precision:start -->[\s\S]*<!-- precision:end -->/, block)
    : `${text.trimEnd()}\n\n## Precision on pages written by others\n\n\`npm run precision\` runs Gloss's matcher and page scanner (in Node, on jsdom) over the labelled set in\ntests/precision: ${labelled.length} pages and, for every place a glossary alias occurs on them, what Gloss must mark there.\nThe same set is a Vitest test (tests/precision.test.ts), which fails on any difference.\n\n${block}\n`;
  writeFileSync(file, updated);
  console.log(`\nWrote the results into ${file}`);
}
process.exit(differences.length ? 1 : 0);
