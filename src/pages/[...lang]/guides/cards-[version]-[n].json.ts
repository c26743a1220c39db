/**
 * The card chunks: the descriptions of CARD_CHUNK guides each, in the guides index's order, which
 * <guide-filter> fetches for the cards it draws, or all of them when the reader types words to
 * match. Apart from the index so the first filter downloads only what filtering needs. One set
 * per language, beside its index (`/fr/guides/cards-…`).
 */
import type { APIRoute } from 'astro';
import { libraryFor } from '~/data/guides';
import { languageParams } from '~/data/languages';
import { guidesIndexFile } from '~/lib/guide-filter-view';

export function getStaticPaths() {
  return languageParams().flatMap(({ lang, language }) => {
    const { chunks, cardsVersion } = guidesIndexFile(libraryFor(language.code).guides);
    return chunks.map((json, n) => ({ params: { lang, version: cardsVersion, n: String(n) }, props: { json } }));
  });
}

export const GET: APIRoute<{ json: string }> = ({ props }) =>
  new Response(props.json, { headers: { 'Content-Type': 'application/json' } });
