/**
 * Where the Pagefind bundle lives: `pagefind/` under the site's base path, as written by
 * src/integrations/pagefind.ts (and served from the last build by the dev server). Imported by
 * URL at run time, never bundled, so nothing of it loads until search is used. Kept apart from
 * the rest of the search code because guide pages load it (search-highlight.ts).
 */
import { normaliseBase } from '~/lib/urls-base';

/** The query parameter Pagefind adds to result links; the guide page marks its words. */
export const HIGHLIGHT_PARAM = 'highlight';

export function bundleUrl(file: string): string {
  return `${normaliseBase(import.meta.env.BASE_URL)}pagefind/${file}`;
}
