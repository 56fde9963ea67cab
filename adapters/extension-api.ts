/**
 * The extension API for the content script, looked up when first asked for. Reading `browser` or
 * `chrome` in a content script makes Chromium build the API's objects for that frame (about 0.15 ms
 * a frame on the benchmark's machine), and the content script loads in every frame of every page,
 * most of which never use them: a tracking pixel, an empty ad slot. wxt/browser looks the API up as
 * it is imported; this looks it up the same way, on first use.
 */
import type { browser as Api } from 'wxt/browser';
import { onFirstUse } from '../lib/on-first-use';

type ExtensionApi = typeof Api;

export const extensionApi = onFirstUse((): ExtensionApi => {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return (scope.browser?.runtime?.id ? scope.browser : scope.chrome) as ExtensionApi;
});
