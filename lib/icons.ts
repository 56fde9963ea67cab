/** Where Gloss's icons are in the extension (scripts/icons.ts draws them at build time). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
/** The toolbar button's sizes, in colour and in grey. */
export const ACTION_SIZES = [16, 32] as const;

export const iconPath = (size: number, grey = false) => `icons/${grey ? 'off-' : ''}${size}.png`;
