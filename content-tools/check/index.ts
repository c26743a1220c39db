/**
 * The content check: every problem of every guide in a folder, in one report. It extends the
 * folder check of `../guide-files.ts` (encoding, YAML, schema, unknown keys, duplicate slugs,
 * limits, safety) with the rules in this folder: links and anchors, mojibake, invisible
 * characters, entities, reading time, alt text, duplicate titles, tags, empty bodies, heading
 * levels. `npm run check:content`, `npm run fix:content`, the importer and the build's content
 * guard all call `checkContent`. Node only: it reads the folder and `public/`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sortDiagnostics, type Diagnostic, type Severity } from '../../src/schemas/errors';
import { isDraft } from '../../src/schemas/guide';
import type { ParsedGuideSource } from '../frontmatter';
import { checkGuideFolder, siteFileLanguages } from '../guide-files';
import type { Language } from '../../src/lib/languages';
import { guidesDir } from '../../src/data/guides-dir';
import { buildLibrary, type GuideInput } from '../../src/lib/library';
import { publicFileExists } from '../../src/data/public-files';
import { DEFAULT_TAGS_FILE, loadTagVocabulary } from '../../src/data/tag-vocabulary';
import { PAGE_PATHS, SHARED_PAGES } from '../../src/lib/urls';
import { normaliseBase } from '../../src/lib/urls-base';
import { keepTreeForRender } from '../../src/markdown/remark-reuse-parse';
import { analyseBody, type AnalyseOptions, type BodyAnalysis } from './analyse';
import { AnalysisCache, analysisKey } from './analysis-cache';
import { imageAltDiagnostics } from './images';
import { bodyLinkDiagnostics, LINK_RULES, referenceDiagnostics, type SiteGuide, type SiteIndex } from './links';
import { mdxImportDiagnostics, type ImportResolver } from './mdx-imports';
import { mdxRenderDiagnostics } from './mdx-names';
import { readingTimeDiagnostics } from './reading-time';
import { routesFromPaths, type Route } from './routes';
import { emptyBodyDiagnostics, headingLevelDiagnostics } from './structure';
import { tagDiagnostics } from './tags';
import { textDiagnostics } from './text';
import { duplicateTitleDiagnostics } from './titles';
import { checkTranslations, type TranslationRecord } from './translations';
import type { TranslationStatus } from '../../src/lib/translation-status';
import { diagnostic, type GuideRecord } from './types';

export { LINK_RULES };
export type { GuideRecord };

export interface ContentCheckOptions {
  /** The guides folder; `GUIDES_DIR` or `content/guides` by default. */
  dir?: string;
  /** What paths are relative to; the working directory by default. */
  root?: string;
  /** `warn` reports broken links and images as warnings instead of errors. */
  links?: 'error' | 'warn';
  /** Tags outside the vocabulary are errors instead of warnings. */
  strictTags?: boolean;
  /** The controlled vocabulary, relative to `root`. */
  tagsFile?: string;
  /** The site's base path; `BASE_PATH` by default. Links written with it are accepted. */
  basePath?: string;
  /** File contents to check instead of the disk's (a dry run's result), by path relative to `dir`. */
  files?: ReadonlyMap<string, Uint8Array>;
  /** Reuse the body analyses of unchanged guides from `.greenpath/cache/` (default true). */
  cache?: boolean;
  /**
   * Keep each Markdown guide's syntax tree for the render of the same build, which then does not
   * parse it again (src/markdown/remark-reuse-parse.ts). Only the build's content guard asks.
   */
  keepTreesForRender?: boolean;
  /** The site's languages, the default first; site.yaml's under `root` by default. */
  languages?: readonly Language[];
  /** Git dates by path from `root`, instead of asking git (tests). */
  gitDates?: ReadonlyMap<string, string>;
}

export interface ContentReport {
  dir: string;
  guides: GuideRecord[];
  /** Sorted by file, line and column. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** How long the check took, in milliseconds. */
  ms: number;
  /** How many guides' analyses came from the cache. */
  cached: number;
  /** Per language, the translated, out-of-date and missing guides (`--translations`). */
  translations: TranslationStatus<TranslationRecord>;
}

