import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  backgroundOf,
  canvasOf,
  contrast,
  DARK_CANVAS,
  highlightsCss,
  HIGHLIGHTS,
  MARK_COLORS,
  parseColor,
  toneFor,
  WHITE,
  type Rgba,
} from '../lib/page/mark-colors';

const hex = (h: string) => parseColor(h)!;
const underlineOn = (background: Rgba) => hex(MARK_COLORS[toneFor(background)].underline);
const grey = (v: number): Rgba => ({ r: v, g: v, b: v, a: 1 });

describe('mark colours against the page', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrast(WHITE, grey(0))).toBeCloseTo(21, 5);
    expect(contrast(WHITE, WHITE)).toBe(1);
    expect(contrast(hex('#767676'), WHITE)).toBeCloseTo(4.54, 2);
  });

  it('gives a white page the light-page colours and a dark page the dark-page ones, whatever the system', () => {
    expect(toneFor(WHITE)).toBe('light');
    expect(toneFor(DARK_CANVAS)).toBe('dark');
    expect(toneFor(hex('#1c2128'))).toBe('dark');
    expect(toneFor(hex('#fdf6e3'))).toBe('light');
  });

  it('keeps the underline at 3:1 or more against every grey from black to white', () => {
    for (let v = 0; v <= 255; v++)
      expect(contrast(underlineOn(grey(v)), grey(v)), `on grey ${v}`).toBeGreaterThanOrEqual(3);
  });

  it('keeps the underline at 3:1 or more against any opaque background', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        (r, g, b) => {
          const background = { r, g, b, a: 1 };
          return contrast(underlineOn(background), background) >= 3;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('tints terms so that neighbours stay apart and their text stays readable', () => {
    const text = { light: hex('#1f2328'), dark: hex('#e6edf3') };
    const page = { light: WHITE, dark: DARK_CANVAS };
    for (const tone of ['light', 'dark'] as const) {
      const [a, b] = MARK_COLORS[tone].tints.map(hex);
      for (const tint of [a, b]) {
        expect(contrast(tint, page[tone]), `${tone} tint against the page`).toBeGreaterThanOrEqual(1.25);
        expect(contrast(text[tone], tint), `${tone} text on its tint`).toBeGreaterThanOrEqual(7);
      }
      // Two hues apart: blue beside amber.
      expect(Math.abs(a.b - a.r - (b.b - b.r)), `${tone} tints differ in hue`).toBeGreaterThan(80);
    }
  });

  it('keeps the term under the pointer, the ringed term and the flashed one readable', () => {
    const text = { light: hex('#1f2328'), dark: hex('#e6edf3') };
    for (const tone of ['light', 'dark'] as const) {
      const c = MARK_COLORS[tone];
      for (const background of [c.active, c.flash])
        expect(contrast(text[tone], hex(background)), `${tone} ${background}`).toBeGreaterThanOrEqual(4.5);
      expect(contrast(hex(c.underline), hex(c.active)), `${tone} ring on the active term`).toBeGreaterThanOrEqual(3);
    }
  });

  it("keeps the card's error red readable as text in both themes", () => {
    const css = readFileSync(new URL('../components/card.css', import.meta.url), 'utf8');
    const pair = (name: string) =>
      /light-dark\((#[0-9a-f]{6}), (#[0-9a-f]{6})\)/i
        .exec(new RegExp(`--${name}: (light-dark\\([^)]*\\))`).exec(css)![1])!
        .slice(1)
        .map(hex);
    const [bgLight, bgDark] = pair('bg');
    const [redLight, redDark] = pair('danger');
    expect(contrast(redLight, bgLight)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(redDark, bgDark)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the background under a term', () => {
  it('reads computed colours, with their transparency', () => {
    expect(parseColor('rgb(12, 34, 56)')).toEqual({ r: 12, g: 34, b: 56, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColor('color(srgb 1 0.5 0 / 0.25)')).toEqual({ r: 255, g: 127.5, b: 0, a: 0.25 });
    expect(parseColor('transparent')?.a).toBe(0);
    expect(parseColor('oklch(0.5 0.1 200)')).toBeNull();
  });

  it('paints half-transparent backgrounds over what is under them, down to the canvas', () => {
    const half = { r: 0, g: 0, b: 0, a: 0.5 };
    expect(backgroundOf([half], WHITE)).toEqual({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
    expect(backgroundOf([], DARK_CANVAS)).toEqual(DARK_CANVAS);
    // The innermost opaque colour wins.
    expect(backgroundOf([grey(20), WHITE], WHITE)).toEqual(grey(20));
  });

  it('takes the canvas from the colour scheme the page asks for, not the system alone', () => {
    expect(canvasOf('normal', true)).toEqual(WHITE);
    expect(canvasOf('dark', false)).toEqual(DARK_CANVAS);
    expect(canvasOf('light dark', true)).toEqual(DARK_CANVAS);
    expect(canvasOf('light dark', false)).toEqual(WHITE);
  });
});

describe('the stylesheet of the marks', () => {
  it('styles every highlight name in its tone, with the colours tested above', () => {
    const css = highlightsCss();
    for (const [look, names] of Object.entries(HIGHLIGHTS)) {
      if (look === 'none') continue;
      for (const name of [...names.light, ...names.dark]) expect(css, name).toContain(`::highlight(${name}) {`);
    }
    expect(css).toContain(
      `::highlight(gloss-term) { text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: ${MARK_COLORS.light.underline};`,
    );
    expect(css).toContain(
      `::highlight(gloss-term-on-dark) { text-decoration-line: underline; text-decoration-style: dotted; text-decoration-color: ${MARK_COLORS.dark.underline};`,
    );
    expect(css).not.toContain('gloss-term-unmarked');
    expect(css).not.toContain('prefers-color-scheme');
  });
});
