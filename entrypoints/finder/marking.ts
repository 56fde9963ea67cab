/**
 * Marking the page: waiting for text that may hold a term (most frames stay there), then for the rest
 * of the matcher, then the page marker (lib/page/marker.ts); stopped when Gloss is switched off here,
 * started again with a new sieve when the reader's entries change. It also tells the toolbar button
 * what this frame marked.
 */
import { SieveReader, type Sieve } from '../../lib/match/sieve';
import { sendMessage } from '../../lib/messages';
import { HIGHLIGHTS } from '../../lib/page/mark-colors';
import { PageMarker } from '../../lib/page/marker';
import { whenTermsMayBeHere } from '../../lib/page/wake';
import type { Preferences } from '../../lib/settings';
import { pageMatcher } from './setup';

interface MarkingOptions {
  preferences(): Preferences;
  /** The extension went away: nothing more may be done. */
  extensionGone(): boolean;
  /** The page is marked: the reader's pointer and keys are worth listening to. */
  onMarked(): void;
  /** Marking stopped: no card may stay open on a mark that is gone. */
  onStopped(): void;
  /** The marks settled after a change. */
  onMarksSettled(): void;
}

export class PageMarking {
  /** Null while not marking: no marks, no cards from hovering. */
  marker: PageMarker | null = null;
  private waiting: AbortController | null = null;
  /**
   * Settled once marking has done what it can with the page as it is: the text read with none that may
   * hold a term, or the marker's first scan done, or marking stopped. The popup's summary waits.
   */
  private settled: Promise<void> = Promise.resolve();
  private settle = () => {};
  /**
   * What the toolbar button was last told. To the background a frame that has said nothing is on and
   * shows no term, so a frame with no term (most frames: an ad slot, a page on something else) sends
   * no report at all.
   */
  private reported = reportKey(true, []);

  constructor(
    private readonly doc: Document,
    private sieve: Sieve | null,
    public enabled: boolean,
    private readonly options: MarkingOptions,
  ) {}

  /** Starts marking, once the page's text may hold a term; `attempt`: how many times it has tried. */
  start(attempt = 1): void {
    if (this.marker || this.waiting || !this.enabled) return;
    const wait = (this.waiting = new AbortController());
    // This run's own: a run stopped and replaced must not settle the next one's.
    let settle = () => {};
    this.settled = new Promise((resolve) => (settle = resolve));
    this.settle = settle;
    void (async () => {
      const sieve = this.sieve;
      await whenTermsMayBeHere(this.doc, () => (sieve ? new SieveReader(sieve) : undefined), wait.signal, settle);
      const fresh = await pageMatcher(sieve);
      if (wait.signal.aborted || this.options.extensionGone()) return settle();
      this.waiting = null;
      if (!fresh) {
        // The background could not answer (its store busy with an install, say): try again a little later.
        settle();
        if (attempt < MATCHER_ATTEMPTS)
          setTimeout(() => this.options.extensionGone() || this.start(attempt + 1), MATCHER_RETRY_MS * attempt);
        return;
      }
      const prefs = this.options.preferences();
      this.marker = new PageMarker(this.doc, {
        matcher: fresh.matcher,
        rules: fresh.rules,
        density: prefs.markDensity,
        highlightName: HIGHLIGHTS[prefs.markStyle],
        activeHighlightName: HIGHLIGHTS.active,
        flashHighlightName: HIGHLIGHTS.flash,
        onIdle: () => {
          this.report();
          this.options.onMarksSettled();
        },
      });
      this.marker.start();
      void this.marker.whenScanned().then(settle);
      this.options.onMarked();
    })();
  }

  stop(): void {
    this.waiting?.abort();
    this.waiting = null;
    this.options.onStopped();
    this.marker?.stop();
    this.marker = null;
    this.settle();
    this.report();
  }

  /** Gloss switched on or off for this site. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled;
    if (!enabled) return this.stop();
    this.start();
    this.report();
  }

  /** Reads the page again with the matcher behind `sieve` (the reader added or removed entries). */
  restart(sieve: Sieve | null): void {
    this.sieve = sieve;
    this.stop();
    this.start();
  }

  /**
   * Reads the whole page as it is, and resolves once done: a scan under way is finished, and the text
   * held far from the screen is matched and marked (PageMarker.readWholePage).
   */
  async readWholePage(): Promise<void> {
    await this.settled;
    await this.marker?.readWholePage();
  }

  /** Tells the toolbar button what this frame shows: the entries marked here, and whether Gloss is on. */
  report(): void {
    const entryIds = [...new Set(this.marker?.allMarks().map((m) => m.entryId))].sort();
    const key = reportKey(this.enabled, entryIds);
    if (key === this.reported || this.options.extensionGone()) return;
    this.reported = key;
    sendMessage('pageTerms', { entryIds, enabled: this.enabled }).catch(() => {});
  }
}

/** How many times a frame asks for the matcher before it gives up, and the wait before the next ask. */
const MATCHER_ATTEMPTS = 3;
const MATCHER_RETRY_MS = 500;

const reportKey = (enabled: boolean, entryIds: readonly string[]) => `${enabled} ${entryIds.join(' ')}`;
