/**
 * Reads the timeline (corpus/timeline.yaml): dated events the corpus reports. A date is only ever the
 * text's own: `when` must stand verbatim in the event's quote or in its `dateQuote`.
 */
import { isMap } from 'yaml';
import { ID_PATTERN, readYaml, type QuoteSpec } from './yaml';

export interface TimelineInput {
  id: string;
  title: string;
  quote: QuoteSpec;
  /** The date as the text states it, and as YYYY[-MM[-DD]] for ordering; both absent when undated. */
  when?: { text: string; sort: string; line: number };
  dateQuote?: QuoteSpec;
  entries: string[];
  line: number;
}

const SORT_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function parseTimeline(source: string, file: string): TimelineInput[] {
  const { list, lineOf, fail, str, optionalStr, field, strings } = readYaml(source, file);
  const seen = new Set<string>();
  return list('events').map((map) => {
    if (!isMap(map)) fail('each event must be a mapping', map);
    const id = str(map, 'id', 'event');
    const where = `event "${id}"`;
    if (!ID_PATTERN.test(id)) fail(`${where}: id must be lower-case words joined by hyphens`, map);
    if (seen.has(id)) fail(`${where}: the id is used twice`, map);
    seen.add(id);
    const doc = str(map, 'doc', where);
    const spec = (key: string): QuoteSpec | undefined => {
      const quote = optionalStr(map, key, where);
      return quote === undefined ? undefined : { quote, doc, line: lineOf(field(map, key)) };
    };
    const whenText = optionalStr(map, 'when', where);
    const sort = optionalStr(map, 'sort', where);
    if ((whenText === undefined) !== (sort === undefined)) fail(`${where}: "when" and "sort" go together (leave both out for an undated event)`, map);
    if (sort !== undefined && !SORT_PATTERN.test(sort)) fail(`${where}: "sort" must be YYYY, YYYY-MM or YYYY-MM-DD`, field(map, 'sort'));
    const quote = spec('quote') ?? fail(`${where}: "quote" must be a non-empty string`, map);
    const dateQuote = spec('dateQuote');
    if (whenText !== undefined && !quote.quote.includes(whenText) && !dateQuote?.quote.includes(whenText)) {
      fail(`${where}: "${whenText}" is not in the quote${dateQuote ? ' nor in the dateQuote' : ''}: dates come from the text only`, field(map, 'when'));
    }
    return {
      id,
      title: str(map, 'title', where),
      quote,
      ...(whenText !== undefined ? { when: { text: whenText, sort: sort!, line: lineOf(field(map, 'when')) } } : {}),
      ...(dateQuote ? { dateQuote } : {}),
      entries: strings(map, 'entries', where),
      line: lineOf(map),
    };
  });
}
