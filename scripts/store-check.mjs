// The store zips, checked as the stores check them, with the tools that run on this machine:
// - Firefox: `web-ext lint` (Mozilla's addons-linter, what addons.mozilla.org runs on an upload) on the
//   unpacked Firefox zip. Errors fail; each warning must be one docs/store.md explains (EXPLAINED).
// - Chrome: Chromium packs the unpacked Chrome zip (`--pack-extension`), which loads and validates its
//   manifest, locales and icons as the Web Store's upload does; a manifest it refuses makes no .crx.
// Run by `npm test` after `npm run zip`; prints one ✓/✗ line per check and exits non-zero on a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The warnings that stay, each explained in docs/store.md ("web-ext lint"). (Preact's one assignment
 * to innerHTML is rewritten at build, wxt.config.ts; one back would fail here.)
 */
const EXPLAINED = [
  // The content script loads the card's script with import() of its own packaged URL on first use,
  // and the script of every other frame loads the finder so once the frame holds text.
  { code: 'UNSAFE_VAR_ASSIGNMENT', message: /import/, file: /^(finder|frame)\.js$/ },
  // pdf.js (options page only) can import its worker from a URL, and its worker a JPEG 2000 decoder;
  // Gloss hands pdf.js the worker module itself and reads only text, so neither import runs.
  { code: 'UNSAFE_VAR_ASSIGNMENT', message: /import/, file: /^assets\/pdf(\.worker)?-[\w-]+\.js$/ },
];

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
let failures = 0;
const check = (ok, label, detail = '') => {
  console.log(`${ok ? '✓' : '✗'} ${label}${detail ? `\n  ${detail}` : ''}`);
  if (!ok) failures++;
};
const unpack = (zip) => {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-store-'));
  const result = spawnSync('unzip', ['-q', zip, '-d', join(dir, 'extension')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`could not unpack ${zip}: ${result.stderr}`);
  return join(dir, 'extension');
};

const firefoxZip = `.output/gloss-${version}-firefox.zip`;
const chromeZip = `.output/gloss-${version}-chrome.zip`;
for (const zip of [firefoxZip, chromeZip, `.output/gloss-${version}-sources.zip`])
  check(existsSync(zip), `${zip} was built`);
if (failures) process.exit(1);

const lint = spawnSync(
  'npx',
  ['web-ext', 'lint', '--source-dir', unpack(firefoxZip), '--output=json', '--no-config-discovery'],
  {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  },
);
let report;
try {
  report = JSON.parse(lint.stdout);
} catch {
  check(false, 'web-ext lint reported', lint.stderr.slice(0, 2000));
  process.exit(1);
}
const describe = (m) => `${m.code} in ${m.file}: ${m.message}`;
check(report.errors.length === 0, `web-ext lint: no errors in ${firefoxZip}`, report.errors.map(describe).join('\n  '));
const unexplained = report.warnings.filter(
  (w) => !EXPLAINED.some((e) => e.code === w.code && e.message.test(w.message) && e.file.test(w.file ?? '')),
);
check(
  unexplained.length === 0,
  `web-ext lint: every warning is one docs/store.md explains (${report.warnings.length} warnings, ${report.notices.length} notices)`,
  unexplained.map(describe).join('\n  '),
);

const chromeDir = unpack(chromeZip);
const pack = spawnSync('chromium', ['--headless', '--no-sandbox', `--pack-extension=${chromeDir}`], {
  encoding: 'utf8',
  timeout: 120_000,
});
const refusal = (pack.stderr ?? '')
  .split('\n')
  .filter((line) => /ERROR:.*(manifest|extension|locale|icon)/i.test(line));
check(
  existsSync(`${chromeDir}.crx`) && refusal.length === 0,
  `Chromium packs ${chromeZip} (its manifest, locales and icons load)`,
  refusal.join('\n  '),
);

process.exit(failures ? 1 : 0);
