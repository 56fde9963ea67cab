/**
 * Dates on the timeline are the texts' own. Each account's `when` must stand in the sentence that
 * reports the event (not in a photo caption or a dateline elsewhere), and the `sort` the compiler
 * orders events by may say no more than one account's `when` does: its year, month and day, where
 * given. A report that says only "on December 12" takes the year of its own publication date (never
 * of a republication or an update), as its first readers did.
 */
import { quoteKey, sentencesOf } from './quotes';
import type { Paragraph } from './types';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Year, month (1–12) and day a date in words states ("Dec. 12, 2023", "October 31", "in the 1980s"). */
export function datePartsOf(when: string): { year?: number; month?: number; day?: number } {
  const year = when.match(/\b(\d{4})s?\b/)?.[1];
  const monthMatch = when.match(
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s+(\d{1,2})\b(?!\d))?/i,
  );
  return {
    ...(year ? { year: Number(year) } : {}),
    ...(monthMatch ? { month: MONTHS.indexOf(monthMatch[1].toLowerCase()) + 1 } : {}),
    ...(monthMatch?.[2] ? { day: Number(monthMatch[2]) } : {}),
  };
}

/** Whether `sort` (YYYY[-MM[-DD]]) says no more than `when` states, the year perhaps from `publishedISO`. */
export function sortAgrees(sort: string, when: string, publishedISO: string | null): boolean {
  const [year, month, day] = sort.split('-').map(Number);
  const stated = datePartsOf(when);
  const statedYear = stated.year ?? (publishedISO ? Number(publishedISO.slice(0, 4)) : undefined);
  if (statedYear !== year) return false;
  if (month !== undefined && stated.month !== month) return false;
  if (day !== undefined && stated.day !== day) return false;
  return true;
}

/** Whether `when` stands in the sentence of the paragraph that holds [start, end). */
export function dateInSentence(paragraph: Paragraph, start: number, end: number, when: string): boolean {
  const [from, to] = sentencesOf(paragraph, start, end);
  return quoteKey(paragraph.text.slice(from, to)).includes(quoteKey(when));
}
