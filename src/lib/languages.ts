/**
 * The site's languages, from `language` and `languages` in content/site.yaml: the default first,
 * each with its own name and direction, and which language a guide file belongs to (a translation
 * sits in `content/guides/<code>/`). Pure: the build, the content check and pages share it.
 */

export type TextDirection = 'ltr' | 'rtl';

export interface Language {
  /** The BCP 47 tag, as written in site.yaml: `fr`, `pt-BR`. */
  code: string;
  /** The language's name in itself: `Français`. */
  name: string;
  dir: TextDirection;
  /** The default language keeps the plain URLs (`/guides/…`); the others live under `/<code>/`. */
  isDefault: boolean;
}

export interface LanguageSettings {
  language: string;
  languages: readonly { code: string; name?: string | undefined; dir?: TextDirection | undefined }[];
}

/** Languages written right to left, by their primary subtag, for engines without `getTextInfo`. */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ku-arab', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Syrc', 'Thaa', 'Nkoo', 'Adlm', 'Rohg']);

/** The direction a language is written in: its script's when the tag names one, else its own. */
export function textDirection(code: string): TextDirection {
  const [primary = '', second] = code.split('-');
  if (second && second.length === 4) {
    const script = second[0]!.toUpperCase() + second.slice(1).toLowerCase();
    return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  }
  return RTL_LANGUAGES.has(primary.toLowerCase()) ? 'rtl' : 'ltr';
}

/** The language's name in itself (`français` → `Français`), or its code where Intl has none. */
export function ownName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
    if (name && name !== code) return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    // An unknown tag: the code itself names it.
  }
  return code;
}

/** Every language of the site, the default first, then the others in site.yaml's order. */
export function siteLanguages(settings: LanguageSettings): Language[] {
  const named = new Map(settings.languages.map((entry) => [entry.code.toLowerCase(), entry]));
  const describe = (code: string, isDefault: boolean): Language => {
    const entry = named.get(code.toLowerCase());
    return { code, name: entry?.name ?? ownName(code), dir: entry?.dir ?? textDirection(code), isDefault };
  };
  const others = settings.languages
    .filter((entry) => entry.code.toLowerCase() !== settings.language.toLowerCase())
    .map((entry) => describe(entry.code, false));
  return [describe(settings.language, true), ...others];
}

/**
 * Which language a guide file is in, from its path inside the guides folder: `fr/2025-x.md` is a
 * French translation when `fr` is one of the site's other languages; everything else is in the
 * default language (a folder that is not a language code is only a folder).
 */
export function languageOfGuideFile(
  relativePath: string,
  languages: readonly Language[],
): { language: Language; pathInLanguage: string } {
  const normalised = relativePath.replaceAll('\\', '/');
  const slash = normalised.indexOf('/');
  const fallback = languages.find((language) => language.isDefault) ?? languages[0]!;
  if (slash > 0) {
    const folder = normalised.slice(0, slash).toLowerCase();
    const language = languages.find((candidate) => !candidate.isDefault && candidate.code.toLowerCase() === folder);
    if (language) return { language, pathInLanguage: normalised.slice(slash + 1) };
  }
  return { language: fallback, pathInLanguage: normalised };
}

/**
 * A collection id's language and slug: a translation's id is `<code>/<slug>` (src/content.config.ts),
 * an original's is its slug, which never holds a `/`.
 */
export function splitGuideId(id: string, defaultCode: string): { lang: string; slug: string } {
  const slash = id.indexOf('/');
  return slash > 0 ? { lang: id.slice(0, slash), slug: id.slice(slash + 1) } : { lang: defaultCode, slug: id };
}

/** The collection id of a guide `slug` in language `code`: its slug in the default language. */
export function guideId(slug: string, code: string, defaultCode: string): string {
  return code.toLowerCase() === defaultCode.toLowerCase() ? slug : `${code}/${slug}`;
}

/**
 * The language a page is in, from its path: `/fr/guides/x/` (under the base) is French when `fr`
 * is one of the site's other languages; every other path is in the default language. What Astro's
 * `currentLocale` says for our routes, also without an `i18n` config, and never fooled by a guide
 * whose slug is a language code (`/guides/fr/`): only the first segment counts.
 */
export function languageOfPath(pathname: string, base: string, languages: readonly Language[]): Language {
  const fallback = languages.find((language) => language.isDefault) ?? languages[0]!;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : pathname.replace(/^\/+/, '');
  const first = rest.split('/')[0]?.toLowerCase() ?? '';
  return languages.find((language) => !language.isDefault && language.code.toLowerCase() === first) ?? fallback;
}

/**
 * Whether Pagefind has an index for a page in language `lang`, given the languages its entry
 * file lists: as Pagefind looks it up, the whole tag first, then its primary subtag. Without one,
 * Pagefind would search another language's index, whose pages are not this page's language.
 */
export function hasSearchIndex(lang: string, indexLanguages: readonly string[]): boolean {
  const wanted = lang.toLowerCase();
  const known = new Set(indexLanguages.map((code) => code.toLowerCase()));
  return known.has(wanted) || known.has(wanted.split('-')[0] ?? wanted);
}

export interface PageAlternate {
  hreflang: string;
  /** The page's path in that language, under the base: `fr/tags/cloud/`, or `tags/cloud/` for the default. */
  path: string;
}

/**
 * The versions of a page in every language that has it, `pathInLanguage` being its path after
 * the language's `/<code>/` (`tags/cloud/`), and the default language's as `x-default`; none
 * when only one language has the page. `exists` says whether a language makes that page.
 */
export function pageAlternates(
  pathInLanguage: string,
  languages: readonly Language[],
  exists: (code: string, pathInLanguage: string) => boolean,
): PageAlternate[] {
  const versions = languages
    .filter((language) => exists(language.code, pathInLanguage))
    .map((language) => ({
      hreflang: language.code,
      path: language.isDefault ? pathInLanguage : `${language.code}/${pathInLanguage}`,
    }));
  if (versions.length < 2) return [];
  const original = languages[0] && versions.find((version) => version.hreflang === languages[0]!.code);
  return original ? [...versions, { hreflang: 'x-default', path: original.path }] : versions;
}
