/**
 * `npm run corpus`: compiles corpus/ into the knowledge bundle, prints what it holds and what the
 * glossary may be missing. `--out FILE` also writes the bundle. Exits 1 with the compiler's message
 * when a quote or a file is wrong.
 */
import { writeFile } from 'node:fs/promises';
import { compileCorpusDir } from '../lib/corpus/load';

const outIndex = process.argv.indexOf('--out');
try {
  const bundle = await compileCorpusDir('corpus');
  const mentionedDocs = new Map<string, Set<string>>();
  for (const m of bundle.mentions) {
    if (!mentionedDocs.has(m.entryId)) mentionedDocs.set(m.entryId, new Set());
    mentionedDocs.get(m.entryId)!.add(m.docId);
  }
  console.log(`Knowledge bundle ${bundle.hash.slice(0, 12)}`);
  console.log(`  ${bundle.documents.length} documents, ${bundle.paragraphs.length} paragraphs`);
  console.log(`  ${bundle.entries.length} entries, ${bundle.aliases.length} aliases, ${bundle.entries.reduce((n, e) => n + e.facts.length, 0)} facts (all quotes verified)`);
  console.log(`  ${bundle.mentions.length} mentions of ${mentionedDocs.size} entries`);
  console.log(`  ${bundle.timeline.length} timeline events (${bundle.timeline.filter((t) => t.when).length} dated by the text)`);
  for (const d of bundle.documents) {
    const n = bundle.mentions.filter((m) => m.docId === d.id).length;
    console.log(`    ${d.id}: ${n} mentions`);
  }
  const { acronyms, uncoveredNames, unmentioned } = bundle.report;
  console.log('\nAcronym definitions in the corpus:');
  for (const a of acronyms) console.log(`  ${a.covered ? 'covered  ' : 'MISSING  '} ${a.acronym} = ${a.expansion} (${a.docId} ¶ ${a.paragraph})`);
  console.log('\nCapitalised names no entry covers (most frequent first):');
  for (const n of uncoveredNames.slice(0, 40)) console.log(`  ${String(n.count).padStart(3)}  ${n.name}`);
  if (unmentioned.length) console.log(`\nEntries no document mentions: ${unmentioned.join(', ')}`);
  if (outIndex > 0) {
    await writeFile(process.argv[outIndex + 1], JSON.stringify(bundle));
    console.log(`\nWrote ${process.argv[outIndex + 1]}`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
