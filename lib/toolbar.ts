/**
 * What the toolbar button shows for a tab: the grey icon where Gloss is off on the tab's site, and a
 * badge with the number of distinct terms marked in the tab's frames (unless the reader switched the
 * badge off). Pure: entrypoints/background.ts applies it with the action API.
 */
import type { PageTerms } from './messages';

interface ToolbarState {
  /** Gloss is off on the tab's site: the grey icon. */
  off: boolean;
  /** Distinct terms marked in the tab, all frames together. */
  terms: number;
  /** The badge's text: the number, or nothing. */
  badge: string;
}

/** The button's state for a tab, from what its frames reported (by frame id; 0 is the top frame). */
export function toolbarState(frames: ReadonlyMap<number, PageTerms>, showBadge: boolean): ToolbarState {
  const top = frames.get(0);
  const off = top ? !top.enabled : [...frames.values()].some((f) => !f.enabled);
  const entries = new Set<string>();
  if (!off) for (const frame of frames.values()) for (const id of frame.entryIds) entries.add(id);
  return { off, terms: entries.size, badge: showBadge && entries.size > 0 ? String(entries.size) : '' };
}
