// Runs the end-to-end suite against the built extension in Chromium and Firefox.
//   node e2e/run.mjs [chromium|firefox]   (both by default; build first: npm run build)
// Prints one line per test, the failures again at the end (with their screenshots under
// .output/e2e-failures) and, last, "N passed, N failed".
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumDriver, firefoxDriver, CHROMIUM, FIREFOX } from './drivers.mjs';
import { startRecordingProxy } from './proxy.mjs';
import { startServer } from './server.mjs';
import { runTests } from './harness.mjs';
import { defineSuite, defineVietnameseSuite } from './suite.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const builds = { chromium: resolve(root, '.output/chrome-mv3'), firefox: resolve(root, '.output/firefox-mv2') };
const drivers = { chromium: chromiumDriver, firefox: firefoxDriver };
const executables = { chromium: CHROMIUM, firefox: FIREFOX };
const only = process.argv[2];

const server = await startServer();
// A second origin, for a page that frames another site's page.
const otherServer = await startServer();
const proxy = await startRecordingProxy();
let passed = 0;
let failed = 0;
const failures = [];
let filtered = 0;
// Each browser runs the suite, then a short one in a second browser whose language is Vietnamese.
const sessions = (name) => [
  { label: name, options: {}, define: defineSuite },
  { label: `${name}, vi`, options: { locale: 'vi' }, define: defineVietnameseSuite },
];
for (const name of Object.keys(drivers)) {
  if (only && only !== name) continue;
  if (!existsSync(builds[name]) || !existsSync(executables[name])) {
    console.log(
      `  ✗ [${name}] cannot run: ${!existsSync(builds[name]) ? `no build at ${builds[name]} (npm run build)` : `no browser at ${executables[name]}`}`,
    );
    failed++;
    continue;
  }
  for (const { label, options, define } of sessions(name)) {
    console.log(`${label}:`);
    let driver;
    try {
      proxy.take();
      driver = await drivers[name](builds[name], { ...options, proxyPort: proxy.port });
      const result = await runTests(
        label,
        define({ driver, origin: server.origin, otherOrigin: otherServer.origin, proxy }),
        driver,
      );
      passed += result.passed;
      failed += result.failed;
      failures.push(...result.failures);
      filtered += result.filtered;
    } catch (error) {
      // Whatever was thrown: its stack if it has one.
      const stack = /** @type {{ stack?: string }} */ (error)?.stack;
      console.log(`  ✗ [${label}] the browser could not be driven: ${stack ?? error}`);
      failures.push(`[${label}] the browser could not be driven`);
      failed++;
    } finally {
      await driver?.close().catch(() => {});
    }
  }
}
await server.close();
await otherServer.close();
await proxy.close();
if (failures.length)
  console.log(
    `\nFailed:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}\n(screenshots and consoles under .output/e2e-failures)`,
  );
// Nothing is left out silently: a filtered run says so, and under CI it fails.
if (filtered) {
  console.log(
    `${filtered} tests not run (GLOSS_E2E_ONLY=${process.env.GLOSS_E2E_ONLY})${process.env.CI ? ': a CI run must run every test' : ''}`,
  );
  if (process.env.CI) failed++;
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
