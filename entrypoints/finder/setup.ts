/**
 * What the content script needs from the background, in two steps: the sieve and the settings first
 * (every frame), the rest of the matcher only once the page's text may hold a term (few frames). The
 * content script reads no storage itself: setting up the storage API would cost every frame of every
 * page a few milliseconds.
 */
import type { EvidenceRules } from '../../lib/match/evidence';
import type { Matcher } from '../../lib/match/matcher';
import type { Sieve } from '../../lib/match/sieve';
import { readMatcher, readSieve, readUnits } from '../../lib/match/tables';
import { sendMessage } from '../../lib/messages';
import { readPreferences, readSiteList, type Preferences } from '../../lib/settings';
import { learnSharedUnits } from '../../lib/text/normalize';

export interface PageSetup {
  /** Null: the matcher has no sieve, and every text goes to the exact scan. */
  sieve: Sieve | null;
  preferences: Preferences;
  disabledSites: string[];
}

/** The sieve and the settings; null if there are none to be had. */
export async function pageSetup(): Promise<PageSetup | null> {
  const data = await sendMessage('pageSetup', undefined).catch(() => null);
  const sieve = data?.sieve ? readSieve(data.sieve) : null;
  const units = data && readUnits(data.units);
  if (!data || (data.sieve && !sieve) || !units || !learnSharedUnits(units)) return null;
  return { sieve, preferences: readPreferences(data.preferences), disabledSites: readSiteList(data.disabledSites) };
}

/** The rest of the matcher, read as it comes, and the evidence rules. */
export async function pageMatcher(sieve: Sieve | null): Promise<{ matcher: Matcher; rules: EvidenceRules } | null> {
  const data = await sendMessage('pageMatcher', undefined).catch(() => null);
  const matcher = data && readMatcher(data.matcher, sieve);
  if (!matcher) return null;
  return {
    matcher,
    rules: { related: new Map(data.related), sides: new Map(data.sides), topical: new Set(data.topical) },
  };
}
