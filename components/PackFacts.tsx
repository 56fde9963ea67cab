/**
 * What a card (and the popup's entry) says of an entry, pack by pack: each pack's facts under its
 * name, so a reader sees which pack a quote comes from, and an entry two packs both hold shows both
 * sets; then, for each pack, the other documents that mention it, and the reader's own.
 */
import type { CitedFact, CitedQuote } from '../lib/views';
import { groupBy } from '../lib/group-by';
import { t } from '../lib/i18n';
import { Citation } from './Citation';
import { FactQuote, type QuoteLinks } from './Quote';

/** Facts grouped by pack, packs in the order of their first fact, facts in the order given. */
function byPack(facts: readonly CitedFact[]) {
  return [...groupBy(facts, (fact) => fact.source.pack?.id).values()].map((list) => ({
    pack: list[0].source.pack,
    facts: list,
  }));
}

/**
 * The facts under the name of their pack, wherever a pack other than Gloss's own speaks: facts that
 * all come from the bundled pack need no heading (the card has little room, and that is the default).
 */
export function PackFacts({ facts, ...links }: { facts: readonly CitedFact[] } & QuoteLinks) {
  const groups = byPack(facts);
  const named = groups.length > 1 || groups.some((g) => g.pack && !g.pack.bundled);
  return (
    <>
      {groups.map(({ pack, facts: list }) => (
        <section class="pack-facts" key={pack?.id ?? ''} data-pack={pack?.id}>
          {pack && named && <h3 class="pack-name">{t('fromPack', pack.title)}</h3>}
          <ul class="facts" aria-label={pack ? t('keyFactsFrom', pack.title) : t('keyFacts')}>
            {list.map((f) => (
              <li key={`${f.docId}:${f.paragraph}:${f.start}`}>
                <FactQuote fact={f} {...links} />
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

/** Documents that mention the entry, the first mention of each cited: "Also in “Pack”", "Also in your documents". */
export function AlsoInList({
  heading,
  quotes,
  more,
  className,
  ...links
}: { heading: string; quotes: readonly CitedQuote[]; more: number; className: string } & QuoteLinks) {
  return (
    <section class={`also-in ${className}`} aria-label={heading}>
      <h3>{heading}</h3>
      <ul>
        {quotes.map((c) => (
          <li key={c.docId}>
            <span class="also-title">{c.source.title}</span>{' '}
            <Citation citation={c} source={c.source} href={links.citationHref(c)} onOpen={links.onOpenCitation} />
          </li>
        ))}
      </ul>
      {more > 0 && <p class="more">{t('andMoreDocuments', more)}</p>}
    </section>
  );
}
