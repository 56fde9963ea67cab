/**
 * The sections of a page, for underlining only the first mention of each entry in each: a section
 * runs from a heading to the next; where no heading comes before, a screenful of text is one.
 */

const HEADINGS = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

export class Sections {
  /** Headings in document order; read again after the page changes. */
  private headings: Element[] | null = null;
  private readonly ids = new WeakMap<Element, number>();
  private nextId = 0;
  /** Each block's key, until the page changes: a block with many marks is placed once. */
  private keys = new WeakMap<Element, string>();

  constructor(private readonly doc: Document) {}

  /** The page changed: headings may have come or gone. */
  invalidate(): void {
    this.headings = null;
    this.keys = new WeakMap();
  }

  /** A key naming the section `block` is in. */
  keyOf(block: Element): string {
    let key = this.keys.get(block);
    if (key === undefined) this.keys.set(block, (key = this.placeOf(block)));
    return key;
  }

  private placeOf(block: Element): string {
    // Text in a shadow root belongs where its host stands on the page.
    let el = block;
    for (let root = el.getRootNode(); root instanceof ShadowRoot; root = el.getRootNode()) el = root.host;
    const heading = this.headingBefore(el);
    if (heading) return `h${this.idOf(heading)}`;
    const view = this.doc.defaultView;
    const screen =
      view && view.innerHeight > 0 ? Math.floor((el.getBoundingClientRect().top + view.scrollY) / view.innerHeight) : 0;
    return `s${Math.max(0, screen)}`;
  }

  /** The last heading at or before `el` in document order (binary search), or null. */
  private headingBefore(el: Element): Element | null {
    this.headings ??= Array.from(this.doc.querySelectorAll(HEADINGS));
    const list = this.headings;
    let lo = 0;
    let hi = list.length - 1;
    let found: Element | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const h = list[mid];
      if (h === el || h.contains(el) || h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) {
        found = h;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  private idOf(heading: Element): number {
    let id = this.ids.get(heading);
    if (id === undefined) this.ids.set(heading, (id = this.nextId++));
    return id;
  }
}

/**
 * Which marks are underlined when only the first mention of each entry in each section is: the
 * earliest in document order of each (section, entry) group. Marks come and go in any order (the
 * viewport is scanned first, pages change), so the group's first is kept current as they do.
 */
export class FirstMentions<M> {
  private readonly groups = new Map<string, M[]>();
  private readonly first = new Map<string, M>();

  constructor(
    private readonly isBefore: (a: M, b: M) => boolean,
    private readonly show: (mark: M) => void,
    private readonly hide: (mark: M) => void,
  ) {}

  add(mark: M, group: string): void {
    const marks = this.groups.get(group);
    if (marks) marks.push(mark);
    else this.groups.set(group, [mark]);
    const current = this.first.get(group);
    if (current && !this.isBefore(mark, current)) return;
    if (current) this.hide(current);
    this.first.set(group, mark);
    this.show(mark);
  }

  remove(mark: M, group: string): void {
    const marks = this.groups.get(group);
    if (!marks) return;
    const rest = marks.filter((m) => m !== mark);
    if (rest.length) this.groups.set(group, rest);
    else this.groups.delete(group);
    if (this.first.get(group) !== mark) return;
    this.hide(mark);
    this.first.delete(group);
    const next = rest.reduce<M | undefined>(
      (best, m) => (best === undefined || this.isBefore(m, best) ? m : best),
      undefined,
    );
    if (next !== undefined) {
      this.first.set(group, next);
      this.show(next);
    }
  }

  clear(): void {
    this.groups.clear();
    this.first.clear();
  }
}
