/**
 * Where the Pagefind bundle lives: `pagefind/` under the site's base path, as written by
 * src/integrations/pagefind/index.ts (and served from the last build by the dev server). Imported by
 * URL at run time, never bundled, so nothing of it loads until search is used.
 */
import { normaliseBase } from '~/lib/urls-base';

export function bundleUrl(file: string): string {
  return `${normaliseBase(import.meta.env.BASE_URL)}pagefind/${file}`;
}
