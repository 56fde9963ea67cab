/**
 * Reads the timeline (corpus/timeline.yaml): events the corpus reports, each as one or more sources
 * report it. A date is only ever the text's own: the compiler checks that each account's `when`
 * stands in the sentence that reports the event (lib/corpus/dates.ts).
 */
import { isMap, isSeq } from 'yaml';
import { ID_PATTERN, readYaml, type QuoteSpec } from './yaml';

interface AccountInput {
  quote: QuoteSpec;
  /** The date exactly as this source's sentence states it; absent when it states none. */
  when?: string;
}

interface TimelineInput {
  id: string;
  title: string;
  /** The date as YYYY[-MM[-DD]], for ordering; absent when no account dates it fully ("on Tuesday"). */
  sort?: string;
  accounts: AccountInput[];
  entries: string[];
  line: number;
}

const SORT_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const EVENT_FIELDS = ['id', 'title', 'sort', 'accounts', 'entries'];

export function parseTimeline(source: string, file: string): TimelineInput[] {
  const { list, lineOf, fail, str, optionalStr, field, strings, quoteSpec, onlyKeys } = readYaml(source, file);
  const seen = new Set<string>();
  return list('events').map((map) => {
    if (!isMap(map)) fail('each event must be a mapping', map);
    const id = str(map, 'id', 'event');
    const where = `event "${id}"`;
    if (field(map, 'dateQuote') !== undefined) {
      fail(
        `${where}: "dateQuote" is not read: a date must stand in the sentence that reports the event (a photo caption does not date what another sentence reports)`,
        field(map, 'dateQuote'),
      );
    }
    onlyKeys(map, EVENT_FIELDS, where);
    if (!ID_PATTERN.test(id)) fail(`${where}: id must be lower-case words joined by hyphens`, map);
    if (seen.has(id)) fail(`${where}: the id is used twice`, map);
    seen.add(id);
    const sort = optionalStr(map, 'sort', where);
    if (sort !== undefined && !SORT_PATTERN.test(sort))
      fail(`${where}: "sort" must be YYYY, YYYY-MM or YYYY-MM-DD`, field(map, 'sort'));
    const accountList = field(map, 'accounts');
    if (!isSeq(accountList) || accountList.items.length === 0)
      fail(`${where}: "accounts" must list the sources that report the event`, accountList ?? map);
    const accounts = (accountList as unknown as { items: unknown[] }).items.map((node, i): AccountInput => {
      const when = optionalStr(node, 'when', `${where} account ${i + 1}`);
      const quote = quoteSpec(node, `${where} account ${i + 1}`, ['speaker', 'note'], ['when']);
      return { quote, ...(when !== undefined ? { when } : {}) };
    });
    if (sort !== undefined && !accounts.some((a) => a.when !== undefined))
      fail(`${where}: "sort" needs an account whose sentence states the date`, field(map, 'sort'));
    return {
      id,
      title: str(map, 'title', where),
      ...(sort !== undefined ? { sort } : {}),
      accounts,
      entries: strings(map, 'entries', where),
      line: lineOf(map),
    };
  });
}
