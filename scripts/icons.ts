/**
 * Gloss's icons, drawn once in assets/icon.svg and rasterised at build time (sharp): every size the
 * browsers ask for, and a grey set the toolbar button shows on sites where Gloss is switched off.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import sharp from 'sharp';

import { ACTION_SIZES, ICON_SIZES, iconPath } from '../lib/icons';

/** Renders every icon into `outDir`; returns them as files for the build to copy. */
export async function renderIcons(
  svgPath: string,
  outDir: string,
): Promise<{ absoluteSrc: string; relativeDest: string }[]> {
  const svg = await readFile(svgPath);
  const render = async (size: number, grey: boolean) => {
    const relativeDest = iconPath(size, grey);
    const absoluteSrc = resolve(outDir, relativeDest.replace(/^icons\//, ''));
    // A high density, so that the vector is drawn sharp before it is scaled down.
    const image = sharp(svg, { density: 384 }).resize(size, size);
    await (grey ? image.grayscale().modulate({ brightness: 1.1 }) : image).png().toFile(absoluteSrc);
    return { absoluteSrc, relativeDest };
  };
  await mkdir(outDir, { recursive: true });
  return Promise.all([
    ...ICON_SIZES.map((size) => render(size, false)),
    ...ACTION_SIZES.map((size) => render(size, true)),
  ]);
}
