/**
 * `npm run corpus`: compiles corpus/ into the knowledge bundle, prints what it holds, how the names in
 * the documents are covered, and what the glossary may be missing. `--out FILE` also writes the
 * bundle. Exits 1 with the compiler's message when a quote, a file or the coverage is wrong: every
 * name the documents hold needs an entry or a line in corpus/exclusions.yaml.
 */
import { writeFile } from 'node:fs/promises';
import { compileCorpusDir } from '../adapters/node-corpus';

const outIndex = process.argv.indexOf('--out');
try {
  const bundle = await compileCorpusDir('corpus');
  const mentionedDocs = new Map<string, Set<string>>();
  for (const m of bundle.mentions) {
    if (!mentionedDocs.has(m.entryId)) mentionedDocs.set(m.entryId, new Set());
    mentionedDocs.get(m.entryId)!.add(m.docId);
  }
  const facts = bundle.entries.flatMap((e) => e.facts);
  console.log(`Knowledge bundle ${bundle.hash.slice(0, 12)}`);
  console.log(`  ${bundle.documents.length} documents, ${bundle.paragraphs.length} paragraphs`);
  console.log(
    `  ${bundle.entries.length} entries (${bundle.entries.filter((e) => e.label).length} with a label), ${bundle.aliases.length} aliases, ${facts.length} facts (all quotes verified)`,
  );
  console.log(
    `  facts: ${facts.filter((f) => !f.attribution).length} name their speaker, ${facts.filter((f) => typeof f.attribution === 'object').length} have one named beside them, ${facts.filter((f) => f.attribution === 'narration').length} are the documents' narration; ${facts.filter((f) => f.truncated).length} cut short, ${facts.filter((f) => f.note).length} with a note`,
  );
  console.log(`  ${bundle.mentions.length} mentions of ${mentionedDocs.size} entries`);
  console.log(
    `  ${bundle.timeline.length} timeline events (${bundle.timeline.filter((t) => t.sort).length} dated by the texts, ${bundle.timeline.filter((t) => t.accounts.length > 1).length} with more than one account)`,
  );
  for (const d of bundle.documents) {
    const n = bundle.mentions.filter((m) => m.docId === d.id).length;
    console.log(`    ${d.id} (${d.perspective}): ${n} mentions`);
  }
  const { acronyms, unmentioned, coverage } = bundle.report;
  const percent = coverage.names ? (100 * (coverage.byEntries + coverage.excluded)) / coverage.names : 100;
  console.log(
    `\nCoverage of the names in the documents: ${percent.toFixed(1)} % (${coverage.names} names: ${coverage.byEntries} covered by entries, ${coverage.excluded} excluded with a reason in corpus/exclusions.yaml)`,
  );
  console.log('\nAcronym definitions in the corpus:');
  for (const a of acronyms)
    console.log(`  ${(a.covered || 'MISSING').padEnd(9)} ${a.acronym} = ${a.expansion} (${a.docId} ¶ ${a.paragraph})`);
  if (unmentioned.length) console.log(`\nEntries no document mentions: ${unmentioned.join(', ')}`);
  if (outIndex > 0) {
    await writeFile(process.argv[outIndex + 1], JSON.stringify(bundle));
    console.log(`\nWrote ${process.argv[outIndex + 1]}`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
