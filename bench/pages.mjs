// Pages the outside-in benchmark loads, made at run time from ../shared/pages (never copied into the
// repository) and served by e2e/server.mjs under /bench/.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { SHARED_PAGES } from '../e2e/server.mjs';

const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
export const paragraphsOf = (file) =>
  readFileSync(resolve(SHARED_PAGES, file), 'utf8')
    .split(/\n\s*\n|\n/)
    .map((p) => p.trim().replace(/^#+\s*/, ''))
    .filter(Boolean);
const html = (lang, title, body) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(title)}</title>` +
  `<style>body { font: 18px/1.6 Georgia, serif; max-width: 760px; margin: 40px auto; padding: 0 16px; }</style></head><body>${body}</body></html>`;

/** Copies of the Vietnamese article: about 330 KB of text, as much as a long Wikipedia article. */
const VIETNAMESE_COPIES = 10;
const VIETNAMESE_FILE = 'vi_wikipedia_dang_cong_san_viet_nam_2017.txt';

/** The frames a news page carries, 20 in all: ad slots, tracking pixels, empty and hidden frames. */
const FRAMES = [
  ...Array(8).fill('<iframe src="/bench/ad.html" width="300" height="250" style="border:0"></iframe>'),
  ...Array(6).fill('<iframe src="/bench/pixel.html" width="1" height="1" style="border:0"></iframe>'),
  ...Array(4).fill('<iframe src="/bench/empty.html" width="728" height="90" style="border:0"></iframe>'),
  ...Array(2).fill('<iframe src="/bench/ad.html" style="display:none"></iframe>'),
];

/**
 * The news article (the US–Vietnam joint statement) with FRAMES spread between its paragraphs, or
 * without them: the same page, so the ratio is what the frames cost.
 */
function article(withFrames) {
  const paragraphs = paragraphsOf('en_whitehouse_us-vietnam_joint_leaders_statement_2023-09-11.md');
  const every = Math.max(1, Math.floor(paragraphs.length / FRAMES.length));
  const body = paragraphs.map(
    (p, i) =>
      `<p>${escape(p)}</p>${withFrames && i % every === 0 && i / every < FRAMES.length ? FRAMES[i / every] : ''}`,
  );
  return html('en', 'Joint statement', body.join('\n'));
}

/** Letters as the choice below compares them: no diacritics (đ → d), the case kept. */
const withoutMarks = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gu, 'd').replace(/Đ/gu, 'D');
/** The words of a text, space-separated with a space at each end, for whole-word look-ups. */
const spacedWords = (s) => ` ${s.replace(/[^\p{L}\p{N}]+/gu, ' ')} `;

/**
 * The paragraphs of the Vietnamese article that name no term, repeated to the length of the page of
 * all its paragraphs: the same language and letters without a mention, so that what Gloss pays per
 * character of Vietnamese is told apart from what it pays per mention. A paragraph names a term when
 * it holds an alias as whole words, letters compared without diacritics and case compared unless the
 * alias takes any case (erring towards leaving paragraphs out).
 */
function vietnameseWithoutTerms(aliases) {
  const paragraphs = paragraphsOf(VIETNAMESE_FILE);
  const wanted = aliases.map((a) => {
    const words = spacedWords(withoutMarks(a.text));
    return a.caseRule === 'any' ? { words: words.toLowerCase(), anyCase: true } : { words, anyCase: false };
  });
  const kept = paragraphs.filter((p) => {
    const words = spacedWords(withoutMarks(p));
    const lower = words.toLowerCase();
    return !wanted.some((w) => (w.anyCase ? lower : words).includes(w.words));
  });
  const length = VIETNAMESE_COPIES * paragraphs.join('').length;
  const page = [];
  for (let total = 0, i = 0; kept.length && total < length; i++) {
    page.push(kept[i % kept.length]);
    total += kept[i % kept.length].length;
  }
  return page;
}

/**
 * Path → page, for startServer({ pages }). `aliases`: the bundled glossary's (text and case rule),
 * to choose the Vietnamese paragraphs that name no term.
 */
export function benchPages(aliases = []) {
  return new Map([
    // Where each measured navigation starts, so the page under test opens in the same process.
    ['/bench/blank.html', html('en', 'blank', '')],
    [
      '/bench/tiny.html',
      html(
        'en',
        'A tiny page',
        '<p>The morning train left the station on time, and the passengers settled in with their newspapers and coffee.</p>',
      ),
    ],
    [
      '/bench/vietnamese.html',
      html(
        'vi',
        'Đảng Cộng sản Việt Nam',
        Array(VIETNAMESE_COPIES)
          .fill(
            paragraphsOf(VIETNAMESE_FILE)
              .map((p) => `<p>${escape(p)}</p>`)
              .join('\n'),
          )
          .join('\n'),
      ),
    ],
    [
      '/bench/vietnamese-no-term.html',
      html(
        'vi',
        'Đảng Cộng sản Việt Nam',
        vietnameseWithoutTerms(aliases)
          .map((p) => `<p>${escape(p)}</p>`)
          .join('\n'),
      ),
    ],
    ['/bench/frames.html', article(true)],
    ['/bench/no-frames.html', article(false)],
    [
      '/bench/ad.html',
      html(
        'en',
        'ad',
        '<div style="width:300px;height:200px;background:#cde"></div><p style="margin:0;font:12px sans-serif">Advertisement · Fly to Da Nang from $99</p>',
      ),
    ],
    ['/bench/pixel.html', html('en', '', '')],
    ['/bench/empty.html', html('en', '', '')],
  ]);
}

/**
 * The pages measured, in the order of the table. `readThrough`: also measured with the reader jumping
 * to the end of the page, so that all its text is read within the profile (what Gloss leaves for
 * later, it then pays for).
 */
export const OUTSIDE_IN_PAGES = [
  { id: 'tiny', name: 'one paragraph, no term', path: '/bench/tiny.html', target: { maxMs: 5 } },
  {
    id: 'nz',
    readThrough: true,
    name: 'Wikipedia "New Zealand" (1 MB)',
    path: '/shared/perf_wikipedia_New_Zealand_readability_source.html',
    target: { floor: 'walk', times: 2 },
  },
  {
    id: 'wp',
    readThrough: true,
    name: 'War and Peace (4 MB)',
    path: '/shared/perf_gutenberg_war_and_peace_2600-h.htm',
    target: { floor: 'walk', times: 2 },
  },
  {
    id: 'vi',
    readThrough: true,
    name: `Vietnamese Wikipedia "Đảng Cộng sản Việt Nam" ×${VIETNAMESE_COPIES} (330 KB)`,
    path: '/bench/vietnamese.html',
    target: { floor: 'read', times: 3 },
  },
  {
    id: 'viNoTerm',
    name: 'the same article, only its paragraphs that name no term, to the same length',
    path: '/bench/vietnamese-no-term.html',
    target: { floor: 'read', times: 3 },
  },
  {
    id: 'frames',
    name: 'news article with 20 small iframes',
    path: '/bench/frames.html',
    target: { versus: 'noFrames', times: 1.5 },
  },
  { id: 'noFrames', name: 'the same article without them', path: '/bench/no-frames.html', target: null },
];

/**
 * English prose of about `chars` characters, in paragraphs: the text of War and Peace from its start,
 * its markup taken out.
 */
export function englishProse(chars) {
  const html = readFileSync(resolve(SHARED_PAGES, 'perf_gutenberg_war_and_peace_2600-h.htm'), 'utf8');
  const paragraphs = [];
  let total = 0;
  for (const p of html.replace(/<[^>]*>/g, '\n').split('\n')) {
    const text = p.trim();
    if (!text) continue;
    paragraphs.push(text);
    if ((total += text.length) >= chars) break;
  }
  return paragraphs;
}
