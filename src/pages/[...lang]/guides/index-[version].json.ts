/**
 * The guides index: every published guide's card facts but its description (in the card chunks,
 * cards-[version]-[n].json.ts), which <guide-filter> fetches to filter, count and sort the whole
 * library while the page itself holds one page of cards. Its name holds
 * a fingerprint of its content (~/lib/guide-filter-view.ts), so it can be cached for good. One
 * per language (`/fr/guides/index-….json`), holding that language's guides only.
 */
import type { APIRoute } from 'astro';
import { libraryFor } from '~/data/guides';
import { languageParams } from '~/data/languages';
import { guidesIndexFile } from '~/lib/guide-filter-view';

export function getStaticPaths() {
  return languageParams().map(({ lang, language }) => {
    const { version, json } = guidesIndexFile(libraryFor(language.code).guides);
    return { params: { lang, version }, props: { json } };
  });
}

export const GET: APIRoute<{ json: string }> = ({ props }) =>
  new Response(props.json, { headers: { 'Content-Type': 'application/json' } });
