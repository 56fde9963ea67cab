/**
 * A value made the first time it is asked for, then kept. The content script runs in every frame of
 * every page, and most frames (ad slots, tracking pixels, empty frames) never read a word: what its
 * modules would make as they load is made instead by the first frame that needs it. A regular
 * expression with a Unicode property class is the costly kind: V8 parses it as it is made, tens of
 * microseconds each in a context that is still cold.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | null = null;
  return () => (made ??= { value: make() }).value;
}
