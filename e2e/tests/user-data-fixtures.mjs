// Large files a reader may give Gloss, made on the spot (deterministic, so runs compare): a long text
// document, HTML nested 100,000 deep, a backup of many documents. Used by e2e/tests/user-data.mjs and
// bench/user-data.mjs.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const SENTENCES = [
  'Delegates from Hanoi and Beijing met again to discuss trade along the border.',
  'The RCEP was mentioned by several speakers as a framework for regional supply chains.',
  'Officials said the port expansion at Lach Huyen would take several more years.',
  'Nguyen Phu Trong was remembered in a short speech before the afternoon session.',
  'Analysts compared the Belt and Road Initiative with earlier programmes of the decade.',
  'Farmers in the Mekong Delta described how the seasons had changed since their childhood.',
  'The committee published its figures late in the evening, without further comment.',
  'A spokesperson declined to say when the next round of talks would take place.',
];

/** Paragraph `n` of the long document: a few sentences, one paragraph per line. */
export function longParagraph(n) {
  let text = `Paragraph ${n}.`;
  for (let k = 0; k < 1 + (n % 2); k++) text += ` ${SENTENCES[(n * 7 + k * 3) % SENTENCES.length]}`;
  return text;
}

/** A plain-text document of `paragraphs` lines (36,000 make about 4.9 MB). */
export function longDocument(paragraphs) {
  const lines = [];
  for (let n = 1; n <= paragraphs; n++) lines.push(longParagraph(n));
  return `${lines.join('\n')}\n`;
}

/** HTML whose body is `depth` nested <div>s around one sentence (100,000 make about 1.1 MB). */
export function nestedHtml(depth) {
  return `<!doctype html><html><head><title>Nested notes</title></head><body><p>Nguyen Phu Trong spoke in Hanoi.</p>${'<div>'.repeat(depth)}The RCEP came up at the deepest level.${'</div>'.repeat(depth)}</body></html>`;
}

/**
 * A Gloss backup (lib/user/backup.ts) of `documents` documents of `paragraphs` paragraphs each, and
 * no entries: what a reader with a large library exports.
 */
export function largeBackup(documents, paragraphs) {
  const docs = [];
  const rows = [];
  for (let d = 1; d <= documents; d++) {
    const id = `user-library-${d}-${String(d).padStart(6, '0')}`;
    docs.push({
      id,
      file: `library-${d}.txt`,
      title: `Library ${d}`,
      outlet: 'Archive',
      authors: [],
      date: null,
      dateISO: null,
      user: true,
    });
    for (let n = 1; n <= paragraphs; n++)
      rows.push({ docId: id, n, text: `${longParagraph(n + d)} (volume ${d})`, sentences: [] });
  }
  return JSON.stringify({
    format: 'gloss-backup',
    version: 1,
    exportedAt: '2026-11-30T00:00:00.000Z',
    documents: docs,
    paragraphs: rows,
    entries: [],
    settings: { preferences: {}, disabledSites: [] },
  });
}

/** Writes `text` to `name` in `dir` and returns the path. */
export async function fixtureFile(dir, name, text) {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}
