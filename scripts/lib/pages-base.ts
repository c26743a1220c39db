/**
 * Where a GitHub Pages build is published: the BASE_PATH and SITE_URL that astro.config.ts reads,
 * decided from what the repository says, for .github/workflows/deploy.yml (through
 * scripts/pages-base.ts). Pure: the caller reads the files and the environment.
 *
 * A project site (`owner/greenpath`) lives at https://owner.github.io/greenpath/, a user or
 * organisation site (`owner/owner.github.io`) at the root, and a site with a custom domain at the
 * root of that domain. A build with the wrong base is a site whose every asset is a 404, so
 * whatever says otherwise wins over the repository name, most explicit first:
 * 1. the `GREENPATH_BASE` repository variable;
 * 2. `base` in content/site.yaml;
 * 3. a `public/CNAME` file (a custom domain: the root);
 * 4. the URL GitHub reports for the Pages site (actions/configure-pages' `base_url`), which knows
 *    a custom domain set in the repository's settings: with an Actions deployment, that is where
 *    the domain lives, and a CNAME file is not needed;
 * 5. the repository name.
 * The site URL follows the same order: content/site.yaml `url`, the CNAME domain, the Pages URL's
 * origin, `https://<owner>.github.io`.
 */
import { parse } from 'yaml';
import { normaliseBase } from '../../src/lib/urls-base';

export interface PagesInputs {
  /** `owner/name`, as GitHub gives it in GITHUB_REPOSITORY. */
  repository: string;
  /** The `GREENPATH_BASE` repository variable; empty when unset. */
  baseOverride?: string | undefined;
  /** `base` and `url` from content/site.yaml, when the file has them. */
  siteConfig?: { base?: string | undefined; url?: string | undefined } | undefined;
  /** The contents of public/CNAME, when the file exists. */
  cname?: string | undefined;
  /** actions/configure-pages' `base_url` output, such as `https://owner.github.io/repo`. */
  pagesUrl?: string | undefined;
}

export interface PagesSite {
  basePath: string;
  siteUrl: string;
  /** Which input decided the base, for the log. */
  reason: string;
}

/** Thrown with every problem of the inputs, one a line. */
export class PagesInputError extends Error {}

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/i;
const BASE = /^\/?(?:[A-Za-z0-9._~-]+\/?)*$/;

export function pagesSite(inputs: PagesInputs): PagesSite {
  const problems: string[] = [];
  const blank = (value: string | undefined) => (value ?? '').trim() === '';

  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9._-]+)$/.exec(inputs.repository.trim());
  if (!match) problems.push(`GITHUB_REPOSITORY: expected owner/name, found ${JSON.stringify(inputs.repository)}`);
  const owner = (match?.[1] ?? '').toLowerCase();
  const name = match?.[2] ?? '';

  const checkBase = (source: string, value: string | undefined) => {
    if (blank(value)) return undefined;
    const trimmed = (value ?? '').trim();
    if (BASE.test(trimmed) && !/(^|\/)\.\.?(\/|$)/.test(trimmed)) return normaliseBase(trimmed);
    problems.push(`${source}: expected a path such as /docs/ or /, found ${JSON.stringify(value)}`);
    return undefined;
  };
  const override = checkBase('GREENPATH_BASE', inputs.baseOverride);
  const configBase = checkBase('content/site.yaml base', inputs.siteConfig?.base);

  const originOf = (source: string, value: string | undefined) => {
    if (blank(value)) return undefined;
    try {
      const url = new URL((value ?? '').trim());
      if (url.protocol === 'https:' || url.protocol === 'http:') return { origin: url.origin, path: url.pathname };
    } catch {
      // Reported below with what was found.
    }
    problems.push(`${source}: expected an http(s) URL, found ${JSON.stringify(value)}`);
    return undefined;
  };
  const configUrl = originOf('content/site.yaml url', inputs.siteConfig?.url);
  const pagesUrl = originOf('Pages base_url', inputs.pagesUrl);

  // GitHub reads the first line of CNAME as the domain; a scheme or path there is a mistake.
  let domain: string | undefined;
  if (!blank(inputs.cname)) {
    const first = (inputs.cname ?? '').trim().split(/\r?\n/)[0]?.trim() ?? '';
    if (HOST.test(first)) domain = first.toLowerCase();
    else problems.push(`public/CNAME: expected a domain name such as docs.example.org, found ${JSON.stringify(first)}`);
  }

  if (problems.length > 0) throw new PagesInputError(problems.join('\n'));

  const siteUrl =
    configUrl?.origin ?? (domain ? `https://${domain}` : undefined) ?? pagesUrl?.origin ?? `https://${owner}.github.io`;
  const userSite = name.toLowerCase() === `${owner}.github.io`;
  const [basePath, reason] =
    override !== undefined
      ? [override, 'the GREENPATH_BASE variable']
      : configBase !== undefined
        ? [configBase, 'base in content/site.yaml']
        : domain
          ? ['/', `the custom domain in public/CNAME (${domain})`]
          : pagesUrl
            ? [normaliseBase(pagesUrl.path), `the Pages site URL (${inputs.pagesUrl?.trim() ?? ''})`]
            : userSite
              ? ['/', `a user or organisation site (${name})`]
              : [normaliseBase(name), `a project site (${name})`];
  return { basePath, siteUrl, reason };
}

/**
 * `base` and `url` from the text of content/site.yaml: the two keys this decision needs, whatever
 * else the file holds (the site's own schema checks the rest when it builds).
 */
export function siteConfigOf(text: string): { base?: string; url?: string } {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new PagesInputError(`content/site.yaml: expected YAML, found an error: ${(error as Error).message}`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new PagesInputError('content/site.yaml: expected a mapping of keys to values');
  }
  const record = data as Record<string, unknown>;
  const problems: string[] = [];
  const config: { base?: string; url?: string } = {};
  for (const key of ['base', 'url'] as const) {
    const value = record[key];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') config[key] = value;
    else problems.push(`content/site.yaml ${key}: expected a string, found ${JSON.stringify(value)}`);
  }
  if (problems.length > 0) throw new PagesInputError(problems.join('\n'));
  return config;
}
