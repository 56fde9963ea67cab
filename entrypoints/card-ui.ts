/**
 * The card's code, loaded by the content script into its isolated world the first time a reader
 * rests on a term (see components/card-layer-global.ts).
 */
import '../adapters/i18n-browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CardLayer } from '../components/card-layer';
import { CARD_LAYER_GLOBAL, type CardLayerGlobal } from '../components/card-layer-global';

export default defineUnlistedScript(() => {
  (globalThis as CardLayerGlobal)[CARD_LAYER_GLOBAL] = CardLayer;
});
