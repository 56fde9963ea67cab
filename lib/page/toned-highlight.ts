/**
 * A set of ranges shown as one highlight, each drawn in the colours of the page under it
 * (mark-colors.ts): behind the scenes one CSS highlight per tone (and per alternate, for looks that
 * alternate), named by ToneNames. The tone of a range is read when it is added, from the computed
 * backgrounds of the elements around its text.
 */
import {
  backgroundOf,
  canvasOf,
  oneName,
  parseColor,
  toneFor,
  type Rgba,
  type Tone,
  type ToneNames,
} from './mark-colors';

type HighlightRegistryLike = {
  get(name: string): Highlight | undefined;
  set(name: string, h: Highlight): unknown;
  delete(name: string): boolean;
};

/** The document's highlight registry, or null where the Custom Highlight API is missing. */
export function highlightRegistry(doc: Document): HighlightRegistryLike | null {
  const css = (doc.defaultView as (Window & { CSS?: { highlights?: HighlightRegistryLike } }) | null)?.CSS;
  return css?.highlights ?? null;
}

/**
 * The tone of the page under a range's text: the computed backgrounds from its element up to the
 * root (across shadow hosts), up to the first opaque one, over the page's canvas. Background images
 * are not read; their element's colour stands for them.
 */
export function toneOfRange(range: AbstractRange): Tone {
  const start = range.startContainer;
  const element = start.nodeType === 1 ? (start as Element) : start.parentElement;
  const view = start.ownerDocument?.defaultView;
  if (!element || !view) return 'light';
  if (reading?.view !== view) {
    if (!reading) queueMicrotask(() => (reading = null));
    reading = { view, tones: new Map(), backgrounds: new Map(), canvas: null };
  }
  let tone = reading.tones.get(element);
  if (!tone) reading.tones.set(element, (tone = readTone(element, view, reading)));
  return tone;
}

/**
 * What tones read in one task share: the marks of a block, registered together as it comes near the
 * screen, ask about the same element, and the blocks of a page about the same ancestors and canvas.
 * Dropped at the end of the task, so a page that changes its colours is read again.
 */
interface ToneReading {
  /** The window read (a range of another document starts a reading of its own). */
  view: Window;
  tones: Map<Element, Tone>;
  /** Each element's own background colour, null where it is not one parseColor reads. */
  backgrounds: Map<Element, Rgba | null>;
  canvas: Rgba | null;
}
let reading: ToneReading | null = null;

function readTone(element: Element, view: Window, known: ToneReading): Tone {
  const layers: Rgba[] = [];
  for (let el: Element | null = element; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
    let colour = known.backgrounds.get(el);
    if (colour === undefined)
      known.backgrounds.set(el, (colour = parseColor(view.getComputedStyle(el).backgroundColor)));
    if (!colour || colour.a === 0) continue;
    layers.push(colour);
    if (colour.a >= 1) break;
  }
  const root = view.document.documentElement;
  known.canvas ??= canvasOf(
    root ? view.getComputedStyle(root).colorScheme : '',
    view.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false,
  );
  return toneFor(backgroundOf(layers, known.canvas));
}

type HighlightConstructor = new () => Highlight;

/**
 * Firefox content scripts cannot iterate the highlight registry through Xray wrappers
 * (docs/browser-bugs.md): only get, set and delete are used on it. The registry is shared with the
 * page's own scripts, so names are Gloss-specific.
 */
export class TonedHighlight {
  private names: ToneNames;
  private readonly highlights = new Map<string, Highlight>();
  /** Where each range is shown, by name. */
  private readonly shownIn = new Map<AbstractRange, string>();
  private readonly registry: HighlightRegistryLike | null;
  private readonly Highlight: HighlightConstructor | null;

  /**
   * `names`: by tone, or one name for all. `isAlternate`: whether a range takes its look's alternate
   * colour (the odd marks of a block). `toneOf`: the tone under a range (the page's backgrounds, by
   * default).
   */
  constructor(
    doc: Document,
    names: ToneNames | string,
    private readonly isAlternate: (range: AbstractRange) => boolean = () => false,
    private readonly toneOf: (range: AbstractRange) => Tone = toneOfRange,
  ) {
    this.names = typeof names === 'string' ? oneName(names) : names;
    this.registry = highlightRegistry(doc);
    this.Highlight =
      (doc.defaultView as (Window & { Highlight?: HighlightConstructor }) | null)?.Highlight ??
      globalThis.Highlight ??
      null;
    this.register();
  }

  /** False where the browser has no Custom Highlight API. */
  get available(): boolean {
    return !!this.registry && !!this.Highlight;
  }

  add(range: AbstractRange): void {
    if (!this.available) return;
    const name = this.nameFor(range);
    const before = this.shownIn.get(range);
    if (before === name) return;
    if (before) this.highlights.get(before)?.delete(range);
    this.highlightNamed(name).add(range);
    this.shownIn.set(range, name);
  }

  delete(range: AbstractRange): void {
    const name = this.shownIn.get(range);
    if (name === undefined) return;
    this.highlights.get(name)?.delete(range);
    this.shownIn.delete(range);
  }

  clear(): void {
    for (const h of this.highlights.values()) h.clear();
    this.shownIn.clear();
  }

  /** Shows the same ranges under other names (another look), each in the tone it had. */
  rename(names: ToneNames): void {
    if (names === this.names) return;
    const ranges = [...this.shownIn.keys()];
    this.unregister();
    this.highlights.clear();
    this.shownIn.clear();
    this.names = names;
    this.register();
    for (const range of ranges) this.add(range);
  }

  /** Takes every name out of the registry (the highlights are the page's to see no more). */
  unregister(): void {
    for (const name of this.highlights.keys()) this.registry?.delete(name);
  }

  /** The name `range` is shown under; the page is read only where the names differ. */
  private nameFor(range: AbstractRange): string {
    const { light, dark } = this.names;
    const alternate = light[0] !== light[1] && this.isAlternate(range) ? 1 : 0;
    return light[alternate] === dark[alternate] ? light[alternate] : this.names[this.toneOf(range)][alternate];
  }

  /** Every name registered from the start, so a name is there (empty) before its first range. */
  private register(): void {
    for (const pair of Object.values(this.names)) for (const name of pair) this.highlightNamed(name);
  }

  private highlightNamed(name: string): Highlight {
    let h = this.highlights.get(name);
    if (!h && this.registry && this.Highlight) {
      h = new this.Highlight();
      this.highlights.set(name, h);
      this.registry.set(name, h);
    }
    return h!;
  }
}
