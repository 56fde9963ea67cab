// Files the build generates (wxt.config.ts, hook build:publicAssets), declared the way WXT declares
// the files it finds in public/, so browser.runtime.getURL accepts them.
import 'wxt/browser';

declare module 'wxt/browser' {
  export interface WxtRuntime {
    getURL(path: '/bundled.gloss'): string;
  }
}
