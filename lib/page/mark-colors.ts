/**
 * The colours of Gloss's marks, chosen against the page's own background rather than the system's
 * colour scheme (a white page in a dark system still gets the colours for a light page). Two sets:
 * one for light backgrounds, one for dark; a mark takes the set whose underline contrasts more with
 * the background under it. The two underlines differ in luminance by more than 9:1, so one of them
 * is at least 3:1 against any background at all (WCAG's ratio for graphics). Tints alternate
 * between two hues, so terms side by side stay apart. The stylesheet of the ::highlight() rules is
 * written from these (highlightsCss), so the colours tested here are the colours shipped.
 */

/** A colour: red, green and blue 0–255, alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Which set of colours a mark takes: that of a light page or of a dark one. */
export type Tone = 'light' | 'dark';

export interface ToneColors {
  /** The dotted underline of every mark. */
  underline: string;
  /** The two tints of the "background tint" mark style, alternated along a block. */
  tints: [string, string];
  /** The term under the pointer or with its card open. */
  active: string;
  /** The term the popup jumped to, for a moment. */
  flash: string;
}

export const MARK_COLORS: Record<Tone, ToneColors> = {
  light: { underline: '#0d2466', tints: ['#c9dbff', '#ffe1a0'], active: '#fde68a', flash: '#fbbf24' },
  dark: { underline: '#cfe2ff', tints: ['#1f3b70', '#5a4210'], active: '#5c4a00', flash: '#8a5a00' },
};

export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
/** Chromium's and Firefox's canvas behind a page that asks for a dark colour scheme. */
export const DARK_CANVAS: Rgba = { r: 18, g: 18, b: 18, a: 1 };

/**
 * A colour as getComputedStyle gives it (rgb(), rgba(), color(srgb …), transparent) or #rrggbb; null for anything else.
 */
export function parseColor(text: string): Rgba | null {
  const value = text.trim().toLowerCase();
  if (value === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(value);
  if (hex) return { r: parseInt(hex[1], 16), g: parseInt(hex[2], 16), b: parseInt(hex[3], 16), a: 1 };
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(value);
  if (rgb) return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]), a: alpha(rgb[4], rgb[5]) };
  const srgb = /^color\(srgb\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)(?:\s*\/\s*([\d.]+)(%?))?\s*\)$/.exec(value);
  if (srgb)
    return { r: Number(srgb[1]) * 255, g: Number(srgb[2]) * 255, b: Number(srgb[3]) * 255, a: alpha(srgb[4], srgb[5]) };
  return null;
}

const alpha = (value: string | undefined, percent: string | undefined) =>
  value === undefined ? 1 : Math.min(1, Number(value) / (percent ? 100 : 1));

/** `top` painted over `bottom` (source-over). */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (t: number, b: number) => (t * top.a + b * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/**
 * The colour behind text with these backgrounds, innermost first, each painted over the next and
 * all over the page's canvas.
 */
export function backgroundOf(layers: readonly Rgba[], canvas: Rgba): Rgba {
  let colour = canvas;
  for (let i = layers.length - 1; i >= 0; i--) colour = over(layers[i], colour);
  return colour;
}

/**
 * The canvas under a page with no background of its own: dark where the page's root asks for a dark
 * colour scheme (`color-scheme: dark`, or `light dark` in a dark system), white otherwise.
 */
export function canvasOf(colorScheme: string, systemDark: boolean): Rgba {
  const schemes = colorScheme.split(/\s+/);
  const dark = schemes.includes('dark') && (!schemes.includes('light') || systemDark);
  return dark ? DARK_CANVAS : WHITE;
}

/** WCAG 2 relative luminance. */
export function luminance(c: Rgba): number {
  const channel = (v: number) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

/** WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
export function contrast(a: Rgba, b: Rgba): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

const hexColor = (hex: string) => parseColor(hex)!;

/** The set of colours for marks on `background` (opaque): the one whose underline stands out more. */
export function toneFor(background: Rgba): Tone {
  return contrast(hexColor(MARK_COLORS.light.underline), background) >=
    contrast(hexColor(MARK_COLORS.dark.underline), background)
    ? 'light'
    : 'dark';
}

/** The names of a highlight in each tone, plain and alternate (the same name where a look does not alternate). */
export type ToneNames = Record<Tone, [plain: string, alternate: string]>;

/** A highlight's names: `base` on light pages, `base-on-dark` on dark ones, each with `-alt` where it alternates. */
export function toneNames(base: string, alternates = false): ToneNames {
  const dark = `${base}-on-dark`;
  return { light: [base, alternates ? `${base}-alt` : base], dark: [dark, alternates ? `${dark}-alt` : dark] };
}

/** One name in every tone: a look whose colours do not depend on the page. */
export const oneName = (name: string): ToneNames => ({ light: [name, name], dark: [name, name] });

/** Highlight names of the marks and of the terms singled out; the stylesheet and the content script share them. */
export const HIGHLIGHTS = {
  underline: toneNames('gloss-term'),
  tint: toneNames('gloss-term-tint', true),
  /** Registered, so the pointer still finds the terms, but no rule shows them. */
  none: oneName('gloss-term-unmarked'),
  active: toneNames('gloss-term-active'),
  /** The term the keyboard went to (entrypoints/finder/keyboard.ts): a ring of a thick underline. */
  focus: toneNames('gloss-term-focus'),
  flash: toneNames('gloss-term-flash'),
};

/**
 * The ::highlight() rules for every name in HIGHLIGHTS, in each tone. text-decoration in
 * ::highlight needs Chrome 105+ / Firefox 146+; older engines still show the backgrounds.
 */
export function highlightsCss(): string {
  // Longhands: the shorthand is not read inside ::highlight() by every engine.
  const line = (style: string, color: string, thickness: string) =>
    `text-decoration-line: underline; text-decoration-style: ${style}; text-decoration-color: ${color}; text-decoration-thickness: ${thickness};`;
  const rules: string[] = [];
  for (const tone of ['light', 'dark'] as const) {
    const c = MARK_COLORS[tone];
    const [underline] = HIGHLIGHTS.underline[tone];
    rules.push(`::highlight(${underline}) { ${line('dotted', c.underline, '1.5px')} }`);
    HIGHLIGHTS.tint[tone].forEach((name, i) => rules.push(`::highlight(${name}) { background-color: ${c.tints[i]}; }`));
    rules.push(
      `::highlight(${HIGHLIGHTS.active[tone][0]}) { background-color: ${c.active}; ${line('solid', c.underline, '1.5px')} }`,
    );
    rules.push(
      `::highlight(${HIGHLIGHTS.focus[tone][0]}) { background-color: ${c.active}; ${line('solid', c.underline, '3px')} }`,
    );
    rules.push(`::highlight(${HIGHLIGHTS.flash[tone][0]}) { background-color: ${c.flash}; }`);
  }
  return rules.join('\n');
}
