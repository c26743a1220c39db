/**
 * Reads a folder of guides and validates every file against the schema, collecting every problem
 * of every file in one pass. The build runs this before Astro writes anything (see
 * `src/integrations/content-guard/index.ts`), so a bad guide fails the build with all its errors at once.
 * Node only.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { guideSchema, KNOWN_GUIDE_KEYS, type GuideFrontmatter } from '../src/schemas/guide';
import { issuesToDiagnostics, type Diagnostic } from '../src/schemas/errors';
import { parseGuideSource, type ParsedGuideSource } from './frontmatter';
import { checkInputLimits } from './input-limits';
import { checkBodySafety } from './markdown-safety';
import { decodeGuideBytes, encodingDiagnostics } from './check/encoding';
import { bodyFacts } from '../src/lib/markdown-text';
import { nearest } from '../src/lib/nearest';
import { publicFileExists } from '../src/data/public-files';
import { guideSlug } from '../src/lib/slug';
import { guideId, languageOfGuideFile, siteLanguages, type Language } from '../src/lib/languages';
import { loadSiteConfig } from '../src/data/site-config';

/**
 * The site's languages, from site.yaml (`SITE_CONFIG`, or `file`) under `root`: which folders hold
 * translations. A site file that is wrong gives the default language alone: its problems are the
 * site check's to report (src/data/site-config.ts).
 */
export function siteFileLanguages(root: string = process.cwd(), file?: string): Language[] {
  try {
    return siteLanguages(loadSiteConfig(file, root).config);
  } catch {
    // A folder checked outside a Greenpath project (no tokens.css to read): one language, the schema's default.
    return siteLanguages({ language: 'en', languages: [] });
  }
}

export const GUIDE_EXTENSIONS = /\.(md|mdx)$/i;

/** Every guide file below `dir`, relative to it, sorted; files and folders starting with `_` or `.` are skipped. */
export async function listGuideFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !GUIDE_EXTENSIONS.test(entry.name)) continue;
    const rel = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (rel.split('/').some((part) => part.startsWith('_') || part.startsWith('.'))) continue;
    files.push(rel);
  }
  return files.sort();
}

export interface CheckedGuide {
  /** Path relative to the guides folder. */
  relativePath: string;
  /** Path as shown in messages: relative to the project root. */
  displayPath: string;
  slug: string;
  /** The language's code: the default language's, or that of the `<code>/` folder a translation is in. */
  lang: string;
  /** What the collection calls it: the slug, or `<code>/<slug>` for a translation (src/content.config.ts). */
  id: string;
  source: string;
  parsed: ParsedGuideSource;
  /** The schema's output, when the front matter is valid. */
  frontmatter: GuideFrontmatter | undefined;
}

export interface FolderCheck {
  guides: CheckedGuide[];
  diagnostics: Diagnostic[];
}

