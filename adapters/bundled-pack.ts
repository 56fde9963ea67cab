/**
 * The bundled pack: built from corpus/ by the extension's build (wxt.config.ts, the same builder as
 * `npm run pack`) and shipped inside it (see generated-paths.d.ts).
 */
import { browser } from 'wxt/browser';
import type { PackFile } from '../lib/packs/format';

export const BUNDLED_PACK_PATH = '/bundled.gloss' as const;

/** The bundled pack, as shipped: the background checks it before installing it (lib/store/seed.ts). */
export async function loadBundledPack(): Promise<PackFile> {
  return (await (await fetch(browser.runtime.getURL(BUNDLED_PACK_PATH))).json()) as PackFile;
}
