/**
 * Reading JSON someone gave Gloss (a backup, a pack) field by field: each reader checks one value's
 * type and size, and the first value that is not as it should be is refused with the field named.
 */
export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `where` names the field ("documents[3].title"). */
export type Check = (condition: unknown, where: string) => asserts condition;

/**
 * Readers that throw `refuse(where)` at the first value that is not as expected; texts are at most `maxText` long
 * unless told.
 */
export function fieldReaders(refuse: (where: string) => Error, maxText: number) {
  const check: Check = (condition, where) => {
    if (!condition) throw refuse(where);
  };
  const text = (v: unknown, where: string, max = maxText): string => {
    check(typeof v === 'string' && v.length <= max, where);
    return v;
  };
  const list = (v: unknown, where: string): unknown[] => {
    check(Array.isArray(v), where);
    return v;
  };
  return { check, text, list };
}
