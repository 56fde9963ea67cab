// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EvidenceRules } from '../lib/match/evidence';
import { buildMatcher } from '../lib/match/matcher';
import {
  MUTATION_SETTLE_MS,
  PageMarker,
  SLICE_BUDGET_MS,
  type MarkDensity,
  type MarkerOptions,
} from '../lib/page/marker';
import { SieveReader } from '../lib/match/sieve';
import { rangeInRun, RUNS_PER_YIELD, textRuns, type TextRun } from '../lib/page/text-runs';
import { READ_AHEAD_MARGIN } from '../lib/page/until-near';
import { TEXT_BEFORE_FIRST_LOOK, textBeforeNextLook } from '../lib/page/unread-below';
import { FIXTURE_ALIASES } from './fixtures/aliases';
import { FakeObserver } from './fake-observer';

const collectTextRuns = (root: Node, shadowRoots: ShadowRoot[] = []) =>
  [...textRuns(root, (s) => shadowRoots.push(s))].filter((r): r is TextRun => r !== null);

function page(html: string, lang = 'en'): Document {
  document.documentElement.setAttribute('lang', lang);
  document.body.innerHTML = html;
  return document;
}

describe('text runs', () => {
  it('with the sieve as filter, yields only runs that may hold a term, and null after every stretch passed over', () => {
    const matcher = buildMatcher([{ entryId: 'bri', text: 'Belt and Road', caseRule: 'any' }]);
    const filler = Array.from({ length: RUNS_PER_YIELD * 2 + 3 }, (_, i) => `<p>paragraph ${i}</p>`).join('');
    const doc = page(`<p>the Belt <b>and</b> Ro<i>ad</i> plan</p>${filler}<p>belt and road</p><p>Belts and Road</p>`);
    const items = [...textRuns(doc.body, undefined, new SieveReader(matcher.sieve!))];
    expect(items.map((r) => r?.text ?? null)).toEqual(['the Belt and Road plan', null, null, 'belt and road']);
  });

  it('joins inline markup into one run and keeps blocks apart', () => {
    const doc = page('<p>Belt and <em>Road</em> Initiative</p><p>Xi</p><div>Jinping</div>');
    const runs = collectTextRuns(doc.body);
    expect(runs.map((r) => r.text)).toEqual(['Belt and Road Initiative', 'Xi', 'Jinping']);
    const range = rangeInRun(runs[0], 0, 'Belt and Road'.length);
    expect(range.toString()).toBe('Belt and Road');
    expect(range.endContainer.textContent).toBe('Road');
  });

  it('skips code, form fields, editors and Gloss’s own host', () => {
    const doc =
      page(`<p>CPV</p><code>CPV</code><pre>CPV</pre><textarea>CPV</textarea><select><option>CPV</option></select>
      <div contenteditable="true">CPV</div><div contenteditable="false">kept</div><script>var CPV</script><style>.CPV{}</style>
      <div contenteditable="plaintext-only">CPV</div><p>also <span contenteditable="">CPV</span>kept</p>
      <div contenteditable="FALSE">and kept</div><gloss-card>CPV</gloss-card>`);
    expect(collectTextRuns(doc.body).map((r) => r.text.trim())).toEqual(['CPV', 'kept', 'also kept', 'and kept']);
  });

  it('leaves a block and its siblings after it when asked, going on after their parent; starts where told', () => {
    const doc = page(
      '<div id="a"><p>one</p><p id="x">two</p><p>three</p></div><div>four <a><div id="y">five</div></a> six</div>',
    );
    const asked: string[] = [];
    const leaveRest = (el: Element) => (asked.push(el.id || el.localName), el.id === 'x' || el.id === 'y');
    const texts = (options: Parameters<typeof textRuns>[3], root: Node = doc.body) =>
      [...textRuns(root, undefined, undefined, options)].map((r) => r!.text.trim());
    // A block inside an inline element is not asked: leaving it would join "four" and "six" into one run.
    expect(texts({ leaveRest })).toEqual(['one', 'four', 'five', 'six']);
    expect(asked).toEqual(['a', 'p', 'x', 'div']);
    expect(texts({ startAt: doc.getElementById('x')! }, doc.getElementById('a')!)).toEqual(['two', 'three']);
    // A start no longer under the root reads nothing.
    expect(texts({ startAt: doc.getElementById('y')! }, doc.getElementById('a')!)).toEqual([]);
  });

  it('finds open shadow roots for separate scanning', () => {
    const doc = page('<div id="host"></div>');
    const shadow = doc.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>To Lam</p>';
    const roots: ShadowRoot[] = [];
    collectTextRuns(doc.body, roots);
    expect(roots).toEqual([shadow]);
    expect(collectTextRuns(shadow).map((r) => r.text)).toEqual(['To Lam']);
  });

  it('finds the shadow roots of every kind of element that can host one, and of custom elements', () => {
    // The DOM standard's valid shadow host names but <body>, the walk's root (no other element can have one).
    const hosts = ['article', 'aside', 'blockquote', 'div', 'footer', 'h1', 'h6', 'header', 'main', 'nav', 'p', 'span'];
    hosts.push('section', 'news-card');
    const doc = page(hosts.map((name) => `<${name} class="host"></${name}>`).join(''));
    const shadows = [...doc.querySelectorAll('.host')].map((host) => host.attachShadow({ mode: 'open' }));
    expect(() => doc.createElement('li').attachShadow({ mode: 'open' })).toThrow();
    const roots: ShadowRoot[] = [];
    collectTextRuns(doc.body, roots);
    expect(roots).toEqual(shadows);
  });
});

