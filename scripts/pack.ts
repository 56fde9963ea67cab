/**
 * `npm run pack -- <folder> [--out FILE] [--gzip]`: builds a knowledge pack from a folder laid out like
 * corpus/ (documents with their metadata, glossary.yaml, timeline.yaml, exclusions.yaml, and pack.yaml
 * for the manifest). Every quote is verified by the corpus compiler; a failing one stops the build
 * with file, line and nearest text. Writes `<id>-<version>.gloss` (or FILE) and prints what it holds;
 * `--gzip` writes it compressed, for sharing (Gloss reads both).
 */
import { writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { buildPack } from '../adapters/node-corpus';
import { PACK_EXTENSION } from '../lib/packs/format';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : undefined;
const folder = args.find((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
if (!folder) {
  console.error('usage: npm run pack -- <folder> [--out FILE] [--gzip]');
  process.exit(2);
}
try {
  const pack = await buildPack(folder);
  const { manifest, compiled } = pack;
  const file = out ?? `${manifest.id}-${manifest.version}${PACK_EXTENSION}`;
  const text = JSON.stringify(pack);
  const bytes = args.includes('--gzip') ? gzipSync(text) : Buffer.from(text);
  await writeFile(file, bytes);
  const { coverage } = compiled.report;
  const facts = compiled.entries.reduce((n, e) => n + e.facts.length, 0);
  console.log(`${manifest.title} ${manifest.version} (${manifest.id}), by ${manifest.authors.join(', ')}`);
  console.log(
    `  ${compiled.documents.length} documents, ${compiled.paragraphs.length} paragraphs; ${compiled.entries.length} entries, ${compiled.aliases.length} aliases, ${facts} facts (every quote verified); ${compiled.mentions.length} mentions; ${compiled.timeline.length} timeline events`,
  );
  console.log(
    `  coverage of the names in the documents: ${coverage.names} names, ${coverage.byEntries} by entries, ${coverage.excluded} excluded with a reason`,
  );
  console.log(`  hash ${pack.hash}`);
  console.log(
    `Wrote ${file} (${(bytes.length / 1024).toFixed(0)} KB${bytes.length < text.length ? `, ${(text.length / 1024).toFixed(0)} KB uncompressed` : ''})`,
  );
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
}
