/**
 * Marks every known term on a page without touching its DOM: matches become Ranges in a CSS Custom
 * Highlight, registered while they are near the viewport (near-view.ts). Text far below the screen is
 * left unread until the reader nears it (unread-below.ts); text read is sieved, and what the sieve
 * lets through is matched and marked once its block comes near the viewport (until-near.ts). Both
 * happen at once when the whole page is asked for (readWholePage). Work is cut into
 * slices of at most SLICE_BUDGET_MS, the part of the page in view first; a MutationObserver keeps
 * marks current on pages that change, batched and budgeted the same way.
 */
import { PageEvidence, type EvidenceRules } from '../match/evidence';
import { scan, type Match, type Matcher } from '../match/matcher';
import { SieveReader } from '../match/sieve';
import { isVietnameseTag, looksVietnamese } from '../text/language';
import type { ToneNames } from './mark-colors';
import { NearViewHighlight } from './near-view';
import { TonedHighlight } from './toned-highlight';
import { isOrphaned, UnreadBelow, type UnreadRest } from './unread-below';
import { UntilNear } from './until-near';
import { FirstMentions, Sections } from './sections';
import {
  GLOSS_HOST_TAG,
  isSkippedElement,
  languageOf,
  leavable,
  nearestBlock,
  NOT_BLANK,
  rangeInRun,
  runIsCurrent,
  RUNS_PER_YIELD,
  textRuns,
  type RunFilter,
  type TextRun,
} from './text-runs';

/**
 * Longest stretch of scanning before yielding to the page. Well under the 50 ms that makes a "long
 * task", so input stays responsive while a 4 MB page is scanned.
 */
export const SLICE_BUDGET_MS = 8;
/** Pause after a burst of DOM changes before rescanning: coalesces pages that change every frame. */
export const MUTATION_SETTLE_MS = 100;
/** Runs scanned from the viewport onward before the rest of the page, so what the reader sees is marked first. */
export const VISIBLE_FIRST_RUNS = 200;
/** How long a term the popup jumped to stays flashed: long enough to catch the eye after the scroll. */
export const FLASH_MS = 1500;

export interface Mark {
  range: Range;
  entryId: string;
  block: Element;
  /**
   * The text node the mark starts in. A live Range collapses onto the surviving parent when its text
   * is removed, so staleness is judged by this node, not by the range's boundary.
   */
  text: Text;
  /** The section and entry it is grouped under, for underlining the first mention of each. */
  group: string;
}

/**
 * Which mentions are underlined: the first of each entry in each section of the page (a heading to the
 * next, or a screenful where no heading comes before), or every one. Every mention is found by the
 * pointer and counted either way.
 */
export type MarkDensity = 'first' | 'every';

export interface MarkerOptions {
  matcher: Matcher;
  rules: EvidenceRules;
  density: MarkDensity;
  /**
   * Highlight registry names, in each tone of page (mark-colors.ts), or one for all: all marks, and
   * the one under the pointer.
   */
  highlightName: ToneNames | string;
  activeHighlightName: ToneNames | string;
  /** The occurrence the popup jumped to. */
  flashHighlightName: ToneNames | string;
  /** Called whenever the marks are settled after a change (the toolbar button's count follows them). */
  onIdle?: () => void;
  /** Yields to the page between slices; a macrotask by default. */
  yieldToPage?: (resume: () => void) => void;
  now?: () => number;
}

/**
 * Why runs are read: the viewport pass, the whole-page pass (which skips what the first did), a
 * rescan; or held runs matched now (their block came near the viewport, or the whole page was asked for).
 */
type Pass = 'visible' | 'page' | 'rescan' | 'held';

interface QueuedRuns {
  runs: Iterator<TextRun | null>;
  pass: Pass;
}

/** A match waiting for the page to give the evidence it needs. */
interface PendingMatch {
  run: TextRun;
  match: Match;
  /** The other matches of its run: actors for evidence in the same sentence. */
  matches: Match[];
}

