import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Points `wxt/browser` at tests/mock-browser.ts instead of WXT's mock, which imports all of
 * wxt/testing (esbuild with it) and so breaks the jsdom environment (wxt-dev/wxt#1575).
 */
function lightBrowserMock(): Plugin {
  return {
    name: 'gloss:light-browser-mock',
    enforce: 'post',
    // Runs after WXT's plugin has added its alias, before the aliases are used.
    config(config) {
      const aliases = config.resolve?.alias;
      for (const alias of Array.isArray(aliases) ? aliases : []) {
        if (alias.find === 'wxt/browser')
          alias.replacement = fileURLToPath(new URL('tests/mock-browser.ts', import.meta.url));
      }
    },
  };
}

export default defineConfig({
  plugins: [WxtVitest(), lightBrowserMock()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    setupFiles: ['tests/setup.ts'],
    environment: 'node',
    // Property tests and store seeding are CPU-bound: on a loaded two-core machine they need more than
    // the default five seconds. (No test asserts on time.)
    testTimeout: 60_000,
  },
});
