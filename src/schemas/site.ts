/**
 * The site configuration's schema (`content/site.yaml`): everything a team edits to make the site
 * its own. The loader (src/data/site-config.ts) reads the file once, at config time; components read
 * the validated result through src/lib/site.ts. Every field has a default, so an empty or missing
 * file still builds a site, with neutral copy and the stock palette.
 *
 * Custom messages are the *expected* half of an error, as in ./guide.ts; ./errors.ts adds the
 * file, the line, the field and what was found.
 */
import { z } from 'astro/zod';
import { isHexColour } from '../lib/contrast';
import { inferHost } from '../lib/repository-links';

/** A BCP 47 language tag: `en`, `en-GB`, `pt-BR`, `zh-Hant`. */
const bcp47 = z
  .string({ error: 'a BCP 47 language tag such as en or en-GB' })
  .trim()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z]{4})?(?:-(?:[A-Z]{2}|\d{3}))?$/, {
    error: 'a BCP 47 language tag such as en or en-GB',
  });

const text = (what: string) => z.string({ error: what }).trim().min(1, { error: what });

/** A link: a path on this site (`/guides/`, the base is added), or an absolute http(s) or mailto URL. */
const href = z
  .string({ error: 'a path such as /guides/ or an absolute https:// URL' })
  .trim()
  .regex(/^(?:\/(?![/\\])|https?:\/\/|mailto:)/i, { error: 'a path such as /guides/ or an absolute https:// URL' });

const link = z.strictObject(
  {
    /** What readers see. */
    label: text('the link text'),
    /** Where it goes. */
    href,
  },
  { error: 'a link: { label, href }' },
);

const hex = z
  .string({ error: 'a hex colour such as "#17603d" (quoted: YAML reads # as a comment)' })
  .trim()
  .refine(isHexColour, { error: 'a hex colour such as "#17603d" (quoted: YAML reads # as a comment)' });

const themeColours = z.strictObject(
  {
    /** Links, the header's current page, focus marks; also the background of the home page's button. */
    accent: hex,
    /** Hovered links and the text of tag chips; derived from `accent` when left out. */
    strong: hex.optional(),
    /** The background of tag chips and selected filters; derived from `accent` when left out. */
    tint: hex.optional(),
  },
  { error: 'an object with accent and optionally strong and tint' },
);

/** Greenpath's palette, the stock accent: it meets WCAG 2.2 AA against the stock backgrounds. */
export const DEFAULT_COLOURS = {
  light: { accent: '#17603d', strong: '#0e4a2d', tint: '#e1f1e8' },
  dark: { accent: '#7ad7a6', strong: '#a4e8c4', tint: '#1b3327' },
};

