/**
 * The card layer, loaded on first use. Every page runs the content script, and most never show a
 * card: the card's code (Preact, Floating UI, the Card view) is a separate script, fetched from the
 * extension when the pointer first comes to rest on a term — during the dwell, so it is usually in
 * place before the card is due.
 */
import { browser } from 'wxt/browser';
import type { CardLayer } from '../../components/card-layer';
import { CARD_LAYER_GLOBAL, CARD_UI_SCRIPT, type CardLayerGlobal } from '../../components/card-layer-global';
import type { CardContext } from '../../components/card-presenter';
import type { Preferences } from '../../lib/settings';

export class LazyCardLayer {
  /** The card layer, once its script is here. */
  current: CardLayer | null = null;
  private loading: Promise<CardLayer | null> | null = null;
  private removed = false;

  constructor(
    private readonly context: CardContext,
    private readonly theme: () => Preferences['theme'],
  ) {}

  /** The card layer, loading its script the first time; null if it cannot be loaded. */
  load(): Promise<CardLayer | null> {
    this.loading ??= import(/* @vite-ignore */ browser.runtime.getURL(CARD_UI_SCRIPT)).then(
      () => {
        const Layer = (globalThis as CardLayerGlobal)[CARD_LAYER_GLOBAL];
        if (!Layer || this.removed) return null;
        this.current = new Layer(this.context);
        this.current.setTheme(this.theme());
        return this.current;
      },
      // The extension is gone (updated or removed) or the script is missing: no card, no error on the page.
      () => null,
    );
    return this.loading;
  }

  remove(): void {
    this.removed = true;
    this.current?.remove();
    this.current = null;
  }
}
