import { describe, expect, it } from 'vitest';
import { cueWordKey, PageEvidence, type CueGroup, type EvidenceRules } from '../lib/match/evidence';
import { buildMatcher, scan, type AliasSpec } from '../lib/match/matcher';
import { sentenceAround } from '../lib/text/sentences';

const near = (...groups: string[][]): CueGroup[] =>
  groups.map((g) => ({
    entries: g.filter((c) => /^[a-z-]+$/.test(c)),
    words: g.filter((c) => !/^[a-z-]+$/.test(c)).map(cueWordKey),
  }));

/** A small glossary of its own: the rules, not the corpus, are under test. */
const aliases: AliasSpec[] = [
  { entryId: 'xi-jinping', text: 'Xi Jinping', caseRule: 'name' },
  { entryId: 'xi-jinping', text: 'President Xi', caseRule: 'name' },
  { entryId: 'xi-jinping', text: 'Xi', caseRule: 'name', needs: 'entry' },
  { entryId: 'xi-jinping', text: "Xi'an", caseRule: 'any', blocks: true },
  { entryId: 'ho-chi-minh', text: 'Ho Chi Minh', caseRule: 'name' },
  { entryId: 'ho-chi-minh', text: 'President Ho Chi Minh', caseRule: 'name' },
  { entryId: 'ho-chi-minh', text: 'Tư tưởng Hồ Chí Minh', caseRule: 'any', blocks: true },
  { entryId: 'ho-chi-minh', text: 'Hồ Chí Minh', caseRule: 'name' },
  { entryId: 'nguyen-phu-trong', text: 'Nguyen Phu Trong', caseRule: 'name' },
  { entryId: 'nguyen-phu-trong', text: 'Trong', caseRule: 'name', needs: 'entry' },
  { entryId: 'to-lam', text: 'Lam', caseRule: 'name', needs: 'entry' },
  { entryId: 'cpv', text: 'Communist Party of Vietnam', caseRule: 'name' },
  { entryId: 'cpv', text: 'Đảng Cộng sản Việt Nam', caseRule: 'name' },
  { entryId: 'cpv', text: 'CPV', caseRule: 'acronym', needs: 'related' },
  { entryId: 'cpc', text: 'CPC', caseRule: 'acronym', needs: 'related' },
  { entryId: 'srv', text: 'Socialist Republic of Vietnam', caseRule: 'name' },
  { entryId: 'vo-van-thuong', text: 'Vo Van Thuong', caseRule: 'name' },
  { entryId: 'asia-pacific', text: 'Asia-Pacific', caseRule: 'name' },
  { entryId: 'taiwan', text: 'Taiwan', caseRule: 'name' },
  { entryId: 'xizang', text: 'Tibet', caseRule: 'name' },
  {
    entryId: 'south-china-sea',
    text: 'East Sea',
    caseRule: 'name',
    needs: 'sentence',
    near: near(['Vietnam', 'Vietnamese']),
  },
  {
    entryId: 'traditional-friendship',
    text: 'traditional friendship',
    caseRule: 'any',
    needs: 'sentence',
    near: near(['Vietnam']),
  },
  {
    entryId: 'xi-state-visit-2023',
    text: 'state visit to Vietnam',
    caseRule: 'any',
    needs: 'sentence-only',
    near: near(['xi-jinping'], ['2023', 'December', 'Dec']),
  },
];
const matcher = buildMatcher(aliases);
const rules: EvidenceRules = {
  related: new Map([
    ['cpv', ['nguyen-phu-trong', 'cpc']],
    ['nguyen-phu-trong', ['cpv']],
    ['cpc', ['cpv', 'xi-jinping']],
    ['xi-jinping', ['cpc']],
  ]),
  sides: new Map([
    ['xi-jinping', 'china'],
    ['cpc', 'china'],
    ['nguyen-phu-trong', 'vietnam'],
    ['cpv', 'vietnam'],
  ]),
  topical: new Set(['xi-jinping', 'cpc', 'nguyen-phu-trong', 'cpv']),
};

/** What a page made of `paragraphs` marks, as "text → entry", judged as the page scanner judges. */
function marked(paragraphs: string[], vietnamese = false): string[] {
  const evidence = new PageEvidence(rules);
  const perParagraph = paragraphs.map((p) => scan(matcher, p, { vietnamese }));
  perParagraph.forEach((m) => evidence.noteFirm(m));
  return paragraphs.flatMap((p, i) =>
    perParagraph[i]
      .filter((m) => evidence.verdict(m, p, perParagraph[i]) === 'mark')
      .map((m) => `${p.slice(m.start, m.end)} → ${m.entryId}`),
  );
}

