/**
 * `npm run import`: brings Jekyll collections and Docusaurus- or Hugo-style Markdown into a
 * guides folder. For each source file:
 * 1. repair its encoding as `fix:content` does (conversion when certain, mojibake, entities);
 * 2. read its front matter (a file whose YAML is broken is skipped with the line);
 * 3. give it a slug (the file name, a Docusaurus `id` or `slug`, a folder prefix when two collide)
 *    and refuse to overwrite an existing guide unless `--force`;
 * 4. normalise the front matter to our schema (./normalise.ts) and check it against the schema;
 * 5. keep the body byte for byte, except link URLs whose target's slug changed (and links to
 *    source files such as `../setup.md`) and images copied with `--assets`;
 * 6. write each guide atomically (temporary file, then rename), so an interrupted import leaves
 *    whole guides or none.
 * Files that cannot be imported are reported with line and reason; the others still import. At
 * the end the whole content check runs on the guides folder. Node only.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic, type AtomicWriteHooks } from '../../src/node/atomic-write';
import { analyseBody, type LinkFact } from '../check/analyse';
import type { CodePage } from '../check/codepages';
import { decodeGuideBytes } from '../check/encoding';
import { checkContent, type ContentReport } from '../check';
import { repairGuideBytes, type TextRepair } from '../check/repair';
import { safeDecodeURIComponent } from '../../src/lib/decode-uri';
import type { Difficulty } from '../../src/lib/difficulty';
import { parseGuideSource, type ParsedGuideSource } from '../frontmatter';
import { checkGuideSource, listGuideFiles } from '../guide-files';
import { PUBLIC_DIR, publicFileExists } from '../../src/data/public-files';
import { dateFromPath, guideSlug, slugify } from '../../src/lib/slug';
import { frontmatterYaml, normaliseFrontmatter } from './normalise';
import { rewriteUrls, type UrlRewrite } from './rewrite';

export interface ImportOptions {
  /** Folders (searched recursively) or single files. */
  sources: readonly string[];
  /** The guides folder to write to; `content/guides` by default. */
  out?: string;
  root?: string;
  dryRun?: boolean;
  /** Overwrite guides that exist already. */
  force?: boolean;
  /** The difficulty of guides that have none. */
  difficulty?: Difficulty;
  /** The tags of guides that have none. */
  tags?: readonly string[];
  /** Field renames, `from` → `to`. */
  map?: Readonly<Record<string, string>>;
  /** A folder inside public/ to copy referenced local images into. */
  assets?: string;
  /** The code page of source files whose encoding is ambiguous. */
  encoding?: CodePage;
  /** For tests: runs between writing a guide's temporary file and renaming it. */
  hooks?: AtomicWriteHooks;
}

export interface ImportProblem {
  line?: number;
  column?: number;
  message: string;
}

export interface ImportedFile {
  /** The source file, relative to the root. */
  source: string;
  /** The guide written (or, in a dry run, that would be), relative to the root. */
  target?: string;
  slug?: string;
  status: 'imported' | 'skipped';
  /** Why the file was skipped. */
  problems: ImportProblem[];
  repairs: TextRepair[];
  /** What was changed on the way in. */
  notes: string[];
  rewrites: UrlRewrite[];
  images: { from: string; to: string }[];
}

export interface ImportResult {
  files: ImportedFile[];
  /** The content check of the guides folder after the import, limited to the imported guides. */
  report: ContentReport;
  dryRun: boolean;
}

const SOURCE_EXTENSIONS = /\.(md|mdx|markdown)$/i;
/** MDX imports that resolve in Greenpath: our own MDX components. */
const OUR_COMPONENTS = /^~\/components\/mdx\//;

interface SourceFile {
  abs: string;
  /** Relative to its source folder, with forward slashes. */
  rel: string;
  sourceRoot: string;
  display: string;
}

interface Candidate extends SourceFile {
  file: ImportedFile;
  text: string;
  parsed: ParsedGuideSource;
  mdx: boolean;
  jekyllDate: string | undefined;
  /** The slug the old site used in URLs. */
  oldSlug: string;
  /** The Docusaurus route below the docs folder (`getting-started/installation`). */
  docPath: string;
  /** The collection's URL segment (`_guides` → `guides`). */
  collection: string;
  slug: string;
  fileDate: string | undefined;
}

