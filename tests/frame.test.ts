// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMatcher } from '../lib/match/matcher';
import { SieveReader } from '../lib/match/sieve';
import { FRAME_RECHECK_MS, isWorthReading, MIN_FRAME_TEXT, whenWorthReading } from '../lib/page/frame';
import { RUNS_PER_YIELD } from '../lib/page/text-runs';
import { READ_AHEAD_MS, whenTermsMayBeHere } from '../lib/page/wake';

/** A same-origin frame of the test document, `width` × `height` as its own window sees it. */
function frame(html: string, width = 300, height = 250): Window {
  const iframe = document.createElement('iframe');
  document.body.append(iframe);
  const win = iframe.contentWindow!;
  win.document.body.innerHTML = html;
  Object.defineProperty(win, 'innerWidth', { value: width, configurable: true });
  Object.defineProperty(win, 'innerHeight', { value: height, configurable: true });
  return win;
}

/** A paragraph an embedded post could hold: longer than MIN_FRAME_TEXT. */
const POST =
  '<p>Xi Jinping arrived in Hanoi on Tuesday for a two-day state visit, his first since the Communist Party of Vietnam named its new leader.</p>';

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await new Promise((r) => setTimeout(r, 0));
  return () => done;
};

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('frames worth reading', () => {
  it('reads the top frame, and frames that can show a line and hold a sentence or more of text', () => {
    expect(isWorthReading(window)).toBe(true);
    expect(isWorthReading(frame(POST))).toBe(true);
    // The text of several blocks counts together.
    expect(isWorthReading(frame('<p>Xi Jinping in Hanoi.</p>'.repeat(Math.ceil(MIN_FRAME_TEXT / 10))))).toBe(true);
  });

  it('leaves tracking pixels, hidden frames, ad slots and frames without text (scripts are not text) alone', () => {
    expect(isWorthReading(frame(POST, 1, 1))).toBe(false);
    expect(isWorthReading(frame(POST, 0, 0))).toBe(false);
    expect(
      isWorthReading(frame('<div style="height:200px"></div><p>Advertisement · Fly to Da Nang from $99</p>')),
    ).toBe(false);
    expect(isWorthReading(frame(''))).toBe(false);
    expect(isWorthReading(frame(`<script>var text = "${POST}";</script>   `))).toBe(false);
    expect(isWorthReading(frame(`<p>${' '.repeat(MIN_FRAME_TEXT * 2)}</p><p>Xi Jinping</p>`))).toBe(false);
  });

  it('reads an empty frame once it is filled, and a hidden one once it is shown', async () => {
    vi.useFakeTimers();
    const empty = frame('');
    let filled = false;
    void whenWorthReading(empty).then(() => (filled = true));
    empty.document.body.innerHTML = POST;
    await vi.advanceTimersByTimeAsync(FRAME_RECHECK_MS);
    expect(filled).toBe(true);

    const hidden = frame(POST, 0, 0);
    let shown = false;
    void whenWorthReading(hidden).then(() => (shown = true));
    await vi.advanceTimersByTimeAsync(FRAME_RECHECK_MS);
    expect(shown).toBe(false);
    Object.defineProperty(hidden, 'innerWidth', { value: 300 });
    Object.defineProperty(hidden, 'innerHeight', { value: 250 });
    hidden.dispatchEvent(new Event('resize'));
    await vi.advanceTimersByTimeAsync(FRAME_RECHECK_MS);
    expect(shown).toBe(true);
  });

  it('reads a frame too short to read once the reader selects text in it, not when a click only moves the caret', async () => {
    const ad = frame('<p>Advertisement · Xi Jinping in Hanoi</p>');
    let read = false;
    void whenWorthReading(ad).then(() => (read = true));
    const text = ad.document.querySelector('p')!.firstChild!;
    const select = (start: number, end: number) => {
      const range = ad.document.createRange();
      range.setStart(text, start);
      range.setEnd(text, end);
      ad.getSelection()!.removeAllRanges();
      ad.getSelection()!.addRange(range);
      ad.document.dispatchEvent(new Event('selectionchange'));
    };
    select(4, 4);
    await new Promise((r) => setTimeout(r, 0));
    expect(read).toBe(false);
    select(16, 26);
    await vi.waitFor(() => expect(read).toBe(true));

    // Text selected before Gloss looked (it waits for the page to be idle) counts as well; selecting
    // it gave the frame the focus.
    const selectedEarly = frame('<p tabindex="-1">Advertisement · Xi Jinping in Hanoi</p>');
    selectedEarly.document.querySelector('p')!.focus();
    selectedEarly.getSelection()!.selectAllChildren(selectedEarly.document.body);
    expect((await settled(whenWorthReading(selectedEarly)))()).toBe(true);
  });

  it('asks a frame that does not have the focus nothing of its selection until the selection changes', async () => {
    const ad = frame('<p>Advertisement · Xi Jinping in Hanoi</p>');
    const asked = vi.spyOn(ad, 'getSelection');
    const read = await settled(whenWorthReading(ad));
    expect(asked).not.toHaveBeenCalled();
    expect(read()).toBe(false);
    ad.getSelection()!.selectAllChildren(ad.document.body);
    ad.document.dispatchEvent(new Event('selectionchange'));
    await vi.waitFor(() => expect(read()).toBe(true));
  });
});