describe('longer names', () => {
  it('refuses a name followed by a capitalised word in prose: the city, the organisation', () => {
    expect(marked(['She grew up in Ho Chi Minh City.', 'He walked the Ho Chi Minh Trail.'])).toEqual([]);
    expect(marked(['Vietnam hosted the Asia-Pacific Economic Cooperation summit.'])).toEqual([]);
    expect(marked(['Growth in the Asia-Pacific region slowed.'])).toEqual(['Asia-Pacific → asia-pacific']);
  });

  it('refuses a one-word name after a capitalised word that does not open the sentence', () => {
    const page = ['Nguyen Phu Trong and Xi Jinping met.'];
    expect(marked([...page, 'Ports for the Amstrad CPC and the Spectrum.', 'The CPV and the CPC met.'])).toEqual([
      'Nguyen Phu Trong → nguyen-phu-trong',
      'Xi Jinping → xi-jinping',
      'CPV → cpv',
      'CPC → cpc',
    ]);
    expect(marked(['China claims it as part of South Tibet.', 'Tibet is a region.'])).toEqual(['Tibet → xizang']);
    expect(marked(['Consort Trương Thị Trong was born in Lê village.', 'Nguyen Phu Trong met him.'])).toEqual([
      'Nguyen Phu Trong → nguyen-phu-trong',
    ]);
    expect(marked(['Also known as Wei-Haur Lam and WH Lam.'])).toEqual([]);
  });

  it('lets titles, dates, possessives, organs and appositions stand before or after a name', () => {
    const page = ['Xi Jinping leads China.'];
    expect(marked([...page, 'Talks between Presidents Xi and Ma.'])).toContain('Xi → xi-jinping');
    expect(marked([...page, 'On Monday Xi spoke.'])).toContain('Xi → xi-jinping');
    expect(marked([...page, "China's Xi spoke."])).toContain('Xi → xi-jinping');
    expect(marked(['The Communist Party of Vietnam Central Committee met.'])).toEqual([
      'Communist Party of Vietnam → cpv',
    ]);
    expect(marked(['President of the Socialist Republic of Vietnam Vo Van Thuong spoke.'])).toEqual([
      'Socialist Republic of Vietnam → srv',
      'Vo Van Thuong → vo-van-thuong',
    ]);
    expect(marked(['General Secretary of the Communist Party of Vietnam Committee Nguyen Phu Trong arrived.'])).toEqual(
      ['Communist Party of Vietnam → cpv', 'Nguyen Phu Trong → nguyen-phu-trong'],
    );
  });

  it('steps aside where capitals carry no evidence: a title-cased headline', () => {
    expect(marked(['Xi Jinping Arrives In Hanoi For Talks'])).toEqual(['Xi Jinping → xi-jinping']);
    expect(marked(['Taiwan Commercial Relations'])).toEqual(['Taiwan → taiwan']);
  });

  it('reads a hyphen as a compound of two names, not a longer name', () => {
    expect(marked(['The China-Taiwan military balance and EU-Taiwan relations.'])).toEqual([
      'Taiwan → taiwan',
      'Taiwan → taiwan',
    ]);
  });

  it('a sentence that ended before the name is not a longer name ("…with Trong. Xi said")', () => {
    expect(marked(['Xi Jinping met Nguyen Phu Trong.', 'After it, Xi met Trong. Xi said so.'])).toEqual([
      'Xi Jinping → xi-jinping',
      'Nguyen Phu Trong → nguyen-phu-trong',
      'Xi → xi-jinping',
      'Trong → nguyen-phu-trong',
      'Xi → xi-jinping',
    ]);
    expect(marked(['Xi Jinping led.', 'It ended.[106][107] Under Xi, it grew.'])).toContain('Xi → xi-jinping');
  });

  it('marks nothing inside a web address', () => {
    expect(marked(['See https://news.example/Taiwan-relations and www.example.com/Taiwan today.'])).toEqual([]);
  });

  it('keeps Vietnamese names that come last apart by the glossary’s list', () => {
    expect(marked(['Đảng lấy Tư tưởng Hồ Chí Minh làm kim chỉ nam.'], true)).toEqual([]);
    expect(marked(['Di chúc của Hồ Chí Minh có viết.'], true)).toEqual(['Hồ Chí Minh → ho-chi-minh']);
  });

  it('accepts a long Vietnamese name with its first and last words capitalised', () => {
    expect(marked(['Số lượng Đảng viên Đảng cộng sản Việt Nam tăng.'], true)).toEqual(['Đảng cộng sản Việt Nam → cpv']);
  });
});