/** Validates one guide's text. Pure apart from its inputs: used by the folder check and the tests. */
export function checkGuideSource(
  relativePath: string,
  displayPath: string,
  source: string,
  /** The body's first paragraph, when the caller has it already (the content check caches it). */
  firstParagraphOf: (parsed: ParsedGuideSource) => string | undefined = (parsed) =>
    bodyFacts(parsed.body).firstParagraph,
  /** The site's languages, the default first; without them every guide is in one language. */
  languages: readonly Language[] = [{ code: 'en', name: 'English', dir: 'ltr', isDefault: true }],
): {
  guide: CheckedGuide;
  diagnostics: Diagnostic[];
} {
  const parsed = parseGuideSource(source);
  // Limits first: a guide that breaks one is never handed to a Markdown parser, here or in Astro.
  const diagnostics: Diagnostic[] = checkInputLimits(source, { file: displayPath, bodyLine: parsed.bodyLine });
  const withinLimits = diagnostics.length === 0;
  const at = (line: number, column: number) => ({ file: displayPath, line, column });
  for (const problem of parsed.yamlErrors) {
    diagnostics.push({
      ...at(problem.line, problem.column),
      severity: 'error',
      rule: 'yaml',
      message: `YAML syntax: ${problem.message}`,
    });
  }
  let frontmatter: GuideFrontmatter | undefined;
  if (parsed.yamlErrors.length === 0) {
    if (!parsed.hasFrontmatter) {
      diagnostics.push({
        ...at(1, 1),
        severity: 'error',
        rule: 'schema',
        message:
          'front matter: expected a --- block with title, date, difficulty and tags at the top of the file, found none',
      });
    } else {
      const result = guideSchema.safeParse(parsed.data, { reportInput: true });
      if (result.success) frontmatter = result.data;
      else diagnostics.push(...issuesToDiagnostics(result.error.issues, parsed.data, displayPath, parsed.locate));
    }
    if (/\.mdx$/i.test(relativePath) && parsed.data['layout'] !== undefined) {
      // @astrojs/mdx reads `layout` as a component to import, so `layout: guide` fails the build
      // with an unresolvable import "guide"; say what to do instead.
      const { line, column } = parsed.locate(['layout']);
      diagnostics.push({
        ...at(line, column),
        severity: 'error',
        rule: 'schema',
        field: 'layout',
        message:
          'layout: expected no layout field in an .mdx guide (MDX would import it as a layout component), found one',
      });
    }
    for (const key of Object.keys(parsed.data)) {
      if (KNOWN_GUIDE_KEYS.includes(key)) continue;
      const suggestion = nearest(key, KNOWN_GUIDE_KEYS);
      const { line, column } = parsed.locate([key]);
      diagnostics.push({
        ...at(line, column),
        severity: 'warning',
        rule: 'unknown-key',
        field: key,
        message: `${key}: unknown field${suggestion ? `; did you mean \`${suggestion}\`?` : ' (it is ignored)'}`,
      });
    }
  }
  if (withinLimits) {
    diagnostics.push(
      ...checkBodySafety(parsed.body, {
        file: displayPath,
        bodyLine: parsed.bodyLine,
        mdx: /\.mdx$/i.test(relativePath),
      }),
    );
  }
  if (withinLimits && frontmatter && frontmatter.description === undefined) {
    const fallback = firstParagraphOf(parsed);
    diagnostics.push({
      ...at(1, 1),
      severity: 'warning',
      rule: 'missing-description',
      field: 'description',
      message: fallback
        ? `description: missing; the first paragraph stands in ("${fallback.slice(0, 50)}${fallback.length > 50 ? '…' : ''}")`
        : 'description: missing, and the body has no paragraph to stand in for it',
    });
  }
  const slug = guideSlug(relativePath, parsed.data);
  const lang = languageOfGuideFile(relativePath, languages).language.code;
  const id = guideId(slug, lang, languages[0]?.code ?? lang);
  return { guide: { relativePath, displayPath, slug, lang, id, source, parsed, frontmatter }, diagnostics };
}

/**
 * Two guides of one language with one slug: an error on each, naming the other file. A
 * translation shares its original's slug by design: its id is `<code>/<slug>`.
 */
export function duplicateSlugDiagnostics(guides: readonly CheckedGuide[]): Diagnostic[] {
  const byId = new Map<string, CheckedGuide[]>();
  for (const guide of guides) byId.set(guide.id, [...(byId.get(guide.id) ?? []), guide]);
  const out: Diagnostic[] = [];
  for (const group of byId.values()) {
    if (group.length < 2) continue;
    const slug = group[0]!.slug;
    for (const guide of group) {
      const others = group.filter((g) => g !== guide).map((g) => g.displayPath);
      const { line, column } =
        guide.parsed.data['slug'] !== undefined ? guide.parsed.locate(['slug']) : { line: 1, column: 1 };
      out.push({
        file: guide.displayPath,
        line,
        column,
        severity: 'error',
        rule: 'duplicate-slug',
        field: 'slug',
        message: `slug: expected a slug no other guide has, found "${slug}", also the slug of ${others.join(', ')}`,
      });
    }
  }
  return out;
}

/** A hero image whose file is not in public/: a warning, and the page renders no image at all. */
export function missingImageDiagnostics(guides: readonly CheckedGuide[], root: string): Diagnostic[] {
  return guides.flatMap((guide) => {
    const image = guide.frontmatter?.image;
    if (!image || publicFileExists(image, root)) return [];
    const { line, column } = guide.parsed.locate(['image']);
    return [
      {
        file: guide.displayPath,
        line,
        column,
        severity: 'warning' as const,
        rule: 'missing-image',
        field: 'image',
        message: `image: expected a file at public${image}, found none; the guide is published without its hero image`,
      },
    ];
  });
}

export interface FolderCheckOptions {
  /** File contents to use instead of the disk's, by path relative to `dir` (what a dry run would write); new paths are added. */
  files?: ReadonlyMap<string, Uint8Array>;
  /** Supplies a body's first paragraph without parsing it again. */
  firstParagraphOf?: (relativePath: string, parsed: ParsedGuideSource) => string | undefined;
  /** The site's languages, the default first; site.yaml's under `root` by default. */
  languages?: readonly Language[];
}

/**
 * Reads and checks every guide in `dir`; `root` is what displayed paths are relative to. Files
 * are read as bytes: one that is not UTF-8 is reported with the offset of its first bad byte and
 * checked as well as it can be read.
 */
export async function checkGuideFolder(
  dir: string,
  root: string = process.cwd(),
  options: FolderCheckOptions = {},
): Promise<FolderCheck> {
  const absDir = path.resolve(root, dir);
  // Files given in `options.files` count even when they are not on disk yet (a dry run's new guides).
  const onDisk = options.files && !existsSync(absDir) ? [] : await listGuideFiles(absDir);
  const files = options.files ? [...new Set([...onDisk, ...options.files.keys()])].sort() : onDisk;
  const guides: CheckedGuide[] = [];
  const diagnostics: Diagnostic[] = [];
  const languages = options.languages ?? siteFileLanguages(root);
  await Promise.all(
    files.map(async (rel) => {
      const abs = path.join(absDir, rel);
      const displayPath = path.relative(root, abs).split(path.sep).join('/');
      const bytes = options.files?.get(rel) ?? (await readFile(abs));
      const decoded = decodeGuideBytes(bytes);
      const { firstParagraphOf } = options;
      const result = firstParagraphOf
        ? checkGuideSource(rel, displayPath, decoded.text, (parsed) => firstParagraphOf(rel, parsed), languages)
        : checkGuideSource(rel, displayPath, decoded.text, undefined, languages);
      guides.push(result.guide);
      diagnostics.push(...encodingDiagnostics(displayPath, bytes, decoded), ...result.diagnostics);
    }),
  );
  guides.sort((a, b) => a.relativePath.localeCompare(b.relativePath));
  diagnostics.push(...duplicateSlugDiagnostics(guides));
  diagnostics.push(...missingImageDiagnostics(guides, root));
  return { guides, diagnostics };
}
