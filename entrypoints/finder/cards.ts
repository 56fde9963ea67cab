/**
 * Cards on a web page: the hover machine (lib/page/hover.ts) decides when a card opens and closes, the
 * card layer shows it, the background answers what it holds.
 *
 * The card layer is loaded on first use. Every page runs the content script, and most never show a
 * card: the card's code (Preact, Floating UI, the Card view) is a separate script, fetched from the
 * extension when the pointer first comes to rest on a term — during the dwell, so it is usually in
 * place before the card is due.
 */
import { extensionApi } from '../../adapters/extension-api';
import type { CardLayer } from '../../components/card-layer';
import { CARD_LAYER_GLOBAL, CARD_UI_SCRIPT, type CardLayerGlobal } from '../../components/card-layer-global';
import type { CardContext } from '../../components/card-presenter';
import { EarlyAnswers, type CardRequest } from '../../lib/card-requests';
import { VIEWER_PAGE, citationTarget, entryHash, viewerHash } from '../../lib/citation';
import { sendMessage } from '../../lib/messages';
import { HoverMachine } from '../../lib/page/hover';
import type { Preferences } from '../../lib/settings';

/** What a card is anchored to: a marked term, or a selection being looked up. */
interface CardAnchor extends CardRequest {
  range: Range;
}

interface PageCardsOptions {
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
  /** The card layer, once its script is here. */
  layer: CardLayer | null = null;
  private loading: Promise<CardLayer | null> | null = null;
  private removed = false;
  private readonly context: CardContext;
  private readonly early: EarlyAnswers<CardAnchor>;

  constructor(private readonly options: PageCardsOptions) {
    const viewerUrl = extensionApi().runtime.getURL(VIEWER_PAGE);
    this.context = {
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
    this.early = new EarlyAnswers(this.context);
    this.hover = new HoverMachine<CardAnchor>(
      {
        // The card's script and the card's answer are asked for as the dwell begins, to be here by its end.
        dwellStarted: (anchor) => {
          void this.load();
          this.early.ask(anchor);
        },
        show: (anchor, token) =>
          void this.present(this.early.with(anchor), () => this.hover.isCurrent(token) && !options.extensionGone()),
        hide: () => {
          this.layer?.hide();
          options.onClosed();
        },
        setTimer: (fn, ms) => setTimeout(fn, ms),
        clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      },
      (a, b) => a.range === b.range && a.entryId === b.entryId,
    );
  }

  /** The card layer, loading its script the first time; null if it cannot be loaded. */
  load(): Promise<CardLayer | null> {
    this.loading ??= import(/* @vite-ignore */ extensionApi().runtime.getURL(CARD_UI_SCRIPT)).then(
      () => {
        const Layer = (globalThis as CardLayerGlobal)[CARD_LAYER_GLOBAL];
        if (!Layer || this.removed) return null;
        this.layer = new Layer(this.context);
        this.layer.setTheme(this.options.theme());
        return this.layer;
      },
      // The extension is gone (updated or removed) or the script is missing: no card, no error on the page.
      () => null,
    );
    return this.loading;
  }

  /** The card's host element, once it exists (for "is the pointer over the card"). */
  get host(): HTMLElement | null {
    return this.layer?.host ?? null;
  }

  /** The term the open card is for, if a card is open. */
  openOn(): Range | null {
    return this.hover.openTerm?.range ?? null;
  }

  /** Whether the focus is in the card. */
  hasFocus(): boolean {
    return this.layer?.hasFocus() ?? false;
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
    this.removed = true;
    this.layer?.remove();
    this.layer = null;
  }

  private async present(anchor: CardAnchor, isCurrent: () => boolean): Promise<void> {
    // The card's script may still be loading: the pointer may have moved on by the time it is here.
    const layer = await this.load();
    if (layer && isCurrent()) await layer.present(anchor, anchor.range, isCurrent);
  }
}