describe('bare names', () => {
  const page = ['Xi Jinping spoke.'];
  it('must be written as the alias is: "XI" is a regnal number', () => {
    expect(marked([...page, 'In 1929 Pius XI wrote.'])).toEqual(['Xi Jinping → xi-jinping']);
  });

  it('after "the", count only where they qualify the next word', () => {
    expect(marked([...page, 'Rivers include the Xi, the Mekong and the Amur.'])).toEqual(['Xi Jinping → xi-jinping']);
    expect(marked([...page, 'The Xi–Li Administration and the Xi administration.'])).toEqual([
      'Xi Jinping → xi-jinping',
      'Xi → xi-jinping',
      'Xi → xi-jinping',
    ]);
  });

  it('need their own entry on the page: a related one is not enough', () => {
    expect(marked(['The CPV met.', 'Trong said so.'])).toEqual([]);
    expect(marked(['The Communist Party of Vietnam met.', 'Trong said so.'])).toEqual([
      'Communist Party of Vietnam → cpv',
    ]);
  });

  it('lose to a longer name the glossary lists, however it is cased', () => {
    expect(marked([...page, "The 1936 Xi'an Incident, and xi'an."])).toEqual(['Xi Jinping → xi-jinping']);
  });
});

describe('the longest match', () => {
  it('wins over a shorter alias that starts earlier, and hits of one entry make one mark', () => {
    expect(marked(['Chinese President Xi Jinping arrived.'])).toEqual(['President Xi Jinping → xi-jinping']);
    expect(marked(['cultivated by President Ho Chi Minh, and'])).toEqual(['President Ho Chi Minh → ho-chi-minh']);
  });

  it('is what a mark stands for: the whole name, once', () => {
    const text = 'Chinese President Xi Jinping arrived.';
    const matches = scan(matcher, text, { vietnamese: false });
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ start: 8, end: 28, entryId: 'xi-jinping', needs: null });
  });
});

describe('evidence', () => {
  it('acronyms need the entry or a related one on the page, or a page about the subject', () => {
    expect(marked(['Concentrator photovoltaics (CPV) systems concentrate light.'])).toEqual([]);
    expect(marked(['Nguyen Phu Trong leads the CPV.'])).toEqual(['Nguyen Phu Trong → nguyen-phu-trong', 'CPV → cpv']);
    // A related entry of the other side is no evidence: a page about China's party may speak of photovoltaics.
    expect(marked(['Xi Jinping spoke.', 'Concentrator photovoltaics (CPV) systems.'])).toEqual([
      'Xi Jinping → xi-jinping',
    ]);
  });

  it('generic phrases need their cue in the same sentence, or a page about the subject', () => {
    expect(marked(['The East Sea (Ostsee) is the Baltic.'])).toEqual([]);
    expect(marked(['Vietnam calls it the East Sea.'])).toEqual(['East Sea → south-china-sea']);
    expect(marked(['They renewed their traditional friendship.'])).toEqual([]);
    // Firm mentions of both sides make the page about China–Vietnam relations.
    expect(marked(['Xi Jinping met Nguyen Phu Trong.', 'They renewed their traditional friendship.'])).toEqual([
      'Xi Jinping → xi-jinping',
      'Nguyen Phu Trong → nguyen-phu-trong',
      'traditional friendship → traditional-friendship',
    ]);
  });

  it('one event needs its actor and its time in the sentence, whatever the page is about', () => {
    const about = ['Xi Jinping met Nguyen Phu Trong.'];
    expect(marked([...about, 'Xi Jinping began a state visit to Vietnam in December 2023.'])).toContain(
      'state visit to Vietnam → xi-state-visit-2023',
    );
    expect(marked([...about, "Xi Jinping's 2015 state visit to Vietnam was short."])).not.toContain(
      'state visit to Vietnam → xi-state-visit-2023',
    );
    expect(marked([...about, 'Obama made a state visit to Vietnam in December 2023.'])).not.toContain(
      'state visit to Vietnam → xi-state-visit-2023',
    );
  });

  it('a page about the subject is one whose firm mentions name both sides', () => {
    const evidence = new PageEvidence(rules);
    evidence.noteFirm(scan(matcher, 'Xi Jinping spoke.', { vietnamese: false }));
    expect(evidence.aboutTheSubject).toBe(false);
    evidence.noteFirm(scan(matcher, 'Nguyen Phu Trong spoke.', { vietnamese: false }));
    expect(evidence.aboutTheSubject).toBe(true);
  });
});

describe('sentences', () => {
  it('end at a full stop before a capital, not after an abbreviation or an initial', () => {
    const text = 'Xi is on a visit from Dec. 12 to 13. The U.S. President was not. Next.';
    const at = text.indexOf('visit');
    expect(text.slice(...sentenceAround(text, at, at + 5))).toBe('Xi is on a visit from Dec. 12 to 13.');
    const us = text.indexOf('President');
    expect(text.slice(...sentenceAround(text, us, us + 9))).toBe('The U.S. President was not.');
  });
});