export class PageMarker {
  private readonly marksByBlock = new Map<Element, Mark[]>();
  private readonly marksByNode = new Map<Text, Mark[]>();
  /** What the page names firmly: the evidence for "Xi", "CPV", "traditional friendship". */
  private readonly evidence: PageEvidence;
  /** Matches waiting for evidence. */
  private pending: PendingMatch[] = [];
  /** Text far below the screen, not read yet. */
  private readonly unread: UnreadBelow<Pass>;
  /** Runs the sieve let through, held until their block comes near the viewport. */
  private readonly offScreen: UntilNear<TextRun>;
  /** Runs let go by offScreen and queued to be matched: a rescan of their block drops them first. */
  private readonly released = new Set<TextRun>();
  private readonly sections: Sections;
  private density: MarkDensity;
  private readonly firstMentions: FirstMentions<Mark>;
  /** The marks underlined: in the highlight while they are near the viewport. */
  private readonly underlined = new Set<Mark>();
  /** The marks shown, under the names the reader's mark style picks. */
  private readonly highlight: TonedHighlight;
  private readonly nearView: NearViewHighlight | null;
  /** The marks that take their look's alternate colour: every other one along a block, so neighbours stay apart. */
  private readonly alternates = new WeakSet<AbstractRange>();
  private readonly activeHighlight: TonedHighlight;
  private readonly flashHighlight: TonedHighlight;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | null = null;
  /** Elements (or shadow roots) whose text changed since the last flush. */
  private dirty = new Set<Node>();
  /** Blocks were removed: their marks must be swept at the next flush. */
  private sweepPending = false;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private queue: QueuedRuns[] = [];
  /** Blocks the viewport pass read (VISIBLE_FIRST_RUNS at most), which the whole-page pass passes over. */
  private readonly scannedInView = new Set<Element>();
  private working = false;
  private stopped = false;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly scanWaiters: (() => void)[] = [];
  private readonly yieldToPage: (resume: () => void) => void;
  private readonly now: () => number;
  /** Open shadow roots found on the page: the pointer mapping must be told about them. */
  readonly shadowRoots: ShadowRoot[] = [];

  constructor(
    private readonly doc: Document,
    private readonly options: MarkerOptions,
  ) {
    this.yieldToPage = options.yieldToPage ?? ((resume) => setTimeout(resume, 0));
    this.now = options.now ?? (() => performance.now());
    this.evidence = new PageEvidence(options.rules);
    this.unread = new UnreadBelow(doc.defaultView, (rests) => this.readOn(rests));
    this.offScreen = new UntilNear(doc.defaultView, (runs) => this.matchSoon(runs));
    this.sections = new Sections(doc);
    this.density = options.density;
    this.firstMentions = new FirstMentions<Mark>(
      (a, b) => isBefore(a.range, b.range),
      (mark) => this.showUnderline(mark),
      (mark) => this.hideUnderline(mark),
    );
    this.highlight = new TonedHighlight(doc, options.highlightName, (range) => this.alternates.has(range));
    this.nearView = this.highlight.available ? new NearViewHighlight(this.highlight, doc.defaultView) : null;
    this.activeHighlight = new TonedHighlight(doc, options.activeHighlightName);
    this.flashHighlight = new TonedHighlight(doc, options.flashHighlightName);
  }

  /**
   * Scans the whole document, then watches for changes. A page scrolled past its first screen (a
   * reload, a link to a fragment) has the region on screen scanned first; at the top, reading from
   * the start reaches the screen first anyway, and the hit test that finds the region is not paid
   * (on a long page it lays the page out for hit testing: 8 ms on War and Peace).
   */
  start(): void {
    const view = this.doc.defaultView;
    const scrolled = !!view && view.scrollY > view.innerHeight;
    const visible = scrolled
      ? visibleElement(this.doc, view.innerWidth / 2, Math.min(view.innerHeight / 3, 200))
      : null;
    if (visible) {
      const region = visible.closest('article, main, section, div, body') ?? visible;
      this.enqueue(limit(textRuns(region, undefined, this.runFilter()), VISIBLE_FIRST_RUNS), 'visible');
    }
    this.enqueueRoot(this.doc, 'page');
    this.observe();
  }

