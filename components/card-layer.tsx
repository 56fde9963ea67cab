/**
 * The card on a web page: Preact in a shadow root (WXT createShadowRootUi), so page CSS cannot reach
 * it and its CSS cannot leak; placed next to the term by @floating-ui/dom. The host element is added
 * only when a card first opens: a page where no card is opened is left exactly as it was.
 *
 * This is most of the weight of Gloss on a page, and most pages never show a card: it ships as its
 * own script, entrypoints/card-ui.ts, which the content script loads on first use.
 */
import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { Citation } from '../lib/corpus/types';
import type { Preferences } from '../lib/settings';
import { Card, type CardView } from './Card';
import { cardAnnouncer, cardHasFocus, focusCard, onCardArrowKey } from './card-keys';
import cardCss from './card.css?inline';
import { placeFloating } from './place';

export interface CardCallbacks {
  citationHref(c: Citation): string;
  onOpenCitation(c: Citation): void;
  entryHref(entryId: string): string;
  onOpenEntry(entryId: string): void;
  onOpenRelated(entryId: string): void;
  onClose(): void;
  onPointerEnter(): void;
  onPointerLeave(): void;
}

export class CardLayer {
  private ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  private mounting: Promise<ShadowRootContentScriptUi<HTMLElement>> | null = null;
  private stopPositioning: (() => void) | null = null;
  private theme: Preferences['theme'] = 'system';
  private announce: ((name: string) => void) | null = null;

  constructor(private readonly callbacks: CardCallbacks) {}

  /** The card's host element, once it exists (for "is the pointer over the card"). */
  get host(): HTMLElement | null {
    return this.ui?.shadowHost ?? null;
  }

  /**
   * Shows `view` next to `anchor`. `focus`: the reader came from the keyboard, so the focus goes into
   * the card, and its opening is said to screen readers once it is ready.
   */
  async show(view: CardView, anchor: Range, focus = false): Promise<void> {
    const ui = await this.mount();
    const box = ui.mounted!;
    render(
      <Card
        view={view}
        citationHref={this.callbacks.citationHref}
        onOpenCitation={this.callbacks.onOpenCitation}
        entryHref={this.callbacks.entryHref}
        onOpenEntry={this.callbacks.onOpenEntry}
        onOpenRelated={this.callbacks.onOpenRelated}
        onClose={this.callbacks.onClose}
      />,
      box,
    );
    box.hidden = false;
    this.place(box, anchor);
    if (!focus) return;
    focusCard(box);
    if (view.status === 'ready') this.announce?.(view.card.name);
  }

  /** Whether the focus is in the card. */
  hasFocus(): boolean {
    return !!this.ui?.mounted && cardHasFocus(this.ui.mounted);
  }

  /** The reader's theme choice; components/card.css reads it from the box. */
  setTheme(theme: Preferences['theme']): void {
    this.theme = theme;
    if (this.ui?.mounted) this.ui.mounted.dataset.theme = theme;
  }

  hide(): void {
    this.stopPositioning?.();
    this.stopPositioning = null;
    const box = this.ui?.mounted;
    if (box) {
      box.hidden = true;
      render(null, box);
    }
  }

  remove(): void {
    this.hide();
    this.ui?.remove();
    this.ui = null;
  }

  private mount(): Promise<ShadowRootContentScriptUi<HTMLElement>> {
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
        box.hidden = true;
        box.addEventListener('pointerenter', () => this.callbacks.onPointerEnter());
        box.addEventListener('pointerleave', () => this.callbacks.onPointerLeave());
        box.addEventListener('keydown', (e) => onCardArrowKey(box, e));
        container.append(box);
        this.announce = cardAnnouncer(container);
        return box;
      },
    }).then((ui) => {
      ui.mount();
      this.ui = ui;
      return ui;
    });
    return this.mounting;
  }

  private place(box: HTMLElement, anchor: Range): void {
    this.stopPositioning?.();
    this.stopPositioning = placeFloating(anchor, box);
  }
}
