// `npm test`: every test Gloss has, in order — type checks, lint and format, unit and component tests (Vitest), a fresh
// build, the end-to-end suites in Chromium and Firefox, the store zips' checks, and a smoke run of the
// benchmark. Ends with every failure named, then one line for the whole run: "N passed, N failed"
// (CI may keep only the end of the output).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let passed = 0;
let failed = 0;
/** What failed, named, for the end of the output. */
const failures = [];
const run = (label, command, args) => {
  console.log(`\n── ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  process.stdout.write(result.stdout ?? '');
  return { ok: result.status === 0, stdout: result.stdout ?? '' };
};
const step = (label, ok) => {
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  console.log(`${ok ? '✓' : '✗'} ${label}`);
};

step('type check', run('type check', 'npx', ['tsc', '--noEmit']).ok);
// The JavaScript of e2e/, bench/ and scripts/ has a config of its own, less strict (README says why).
const tools = 'type check of e2e, bench and scripts';
step(tools, run(tools, 'npx', ['tsc', '-p', 'tsconfig.tools.json', '--noEmit']).ok);
// Lint (ESLint with typescript-eslint) and format (Prettier) over every folder, as eslint.config.mjs
// and .prettierrc.json say: a line over 120 columns fails here.
step('lint', run('lint', 'npx', ['eslint', '.']).ok);
step('format', run('format', 'npx', ['prettier', '--check', '.']).ok);

const report = join(mkdtempSync(join(tmpdir(), 'gloss-vitest-')), 'report.json');
const unit = run('unit and component tests', 'npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${report}`,
]);
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (r.numFailedTestSuites ?? 0) + (r.numTotalTests === 0 ? 1 : 0);
  // A skipped or to-do test passes nothing: it is named here, and under CI it fails the run.
  const skipped = r.testResults.flatMap((file) =>
    file.assertionResults
      .filter((t) => t.status === 'pending' || t.status === 'skipped' || t.status === 'todo')
      .map((t) => `${t.fullName} (${file.name})`),
  );
  for (const file of r.testResults) {
    for (const t of file.assertionResults)
      if (t.status === 'failed') failures.push(`unit: ${t.fullName} (${file.name})`);
  }
  if (skipped.length) {
    console.log(`${process.env.CI ? '✗' : '!'} ${skipped.length} unit tests skipped:\n  ${skipped.join('\n  ')}`);
    if (process.env.CI) {
      failed += skipped.length;
      failures.push(...skipped.map((name) => `unit, skipped: ${name}`));
    }
  }
  // Vitest fails the run on an error no test caught (a rejection after a test ended): counted once.
  if (!unit.ok && r.numFailedTests === 0 && !r.numFailedTestSuites) {
    failed++;
    failures.push('unit: errors outside the tests');
    console.log('✗ Vitest reported errors outside the tests (see "Unhandled Errors" above)');
  }
} catch {
  failed++;
  failures.push('unit: the report could not be read');
  console.log('✗ the unit test report could not be read');
}

const build = run('build', 'npm', ['run', 'build', '--silent']);
step('build for Chrome and Firefox', build.ok);
if (build.ok) {
  // The content script runs on every page: it asks the background for data, so it must not carry the
  // store or the search engine, and it loads the card's script on first use, so it must not carry the
  // card's libraries either. Each library is recognised by a string only it contains.
  const shippedFile = (name) => readFileSync(`.output/chrome-mv3/${name}`, 'utf8');
  const contentScript = shippedFile('finder.js');
  for (const [library, marker, home] of [
    ['Dexie', 'MissingAPIError', 'background.js'],
    ['Fuse.js', "Incorrect 'index' type", 'background.js'],
    ['Preact', 'dangerouslySetInnerHTML', 'card-ui.js'],
    ['Floating UI', 'getClippingRect', 'card-ui.js'],
  ]) {
    step(
      `the content script carries no ${library} (it is in ${home})`,
      shippedFile(home).includes(marker) && !contentScript.includes(marker),
    );
  }
  // Nor any module of the card's: its source map names every module the finder was built from. The one
  // the two scripts meet through (the card script's URL and global name) is the exception.
  const finderSources = JSON.parse(shippedFile('finder.js.map')).sources;
  const cardModules = finderSources.filter(
    (source) =>
      /(^|\/)(components|node_modules\/preact)\//.test(source) && !source.endsWith('components/card-layer-global.ts'),
  );
  step(
    `the content script carries none of the card's modules (components/, Preact)${cardModules.length ? `: ${cardModules.join(', ')}` : ''}`,
    finderSources.length > 0 && cardModules.length === 0,
  );
  // Every frame but the top one evaluates frame.js, and the finder only once the frame holds text:
  // frame.js must not carry the finder's matching.
  const frameScript = shippedFile('frame.js');
  step(
    'the script of every frame but the top one is small and carries no matcher (frame.js, at most 8 KB)',
    frameScript.length <= 8 * 1024 && !frameScript.includes('pageMatcher') && contentScript.includes('pageMatcher'),
  );
  // No code from anywhere but the package, and none made from strings.
  const shipped = ['.output/chrome-mv3', '.output/firefox-mv2'].flatMap((dir) =>
    readdirSync(dir, { recursive: true }).map((f) => join(dir, String(f))),
  );
  const code = shipped.filter((f) => /\.(js|html)$/.test(f)).map((f) => [f, readFileSync(f, 'utf8')]);
  // The Function constructor with `new` or without (wxt.config.ts replaces pdf.js's calls of it).
  const offenders = code
    .filter(([, text]) => /\beval\(|(?<![\w$.])Function\(|<script[^>]+src=["']?(https?:)?\/\//.test(text))
    .map(([f]) => f);
  step('the build has no eval, no Function constructor and no remote script', offenders.length === 0);
  if (offenders.length) console.log(`  in: ${offenders.join(', ')}`);
  for (const browser of ['chromium', 'firefox']) {
    const e2e = run(`end to end (${browser})`, 'node', ['e2e/run.mjs', browser]);
    const counts = e2e.stdout.match(/e2e: (\d+) passed, (\d+) failed/);
    // The suite names its failures after "Failed:" (e2e/run.mjs).
    const named =
      e2e.stdout
        .split('\nFailed:\n')[1]
        ?.split('\n')
        .filter((l) => l.startsWith('  ✗ ')) ?? [];
    failures.push(...named.map((l) => `e2e (${browser}): ${l.slice(4)}`));
    if (counts) {
      passed += Number(counts[1]);
      failed += Number(counts[2]);
    } else {
      failed++;
      failures.push(`e2e (${browser}): the suite did not report`);
      console.log(`✗ the ${browser} suite did not report`);
    }
    if (!e2e.ok && counts && counts[2] === '0') {
      failed++;
      failures.push(`e2e (${browser}): exited with an error after passing`);
    }
  }
}

// The store zips, as `npm run zip` writes them, through the checks the stores run on an upload
// (scripts/store-check.mjs: web-ext lint for Firefox, Chromium's packer for Chrome).
const zip = build.ok ? run('store zips', 'npm', ['run', 'zip', '--silent']) : null;
if (zip) {
  step('npm run zip', zip.ok);
  if (zip.ok)
    step("the store zips pass the stores' checks", run('store checks', 'node', ['scripts/store-check.mjs']).ok);
}

// The benchmark, once, on a small page: proof that it still runs (its numbers are not judged here).
// The store zips step has just built everything the benchmark measures.
if (build.ok)
  step(
    'benchmark smoke run',
    run('benchmark smoke run', 'node', ['bench/run.mjs', '--smoke', ...(zip?.ok ? ['--no-build'] : [])]).ok,
  );

if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