/**
 * The routes of this site: the page paths of ../../src/lib/urls.ts, and those every other
 * language has again under `/<code>/`.
 */
export function siteRoutes(languages: readonly Language[] = []): Route[] {
  const local = Object.entries(PAGE_PATHS)
    .filter(([name]) => !SHARED_PAGES.includes(name as keyof typeof PAGE_PATHS))
    .map(([, pagePath]) => pagePath);
  return [
    ...routesFromPaths(Object.values(PAGE_PATHS)),
    ...languages
      .filter((language) => !language.isDefault)
      .flatMap((language) =>
        routesFromPaths(
          local.map((pagePath) => `${language.code}/${pagePath}`),
          language.code,
        ),
      ),
  ];
}

/** Describes the site a build of these guides makes. */
export function buildSiteIndex(
  guides: readonly GuideRecord[],
  options: { root: string; dir: string; basePath: string; routes: readonly Route[]; defaultLanguage?: string },
): SiteIndex {
  const siteGuides = new Map<string, SiteGuide>();
  const guideByFile = new Map<string, string>();
  // Each language's published guides: its tag, level and series pages are its own library's.
  const published = new Map<string, GuideInput[]>();
  const defaultLang = options.defaultLanguage ?? guides.find((guide) => guide.id === guide.slug)?.lang;
  for (const guide of guides) {
    guideByFile.set(guide.relativePath, guide.id);
    if (!siteGuides.has(guide.id)) {
      siteGuides.set(guide.id, {
        slug: guide.slug,
        anchors: guide.analysis.anchors,
        headingIds: guide.analysis.headings.filter((h) => !h.droppedAsTitle).map((h) => h.slug),
        draft: guide.draft,
      });
    }
    if (guide.draft || !guide.frontmatter) continue;
    const { words, readingMinutes, firstParagraph } = guide.analysis;
    const facts = { words, readingMinutes, firstParagraph };
    const inLanguage = published.get(guide.lang) ?? [];
    inLanguage.push({ id: guide.id, slug: guide.slug, data: guide.frontmatter, facts, filePath: guide.relativePath });
    published.set(guide.lang, inLanguage);
  }
  // The tag, level and series pages a build makes are the library's, built by the build's own code.
  const libraries = new Map([...published].map(([lang, inputs]) => [lang, buildLibrary(inputs, {}, { lang })]));
  const library = (defaultLang && libraries.get(defaultLang)) || buildLibrary([]);
  const absDir = path.resolve(options.root, options.dir);
  return {
    guides: siteGuides,
    guideByFile,
    tags: new Set(library.tagsBySlug.keys()),
    series: new Set(library.seriesBySlug.keys()),
    difficulties: library.difficulties.map((d) => d.level),
    languages: new Map(
      [...libraries]
        .filter(([lang]) => lang !== defaultLang)
        .map(([lang, lib]) => [
          lang,
          { tags: new Set(lib.tagsBySlug.keys()), series: new Set(lib.seriesBySlug.keys()) },
        ]),
    ),
    routes: options.routes,
    basePath: options.basePath,
    publicFileExists: (sitePath) => publicFileExists(sitePath, options.root),
    guideFolderFileExists: (relative) => existsSync(path.join(absDir, relative)),
  };
}

