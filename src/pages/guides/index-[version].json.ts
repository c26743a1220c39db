/**
 * The guides index: every published guide's card facts but its description (in the card chunks,
 * cards-[version]-[n].json.ts), which <guide-filter> fetches to filter, count and sort the whole
 * library while the page itself holds one page of cards. Its name holds
 * a fingerprint of its content (~/lib/guide-filter-view.ts), so it can be cached for good.
 */
import type { APIRoute } from 'astro';
import { library } from '~/data/guides';
import { guidesIndexFile } from '~/lib/guide-filter-view';

export function getStaticPaths() {
  return [{ params: { version: guidesIndexFile(library.guides).version } }];
}

export const GET: APIRoute = () =>
  new Response(guidesIndexFile(library.guides).json, { headers: { 'Content-Type': 'application/json' } });
