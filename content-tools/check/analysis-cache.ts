/**
 * Remembers each guide's body analysis between runs, so that a build only parses the guides that
 * changed: parsing is most of the check's time, and the check runs before
 * every build. Entries are keyed by a hash of what the analysis reads (body, front matter, MDX or
 * not) and of the code that computes it: the analysis modules, the Markdown plugins and the
 * installed parser versions, so editing any of them empties the cache. The file lives in
 * `.greenpath/cache/` (ignored by git) and is written atomically; concurrent runs can only
 * replace it with another valid cache. Node only.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { TEMP_SUFFIX, writeFileAtomic } from '../../src/node/atomic-write';
import type { BodyAnalysis } from './analyse';

type Stored = Omit<BodyAnalysis, 'anchors'> & { anchors: string[] };

const HOUR = 60 * 60 * 1000;
const WEEK = 7 * 24 * HOUR;

/** The source files and packages whose change can change an analysis. */
const CODE_FILES = [
  'content-tools/check/analyse.ts',
  'content-tools/check/headings.ts',
  // What would stop an MDX guide's page rendering: its names, and calculator props by their schema.
  'content-tools/check/mdx-names.ts',
  'content-tools/check/mdx-props.ts',
  'src/schemas/calculators.ts',
  'src/schemas/errors.ts',
  'src/lib/calculators',
  'src/lib/markdown-text.ts',
  'src/markdown',
];
const PACKAGES = [
  'micromark',
  'mdast-util-from-markdown',
  'remark-mdx',
  'github-slugger',
  '@astrojs/markdown-remark',
  'retext-smartypants',
];

/** A hash of the analysing code as it is on disk now, or `undefined` when it cannot be read. */
export function codeVersion(root: string): string | undefined {
  const hash = createHash('sha256');
  try {
    for (const entry of CODE_FILES) {
      const abs = path.join(root, entry);
      if (!existsSync(abs)) return undefined;
      const files = entry.endsWith('.ts')
        ? [abs]
        : readdirSync(abs)
            .sort()
            .map((f) => path.join(abs, f));
      for (const file of files) hash.update(file).update(readFileSync(file));
    }
    // Read directly: some packages' export maps do not expose their package.json.
    for (const name of PACKAGES) hash.update(readFileSync(path.join(root, 'node_modules', name, 'package.json')));
  } catch {
    return undefined;
  }
  return hash.digest('hex').slice(0, 16);
}

export function analysisKey(body: string, mdx: boolean, frontmatter: Record<string, unknown>): string {
  return createHash('sha256')
    .update(mdx ? 'mdx\0' : 'md\0')
    .update(JSON.stringify(frontmatter))
    .update('\0')
    .update(body)
    .digest('hex')
    .slice(0, 32);
}

export class AnalysisCache {
  private readonly fresh = new Map<string, Stored>();
  private hits = 0;

  private constructor(
    private readonly file: string | undefined,
    private readonly version: string,
    private readonly stored: Map<string, Stored>,
  ) {}

  /** The cache for one guides folder; a disabled cache when `enabled` is false or the code is unreadable. */
  static async open(root: string, guidesDir: string, enabled = true): Promise<AnalysisCache> {
    const version = enabled ? codeVersion(root) : undefined;
    if (!version) return new AnalysisCache(undefined, '', new Map());
    const id = createHash('sha256').update(path.resolve(root, guidesDir)).digest('hex').slice(0, 12);
    const file = path.join(root, '.greenpath/cache/content-check', `${id}.json`);
    let stored = new Map<string, Stored>();
    try {
      const json = JSON.parse(await readFile(file, 'utf8')) as { version?: string; entries?: Record<string, Stored> };
      if (json.version === version && json.entries) stored = new Map(Object.entries(json.entries));
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return new AnalysisCache(file, version, stored);
  }

  get(key: string): BodyAnalysis | undefined {
    const entry = this.stored.get(key);
    if (!entry || !this.file) return undefined;
    this.hits++;
    this.fresh.set(key, entry);
    return { ...entry, anchors: new Set(entry.anchors) };
  }

  set(key: string, analysis: BodyAnalysis): void {
    if (!this.file) return;
    this.fresh.set(key, { ...analysis, anchors: [...analysis.anchors] });
  }

  get hitCount(): number {
    return this.hits;
  }

  /**
   * Writes the entries used in this run (so deleted guides drop out), and removes the caches of
   * folders not checked for a week (test runs check folders of their own) and the temporary
   * files of runs that were killed mid-write.
   */
  async save(): Promise<void> {
    if (!this.file) return;
    const json = JSON.stringify({ version: this.version, entries: Object.fromEntries(this.fresh) });
    try {
      await writeFileAtomic(this.file, json);
      const dir = path.dirname(this.file);
      const now = Date.now();
      for (const name of await readdir(dir)) {
        const file = path.join(dir, name);
        const age = now - (await stat(file)).mtimeMs;
        if (age > (name.endsWith(TEMP_SUFFIX) ? HOUR : WEEK)) await rm(file, { force: true });
      }
    } catch {
      // A read-only checkout still checks; it only checks slower next time.
    }
  }
}
