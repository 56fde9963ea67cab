/**
 * The card on a web page: the card presenter (card-presenter.tsx) in a shadow root (WXT
 * createShadowRootUi), so page CSS cannot reach it and its CSS cannot leak. The host element is added
 * only when a card first opens: a page where no card is opened is left exactly as it was.
 *
 * This is most of the weight of Gloss on a page, and most pages never show a card: it ships as its
 * own script, entrypoints/card-ui.ts, which the content script loads on first use.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Preferences } from '../lib/settings';
import cardCss from './card.css?inline';
import type { CardRequest } from '../lib/card-requests';
import { CardPresenter, type CardContext } from './card-presenter';

type CardUi = ShadowRootContentScriptUi<CardPresenter>;

export class CardLayer {
  private ui: CardUi | null = null;
  private mounting: Promise<CardUi> | null = null;
  private theme: Preferences['theme'] = 'system';

  constructor(private readonly context: CardContext) {}

  /** The card's host element, once it exists (for "is the pointer over the card"). */
  get host(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  /** Shows the card `request` asks for next to `anchor` (components/card-presenter.tsx). */
  async present(request: CardRequest, anchor: Range, isCurrent: () => boolean): Promise<void> {
    const presenter = (await this.mount()).mounted!;
    if (isCurrent()) await presenter.present(request, anchor, isCurrent);
  }

  /** Whether the focus is in the card. */
  hasFocus(): boolean {
    return this.ui?.mounted?.hasFocus() ?? false;
  }

  /** The reader's theme choice; components/card.css reads it from the box. */
  setTheme(theme: Preferences['theme']): void {
    this.theme = theme;
    if (this.ui?.mounted) this.ui.mounted.box.dataset.theme = theme;
  }

  hide(): void {
    this.ui?.mounted?.hide();
  }

  remove(): void {
    this.ui?.mounted?.stop();
    this.ui?.remove();
    this.ui = null;
  }

  private mount(): Promise<CardUi> {
    // WXT's context for the shadow-root UI, made here rather than in the content script, which runs
    // in every frame and keeps its own watch for an extension that went away.
    this.mounting ??= createShadowRootUi(new ContentScriptContext('gloss-card'), {
      name: 'gloss-card',
      position: 'inline',
      // On <html>, not <body>: a transformed or zoomed body would otherwise become the card's frame.
      anchor: () => document.documentElement,
      append: 'last',
      mode: 'open',
      isolateEvents: true,
      css: cardCss,
      onMount: (container) => {
        const box = document.createElement('div');
        box.className = 'gloss-floating';
        box.dataset.theme = this.theme;
        container.append(box);
        return new CardPresenter(box, container, this.context);
      },
    }).then((ui) => {
      ui.mount();
      this.ui = ui;
      return ui;
    });
    return this.mounting;
  }
}
