/**
 * Cards on a web page: the hover machine (lib/page/hover.ts) decides when a card opens and closes, the
 * card layer (loaded on first use) shows it, the background answers what it holds.
 */
import { browser } from 'wxt/browser';
import { EarlyAnswers, type CardContext, type CardRequest } from '../../components/card-presenter';
import { VIEWER_PAGE, citationTarget, entryHash, viewerHash } from '../../lib/citation';
import { sendMessage } from '../../lib/messages';
import { HoverMachine } from '../../lib/page/hover';
import type { Preferences } from '../../lib/settings';
import { LazyCardLayer } from './card-loader';

/** What a card is anchored to: a marked term, or a selection being looked up. */
export interface CardAnchor extends CardRequest {
  range: Range;
}

export interface PageCardsOptions {
  theme(): Preferences['theme'];
  /** The extension went away: no card may open. */
  extensionGone(): boolean;
  /** The card closed: no term is shown as the active one any more. */
  onClosed(): void;
  /** A card the focus was in closed: the focus goes back to its term. */
  returnFocus(range: Range): void;
}

export class PageCards {
  readonly hover: HoverMachine<CardAnchor>;
  readonly layer: LazyCardLayer;
  private readonly early: EarlyAnswers<CardAnchor>;

  constructor(private readonly options: PageCardsOptions) {
    const viewerUrl = browser.runtime.getURL(VIEWER_PAGE);
    const context: CardContext = {
      card: (entryId) => sendMessage('card', entryId),
      lookUpText: (text) => sendMessage('lookUpText', text),
      citationHref: (c) => viewerUrl + viewerHash(citationTarget(c)),
      onOpenCitation: (c) => void sendMessage('openViewer', citationTarget(c)).catch(() => {}),
      entryHref: (entryId) => viewerUrl + entryHash(entryId),
      onOpenEntry: (entryId) => void sendMessage('openEntry', entryId).catch(() => {}),
      onOpenRelated: (entryId) => {
        const range = this.openOn();
        // A related entry chosen from the keyboard keeps the focus in the card it switches.
        if (range) this.hover.showNow({ range, entryId, focus: this.hasFocus() });
      },
      onClose: () => this.close(),
      onPointerEnter: () => this.hover.enterCard(),
      onPointerLeave: () => this.hover.leaveCard(),
    };
    this.layer = new LazyCardLayer(context, options.theme);
    this.early = new EarlyAnswers(context);
    this.hover = new HoverMachine<CardAnchor>(
      {
        // The card's script and the card's answer are asked for as the dwell begins, to be here by its end.
        dwellStarted: (anchor) => {
          void this.layer.load();
          this.early.ask(anchor);
        },
        show: (anchor, token) =>
          void this.present(this.early.with(anchor), () => this.hover.isCurrent(token) && !options.extensionGone()),
        hide: () => {
          this.layer.current?.hide();
          options.onClosed();
        },
        setTimer: (fn, ms) => setTimeout(fn, ms),
        clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      },
      (a, b) => a.range === b.range && a.entryId === b.entryId,
    );
  }

  /** The card's host element, once it exists (for "is the pointer over the card"). */
  get host(): HTMLElement | null {
    return this.layer.current?.host ?? null;
  }

  /** The term the open card is for, if a card is open. */
  openOn(): Range | null {
    return this.hover.openTerm?.range ?? null;
  }

  /** Whether the focus is in the card. */
  hasFocus(): boolean {
    return this.layer.current?.hasFocus() ?? false;
  }

  /** Closes the card (Esc, its close button); a card the focus was in gives it back to its term. */
  close(): void {
    const range = this.openOn();
    const hadFocus = this.hasFocus();
    this.hover.close();
    if (range && hadFocus) this.options.returnFocus(range);
  }

  remove(): void {
    this.hover.close();
    this.layer.remove();
  }

  private async present(anchor: CardAnchor, isCurrent: () => boolean): Promise<void> {
    // The card's script may still be loading: the pointer may have moved on by the time it is here.
    const layer = await this.layer.load();
    if (layer && isCurrent()) await layer.present(anchor, anchor.range, isCurrent);
  }
}