const publicFile = (kinds: RegExp, what: string) =>
  z
    .string({ error: `${what}: a file under public/ such as /logo.svg` })
    .trim()
    .regex(/^\/(?![/\\])[^?#]*$/, { error: `${what}: a file under public/ such as /logo.svg` })
    .regex(kinds, { error: `${what}: an .svg or .png file` });

/**
 * A text in the default language, or one per language (`{ en: Beginner, fr: Débutant }`); a
 * language without its own text shows the default language's.
 */
const localized = (what: string) =>
  z.union([text(what), z.record(bcp47, text(what), { error: `${what}, or one per language code` })], {
    error: `${what}, or one per language code such as { en: …, fr: … }`,
  });

/** A localized text in one language: its own, else the default language's, else the first given. */
export function textIn(value: string | Readonly<Record<string, string>>, lang: string, defaultLang: string): string {
  if (typeof value === 'string') return value;
  const find = (code: string) => Object.entries(value).find(([key]) => key.toLowerCase() === code.toLowerCase())?.[1];
  return find(lang) ?? find(defaultLang) ?? Object.values(value)[0] ?? '';
}

const level = z.strictObject(
  {
    /** The name shown for the level, or one per language. */
    label: localized('the level’s name'),
    /** One line shown on the home page and on the level's page, or one per language. */
    description: localized('one line describing the level'),
  },
  { error: 'an object with label and description' },
);

const slugList = (what: string) => z.array(text(what), { error: `a list of ${what}s` }).default([]);

export const siteConfigSchema = z.strictObject(
  {
    /** The site's name: header, titles, feed, JSON-LD. */
    name: text('the site’s name').default('Guides'),
    /** One line under the name, in the footer. */
    tagline: z.string({ error: 'a one-line tagline' }).trim().default(''),
    /** The default meta description and the feed's description. */
    description: text('a one- or two-sentence description').default('A library of practical guides.'),
    /** The pages' language as a BCP 47 tag: `en`, `en-GB`, `pt-BR`. */
    language: bcp47.default('en'),
    /**
     * The languages guides are translated into, each published under its code (`/fr/guides/…`);
     * the default `language` keeps the plain URLs. An entry with the default's code only names
     * it. `name` defaults to the language's own name for itself, `dir` to its script's direction.
     * Left out, they are the guides folder's folders named for a language src/i18n/ words the
     * interface of (src/data/site-config.ts `translationFolders`); `[]` says there are none.
     */
    languages: z
      .array(
        z.strictObject(
          {
            /** The BCP 47 tag: also the folder of its translations, `content/guides/fr/`. */
            code: bcp47,
            /** The language's name in itself, as the language switcher shows it: `Français`. */
            name: text('the language’s name in itself, such as Français').optional(),
            /** `rtl` for Arabic, Hebrew and other right-to-left scripts. */
            dir: z.enum(['ltr', 'rtl'], { error: 'ltr or rtl' }).optional(),
          },
          { error: 'a language: { code, name, dir }' },
        ),
        { error: 'a list of languages: { code, name, dir }' },
      )
      .superRefine((languages, ctx) => {
        const seen = new Set<string>();
        languages.forEach((language, index) => {
          const key = language.code.toLowerCase();
          if (seen.has(key)) {
            ctx.addIssue({
              code: 'custom',
              message: `a code not listed before (${language.code} is)`,
              path: [index, 'code'],
            });
          }
          seen.add(key);
        });
      })
      .default([]),
    /** The production origin, for canonical and feed URLs; `SITE_URL` overrides it. */
    url: z
      .url({ protocol: /^https?$/, error: 'an absolute http(s) URL such as https://guides.example.org' })
      .default('http://localhost:4321'),
    /** The path the site is served under, `/` or `/docs/`; `BASE_PATH` overrides it. */
    base: z
      .string({ error: 'a path such as / or /docs/' })
      .regex(/^\/[A-Za-z0-9._~\-/]*$/, { error: 'a path such as / or /docs/' })
      .default('/'),
    /** The header's logo and, unless `favicon` is given, the favicon. */
    logo: z
      .strictObject(
        {
          src: publicFile(/\.(svg|png)$/i, 'the logo'),
          /** The logo's text alternative; `""` when the site's name beside it says it all. */
          alt: z.string({ error: 'the logo’s text alternative ("" when the name beside it says it all)' }),
        },
        { error: 'an object with src and alt' },
      )
      .optional(),
    /** The favicon, when it is not the logo. */
    favicon: publicFile(/\.(svg|png|ico)$/i, 'the favicon').optional(),
    /** The accent colour of each theme; each is checked for contrast against the theme's colours. */
    colours: z
      .strictObject({ light: themeColours, dark: themeColours }, { error: 'an object with light and dark' })
      .default(DEFAULT_COLOURS),
    /** The header's links. */
    nav: z.array(link, { error: 'a list of links: { label, href }' }).default([
      { label: 'Guides', href: '/guides/' },
      { label: 'Tags', href: '/tags/' },
    ]),
    footer: z
      .strictObject(
        {
          /** Links listed in the footer. */
          links: z.array(link, { error: 'a list of links: { label, href }' }).default([]),
          /** A line such as "© 2025 Acme". */
          copyright: z.string({ error: 'a copyright line' }).trim().optional(),
          /** The licence of the guides: in the footer, the JSON-LD `license` and the feed. */
          licence: z
            .strictObject(
              {
                /** Its short name, e.g. CC BY 4.0. */
                name: text('the licence’s name, e.g. CC BY 4.0'),
                /** Its text, e.g. https://creativecommons.org/licenses/by/4.0/. */
                url: z.url({ protocol: /^https?$/, error: 'the licence’s absolute URL' }),
              },
              { error: 'an object with name and url' },
            )
            .optional(),
        },
        { error: 'an object with links, copyright and licence' },
      )
      .default({ links: [] }),
    home: z
      .strictObject(
        {
          /** The home page's heading; the site's name when left out. */
          heading: text('the home page’s heading').optional(),
          /** The paragraph under it; `{guides}` becomes "18 guides". The description when left out. */
          intro: text('the home page’s introduction').optional(),
          /** Guides and learning paths shown first on the home page, by slug (checked like `related`). */
          featured: z
            .strictObject(
              { guides: slugList('guide slug'), series: slugList('learning path slug') },
              { error: 'an object with guides and series, each a list of slugs' },
            )
            .default({ guides: [], series: [] }),
        },
        { error: 'an object with heading, intro and featured' },
      )
      .default({ featured: { guides: [], series: [] } }),
    /** The label and one-line description of each level; the ids stay fixed. */
    difficulty: z
      .strictObject(
        { beginner: level, intermediate: level, advanced: level },
        { error: 'an object with beginner, intermediate and advanced' },
      )
      .default({
        beginner: {
          label: 'Beginner',
          description: 'No background needed: the ideas, the vocabulary and the first steps.',
        },
        intermediate: {
          label: 'Intermediate',
          description: 'For practitioners ready to measure, change and compare their own systems.',
        },
        advanced: {
          label: 'Advanced',
          description: 'Methods, standards and trade-offs for people who own the numbers.',
        },
      }),
    /** Where the guides' sources live: every guide links to its file, its history and a new issue. */
    repository: z
      .strictObject(
        {
          /** The repository's web address. */
          url: z.url({ protocol: /^https?$/, error: 'the repository’s https:// address' }),
          /** The branch the site is built from. */
          branch: text('a branch name').default('main'),
          /** The guides folder inside the repository. */
          content: text('the guides folder in the repository, e.g. content/guides').default('content/guides'),
          /** `github`, `gitlab` or `forgejo` (Codeberg, Gitea); read from the URL's domain when left out. */
          host: z.enum(['github', 'gitlab', 'forgejo']).optional(),
        },
        { error: 'an object with url, branch, content and host' },
      )
      .refine((repo) => repo.host !== undefined || inferHost(repo.url) !== undefined, {
        error: 'a host (github, gitlab or forgejo): the URL’s domain does not say which',
        path: ['host'],
      })
      .optional(),
    /** Profiles elsewhere, linked with rel="me". */
    social: z.array(link, { error: 'a list of links: { label, href }' }).default([]),
  },
  { error: 'a mapping of settings such as name: Acme guides' },
);

export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type SiteConfigData = z.infer<typeof siteConfigSchema>;

/** The top-level keys, for "did you mean" suggestions. */
export const SITE_CONFIG_KEYS = Object.keys(siteConfigSchema.shape);
