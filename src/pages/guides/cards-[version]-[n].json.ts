/**
 * The card chunks: the descriptions of CARD_CHUNK guides each, in the guides index's order, which
 * <guide-filter> fetches for the cards it draws, or all of them when the reader types words to
 * match. Apart from the index so the first filter downloads only what filtering needs.
 */
import type { APIRoute } from 'astro';
import { library } from '~/data/guides';
import { guidesIndexFile } from '~/lib/guide-filter-view';

export function getStaticPaths() {
  const { chunks, cardsVersion } = guidesIndexFile(library.guides);
  return chunks.map((json, n) => ({ params: { version: cardsVersion, n: String(n) }, props: { json } }));
}

export const GET: APIRoute<{ json: string }> = ({ props }) =>
  new Response(props.json, { headers: { 'Content-Type': 'application/json' } });