  stop(): void {
    this.stopped = true;
    this.observer?.disconnect();
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.queue = [];
    this.clearMarks();
    this.nearView?.stop();
    clearTimeout(this.flashTimer);
    for (const highlight of [this.highlight, this.activeHighlight, this.flashHighlight]) highlight.unregister();
    this.idleWaiters.splice(0).forEach((w) => w());
    this.scanWaiters.splice(0).forEach((w) => w());
  }

  /** Shows the marks under other highlight names, which the page's stylesheet styles differently. */
  showMarksAs(names: ToneNames): void {
    if (!this.stopped) this.highlight.rename(names);
  }

  /** Underlines the first mention of each entry in each section, or every mention. */
  setDensity(density: MarkDensity): void {
    if (density === this.density) return;
    this.density = density;
    this.nearView?.clear();
    this.underlined.clear();
    this.firstMentions.clear();
    for (const mark of this.allMarks()) this.underline(mark);
  }

  /**
   * Matches and marks the text still held far from the viewport, and whatever the walk under way
   * reads meanwhile: for what must know the whole page (the popup's summary, a jump or a step to a
   * term). Resolves once done.
   */
  async readWholePage(): Promise<void> {
    for (;;) {
      await this.whenScanned();
      const rests = this.unread.takeAll();
      const runs = this.offScreen.takeAll();
      if ((rests.length === 0 && runs.length === 0) || this.stopped) return;
      this.readOn(rests);
      this.matchSoon(runs);
    }
  }

  /**
   * Reads text left for later, ahead of the rest of the work: the reader came near it, or asked for
   * it. One the page has changed the start of since, not yet flushed, has its parent read again.
   */
  private readOn(rests: UnreadRest<Pass>[]): void {
    for (const rest of rests.reverse()) this.enqueue(this.restRuns(rest), rest.pass, true);
  }

  /** The runs of a rest left for later, as it stands when its turn comes. */
  private *restRuns(rest: UnreadRest<Pass>): Generator<TextRun | null> {
    // The page changed where it begins since it was left (a change not flushed yet): its parent is
    // read again now (so that a reading of the whole page waits for it).
    if (isOrphaned(rest)) {
      this.dirty.add(rest.parent);
      clearTimeout(this.settleTimer ?? undefined);
      return this.flushMutations();
    }
    yield* this.walk(rest.parent, rest.pass, rest.first);
  }

  /** Queues held runs to be matched, ahead of the rest: those that came near are where the reader is. */
  private matchSoon(runs: TextRun[]): void {
    for (const run of runs) this.released.add(run);
    this.enqueue(runs.values(), 'held');
  }

  /** The marks underlined now, in no particular order. */
  underlinedMarks(): Mark[] {
    return [...this.underlined];
  }