const posix = (p: string) => p.split(path.sep).join('/');

interface Converted {
  problems: ImportProblem[];
  notes: string[];
  rewrites: UrlRewrite[];
  images: { from: string; to: string }[];
  text: string;
  copies: { from: string; to: string }[];
  targetRel: string;
}

async function collect(sources: readonly string[], root: string): Promise<SourceFile[]> {
  const out: SourceFile[] = [];
  for (const source of sources) {
    const abs = path.resolve(root, source);
    const info = await stat(abs);
    if (info.isFile()) {
      out.push({
        abs,
        rel: path.basename(abs),
        sourceRoot: path.dirname(abs),
        display: posix(path.relative(root, abs)),
      });
      continue;
    }
    const entries = await readdir(abs, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      if (!entry.isFile() || !SOURCE_EXTENSIONS.test(entry.name)) continue;
      const file = path.join(entry.parentPath, entry.name);
      const rel = posix(path.relative(abs, file));
      // Partials, drafts folders, `_category_` files and dependencies are not guides.
      if (rel.split('/').some((part) => part.startsWith('_') || part.startsWith('.') || part === 'node_modules'))
        continue;
      out.push({ abs: file, rel, sourceRoot: abs, display: posix(path.relative(root, file)) });
    }
  }
  return out.sort((a, b) => a.display.localeCompare(b.display));
}

function emptyFile(source: SourceFile): ImportedFile {
  return { source: source.display, status: 'skipped', problems: [], repairs: [], notes: [], rewrites: [], images: [] };
}