export async function checkContent(options: ContentCheckOptions = {}): Promise<ContentReport> {
  const started = performance.now();
  const root = options.root ?? process.cwd();
  const dir = options.dir ?? guidesDir();
  const cache = await AnalysisCache.open(root, dir, options.cache !== false);
  // One analysis per guide, from the cache when the guide is unchanged; the folder check asks
  // for it too (a missing description's stand-in), so it is computed at most once.
  const analyses = new Map<string, BodyAnalysis>();
  const analysisFor = (relativePath: string, parsed: ParsedGuideSource, body = parsed.body): BodyAnalysis => {
    const known = analyses.get(relativePath);
    if (known) return known;
    const mdx = /\.mdx$/i.test(relativePath);
    const analyseOptions: AnalyseOptions = { bodyLine: parsed.bodyLine, mdx, frontmatter: parsed.data };
    if (options.keepTreesForRender) {
      // The path as Astro's glob loader gives it to the render.
      const filePath = path.resolve(root, dir, relativePath);
      analyseOptions.keepTree = (text, tree) => keepTreeForRender(filePath, text, tree);
    }
    // Positions in the analysis are file lines, so the body's first line is part of the key.
    const key = analysisKey(`${parsed.bodyLine}\0${body}`, mdx, parsed.data);
    let analysis = cache.get(key);
    if (!analysis) {
      analysis = analyseBody(body, analyseOptions);
      cache.set(key, analysis);
    }
    analyses.set(relativePath, analysis);
    return analysis;
  };
  const languages = options.languages ?? siteFileLanguages(root);
  const folder = await checkGuideFolder(dir, root, {
    languages,
    ...(options.files ? { files: options.files } : {}),
    firstParagraphOf: (relativePath, parsed) => analysisFor(relativePath, parsed).firstParagraph,
  });
  const diagnostics: Diagnostic[] = [...folder.diagnostics];

  // A guide over the input limits is never parsed (see ../input-limits.ts).
  const overLimits = new Set(folder.diagnostics.filter((d) => d.rule === 'input-limit').map((d) => d.file));
  const guides: GuideRecord[] = folder.guides.map((guide) => {
    const data = guide.parsed.data;
    const draft = isDraft(guide.frontmatter ?? data);
    const over = overLimits.has(guide.displayPath);
    const analysis = analysisFor(guide.relativePath, guide.parsed, over ? '' : guide.parsed.body);
    const mdx = /\.mdx$/i.test(guide.relativePath);
    return { ...guide, bodyStart: guide.source.length - guide.parsed.body.length, mdx, draft, analysis };
  });
  await cache.save();

  const site = buildSiteIndex(guides, {
    root,
    dir,
    basePath: normaliseBase(options.basePath ?? process.env['BASE_PATH']),
    routes: siteRoutes(languages),
    ...(languages[0] ? { defaultLanguage: languages[0].code } : {}),
  });
  const tagsFile = options.tagsFile ?? DEFAULT_TAGS_FILE;
  const vocabulary = loadTagVocabulary(tagsFile, root);
  const linkSeverity: Severity = options.links === 'warn' ? 'warning' : 'error';
  const resolver: ImportResolver = {
    projectFileExists: (relative) => existsSync(path.join(root, relative)),
    guideFolderFileExists: (relative) => site.guideFolderFileExists(relative),
    packageExists: (name) => existsSync(path.join(root, 'node_modules', name, 'package.json')),
  };

  for (const guide of guides) {
    if (overLimits.has(guide.displayPath)) continue;
    const { parseError } = guide.analysis;
    if (parseError) {
      diagnostics.push(diagnostic(guide, parseError, 'error', 'mdx', `MDX does not compile: ${parseError.message}`));
    }
    diagnostics.push(
      ...textDiagnostics({ ...guide, codeRanges: guide.analysis.codeRanges }),
      ...bodyLinkDiagnostics(guide, site, linkSeverity),
      ...referenceDiagnostics(guide, site, linkSeverity),
      ...imageAltDiagnostics(guide),
      ...readingTimeDiagnostics(guide),
      ...tagDiagnostics(guide, vocabulary, tagsFile, options.strictTags ? 'error' : 'warning'),
      ...emptyBodyDiagnostics(guide),
      ...headingLevelDiagnostics(guide),
      ...mdxImportDiagnostics(guide, resolver),
      ...mdxRenderDiagnostics(guide),
    );
  }
  diagnostics.push(...duplicateTitleDiagnostics(guides));
  const translations = await checkTranslations(guides, languages, {
    root,
    dir,
    ...(options.gitDates ? { gitDates: options.gitDates } : {}),
  });
  diagnostics.push(...translations.diagnostics);

  const sorted = sortDiagnostics(diagnostics);
  return {
    dir,
    guides,
    diagnostics: sorted,
    errors: sorted.filter((d) => d.severity === 'error').length,
    warnings: sorted.filter((d) => d.severity === 'warning').length,
    ms: performance.now() - started,
    cached: cache.hitCount,
    translations: translations.status,
  };
}