describe('page marker', () => {
  // No entry is related to another: a bare name needs its own entry named on the page.
  const rules: EvidenceRules = { related: new Map(), sides: new Map(), topical: new Set() };

  // The marker's timers (the settling of DOM changes, the slices of its scan) run when a test says.
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());
  /** Lets the page's changes reach the marker and its timers run, until it has nothing left to do. */
  const settle = async (marker: PageMarker) => {
    await vi.runAllTimersAsync();
    await marker.whenIdle();
  };

  /** A marker of the fixture aliases on `doc`, every mention underlined, with `options` over these. */
  const markerOn = (doc: Document, options: Partial<MarkerOptions> = {}) =>
    new PageMarker(doc, {
      matcher: buildMatcher(FIXTURE_ALIASES),
      rules,
      density: 'every',
      highlightName: 'test-marks',
      activeHighlightName: 'test-active',
      flashHighlightName: 'test-flash',
      ...options,
    });

  async function markedTexts(html: string, lang = 'en', density: MarkDensity = 'every') {
    const doc = page(html, lang);
    const marker = markerOn(doc, { density });
    marker.start();
    await settle(marker);
    const texts = marker.allMarks().map((m) => m.range.toString());
    return { marker, texts };
  }

  it('scans the region on screen first only on a page scrolled past its first screen', async () => {
    const doc = page('<p id="top">Hanoi first.</p><div><p id="far">Hanoi far down.</p></div>');
    const view = doc.defaultView!;
    const hitTest = vi.fn(() => doc.getElementById('far'));
    doc.elementFromPoint = hitTest;
    const markedFirst = async () => {
      const marker = markerOn(doc);
      marker.start();
      await settle(marker);
      // Marks are kept by block in the order their blocks were scanned.
      const first = marker.allMarks()[0].block.id;
      marker.stop();
      return first;
    };
    // At the top, reading from the start reaches the screen first: no hit test.
    expect(await markedFirst()).toBe('top');
    expect(hitTest).not.toHaveBeenCalled();
    // Scrolled down, the region under the middle of the screen is scanned first.
    Object.defineProperty(view, 'scrollY', { value: view.innerHeight * 3, configurable: true });
    expect(await markedFirst()).toBe('far');
    expect(hitTest).toHaveBeenCalledOnce();
  });

  it('marks terms across inline boundaries, with context for ambiguous names', async () => {
    const { marker, texts } = await markedTexts(
      '<p>The Belt and <b>Road</b> Initiative.</p><p>Trong spoke.</p><p>Later, Nguyen Phu Trong left.</p>',
    );
    expect(texts).toContain('Belt and Road Initiative');
    expect(texts).toContain('Nguyen Phu Trong');
    // "Trong" came before the full name on the page; it is marked once the page names him.
    expect(texts).toContain('Trong');
    marker.stop();
  });

  it('leaves an unsupported ambiguous name alone', async () => {
    const { marker, texts } = await markedTexts('<p>Trong spoke.</p>');
    expect(texts).toEqual([]);
    marker.stop();
  });

  it('treats a lang="vi" page as Vietnamese', async () => {
    const { marker, texts } = await markedTexts(
      '<p>Trong năm đó, Tổng Bí thư Nguyễn Phú Trọng nói về đổi mới.</p>',
      'vi',
    );
    expect(texts).toEqual(['Nguyễn Phú Trọng']);
    marker.stop();
  });

  it('underlines the first mention of each entry in each section; every mention is still found', async () => {
    const html = `<h2>One</h2><p>Hanoi and <b>Hanoi</b>, then Doi Moi.</p><p>Hanoi again.</p>
      <h2>Two</h2><p>Doi Moi, then Hanoi.</p><p>Doi Moi.</p>`;
    const { marker } = await markedTexts(html, 'en', 'first');
    const underlined = marker
      .underlinedMarks()
      .map((m) => `${m.range.toString()}@${m.block.previousElementSibling?.textContent ?? m.block.textContent}`);
    expect(marker.allMarks()).toHaveLength(7);
    expect(
      marker
        .underlinedMarks()
        .map((m) => m.range.toString())
        .sort(),
    ).toEqual(['Doi Moi', 'Doi Moi', 'Hanoi', 'Hanoi']);
    // The first of each, in document order: "Hanoi" before "<b>Hanoi</b>", "Doi Moi" before the next paragraph's.
    const first = marker
      .underlinedMarks()
      .find((m) => m.range.toString() === 'Hanoi' && m.block.textContent?.startsWith('Hanoi and'));
    expect(first?.range.startOffset).toBe(0);
    expect(underlined).toHaveLength(4);
    marker.setDensity('every');
    expect(marker.underlinedMarks()).toHaveLength(7);
    marker.setDensity('first');
    expect(marker.underlinedMarks()).toHaveLength(4);
    marker.stop();
  });

  it('underlines the next mention when the first leaves the page, whatever the order marks were found in', async () => {
    const { marker } = await markedTexts(
      '<h3>Section</h3><p id="a">Hanoi first.</p><p id="b">Hanoi second.</p>',
      'en',
      'first',
    );
    expect(marker.underlinedMarks().map((m) => m.block.id)).toEqual(['a']);
    document.getElementById('a')!.remove();
    await settle(marker);
    expect(marker.underlinedMarks().map((m) => m.block.id)).toEqual(['b']);
    // A mention added before the underlined one takes its place.
    const p = Object.assign(document.createElement('p'), { id: 'c', textContent: 'Hanoi, added above.' });
    document.getElementById('b')!.before(p);
    await settle(marker);
    expect(marker.underlinedMarks().map((m) => m.block.id)).toEqual(['c']);
    expect(marker.allMarks()).toHaveLength(2);
    marker.stop();
  });

  describe('text far from the viewport', () => {
    // The window's IntersectionObserver is the test's: it says which blocks are near.
    beforeEach(() =>
      Object.defineProperty(window, 'IntersectionObserver', { value: FakeObserver, configurable: true }),
    );
    afterEach(() => Reflect.deleteProperty(window, 'IntersectionObserver'));

    async function heldPage(html: string) {
      const { marker } = await markedTexts(html);
      const observer = FakeObserver.withMargin(READ_AHEAD_MARGIN);
      const texts = () => marker.allMarks().map((m) => `${m.block.id}: ${m.range.toString()}`);
      /** The browser reports where blocks are; the marker reads what came near. */
      const cross = async (id: string, near: boolean) => {
        observer.cross(document.getElementById(id)!, near);
        await settle(marker);
      };
      return { marker, observer, texts, cross };
    }

    it('is matched and marked once its block comes near, and not before', async () => {
      const { marker, observer, texts, cross } = await heldPage(
        '<p id="a">Doi Moi at the top.</p><p id="none">Nothing here.</p><p id="b">Hanoi far below.</p>',
      );
      // Read by the sieve, held: only the blocks that may hold a term are watched.
      expect(texts()).toEqual([]);
      expect([...observer.observed].map((b) => b.id)).toEqual(['a', 'b']);
      await cross('a', true);
      await cross('b', false);
      expect(texts()).toEqual(['a: Doi Moi']);
      // The reader scrolls: the block below comes near, and is read once.
      await cross('b', true);
      await cross('b', true);
      expect(texts()).toEqual(['a: Doi Moi', 'b: Hanoi']);
      // Blocks stay watched while on the page; one that leaves it is let go.
      expect([...observer.observed].map((b) => b.id)).toEqual(['a', 'b']);
      document.getElementById('b')!.remove();
      await settle(marker);
      expect([...observer.observed].map((b) => b.id)).toEqual(['a']);
      marker.stop();
    });

    it('a block known to be near is read again at once when the page changes it; a far one waits', async () => {
      const { marker, texts, cross } = await heldPage('<p id="a">Doi Moi near.</p><p id="b">Hanoi far below.</p>');
      await cross('a', true);
      await cross('b', false);
      document.getElementById('a')!.textContent = 'Hanoi near, now.';
      document.getElementById('b')!.textContent = 'Doi Moi far below, now.';
      // No word from the observer: the near block is matched as soon as the change is flushed.
      await settle(marker);
      expect(texts()).toEqual(['a: Hanoi']);
      await cross('b', true);
      expect(texts()).toEqual(['a: Hanoi', 'b: Doi Moi']);
      marker.stop();
    });

    it('is read at once when the whole page is asked for, evidence and all', async () => {
      const { marker, texts, cross } = await heldPage(
        '<p id="a">Xi spoke first.</p><p id="b">Doi Moi, in between.</p><p id="c">Xi Jinping, named in full far below.</p>',
      );
      // "Xi" near the top waits for the page to name Xi Jinping, which it does far below.
      await cross('a', true);
      expect(texts()).toEqual([]);
      const read = marker.readWholePage();
      await vi.runAllTimersAsync();
      await read;
      expect(texts().sort()).toEqual(['a: Xi', 'b: Doi Moi', 'c: Xi Jinping']);
      marker.stop();
    });

    it('is read as it stands when it comes near: a held text the page changed meanwhile is not', async () => {
      const { marker, texts, cross } = await heldPage('<p id="a">Hanoi and Doi Moi, far below.</p>');
      // The page rewrites the text before the reader scrolls to it, and the block comes near before
      // the change has reached the marker: nothing is marked from the text as it was.
      const text = document.getElementById('a')!.firstChild as Text;
      text.data = 'Only Doi Moi now.';
      FakeObserver.withMargin(READ_AHEAD_MARGIN).cross(document.getElementById('a')!, true);
      // One slice of reading (the change itself reaches the marker only after MUTATION_SETTLE_MS).
      await vi.advanceTimersByTimeAsync(1);
      expect(texts()).toEqual([]);
      // The change reaches the marker: the new text is held, and read once near.
      await settle(marker);
      await cross('a', true);
      expect(texts()).toEqual(['a: Doi Moi']);
      expect(marker.allMarks()[0].range.startOffset).toBe(5);
      marker.stop();
    });

    it('a run that changed is not matched either when it waited for evidence', async () => {
      const { marker, texts, cross } = await heldPage(
        '<p id="a">Xi spoke first.</p><p id="b">Xi Jinping, named in full far below.</p>',
      );
      await cross('a', true);
      (document.getElementById('a')!.firstChild as Text).data = 'Someone else spoke first.';
      // The full name comes near before the change reaches the marker: "Xi" is not marked in text that is gone.
      FakeObserver.withMargin(READ_AHEAD_MARGIN).cross(document.getElementById('b')!, true);
      // One slice of reading (the change itself reaches the marker only after MUTATION_SETTLE_MS).
      await vi.advanceTimersByTimeAsync(1);
      expect(texts()).toEqual(['b: Xi Jinping']);
      await settle(marker);
      await cross('a', true);
      expect(texts()).toEqual(['b: Xi Jinping']);
      marker.stop();
    });

    /** A marker whose slices run one at a time when the test says; each run read takes a whole slice's budget. */
    function steppedMarker(html: string) {
      const doc = page(html);
      const slices: (() => void)[] = [];
      let clock = 0;
      const marker = markerOn(doc, {
        yieldToPage: (resume) => slices.push(resume),
        now: () => (clock += SLICE_BUDGET_MS),
      });
      const runSlice = () => slices.shift()?.();
      const runSlices = () => {
        while (slices.length) runSlice();
      };
      const watched = () => [...FakeObserver.withMargin(READ_AHEAD_MARGIN).observed].map((b) => b.id);
      const cross = (id: string) => FakeObserver.withMargin(READ_AHEAD_MARGIN).cross(doc.getElementById(id)!, true);
      return { doc, marker, runSlice, runSlices, watched, cross };
    }

    it('runs that come near are matched before the rest of the page is read', () => {
      const { marker, runSlice, runSlices, watched, cross } = steppedMarker(
        '<p id="a">Doi Moi first.</p><p id="b">Hanoi second.</p><p id="c">Doi Moi third.</p>',
      );
      marker.start();
      runSlice();
      expect(watched()).toEqual(['a']);
      // The first block comes near while the walk is under way: it is matched in the next slice,
      // before the walk reads on.
      cross('a');
      runSlice();
      expect(marker.allMarks().map((m) => m.block.id)).toEqual(['a']);
      expect(watched()).toEqual(['a']);
      runSlices();
      expect(watched()).toEqual(['a', 'b', 'c']);
      marker.stop();
    });

    it('a run let go, but not yet matched when a rescan of its block is flushed, is dropped: the block is marked once', async () => {
      const { doc, marker, runSlices, cross } = steppedMarker('<p id="a">Doi Moi <em>and</em> Hanoi.</p>');
      marker.start();
      runSlices();
      // Let go and queued; the page then adds markup between its nodes, and the change is flushed first.
      cross('a');
      doc.querySelector('em')!.append(doc.createElement('b'));
      await vi.advanceTimersByTimeAsync(MUTATION_SETTLE_MS);
      runSlices();
      // The rescan's run is held again, and read once near.
      cross('a');
      runSlices();
      expect(marker.allMarks().map((m) => m.range.toString())).toEqual(['Doi Moi', 'Hanoi']);
      marker.stop();
    });
  });

  describe('text far below the screen', () => {
    // The page's layout is the test's: each block lies at its data-top, less the page's scroll.
    let scrollY = 0;
    beforeEach(() => {
      scrollY = 0;
      Object.defineProperty(window, 'IntersectionObserver', { value: FakeObserver, configurable: true });
      vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
        const top = Number((this as HTMLElement).dataset.top ?? 0) - scrollY;
        return { top, bottom: top + 100, left: 0, right: 600, width: 600, height: 100, x: 0, y: top } as DOMRect;
      });
      vi.spyOn(Element.prototype, 'getClientRects').mockImplementation(function (this: Element) {
        const boxes = (this as HTMLElement).dataset.top === undefined ? [] : [this.getBoundingClientRect()];
        return boxes as unknown as DOMRectList;
      });
    });
    afterEach(() => {
      Reflect.deleteProperty(window, 'IntersectionObserver');
      vi.restoreAllMocks();
    });

    /**
     * Forty paragraphs of some 80 characters, 200 px apart, naming `terms` by paragraph (by default
     * Doi Moi in the 4th, Hanoi in the 31st).
     */
    const article = (
      top = (i: number) => i * 200,
      terms: Record<number, string> = { 3: ' on Doi Moi', 30: ' in Hanoi' },
    ) =>
      Array.from(
        { length: 40 },
        (_, i) =>
          `<p id="p${i}" data-top="${top(i)}">Paragraph ${i} of a long page${terms[i] ?? ''}, whose words name nothing else at all, as words go.</p>`,
      ).join('');
    const readWholePage = async (marker: PageMarker) => {
      const read = marker.readWholePage();
      await vi.runAllTimersAsync();
      await read;
    };

    async function longPage(html: string) {
      const doc = page(html);
      const marker = markerOn(doc);
      marker.start();
      await settle(marker);
      // The observer of the runs held is made after the one of the text left for later.
      const [rests, runs] = FakeObserver.made.filter((o) => o.options?.rootMargin === READ_AHEAD_MARGIN).slice(-2);
      const ids = (observer: FakeObserver) => [...observer.observed].map((el) => el.id);
      const marked = () => marker.allMarks().map((m) => `${m.block.id}: ${m.range.toString()}`);
      /** The reader scrolls to `y` and the scroll ends (no crossing reported: a jump). */
      const jumpTo = async (y: number) => {
        scrollY = y;
        doc.dispatchEvent(new Event('scrollend'));
        await settle(marker);
      };
      return { doc, marker, rests, runs, ids, marked, jumpTo };
    }

    it('is not read until the reader nears it; the first screens are', async () => {
      const { marker, rests, runs, ids, marked } = await longPage(`<div id="article">${article()}</div>`);
      // The first look, past 1000 characters: the 14th paragraph, at 2600 px, is past the screen (768
      // px) and a screen more below it. It and the paragraphs after it are left for later.
      expect(ids(rests)).toEqual(['p13']);
      expect(ids(runs)).toEqual(['p3']);
      runs.cross(document.getElementById('p3')!, true);
      await settle(marker);
      expect(marked()).toEqual(['p3: Doi Moi']);
      // The reader scrolls down: the first paragraph left comes near, and the walk reads on from it,
      // to its first look past the screen and the read-ahead.
      scrollY = 1000;
      rests.cross(document.getElementById('p13')!, true);
      await settle(marker);
      expect(ids(rests)).toEqual(['p13', 'p26']);
      expect(ids(runs)).toEqual(['p3']);
      marker.stop();
    });

    it('is looked for where the text read so far says the read-ahead ends, not past it', async () => {
      // Two hundred paragraphs of 64 characters, 20 px apart: the read-ahead ends at 1536 px (two screens
      // of 768), at the 77th. The first looks find it far off; the text per pixel says where the walk
      // will reach it, and a step of 1000 characters (16 paragraphs, 320 px) at most takes it past.
      // Doubling the text between looks instead looked next at the 128th, 1000 px past it, having read
      // half as much again as the first screens hold.
      const dense = Array.from(
        { length: 200 },
        (_, i) =>
          `<p id="p${i}" data-top="${i * 20}">Paragraph ${String(i).padStart(3, '0')} of a dense page, whose words name nothing at all.</p>`,
      ).join('');
      const { marker, rests } = await longPage(`<div id="article">${dense}</div>`);
      const left = [...rests.observed][0] as HTMLElement;
      expect(Number(left.dataset.top)).toBeGreaterThan(2 * window.innerHeight);
      expect(Number(left.dataset.top)).toBeLessThanOrEqual(
        2 * window.innerHeight + 20 * Math.ceil(TEXT_BEFORE_FIRST_LOOK / 70),
      );
      marker.stop();
    });

    it('the next look comes where the text per pixel says the edge is, in steps of 1000 characters to as much again as read', () => {
      const edge = 1536;
      // Four characters a pixel since the page's top: 5144 characters to the edge, but no more than read so far.
      expect(textBeforeNextLook(null, { textRead: 1000, y: 250 }, edge)).toBe(1000);
      expect(textBeforeNextLook({ textRead: 1000, y: 250 }, { textRead: 2000, y: 500 }, edge)).toBe(2000);
      // Two characters a pixel since the last look: 1072 to the edge.
      expect(textBeforeNextLook({ textRead: 2000, y: 500 }, { textRead: 3000, y: 1000 }, edge)).toBe(1072);
      // Close to the edge: the least step.
      expect(textBeforeNextLook({ textRead: 4000, y: 1000 }, { textRead: 6000, y: 1500 }, edge)).toBe(
        TEXT_BEFORE_FIRST_LOOK,
      );
      // Past the edge with nothing left, or blocks going up the page: as much again as read.
      expect(textBeforeNextLook({ textRead: 4000, y: 1000 }, { textRead: 6000, y: 2000 }, edge)).toBe(6000);
      expect(textBeforeNextLook({ textRead: 1000, y: 500 }, { textRead: 2000, y: 400 }, edge)).toBe(2000);
    });

    it('is read when a scroll ends past it without its crossing the read-ahead (a jump)', async () => {
      const { marker, runs, ids, marked, jumpTo } = await longPage(`<div id="article">${article()}</div>`);
      await jumpTo(5600);
      expect(ids(runs)).toEqual(['p3', 'p30']);
      runs.cross(document.getElementById('p30')!, true);
      await settle(marker);
      expect(marked()).toEqual(['p30: Hanoi']);
      marker.stop();
    });

    it('an aside later in the page, on the screen, is read: only the rest of the article is left', async () => {
      const { marker, rests, runs, ids } = await longPage(
        `<div id="article" data-top="0">${article()}</div><aside id="aside" data-top="100">Doi Moi, beside it.</aside>`,
      );
      expect(ids(rests)).toEqual(['p13']);
      expect(ids(runs)).toEqual(['p3', 'aside']);
      marker.stop();
    });

    it('nothing is left where the last sibling is not below the first left (a column laid out upwards)', async () => {
      const { marker, rests, runs, ids } = await longPage(article((i) => (39 - i) * 200));
      expect(ids(rests)).toEqual([]);
      expect(ids(runs)).toEqual(['p3', 'p30']);
      marker.stop();
    });

    it('the whole page asked for reads it all; a change inside text left unread is read with it, once', async () => {
      const { doc, marker, rests, runs, ids, marked } = await longPage(`<div id="article">${article()}</div>`);
      doc.getElementById('p20')!.append(' Doi Moi again.');
      await settle(marker);
      expect(ids(runs)).toEqual(['p3']);
      await readWholePage(marker);
      expect(marked()).toEqual(['p3: Doi Moi', 'p20: Doi Moi', 'p30: Hanoi']);
      // Nothing is left for later once the whole page has been read: an article added is read to its end.
      doc.body.insertAdjacentHTML('beforeend', `<div id="more">${article()}</div>`);
      await settle(marker);
      expect(ids(rests)).toEqual(['p13']);
      expect(ids(runs).filter((id) => id === 'p30')).toHaveLength(2);
      marker.stop();
    });

    it('a change to the parent of text left unread reads the parent again, leaving the rest once', async () => {
      const { doc, marker, runs, ids, marked } = await longPage(`<div id="article">${article()}</div>`);
      doc.getElementById('article')!.prepend('An introduction. ');
      await settle(marker);
      // Read again from its start, and its rest left for later again, in place of the one before.
      expect(ids(runs)).toEqual(['p3']);
      await readWholePage(marker);
      expect(marked()).toEqual(['p3: Doi Moi', 'p30: Hanoi']);
      marker.stop();
    });

    it('text left unread whose first block leaves the page is read again from its parent, nothing twice', async () => {
      const { doc, marker, runs, ids, marked } = await longPage(`<div id="article">${article()}</div>`);
      doc.getElementById('p13')!.remove();
      await settle(marker);
      expect(ids(runs)).toEqual(['p3']);
      await readWholePage(marker);
      expect(marked()).toEqual(['p3: Doi Moi', 'p30: Hanoi']);
      marker.stop();
    });

    it('text left unread whose first block moved, or lost the block before it, is read again from its parent', async () => {
      const { doc, marker, marked } = await longPage(
        `<div id="article">${article(undefined, { 3: ' on Doi Moi', 14: ' in Hanoi' })}</div>`,
      );
      // The 14th paragraph moves after the 16th: the 15th, once after it, is now where the rest begins.
      doc.getElementById('article')!.insertBefore(doc.getElementById('p13')!, doc.getElementById('p16'));
      await settle(marker);
      await readWholePage(marker);
      expect(marked()).toEqual(['p3: Doi Moi', 'p14: Hanoi']);
      marker.stop();
    });

    it('text left unread, released by a jump before the change to its start is flushed, is read as it stands', async () => {
      const { doc, marker, ids, runs, marked, jumpTo } = await longPage(`<div id="article">${article()}</div>`);
      doc.getElementById('p13')!.remove();
      // The scroll ends before the change reaches the marker: the rest is let go as it was left.
      scrollY = 5600;
      doc.dispatchEvent(new Event('scrollend'));
      await jumpTo(5600);
      expect(ids(runs)).toEqual(['p3', 'p30']);
      await readWholePage(marker);
      expect(marked()).toEqual(['p3: Doi Moi', 'p30: Hanoi']);
      marker.stop();
    });

    it('a feed growing far below the screen is left for later from its first new block on; one added above is read', async () => {
      const { doc, marker, rests, runs, ids, marked, jumpTo } = await longPage(
        '<div id="feed"><p id="f0" data-top="0">Doi Moi, the first item.</p></div>',
      );
      const add = (id: string, top: number, before?: Element | null) => {
        const p = doc.createElement('p');
        p.id = id;
        p.dataset.top = String(top);
        p.textContent = `Item ${id}, on Hanoi.`;
        doc.getElementById('feed')!.insertBefore(p, before ?? null);
      };
      add('near', 300);
      add('far1', 3000);
      add('far2', 3100);
      await settle(marker);
      add('far3', 3200);
      await settle(marker);
      // One block watched for the whole tail of the feed, however long it grows; none of it read.
      expect(ids(rests)).toEqual(['far1']);
      expect(ids(runs)).toEqual(['f0', 'near']);
      // An item put in before the tail is read as it comes.
      add('inserted', 3050, doc.getElementById('far2'));
      await settle(marker);
      expect(ids(runs)).toEqual(['f0', 'near']);
      add('top', 100, doc.getElementById('near'));
      await settle(marker);
      expect(ids(runs)).toEqual(['f0', 'near', 'top']);
      await jumpTo(2500);
      expect(ids(runs)).toEqual(['f0', 'near', 'top', 'far1', 'inserted', 'far2', 'far3']);
      await readWholePage(marker);
      expect(marked().filter((m) => m.endsWith('Hanoi'))).toHaveLength(6);
      marker.stop();
    });

    it('blocks added far below in one change are left once, whatever order the page put them in; white space and a script after them do not count', async () => {
      const { doc, marker, runs, ids, marked } = await longPage(
        '<div id="feed"><p id="f0" data-top="0">Doi Moi, the first item.</p><script>/* the feed’s own */</script></div>',
      );
      const feed = doc.getElementById('feed')!;
      const item = (id: string, top: number) => `<p id="${id}" data-top="${top}">Item ${id}, on Hanoi.</p>`;
      // The second item first, then the first before it; white space around them, as markup brings.
      feed.querySelector('script')!.insertAdjacentHTML('beforebegin', `\n${item('far2', 3100)}\n`);
      doc.getElementById('far2')!.insertAdjacentHTML('beforebegin', `\n${item('far1', 3000)}`);
      await settle(marker);
      expect(ids(runs)).toEqual(['f0']);
      await readWholePage(marker);
      expect(marked()).toEqual(['f0: Doi Moi', 'far1: Hanoi', 'far2: Hanoi']);
      marker.stop();
    });

    it('a block the viewport pass read, in text left for later, is read with it again when the page changes it', async () => {
      const doc = page(`<div id="article">${article()}</div>`);
      // The page opens scrolled down a screen, and the hit test finds the 31st paragraph: the viewport
      // pass reads the article first; the whole-page pass then leaves the article from the 14th on.
      scrollY = 800;
      Object.defineProperty(window, 'scrollY', { value: scrollY, configurable: true });
      const hitTest = vi.spyOn(doc, 'elementFromPoint').mockImplementation(() => doc.getElementById('p30'));
      try {
        const marker = markerOn(doc);
        marker.start();
        await settle(marker);
        expect(hitTest).toHaveBeenCalled();
        (doc.getElementById('p30')!.firstChild as Text).data = 'Paragraph 30, now on Doi Moi.';
        await settle(marker);
        await readWholePage(marker);
        expect(marker.allMarks().map((m) => `${m.block.id}: ${m.range.toString()}`)).toEqual([
          'p3: Doi Moi',
          'p30: Doi Moi',
        ]);
        marker.stop();
      } finally {
        Reflect.deleteProperty(window, 'scrollY');
      }
    });
  });

  it('reveals the n-th occurrence of an entry, in page order, wrapping around', async () => {
    const { marker } = await markedTexts('<p id="a">Doi Moi first.</p><p>Hanoi.</p><p id="b">Then Doi Moi again.</p>');
    const scrolled: string[] = [];
    Element.prototype.scrollIntoView = function (this: Element) {
      scrolled.push(this.id);
    };
    expect(await marker.reveal('doi-moi', 0)).toBe(true);
    expect(await marker.reveal('doi-moi', 1)).toBe(true);
    expect(await marker.reveal('doi-moi', 2)).toBe(true);
    expect(scrolled).toEqual(['a', 'b', 'a']);
    expect(await marker.reveal('xi-jinping', 0)).toBe(false);
    marker.stop();
  });

  it('finds the mark at a text position', async () => {
    const { marker } = await markedTexts('<p id="p">Meeting in Hanoi today.</p>');
    const text = document.getElementById('p')!.firstChild!;
    expect(marker.markAt(text, 'Meeting in H'.length)?.entryId).toBe('hanoi');
    expect(marker.markAt(text, 2)).toBeNull();
    marker.stop();
  });

  it('holds its marks until their text changes, and no other marker’s', async () => {
    const { marker } = await markedTexts('<p id="p">Meeting in Hanoi today.</p>');
    const p = document.getElementById('p')!;
    const before = marker.markAt(p.firstChild!, 'Meeting in H'.length)!;
    expect(marker.holds(before)).toBe(true);
    const other = markerOn(document);
    other.start();
    await settle(other);
    expect(other.holds(before)).toBe(false);
    other.stop();
    (p.firstChild as Text).data = 'Meeting in Hanoi again.';
    await settle(marker);
    const after = marker.markAt(p.firstChild!, 'Meeting in H'.length)!;
    expect(after.entryId).toBe('hanoi');
    expect(marker.holds(after)).toBe(true);
    expect(marker.holds(before)).toBe(false);
    marker.stop();
  });

  it('keeps marks current when text inside a shadow root changes', async () => {
    const { marker } = await markedTexts('<div id="host"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Nothing yet.</p>';
    // The shadow root appeared after the first scan: a change to the host's subtree finds it.
    document.getElementById('host')!.append(document.createElement('span'));
    await settle(marker);
    expect(marker.shadowRoots).toEqual([shadow]);
    shadow.querySelector('p')!.textContent = 'Now To Lam.';
    await settle(marker);
    expect(marker.allMarks().map((m) => m.range.toString())).toEqual(['To Lam']);
    marker.stop();
  });

  it('does not rescan when Gloss adds its own card host: marks keep their identity', async () => {
    const { marker } = await markedTexts('<p>Doi Moi and Hanoi.</p>');
    const before = marker.allMarks().map((m) => m.range);
    document.documentElement.append(document.createElement('gloss-card'));
    await settle(marker);
    const after = marker.allMarks().map((m) => m.range);
    expect(after).toHaveLength(before.length);
    expect(after.every((range, i) => range === before[i])).toBe(true);
    marker.stop();
  });

  it('does not mark a shadow root twice when a change makes its ancestor rescan', async () => {
    const { marker } = await markedTexts('<div id="wrap"><div id="host"></div><p id="p">Doi Moi</p></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Hanoi</p>';
    document.getElementById('wrap')!.append(document.createElement('span'));
    await settle(marker);
    document.getElementById('wrap')!.append(document.createElement('span'));
    await settle(marker);
    expect(
      marker
        .allMarks()
        .map((m) => m.range.toString())
        .sort(),
    ).toEqual(['Doi Moi', 'Hanoi']);
    marker.stop();
  });

  it('scans only the paragraphs a live feed appends: earlier marks are not rebuilt', async () => {
    const { marker } = await markedTexts('<div id="feed"><p>Doi Moi first.</p></div>');
    const [first] = marker.allMarks();
    for (let i = 0; i < 20; i++) {
      const p = document.createElement('p');
      p.textContent = `Update ${i}: Hanoi.`;
      document.getElementById('feed')!.append(p);
    }
    await settle(marker);
    const marks = marker.allMarks();
    expect(marks).toHaveLength(21);
    expect(marks.some((m) => m.range === first.range)).toBe(true);
    marker.stop();
  });

  it('sweeps the marks of removed blocks, and rescans a block whose inline content changed', async () => {
    const { marker } = await markedTexts('<div id="feed"><p id="a">Doi Moi</p><p id="b">Hanoi</p></div>');
    document.getElementById('a')!.remove();
    await settle(marker);
    expect(marker.allMarks().map((m) => m.range.toString())).toEqual(['Hanoi']);
    const b = document.getElementById('b')!;
    b.append(' and ', Object.assign(document.createElement('em'), { textContent: 'Doi Moi' }));
    await settle(marker);
    expect(
      marker
        .allMarks()
        .map((m) => m.range.toString())
        .sort(),
    ).toEqual(['Doi Moi', 'Hanoi']);
    marker.stop();
  });

  it('follows changes made directly under a shadow root', async () => {
    const { marker } = await markedTexts('<div id="host"></div>');
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    document.getElementById('host')!.append(document.createElement('span'));
    await settle(marker);
    shadow.append('Hanoi');
    await settle(marker);
    expect(marker.allMarks().map((m) => m.range.toString())).toEqual(['Hanoi']);
    marker.stop();
  });

  it('says when the page as it stood is scanned, without waiting for changes still settling', async () => {
    const { marker } = await markedTexts('<p id="p">Hanoi.</p>');
    await marker.whenScanned();
    document.getElementById('p')!.after(Object.assign(document.createElement('p'), { textContent: 'Doi Moi.' }));
    await Promise.resolve(); // the change reaches the marker, which waits for it to settle
    let idle = false;
    void marker.whenIdle().then(() => (idle = true));
    await marker.whenScanned();
    expect(idle).toBe(false);
    expect(marker.allMarks().map((m) => m.range.toString())).toEqual(['Hanoi']);
    await settle(marker);
    expect(idle).toBe(true);
    expect(
      marker
        .allMarks()
        .map((m) => m.range.toString())
        .sort(),
    ).toEqual(['Doi Moi', 'Hanoi']);
    marker.stop();
  });

  it('keeps marks current when the page changes', async () => {
    const { marker } = await markedTexts('<p id="p">Nothing yet.</p>');
    document.getElementById('p')!.textContent = 'Now the Doi Moi.';
    await settle(marker);
    expect(marker.allMarks().map((m) => m.range.toString())).toEqual(['Doi Moi']);
    document.getElementById('p')!.remove();
    await settle(marker);
    expect(marker.allMarks()).toEqual([]);
    marker.stop();
  });
});