describe('waiting for text that may hold a term', () => {
  const { sieve } = buildMatcher([{ entryId: 'xi', text: 'Xi Jinping', caseRule: 'name' }]);
  const reader = () => new SieveReader(sieve!);

  it('resolves at once where the page has one, and not where it has none', async () => {
    document.body.innerHTML = '<p>Nothing here.</p><p>Then Xi Jinping spoke.</p>';
    expect((await settled(whenTermsMayBeHere(document, reader, new AbortController().signal)))()).toBe(true);
    document.body.innerHTML = '<p>Nothing here.</p><code>Xi Jinping</code><p>xi jinping, in lower case</p>';
    expect((await settled(whenTermsMayBeHere(document, reader, new AbortController().signal)))()).toBe(false);
  });

  it('resolves when text that may hold a term is added or changed later, also inside a shadow root', async () => {
    document.body.innerHTML = '<p id="p">Nothing here.</p><div id="host"></div>';
    const added = await settled(whenTermsMayBeHere(document, reader, new AbortController().signal));
    document.body.insertAdjacentHTML('beforeend', '<p>Still nothing.</p>');
    await new Promise((r) => setTimeout(r, 10));
    expect(added()).toBe(false);
    document.getElementById('p')!.firstChild!.nodeValue = 'Now Xi Jinping is here.';
    await vi.waitFor(() => expect(added()).toBe(true));

    document.body.innerHTML = '<div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Nothing yet.</p>';
    const inShadow = await settled(whenTermsMayBeHere(document, reader, new AbortController().signal));
    shadow.firstElementChild!.append(' Xi Jinping.');
    await vi.waitFor(() => expect(inShadow()).toBe(true));
  });

  it('hands a long page to the marker after a slice of reading, rather than read it twice', async () => {
    document.body.innerHTML = Array.from(
      { length: RUNS_PER_YIELD * 4 },
      (_, i) => `<p>Paragraph ${i} names nobody.</p>`,
    ).join('');
    // Each look at the clock finds a few milliseconds gone: the read-ahead's budget is spent early.
    let now = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (now += READ_AHEAD_MS / 3));
    expect((await settled(whenTermsMayBeHere(document, reader, new AbortController().signal)))()).toBe(true);
    vi.restoreAllMocks();
  });

  it('says each time it has read all the text there is and none may hold a term', async () => {
    document.body.innerHTML = '<p>Nothing here.</p>';
    let readThrough = 0;
    const found = await settled(
      whenTermsMayBeHere(document, reader, new AbortController().signal, () => readThrough++),
    );
    await vi.waitFor(() => expect(readThrough).toBe(1));
    document.body.insertAdjacentHTML('beforeend', '<p>Still nothing.</p>');
    await vi.waitFor(() => expect(readThrough).toBe(2));
    document.body.insertAdjacentHTML('beforeend', '<p>Xi Jinping</p>');
    await vi.waitFor(() => expect(found()).toBe(true));
    expect(readThrough).toBe(2);
  });

  it('stops watching once aborted', async () => {
    document.body.innerHTML = '<p>Nothing here.</p>';
    const abort = new AbortController();
    const stopped = await settled(whenTermsMayBeHere(document, reader, abort.signal));
    abort.abort();
    document.body.insertAdjacentHTML('beforeend', '<p>Xi Jinping</p>');
    await new Promise((r) => setTimeout(r, 10));
    expect(stopped()).toBe(false);
  });
});
