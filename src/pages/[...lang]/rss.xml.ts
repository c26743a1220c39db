import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { libraryFor } from '~/data/guides';
import { urlsFor, languagePages } from '~/data/languages';
import type { Language } from '~/lib/languages';
import { SITE } from '~/lib/site';
import { translatorFor } from '~/data/i18n';
import type { Translator } from '~/lib/i18n';

/** One feed per language: `/rss.xml`, `/fr/rss.xml`, each of its language's guides. */
export function getStaticPaths() {
  return languagePages();
}

/** Text for the feed's own XML (customData is written as it is given). */
const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The channel's copyright: site.yaml's line and the guides' licence. */
function copyright(t: Translator['t']): string | undefined {
  const { copyright: line, licence } = SITE.footer;
  const parts = [line, licence && t('feed.licensed', { licence: licence.name, url: licence.url })].filter(Boolean);
  return parts.length ? parts.join('. ') : undefined;
}

/** Every published guide, newest first. @astrojs/rss escapes every string it is given. */
export function GET(context: APIContext<{ language: Language }>) {
  const { language } = context.props;
  const library = libraryFor(language.code);
  const urls = urlsFor(language.code);
  const { t } = translatorFor(language.code);
  const rights = copyright(t);
  return rss({
    title: t('feed.title', { site: SITE.name }),
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
      // RSS 2.0 has no element for it: Atom's, as feed readers that show an update expect it.
      ...(guide.updated ? { customData: `<atom:updated>${guide.updated.toISOString()}</atom:updated>` } : {}),
    })),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${xml(language.code)}</language>${rights ? `<copyright>${xml(rights)}</copyright>` : ''}`,
  });
}
