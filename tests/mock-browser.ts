// `wxt/browser` in tests (see vitest.config.ts): WXT's fake browser, without WXT's own mock module, which imports all
// of wxt/testing (and esbuild with it) and so breaks Vitest's jsdom environment (wxt-dev/wxt#1575).
import { fakeBrowser } from 'wxt/testing/fake-browser';

export const browser = fakeBrowser;
export default fakeBrowser;
