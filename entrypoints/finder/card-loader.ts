/**
 * The card layer, loaded on first use. Every page runs the content script, and most never show a
 * card: the card's code (Preact, Floating UI, the Card view) is a separate script, fetched from the
 * extension when the pointer first comes to rest on a term — during the dwell, so it is usually in
 * place before the card is due.
 */
import { browser } from 'wxt/browser';
import type { CardView } from '../../components/Card';
import type { CardCallbacks, CardLayer } from '../../components/card-layer';
import { CARD_LAYER_GLOBAL, CARD_UI_SCRIPT, type CardLayerGlobal } from '../../components/card-layer-global';
import type { Preferences } from '../../lib/settings';

export class LazyCardLayer {
  private layer: CardLayer | null = null;
  private loading: Promise<CardLayer | null> | null = null;
  private theme: Preferences['theme'] = 'system';
  private removed = false;

  constructor(private readonly callbacks: CardCallbacks) {}

  /** The card's host element, once it exists (for "is the pointer over the card"). */
  get host(): HTMLElement | null {
    return this.layer?.host ?? null;
  }

  /** The card layer, loading its script the first time; null if it cannot be loaded. */
  load(): Promise<CardLayer | null> {
    this.loading ??= import(/* @vite-ignore */ browser.runtime.getURL(CARD_UI_SCRIPT)).then(
      () => {
        const Layer = (globalThis as CardLayerGlobal)[CARD_LAYER_GLOBAL];
        if (!Layer || this.removed) return null;
        this.layer = new Layer(this.callbacks);
        this.layer.setTheme(this.theme);
        return this.layer;
      },
      // The extension is gone (updated or removed) or the script is missing: no card, no error on the page.
      () => null,
    );
    return this.loading;
  }

  async show(view: CardView, anchor: Range, focus = false): Promise<void> {
    await (await this.load())?.show(view, anchor, focus);
  }

  /** Whether the focus is in the card. */
  hasFocus(): boolean {
    return this.layer?.hasFocus() ?? false;
  }

  setTheme(theme: Preferences['theme']): void {
    this.theme = theme;
    this.layer?.setTheme(theme);
  }

  hide(): void {
    this.layer?.hide();
  }

  remove(): void {
    this.removed = true;
    this.layer?.remove();
    this.layer = null;
  }
}
