/**
 * Every internal URL, with the site's base path. Pages and components call these; none of them
 * concatenates paths on its own, which is what keeps a `BASE_PATH=/docs/` build whole.
 */
import type { Difficulty } from './difficulty';
import { normaliseBase } from './urls-base';

export { normaliseBase };

const BASE = normaliseBase(import.meta.env.BASE_URL);

/** `withBase('guides/x/')` → `/docs/guides/x/`. Absolute URLs and fragments pass through. */
export function withBase(path: string, base: string = BASE): string {
  if (/^(?:[a-z][a-z0-9+.-]*:|\/\/|#)/i.test(path)) return path;
  return `${normaliseBase(base)}${path.replace(/^\/+/, '')}`;
}

export const urls = {
  home: () => withBase(''),
  guides: () => withBase('guides/'),
  guide: (slug: string) => withBase(`guides/${slug}/`),
  tags: () => withBase('tags/'),
  tag: (slug: string) => withBase(`tags/${slug}/`),
  difficulty: (level: Difficulty) => withBase(`difficulty/${level}/`),
  series: (slug: string) => withBase(`series/${slug}/`),
  search: () => withBase('search/'),
  rss: () => withBase('rss.xml'),
  carbon: () => withBase('about/carbon/'),
  carbonReport: () => withBase('carbon-report.json'),
};
