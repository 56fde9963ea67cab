/**
 * The search box's state, for the popup and the source viewer alike: the query, the results the
 * background sends for it, and the result the arrow keys are on. A slower answer to an earlier
 * keystroke never replaces a newer one.
 */
import { useRef, useState } from 'preact/hooks';
import { sendMessage } from '../lib/messages';
import type { SearchResult } from '../lib/views';

/** Shortest query the background is asked about. */
export const MIN_QUERY = 2;

export function useSearch() {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResult[] | null>(null);
  const [active, setActive] = useState(0);
  const seq = useRef(0);
  async function search(text: string): Promise<void> {
    setQuery(text);
    setActive(0);
    const mine = ++seq.current;
    if (text.trim().length < MIN_QUERY) return setResults(null);
    const found = await sendMessage('search', text).catch(() => null);
    if (mine === seq.current) setResults(found ?? []);
  }
  return { query, results, active, setActive, search };
}
