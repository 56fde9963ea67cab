/**
 * Reading JSON someone gave Gloss (a backup, a pack) against a schema (valibot): the first value
 * that is not as it should be is refused with the field named ("compiled.entries[3].kind").
 */
import * as v from 'valibot';

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Text of at most `max` characters. */
export const Text = (max: number) => v.pipe(v.string(), v.maxLength(max));
/** Text of at most `max` characters that is not only white space. */
export const Filled = (max: number) =>
  v.pipe(
    Text(max),
    v.check((s) => s.trim() !== ''),
  );
/** One line of text (a paragraph): at most `max` characters, not only white space, no line break. */
export const Line = (max: number) =>
  v.pipe(
    Filled(max),
    v.check((s) => !s.includes('\n')),
  );
/** A whole number, at least `min`. */
export const Whole = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min));

/** `where` names the field ("documents[3].title"). */
export type Check = (condition: unknown, where: string) => asserts condition;

/** Where an issue is, as a field's path is written in JavaScript, after `where`. */
function fieldOf(where: string, issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).reduce(
    (path, { key }) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${String(key)}` : String(key)),
    where,
  );
}

/**
 * A reader of values against schemas: `read(schema, value, where)` is the value as the schema
 * outputs it, or throws `refuse(field)` at its first field that fails; `check(condition, where)`
 * refuses what a schema cannot say (a quote within its paragraph, an id that names an entry).
 */
export function fieldReader(refuse: (where: string) => Error) {
  const check: Check = (condition, where) => {
    if (!condition) throw refuse(where);
  };
  const read = <S extends v.GenericSchema>(schema: S, value: unknown, where: string): v.InferOutput<S> => {
    const result = v.safeParse(schema, value, { abortEarly: true });
    if (!result.success) throw refuse(fieldOf(where, result.issues[0]));
    return result.output;
  };
  return { check, read };
}