  /** Resolves when no scan work is queued (for tests and the benchmark). */
  whenIdle(): Promise<void> {
    if (!this.working && this.queue.length === 0 && !this.settleTimer) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Resolves once the text queued so far is scanned: the page as it stood, without waiting for
   * changes still settling (on a page that never stops changing, whenIdle never comes).
   */
  whenScanned(): Promise<void> {
    if (!this.working) return Promise.resolve();
    return new Promise((resolve) => this.scanWaiters.push(resolve));
  }

  /** The mark covering a text position, if any. */
  markAt(node: Node, offset: number): Mark | null {
    const marks = this.marksByNode.get(node as Text);
    if (!marks) return null;
    for (const mark of marks) {
      if (!mark.range.startContainer.isConnected) continue;
      try {
        if (
          mark.range.isPointInRange(node, offset) &&
          !(mark.range.endContainer === node && mark.range.endOffset === offset)
        )
          return mark;
      } catch {
        // The node moved to another document or was removed: not a mark any more.
      }
    }
    return null;
  }

  /** Whether `mark` is one of this marker's marks now (not dropped by a rescan, nor another marker's). */
  holds(mark: Mark): boolean {
    return this.marksByNode.get(mark.text)?.includes(mark) ?? false;
  }

  /** Emphasises one mark (the hovered term), or none. */
  setActive(mark: Mark | null): void {
    this.activeHighlight.clear();
    if (mark) this.activeHighlight.add(mark.range);
  }

  /**
   * Scrolls to the `index`-th occurrence of an entry on the page (in document order, wrapping around)
   * and flashes it. False when the page has none.
   */
  async reveal(entryId: string, index: number): Promise<boolean> {
    await this.readWholePage();
    const marks = this.allMarks()
      .filter((m) => m.entryId === entryId && m.range.startContainer.isConnected)
      .sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range));
    if (!marks.length) return false;
    const { range } = marks[((index % marks.length) + marks.length) % marks.length];
    (range.startContainer.parentElement ?? this.doc.body).scrollIntoView({ block: 'center', behavior: 'instant' });
    clearTimeout(this.flashTimer);
    this.flashHighlight.clear();
    this.flashHighlight.add(range);
    this.flashTimer = setTimeout(() => this.flashHighlight.clear(), FLASH_MS);
    return true;
  }

  /** All current marks, in no particular order. */
  allMarks(): Mark[] {
    return [...this.marksByBlock.values()].flat();
  }

  /** Queues every run under `root`, and under each open shadow root met on the way. */
  private enqueueRoot(root: Node, pass: Pass): void {
    this.enqueue(this.walk(root, pass), pass);
  }

  /**
   * The runs under `root` (from `startAt` on), with the shadow roots met queued; what lies far below
   * the screen is left for later (but by the viewport pass, which reads a few screens at most).
   */
  private walk(root: Node, pass: Pass, startAt?: Element): Generator<TextRun | null> {
    return textRuns(
      root,
      (shadow) => {
        if (!this.shadowRoots.includes(shadow)) {
          this.shadowRoots.push(shadow);
          // Changes inside a shadow root do not reach an observer of the document.
          this.observer?.observe(shadow, PageMarker.OBSERVED);
        }
        this.enqueueRoot(shadow, pass);
      },
      this.runFilter(),
      { startAt, leaveRest: pass === 'visible' ? undefined : this.unread.leaveRest(pass) },
    );
  }

  /** The matcher's sieve, read as the walk goes: runs that cannot hold a term are never assembled. */
  private runFilter(): RunFilter | undefined {
    const { sieve } = this.options.matcher;
    return sieve ? new SieveReader(sieve) : undefined;
  }

  /** Queues runs to be read: `first`, ahead of the rest (where the reader is). */
  private enqueue(runs: Iterator<TextRun | null>, pass: Pass, first = pass === 'held'): void {
    if (first) this.queue.unshift({ runs, pass });
    else this.queue.push({ runs, pass });
    if (!this.working) {
      this.working = true;
      this.yieldToPage(() => this.work());
    }
  }

  /** One slice: scan runs until the budget is spent, then yield and continue. */
  private work(): void {
    if (this.stopped) return;
    const sliceStart = this.now();
    while (this.queue.length) {
      const { runs, pass } = this.queue[0];
      const next = runs.next();
      if (next.done) {
        this.queue.shift();
        continue;
      }
      if (next.value) this.scanRun(next.value, pass);
      if (this.now() - sliceStart >= SLICE_BUDGET_MS) break;
    }
    if (this.queue.length) {
      this.yieldToPage(() => this.work());
      return;
    }
    this.working = false;
    this.scanWaiters.splice(0).forEach((w) => w());
    if (!this.settleTimer) this.settled();
  }

  /**
   * A run just read from the page (in the same task, so its nodes are still in place): held until its
   * block is near the viewport, or matched now.
   */
  private scanRun(run: TextRun, pass: Pass): void {
    // A block read in the viewport pass is not read again by the whole-page pass.
    if (pass === 'visible') this.scannedInView.add(run.block);
    else if (pass === 'page' && this.scannedInView.has(run.block)) return;
    if (pass === 'held') {
      // Held since it was read: the page may have changed it since. A rescan of its block, once
      // flushed, has dropped it; before that, its nodes must still hold the text read.
      if (this.released.delete(run) && runIsCurrent(run)) this.matchRun(run);
    } else if (!this.offScreen.hold(run.block, run)) this.matchRun(run);
  }

  /** Matches a run and marks what the evidence allows. */
  private matchRun(run: TextRun): void {
    const vietnamese = () => isVietnameseTag(languageOf(run.block)) || looksVietnamese(run.text);
    // Every run comes through the matcher's sieve (runFilter), which noted where an alias may begin.
    const matches = scan(this.options.matcher, run.text, { vietnamese, mayBegin: run.mayBegin });
    if (matches.length === 0) return;
    const moreEvidence = this.evidence.noteFirm(matches);
    for (const match of matches) {
      const verdict = this.evidence.verdict(match, run.text, matches);
      if (verdict === 'mark') this.addMark(run, match);
      else if (verdict === 'wait') this.pending.push({ run, match, matches });
    }
    if (moreEvidence && this.pending.length) this.promotePending();
  }

  /** Matches the page has now given evidence for become marks. */
  private promotePending(): void {
    const still: PendingMatch[] = [];
    for (const p of this.pending) {
      if (!runIsCurrent(p.run)) continue;
      const verdict = this.evidence.verdict(p.match, p.run.text, p.matches);
      if (verdict === 'mark') this.addMark(p.run, p.match);
      else if (verdict === 'wait') still.push(p);
    }
    this.pending = still;
  }

  private addMark(run: TextRun, match: Match): void {
    const range = rangeInRun(run, match.start, match.end);
    const group = `${this.sections.keyOf(run.block)} ${match.entryId}`;
    const mark: Mark = { range, entryId: match.entryId, block: run.block, text: range.startContainer as Text, group };
    const inBlock = this.marksByBlock.get(run.block);
    if (inBlock && inBlock.length % 2 === 1) this.alternates.add(range);
    if (inBlock) inBlock.push(mark);
    else this.marksByBlock.set(run.block, [mark]);
    // Index the mark under every text node it touches, for look-ups from the pointer.
    const first = run.nodes.indexOf(range.startContainer as Text);
    const last = run.nodes.indexOf(range.endContainer as Text);
    for (let i = first; i <= last; i++) {
      const list = this.marksByNode.get(run.nodes[i]);
      if (list) list.push(mark);
      else this.marksByNode.set(run.nodes[i], [mark]);
    }
    this.underline(mark);
  }

  private underline(mark: Mark): void {
    if (this.density === 'every') this.showUnderline(mark);
    else this.firstMentions.add(mark, mark.group);
  }

  private showUnderline(mark: Mark): void {
    this.underlined.add(mark);
    this.nearView?.show(mark.block, mark.range);
  }

  private hideUnderline(mark: Mark): void {
    this.underlined.delete(mark);
    this.nearView?.hide(mark.block, mark.range);
  }

  /** Drops, in one pass, every mark whose text `isStale` says is gone or is about to be rescanned. */
  private removeMarksWhere(isStale: (text: Node) => boolean): void {
    for (const [block, marks] of this.marksByBlock) {
      const kept = marks.filter((mark) => !isStale(mark.text));
      if (kept.length === marks.length) continue;
      for (const mark of marks) {
        if (kept.includes(mark)) continue;
        if (this.density === 'every') this.hideUnderline(mark);
        else this.firstMentions.remove(mark, mark.group);
        this.activeHighlight.delete(mark.range);
      }
      if (kept.length) this.marksByBlock.set(block, kept);
      else this.marksByBlock.delete(block);
    }
    for (const node of [...this.marksByNode.keys()]) if (isStale(node)) this.marksByNode.delete(node);
    this.pending = this.pending.filter((p) => !isStale(p.run.nodes[0]));
    this.offScreen.drop((run) => isStale(run.nodes[0]));
    for (const run of this.released) if (isStale(run.nodes[0])) this.released.delete(run);
  }

  private clearMarks(): void {
    this.nearView?.clear();
    this.underlined.clear();
    this.firstMentions.clear();
    this.activeHighlight.clear();
    this.marksByBlock.clear();
    this.marksByNode.clear();
    this.pending = [];
    this.scannedInView.clear();
    this.unread.clear();
    this.offScreen.clear();
    this.released.clear();
  }

  // ── Dynamic pages ─────────────────────────────────────────────────────────────────────────────

  private static readonly OBSERVED: MutationObserverInit = { childList: true, characterData: true, subtree: true };

  private observe(): void {
    const view = this.doc.defaultView;
    if (!view?.MutationObserver) return;
    this.observer = new view.MutationObserver((records) => {
      for (const r of records) this.noteChange(r);
      if (this.dirty.size || this.sweepPending) this.flushSoon();
    });
    this.observer.observe(this.doc.documentElement, PageMarker.OBSERVED);
    // Shadow roots found before the observer existed; later ones are added as they are found.
    for (const shadow of this.shadowRoots) this.observer.observe(shadow, PageMarker.OBSERVED);
  }

  /**
   * What one DOM change asks for. Text changed, or inline markup added or removed: the block around it
   * is rescanned. Whole blocks added: only they are scanned (a live feed appending paragraphs costs the
   * new paragraphs, not the whole feed again). Blocks removed: their marks are swept.
   */
  private noteChange(r: MutationRecord): void {
    if (r.type === 'characterData') {
      const parent = r.target.parentElement;
      if (parent && !isInsideGloss(parent)) this.dirty.add(parent);
      return;
    }
    // Gloss adding or removing its own card host changes no text: rescanning for it would replace
    // every mark (and restart the dwell on the term under the pointer).
    if (onlyGlossHosts(r)) return;
    const target = r.target;
    if (target instanceof Element && isInsideGloss(target)) return;
    if (r.removedNodes.length) this.sweepPending = true;
    const changed = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
    const isBlock = (n: Node) => n.nodeType === Node.ELEMENT_NODE && nearestBlock(n as Element) === n;
    // White space between blocks (a page appending "\n<article>…") changes no text of its parent.
    const isText = (n: Node) => n.nodeType === Node.TEXT_NODE && NOT_BLANK.test((n as Text).data);
    if (changed.some((n) => !isBlock(n) && (n.nodeType === Node.ELEMENT_NODE || isText(n)))) {
      this.dirty.add(target);
    } else {
      for (const n of Array.from(r.addedNodes)) if (isBlock(n)) this.dirty.add(n);
    }
  }

  private flushSoon(): void {
    this.settleTimer ??= setTimeout(() => this.flushMutations(), MUTATION_SETTLE_MS);
  }

  private flushMutations(): void {
    this.settleTimer = null;
    this.sweepPending = false;
    if (this.stopped) return;
    // Rescan each changed block once; a block inside another changed block is covered by it. A
    // shadow root (a change directly under it) is rescanned whole.
    const blocks = new Set<Node>();
    for (const node of this.dirty) {
      if (!node.isConnected) continue;
      blocks.add(node instanceof Element ? nearestBlock(node) : node);
    }
    this.dirty.clear();
    this.sections.invalidate();
    // Text left for later whose first block left its place: its parent is read again, from its start.
    for (const parent of this.unread.takeOrphaned()) if (parent.isConnected) blocks.add(parent);
    const insideAnother = insideAnyOf(blocks);
    // In the page's order: of two blocks added at the end of a parent, the first is left for later with the other.
    const changed = [...blocks].filter((b) => !insideAnother(parentAcrossShadows(b))).sort(inPageOrder);
    if (changed.length) this.nearView?.pageChanged();
    // A changed block in text left for later is read with it, as it will be then: not now, and not
    // passed over for the viewport pass having read it. Blocks added at the end of their parent far
    // below the screen (a feed growing downwards) are left for later, with what is added after them.
    const isChanged = new Set(changed);
    const roots = changed.filter(
      (b) =>
        !this.unread.holds(b) &&
        !(b instanceof Element && isAddedAtEnd(b, isChanged) && this.unread.leave(b, 'rescan')),
    );
    const rootSet = new Set(roots);
    const rescanned = insideAnyOf(rootSet);
    const readLater = insideAnyOf(new Set(changed.filter((b) => !rootSet.has(b))));
    for (const block of this.scannedInView) {
      if (!block.isConnected || readLater(block)) this.scannedInView.delete(block);
    }
    // Text left for later inside a rescanned block is read with it.
    this.unread.forgetWhere(rescanned);
    // Marks in changed blocks, and of blocks that left the page, go in one pass; then rescan.
    this.removeMarksWhere((node) => !node.isConnected || rescanned(node) || readLater(node));
    for (const root of roots) this.enqueueRoot(root, 'rescan');
    if (!this.working) this.settled();
  }

  private settled(): void {
    this.idleWaiters.splice(0).forEach((w) => w());
    this.options.onIdle?.();
  }
}

