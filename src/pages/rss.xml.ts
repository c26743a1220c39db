import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { library } from '~/data/guides';
import { SITE } from '~/lib/site';
import { urls } from '~/data/urls';

/** Every published guide, newest first. @astrojs/rss escapes every string it is given. */
export function GET(context: APIContext) {
  return rss({
    title: `${SITE.name} guides`,
    description: SITE.description,
    // The channel's <link> is the home page, under the base path like every other URL.
    site: new URL(urls.home(), context.site ?? 'http://localhost:4321'),
    trailingSlash: true,
    items: library.guides.map((guide) => ({
      title: guide.title,
      description: guide.description,
      pubDate: guide.date,
      link: urls.guide(guide.slug),
      categories: guide.tags.map((t) => t.label),
    })),
    customData: '<language>en</language>',
  });
}
