/**
 * The site's identity, as `content/site.yaml` gives it (checked at config time by
 * src/data/site-config.ts, provided by src/integrations/site-config.ts): name, copy, links,
 * difficulty labels. Pages, components and browser code import it from here; none reads the YAML.
 */
import config, { difficultyBlurbs, difficultyLabels, guidesDir } from 'virtual:greenpath/site';
import type { Difficulty } from './difficulty';
import { fileInGuidesFolder, guideRepositoryLinks, type GuideRepositoryLinks } from './repository-links';
import { withBase } from './urls';

export const SITE = config;

/** The level names; a module of their own, so browser bundles that show them take nothing else. */
export const DIFFICULTY_LABELS: Record<Difficulty, string> = difficultyLabels;

export const DIFFICULTY_BLURBS: Record<Difficulty, string> = difficultyBlurbs;

/** A link from site.yaml: site paths (`/guides/`) get the base path; other URLs are kept. */
export function siteHref(href: string, base: string): string {
  return href.startsWith('/') ? withBase(href, base) : href;
}

/** "Edit this page", "History" and "Report a problem" for a guide; undefined without `repository`. */
export function guideSourceLinks(
  guide: { filePath: string; title: string },
  pageUrl: string,
  /** The new issue's title, in the page's language. */
  issueTitle: string,
): GuideRepositoryLinks | undefined {
  const repo = config.repository;
  return (
    repo && guideRepositoryLinks(repo, fileInGuidesFolder(guide.filePath, guidesDir), guide.title, pageUrl, issueTitle)
  );
}