/** Reads, repairs and parses one source file; problems mark it skipped. */
async function read(source: SourceFile, options: ImportOptions): Promise<Candidate | ImportedFile> {
  const file = emptyFile(source);
  const bytes = await readFile(source.abs);
  const repaired = repairGuideBytes(bytes, options.encoding ? { encoding: options.encoding } : {});
  if (repaired.refused) {
    const invalid = decodeGuideBytes(bytes).invalid;
    file.problems.push({
      ...(invalid ? { line: invalid.line, column: invalid.column } : {}),
      message: `${repaired.refused}`,
    });
    return file;
  }
  file.repairs = repaired.repairs;
  const text = repaired.text;
  const parsed = parseGuideSource(text);
  if (parsed.format === 'toml') {
    file.problems.push({
      ...parsed.locate([]),
      message: 'TOML front matter (+++) is not supported: write it as YAML between --- lines',
    });
    return file;
  }
  for (const error of parsed.yamlErrors) {
    file.problems.push({ line: error.line, column: error.column, message: `YAML syntax: ${error.message}` });
  }
  if (file.problems.length) return file;

  const name = path.basename(source.rel).replace(SOURCE_EXTENSIONS, '');
  const dir = path.posix.dirname(source.rel);
  const isIndex = /^(index|readme)$/i.test(name) && dir !== '.';
  const jekyllDate = dateFromPath(source.rel);
  const stem = isIndex ? path.posix.basename(dir) : name.replace(/^\d{4}-\d{2}-\d{2}-/, '');
  const declared = ['slug', 'id']
    .map((key) => parsed.data[key])
    .find((value): value is string => typeof value === 'string' && value.trim() !== '');
  const oldSlug = declared ? (declared.replace(/\/+$/, '').split('/').pop() ?? stem) : stem;
  const docPath = isIndex
    ? dir
    : path.posix.join(dir, typeof parsed.data['id'] === 'string' ? parsed.data['id'] : name);
  const modified = (await stat(source.abs)).mtime;
  return {
    ...source,
    file,
    text,
    parsed,
    mdx: /\.mdx$/i.test(source.rel),
    jekyllDate,
    oldSlug,
    docPath: docPath.replace(/^\.\//, ''),
    collection: path.basename(source.sourceRoot).replace(/^_/, ''),
    slug: slugify(oldSlug),
    fileDate: Number.isNaN(modified.getTime()) ? undefined : modified.toISOString().slice(0, 10),
  };
}

/** Two imported guides with one slug: the later ones take their folders as a prefix. */
function assignSlugs(candidates: Candidate[]): void {
  const taken = new Set<string>();
  const byDepth = [...candidates].sort(
    (a, b) => a.rel.split('/').length - b.rel.split('/').length || a.rel.localeCompare(b.rel),
  );
  for (const c of byDepth) {
    let slug = c.slug;
    if (taken.has(slug)) {
      const folders = path.posix
        .dirname(c.rel)
        .split('/')
        .filter((p) => p !== '.');
      slug = slugify([...folders, c.slug].join('-'));
      for (let n = 2; taken.has(slug); n++) slug = `${slugify([...folders, c.slug].join('-'))}-${n}`;
      c.file.notes.push(`slug: "${c.slug}" is taken by another imported guide, so this one is "${slug}"`);
    } else if (slug !== c.oldSlug) c.file.notes.push(`slug: "${c.oldSlug}" becomes "${slug}"`);
    c.slug = slug;
    taken.add(slug);
  }
}

function splitUrl(url: string): { pathPart: string; suffix: string } {
  const cut = url.search(/[?#]/);
  return cut === -1 ? { pathPart: url, suffix: '' } : { pathPart: url.slice(0, cut), suffix: url.slice(cut) };
}

const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

export async function runImport(options: ImportOptions): Promise<ImportResult> {
  const root = options.root ?? process.cwd();
  const outDir = options.out ?? 'content/guides';
  const absOut = path.resolve(root, outDir);
  const absPublic = path.resolve(root, PUBLIC_DIR);
  const absAssets = options.assets ? path.resolve(root, options.assets) : undefined;
  if (absAssets && !`${absAssets}${path.sep}`.startsWith(`${absPublic}${path.sep}`)) {
    throw new Error(`--assets: expected a folder inside ${PUBLIC_DIR}/, found ${options.assets}`);
  }

  const files: ImportedFile[] = [];
  const candidates: Candidate[] = [];
  for (const source of await collect(options.sources, root)) {
    const result = await read(source, options);
    if ('parsed' in result) candidates.push(result);
    files.push('parsed' in result ? result.file : result);
  }
  assignSlugs(candidates);

  // Guides already in the folder keep their slugs; an import never takes one.
  const existing = new Map<string, string>();
  if (existsSync(absOut)) {
    for (const rel of await listGuideFiles(absOut)) {
      const parsed = parseGuideSource(await readFile(path.join(absOut, rel), 'utf8'));
      existing.set(guideSlug(rel, parsed.data), rel);
    }
  }

  const bySlugOld = new Map<string, string>();
  const byAbs = new Map<string, string>();
  const byDocPath = new Map<string, string>();
  for (const c of candidates) {
    bySlugOld.set(c.oldSlug, c.slug);
    byAbs.set(c.abs, c.slug);
    byDocPath.set(c.docPath, c.slug);
  }
  const renamedSlug = (slug: string) => {
    const now = bySlugOld.get(slug);
    return now !== undefined && now !== slug ? now : undefined;
  };

  /** The new URL of a link whose target moved; `undefined` leaves the link as written. */
  const newLinkUrl = (c: Candidate, link: LinkFact): string | undefined => {
    if (EXTERNAL.test(link.url) || link.url.startsWith('#')) return undefined;
    const { pathPart, suffix } = splitUrl(link.url);
    const hash = suffix.includes('#') ? suffix.slice(suffix.indexOf('#')) : '';
    if (!pathPart.startsWith('/')) {
      const target = path.resolve(path.dirname(c.abs), safeDecodeURIComponent(pathPart));
      for (const candidate of [target, `${target}.md`, `${target}.mdx`, path.join(target, 'index.md')]) {
        const slug = byAbs.get(candidate);
        if (slug) return `/guides/${slug}/${hash}`;
      }
      return undefined;
    }
    const parts = safeDecodeURIComponent(pathPart)
      .replace(/\.html$/, '')
      .split('/')
      .filter(Boolean);
    const [first, ...rest] = parts;
    if (first === undefined) return undefined;
    // Jekyll collection URLs (/guides/old-slug/) and Docusaurus doc routes (/docs/a/b).
    if ((first === 'guides' || first === c.collection) && rest.length === 1) {
      const slug = bySlugOld.get(rest[0] as string);
      if (slug !== undefined && (slug !== rest[0] || first !== 'guides')) return `/guides/${slug}/${hash}`;
    }
    if (first === c.collection && rest.length >= 1) {
      const slug = byDocPath.get(rest.join('/'));
      if (slug !== undefined) return `/guides/${slug}/${hash}`;
    }
    return undefined;
  };

  /** A local image's file in the source, searched from the file, the source folder and its site root. */
  const findImage = (c: Candidate, url: string): string | undefined => {
    if (EXTERNAL.test(url)) return undefined;
    const clean = safeDecodeURIComponent(splitUrl(url).pathPart);
    if (!clean) return undefined;
    if (!clean.startsWith('/')) {
      const file = path.resolve(path.dirname(c.abs), clean);
      return existsSync(file) ? file : undefined;
    }
    const roots = [c.sourceRoot, path.dirname(c.sourceRoot), path.dirname(path.dirname(c.sourceRoot))];
    for (const base of roots) {
      for (const sub of ['', 'static', 'public']) {
        const file = path.join(base, sub, clean);
        if (existsSync(file)) return file;
      }
    }
    return undefined;
  };

  /** One guide's output, or the problems that stop it. Pure apart from reading the maps above. */
  const convert = (c: Candidate): Converted => {
    const { parsed } = c;
    const file: Converted = { problems: [], notes: [], rewrites: [], images: [], text: '', copies: [], targetRel: '' };
    const ext = c.mdx ? 'mdx' : 'md';
    const targetRel = c.jekyllDate ? `${c.jekyllDate}-${c.slug}.${ext}` : `${c.slug}.${ext}`;
    const targetDisplay = posix(path.relative(root, path.join(absOut, targetRel)));
    file.targetRel = targetRel;

    const owner = existing.get(c.slug);
    if (owner !== undefined && owner !== targetRel) {
      file.problems.push({ message: `the slug "${c.slug}" is taken by ${posix(path.join(outDir, owner))}` });
    } else if (existsSync(path.join(absOut, targetRel)) && !options.force) {
      file.problems.push({ message: `${targetDisplay} exists; pass --force to overwrite it` });
    }

    const analysis = analyseBody(parsed.body, { bodyLine: parsed.bodyLine, mdx: c.mdx, frontmatter: parsed.data });
    if (c.mdx) {
      if (analysis.parseError) {
        const { line, column, message } = analysis.parseError;
        file.problems.push({ line, column, message: `MDX does not compile: ${message}` });
      }
      parsed.body.split('\n').forEach((line, i) => {
        const from = /^import\s[^'"]*['"]([^'"]+)['"]/.exec(line)?.[1];
        if (from && !OUR_COMPONENTS.test(from)) {
          file.problems.push({
            line: parsed.bodyLine + i,
            column: 1,
            message: `imports "${from}", which Greenpath does not have (guides may import from src/components/mdx/)`,
          });
        }
      });
    }

    const firstHeading = analysis.headings.find((h) => h.depth === 1)?.text.trim();
    const normalised = normaliseFrontmatter(parsed.data, {
      map: options.map ?? {},
      firstHeading,
      fileNameDate: c.jekyllDate,
      fileDate: c.fileDate,
      defaultDifficulty: options.difficulty,
      defaultTags: options.tags,
      renamedSlug,
    });
    file.notes.push(...normalised.notes);
    for (const field of normalised.missing) {
      file.problems.push({ line: 1, column: 1, message: `missing required field ${field}` });
    }

    // Images: copied into --assets when the source has them, and the reference rewritten.
    const copies: { from: string; to: string }[] = [];
    const imageUrl = (url: string): string | undefined => {
      if (EXTERNAL.test(url) || publicFileExists(url, root)) return undefined;
      const found = findImage(c, url);
      if (!found) {
        file.notes.push(`image ${url}: not in the source either; the check reports it`);
        return undefined;
      }
      if (!absAssets) {
        file.notes.push(`image ${url}: found in the source; pass --assets ${PUBLIC_DIR}/images/imported to copy it`);
        return undefined;
      }
      const dest = path.join(absAssets, c.slug, path.basename(found));
      copies.push({ from: found, to: dest });
      return `/${posix(path.relative(absPublic, dest))}`;
    };
    const data = { ...normalised.data };
    if (typeof data['image'] === 'string') {
      const moved = imageUrl(data['image']);
      if (moved) {
        file.images.push({ from: data['image'], to: moved });
        data['image'] = moved;
      }
    }
    const { body, rewrites } = rewriteUrls(parsed.body, analysis.links, (link) => {
      if (link.kind === 'image' || link.kind === 'html-image') {
        const moved = imageUrl(link.url);
        if (moved) file.images.push({ from: link.url, to: moved });
        return moved;
      }
      return newLinkUrl(c, link);
    });
    file.rewrites = rewrites.filter((r) => !file.images.some((i) => i.from === r.from));
    const liquid = parsed.body.split('\n').flatMap((line, i) => (/\{%|\{\{/.test(line) ? [parsed.bodyLine + i] : []));
    if (liquid.length) file.notes.push(`Liquid tags kept as text on line ${liquid.join(', ')}`);

    // The body is everything after the closing --- line, blank line included: it stays as it was.
    const text = `---\n${frontmatterYaml(data)}---\n${parsed.hasFrontmatter ? '' : '\n'}${body}`;

    if (file.problems.length === 0) {
      const { diagnostics } = checkGuideSource(targetRel, targetDisplay, text);
      for (const d of diagnostics.filter((x) => x.severity === 'error')) {
        const at = d.field ? parsed.locate(d.field.split(/\.|\[(\d+)\]/).filter(Boolean)) : { line: 1, column: 1 };
        file.problems.push({ ...at, message: d.message });
      }
    }
    file.text = text;
    file.copies = copies;
    return file;
  };

  // Two passes: links to a guide that turns out not to import stay as they were written.
  for (const c of candidates) {
    if (convert(c).problems.length === 0) continue;
    byAbs.delete(c.abs);
    byDocPath.delete(c.docPath);
    if (bySlugOld.get(c.oldSlug) === c.slug) bySlugOld.delete(c.oldSlug);
  }
  const outputs: { targetRel: string; text: string; copies: { from: string; to: string }[] }[] = [];
  for (const c of candidates) {
    const result = convert(c);
    const { file } = c;
    file.slug = c.slug;
    file.target = posix(path.relative(root, path.join(absOut, result.targetRel)));
    file.problems.push(...result.problems);
    file.notes.push(...result.notes);
    file.rewrites = result.rewrites;
    file.images = result.images;
    if (file.problems.length) continue;
    file.status = 'imported';
    outputs.push({ targetRel: result.targetRel, text: result.text, copies: result.copies });
  }

  const written = new Map<string, Uint8Array>();
  for (const { targetRel, text, copies } of outputs) {
    const bytes = new TextEncoder().encode(text);
    written.set(targetRel, bytes);
    if (options.dryRun) continue;
    for (const copy of copies) await writeFileAtomic(copy.to, await readFile(copy.from));
    await writeFileAtomic(path.join(absOut, targetRel), bytes, options.hooks);
  }

  const report = await checkContent({ root, dir: outDir, ...(options.dryRun ? { files: written } : {}) });
  const targets = new Set(outputs.map((o) => posix(path.relative(root, path.join(absOut, o.targetRel)))));
  // A dry run copies no images, so the check cannot find the ones it would have copied.
  const wouldCopy = new Set(files.flatMap((f) => f.images.map((i) => i.to)));
  const diagnostics = report.diagnostics.filter(
    (d) =>
      targets.has(d.file) &&
      !(options.dryRun && /image/.test(d.rule) && [...wouldCopy].some((url) => d.message.includes(url))),
  );
  return {
    files,
    report: {
      ...report,
      diagnostics,
      errors: diagnostics.filter((d) => d.severity === 'error').length,
      warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    },
    dryRun: Boolean(options.dryRun),
  };
}
