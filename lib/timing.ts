/**
 * Times the page layer and the settings both need, apart from either: the settings' defaults must
 * not depend on the page layer.
 */

/** Rest this long on a term before its card opens: long enough that sweeping across a page opens nothing. */
export const DWELL_MS = 150;
