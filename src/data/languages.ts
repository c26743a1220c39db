/**
 * The site's languages (content/site.yaml's `language` and `languages`, src/lib/languages.ts),
 * the language of the page being rendered and its URLs. Runs inside Vite: pages, components,
 * layouts; never in browser code, which gets what it needs from the page (`data-*` attributes).
 */
import { languageOfPath, siteLanguages, type Language } from '../lib/languages';
import { SITE } from '../lib/site';
import { inLanguage, siteUrls, type SiteUrls } from '../lib/urls';
import { BASE, siteHref, urls } from './urls';

/** The default language first, then the others in site.yaml's order. */
export const LANGUAGES: readonly Language[] = siteLanguages(SITE);

export const DEFAULT_LANGUAGE: Language = LANGUAGES[0]!;

const byCode = new Map(LANGUAGES.map((language) => [language.code, language]));

/** A language of the site by its code; the default language for any other code. */
export function languageFor(code: string | undefined): Language {
  return (code && byCode.get(code)) || DEFAULT_LANGUAGE;
}

/** The language of the page at `url` (Astro.url): the one its path is under. */
export function pageLanguage(url: URL): Language {
  return languageOfPath(url.pathname, BASE, LANGUAGES);
}

/**
 * `getStaticPaths` entries for a page every language has: the `[...lang]` rest parameter is
 * undefined for the default language (its plain URLs) and the code for the others.
 */
export function languageParams(): { lang: string | undefined; language: Language }[] {
  return LANGUAGES.map((language) => ({ lang: language.isDefault ? undefined : language.code, language }));
}

/** `getStaticPaths` for a page with one copy per language and nothing else to vary: its language as a prop. */
export function languagePages(): { params: { lang: string | undefined }; props: { language: Language } }[] {
  return languageParams().map(({ lang, language }) => ({ params: { lang }, props: { language } }));
}

const urlsByLanguage = new Map<string, SiteUrls>(
  LANGUAGES.map((language) => [language.code, language.isDefault ? urls : siteUrls(BASE, language.code)]),
);

/** The URLs of a language's pages (`/fr/guides/x/`); the default language's for any other code. */
export function urlsFor(code: string): SiteUrls {
  return urlsByLanguage.get(code) ?? urls;
}

/** The URLs of the language of the page at `url` (Astro.url): what a component links to. */
export function pageUrls(url: URL): SiteUrls {
  return urlsFor(pageLanguage(url).code);
}

/** The path of the page at `url` after the base and its language's `/<code>/`: `tags/cloud/`. */
export function pathInPageLanguage(url: URL): string {
  const language = pageLanguage(url);
  const rest = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : url.pathname.replace(/^\/+/, '');
  return language.isDefault ? rest : rest.slice(language.code.length + 1);
}

/**
 * A link from site.yaml (`/guides/`) for the page at `url`: in the page's language when that
 * language has the page (`/fr/guides/`), under the base; other URLs are kept.
 */
export function siteHrefIn(url: URL, href: string): string {
  const language = pageLanguage(url);
  return siteHref(inLanguage(href, language.isDefault ? undefined : language.code));
}