/**
 * Whether `block` can be left for later with the siblings after it: it may be (textRuns' leavable),
 * and what follows it was changed with it (added with it, at the end of its parent), or holds no
 * text to read (white space, a script, a spinner's empty box).
 */
function isAddedAtEnd(block: Element, changed: ReadonlySet<Node>): boolean {
  if (!leavable(block)) return false;
  for (let next = block.nextSibling; next; next = next.nextSibling) {
    if (changed.has(next)) continue;
    if (next.nodeType === Node.ELEMENT_NODE && isSkippedElement(next as Element)) continue;
    if (NOT_BLANK.test(next.textContent ?? '')) return false;
  }
  return true;
}

/** Sorts nodes into the page's order (those of other trees, shadow roots, after). */
function inPageOrder(a: Node, b: Node): number {
  if (a === b) return 0;
  return a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

/** Whether `a` starts before `b` in the document (false where they cannot be compared). */
function isBefore(a: Range, b: Range): boolean {
  try {
    return a.compareBoundaryPoints(Range.START_TO_START, b) < 0;
  } catch {
    return false;
  }
}

/** The first `count` runs of a walk, counting the runs it passed over (each null stands for RUNS_PER_YIELD). */
function* limit(runs: Iterator<TextRun | null>, count: number): Generator<TextRun | null> {
  for (let walked = 0; walked < count;) {
    const next = runs.next();
    if (next.done) return;
    walked += next.value ? 1 : RUNS_PER_YIELD;
    yield next.value;
  }
}

/** Whether a change only added or removed Gloss's own host (read on every change a page makes, so no arrays). */
function onlyGlossHosts(record: MutationRecord): boolean {
  const { addedNodes, removedNodes } = record;
  if (addedNodes.length + removedNodes.length === 0) return false;
  for (const list of [addedNodes, removedNodes]) {
    for (let i = 0; i < list.length; i++) if (list[i].nodeName !== GLOSS_HOST_TAG) return false;
  }
  return true;
}

/** The node above `node`, a shadow root's host counting as its parent. */
function parentAcrossShadows(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}

/**
 * Whether a node is one of `roots` or lies in one, counting nodes inside shadow roots of their
 * descendants: a rescan of a root rescans those shadow roots too, so their old marks must go with the
 * root's. Each ancestor's answer is remembered, so the marks of a page that keeps growing cost one
 * climb in all, not one per mark and per root.
 */
function insideAnyOf(roots: ReadonlySet<Node>): (node: Node | null) => boolean {
  const known = new Map<Node, boolean>();
  return (node) => {
    const climbed: Node[] = [];
    let inside = false;
    for (let n = node; n; n = parentAcrossShadows(n)) {
      const answer = roots.has(n) || known.get(n);
      if (answer !== undefined) {
        inside = answer;
        break;
      }
      climbed.push(n);
    }
    for (const n of climbed) known.set(n, inside);
    return inside;
  };
}

function isInsideGloss(el: Element): boolean {
  const root = el.getRootNode();
  const host = root instanceof ShadowRoot ? root.host : el.closest(GLOSS_HOST_TAG);
  return !!host && host.tagName === GLOSS_HOST_TAG;
}

/** An element near a viewport point, to start scanning where the reader is looking. */
function visibleElement(doc: Document, x: number, y: number): Element | null {
  try {
    return doc.elementFromPoint(x, y);
  } catch {
    return null;
  }
}
