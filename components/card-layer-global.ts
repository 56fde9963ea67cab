/**
 * How the content script and card-ui.js meet. The content script loads card-ui.js with import()
 * into its own isolated world; card-ui.js leaves the card layer on that world's global object, which
 * the page's scripts cannot see. Only types come from card-layer.tsx, so none of its code (or
 * Preact's) is pulled into the content script.
 */
import type { CardLayer } from './card-layer';

/** The script, as listed in the manifest's web_accessible_resources. */
export const CARD_UI_SCRIPT = '/card-ui.js';

export const CARD_LAYER_GLOBAL = 'glossCardLayer';

export type CardLayerGlobal = typeof globalThis & { [CARD_LAYER_GLOBAL]?: typeof CardLayer };
