/** A snippet with the query's words marked; text stays text. */
import type { Snippet } from '../lib/search/snippet';

export function Marked({ snippet }: { snippet: Snippet }) {
  const parts = [];
  let at = 0;
  for (const [start, end] of snippet.marks) {
    if (start > at) parts.push(snippet.text.slice(at, start));
    parts.push(<mark key={start}>{snippet.text.slice(start, end)}</mark>);
    at = end;
  }
  parts.push(snippet.text.slice(at));
  return (
    <>
      {snippet.cutStart && '…'}
      {parts}
      {snippet.cutEnd && '…'}
    </>
  );
}
