/**
 * The engine of `npm run new-site`: moves the sample guides and their tag vocabulary into
 * `examples/` (outside the guides folder, so never built, and kept to copy from) and leaves an
 * empty guides folder and a vocabulary of one starter tag, so that `npm run new` works at once.
 * It plans first and refuses, moving nothing, when `examples/` holds anything it would replace.
 * The hero images in public/images/guides/ stay: moving a sample back then needs one `git mv`,
 * and public/ may hold the adopter's own files, which a move could take with it. Node only.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { listGuideFiles } from '../../content-tools/guide-files';
import { shownPath } from './new-guide';

/** The vocabulary a new site starts with: one tag, so that the first `npm run new` has one to use. */
export const STARTER_TAGS = `# The controlled tag vocabulary. Each key is the tag's URL slug; \`label\` is what readers see,
# \`description\` is the one line shown on the tag's page. Guides name tags by slug or by label.
# The sample site's tags are in examples/tags.yaml.
getting-started:
  label: Getting started
  description: First steps, for readers new to the subject.
`;

export const STARTER_TAG = 'getting-started';

const EXAMPLES_README = `# Examples

The sample guides this site started with, moved here by \`npm run new-site\`. Nothing here is
built. To publish one again, move it back with the tags it uses:

\`\`\`sh
git mv examples/guides/2025-08-26-choosing-cloud-regions.md content/guides/
\`\`\`

and copy its tags from \`examples/tags.yaml\` into \`content/tags.yaml\`.
`;

/** The folder kept empty in git, so the guides folder exists in a fresh clone. */
const KEEP = '.gitkeep';

export interface NewSiteOptions {
  root: string;
  /** Relative to `root` (or absolute). */
  guidesDir: string;
  /** Relative to `root`. */
  tagsFile: string;
  /** Relative to `root`. */
  examplesDir: string;
  dryRun: boolean;
  cwd?: string;
}

export interface NewSitePlan {
  moves: { from: string; to: string }[];
  writes: { file: string; text: string }[];
}

export type NewSiteResult =
  { ok: true; plan: NewSitePlan; guides: number; dryRun: boolean } | { ok: false; problems: string[] };

/** Every move and write, or every reason to do none of them. Reads, never writes. */
export async function planNewSite(
  options: Omit<NewSiteOptions, 'dryRun'>,
): Promise<{ ok: true; plan: NewSitePlan; guides: number } | { ok: false; problems: string[] }> {
  const cwd = options.cwd ?? process.cwd();
  const abs = (p: string) => path.resolve(options.root, p);
  const shown = (p: string) => shownPath(p, cwd);
  const guides = abs(options.guidesDir);
  const tags = abs(options.tagsFile);
  const examples = abs(options.examplesDir);
  const exampleGuides = path.join(examples, 'guides');
  const exampleTags = path.join(examples, path.basename(tags));
  const exampleReadme = path.join(examples, 'README.md');
  const problems: string[] = [];

  const entries = existsSync(guides) ? (await readdir(guides)).filter((name) => name !== KEEP).sort() : [];
  const guideCount = existsSync(guides) ? (await listGuideFiles(guides)).length : 0;
  if (guideCount === 0)
    problems.push(
      `${shown(guides)}: expected the sample guides to move, found no guides (is this a new site already?)`,
    );
  if (existsSync(exampleGuides) && (await readdir(exampleGuides)).length > 0)
    problems.push(
      `${shown(exampleGuides)}: expected no folder or an empty one, found files; nothing there is replaced`,
    );
  if (existsSync(tags) && existsSync(exampleTags))
    problems.push(`${shown(exampleTags)}: exists already; it is never replaced`);
  if (problems.length > 0) return { ok: false, problems };

  const moves = entries.map((name) => ({ from: path.join(guides, name), to: path.join(exampleGuides, name) }));
  if (existsSync(tags)) moves.push({ from: tags, to: exampleTags });
  const writes = [{ file: tags, text: STARTER_TAGS }];
  if (!existsSync(path.join(guides, KEEP))) writes.push({ file: path.join(guides, KEEP), text: '' });
  if (!existsSync(exampleReadme)) writes.push({ file: exampleReadme, text: EXAMPLES_README });
  return { ok: true, plan: { moves, writes }, guides: guideCount };
}

/** Plans, then (unless a dry run) moves and writes. */
export async function newSite(options: NewSiteOptions): Promise<NewSiteResult> {
  const planned = await planNewSite(options);
  if (!planned.ok) return planned;
  if (!options.dryRun) {
    for (const { from, to } of planned.plan.moves) {
      await mkdir(path.dirname(to), { recursive: true });
      await rename(from, to);
    }
    for (const { file, text } of planned.plan.writes) {
      await mkdir(path.dirname(file), { recursive: true });
      // The tags file was moved away just now; everything else written here is new.
      await writeFile(file, text, { flag: 'wx' });
    }
  }
  return { ...planned, dryRun: options.dryRun };
}
