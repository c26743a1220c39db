/**
 * The engine of `npm run new`: the text of a new guide, and the checks it must pass before it is
 * written. The slug, the tag vocabulary, the front-matter reader and the guide check are the
 * site's own (src/lib/), so the file written is one the build accepts and its slug is the URL the
 * site will publish. The text and the checks are pure; `createGuide` reads the guides folder and
 * writes the one new file, never over another. Node only.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Difficulty } from '../../src/lib/difficulty';
import { parseGuideSource } from '../../content-tools/frontmatter';
import { checkGuideSource, listGuideFiles } from '../../content-tools/guide-files';
import { nearest } from '../../src/lib/nearest';
import { guideSlug, slugify, tagSlug } from '../../src/lib/slug';
import { loadTagVocabulary } from '../../src/data/tag-vocabulary';
import type { TagVocabulary } from '../../src/schemas/tags';

export interface NewGuideFields {
  title: string;
  /** YYYY-MM-DD. */
  date: string;
  difficulty: Difficulty;
  /** Tag slugs, as the vocabulary keys them. */
  tags: readonly string[];
  series?: { name: string; part: number } | undefined;
  mdx: boolean;
}

/** A guide already in the folder, as far as a new one could collide with it. */
export interface ExistingGuide {
  /** As shown in messages. */
  file: string;
  slug: string;
  /** The front matter's `series`, as written (it may be invalid). */
  series: unknown;
}

/** Today in the local time zone, as YYYY-MM-DD: the date an author sees on their calendar. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether `text` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function newGuideFileName(fields: Pick<NewGuideFields, 'date' | 'mdx'>, slug: string): string {
  return `${fields.date}-${slug}.${fields.mdx ? 'mdx' : 'md'}`;
}

/**
 * The tags as typed (slugs or labels, comma-separated) against the vocabulary: the slugs to
 * write, and a message for each tag the vocabulary lacks, naming the nearest known one.
 */
export function resolveNewTags(
  typed: readonly string[],
  vocabulary: TagVocabulary,
  vocabularyFile: string,
): { slugs: string[]; problems: string[] } {
  const known = Object.keys(vocabulary);
  const slugs: string[] = [];
  const problems: string[] = [];
  for (const tag of typed) {
    const slug = tagSlug(tag);
    if (vocabulary[slug]) {
      if (!slugs.includes(slug)) slugs.push(slug);
      continue;
    }
    const near = nearest(slug, known);
    problems.push(
      `--tags: expected a tag of ${vocabularyFile}, found "${tag}"${
        near
          ? `; did you mean "${near}"?`
          : known.length === 0
            ? `, which lists no tags yet: add "${slug}" there first`
            : `; add it there first, or choose a listed tag`
      }`,
    );
  }
  return { slugs, problems };
}

/** The guide that already has `slug`, if one does (drafts included: they publish one day). */
export function guideWithSlug(guides: readonly ExistingGuide[], slug: string): ExistingGuide | undefined {
  return guides.find((guide) => guide.slug === slug);
}

/**
 * The series a new guide joins: its name as the library already spells it (guides are grouped
 * by the slug of the name), the next part after the highest one written, and the totals other
 * parts declare, which the new part makes wrong.
 */
export function nextSeriesPart(
  guides: readonly ExistingGuide[],
  name: string,
): { name: string; part: number; declaredTotals: { file: string; total: number }[] } {
  const slug = slugify(name);
  let spelled = name;
  let highest = 0;
  const declaredTotals: { file: string; total: number }[] = [];
  for (const guide of guides) {
    const series = guide.series as { name?: unknown; part?: unknown; total?: unknown } | null | undefined;
    if (!series || typeof series.name !== 'string' || slugify(series.name) !== slug) continue;
    if (highest === 0) spelled = series.name;
    if (typeof series.part === 'number' && Number.isInteger(series.part)) highest = Math.max(highest, series.part);
    if (typeof series.total === 'number') declaredTotals.push({ file: guide.file, total: series.total });
  }
  const part = highest + 1;
  return { name: spelled, part, declaredTotals: declaredTotals.filter((d) => d.total < part) };
}

/** A YAML string Astro's reader (js-yaml) reads back exactly: JSON's quoting is valid YAML. */
const yamlString = (text: string) => JSON.stringify(text);

/**
 * The new guide's text. The description is left as a comment: until the author writes one, the
 * first paragraph stands in and the content check says so (`missing-description`), where a
 * placeholder value would be published without a word of warning.
 */
export function newGuideText(fields: NewGuideFields): string {
  const lines = [
    '---',
    `title: ${yamlString(fields.title)}`,
    `date: ${fields.date}`,
    `difficulty: ${fields.difficulty}`,
    `tags: [${fields.tags.join(', ')}]`,
    '# description: one or two sentences for cards, search results and meta tags',
  ];
  if (fields.series)
    lines.push('series:', `  name: ${yamlString(fields.series.name)}`, `  part: ${fields.series.part}`);
  lines.push(
    '---',
    '',
    'Who this guide is for, and what they will be able to do after reading it, in a paragraph or two.',
    '',
    '## First step',
    '',
    'Write the guide in GitHub-flavoured Markdown. `##` and `###` headings make the table of contents.',
    '',
  );
  return lines.join('\n');
}

/** Every guide in `dir` (absolute), with its published slug; `display` names files in messages. */
export async function readExistingGuides(dir: string, display: (file: string) => string): Promise<ExistingGuide[]> {
  if (!existsSync(dir)) return [];
  const files = await listGuideFiles(dir);
  return Promise.all(
    files.map(async (rel) => {
      const abs = path.join(dir, rel);
      const { data } = parseGuideSource(await readFile(abs, 'utf8'));
      return { file: display(abs), slug: guideSlug(rel, data), series: data['series'] };
    }),
  );
}

/** A path as messages show it: relative to `cwd` when it is inside it, else absolute. */
export function shownPath(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  if (rel === '') return '.';
  return rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}

export interface CreateGuideOptions {
  /** The project root: where the tags file and the guides folder are resolved. */
  root: string;
  /** The guides folder, relative to `root` (or absolute). */
  guidesDir: string;
  /** The tag vocabulary, relative to `root`. */
  tagsFile: string;
  title: string;
  date: string;
  difficulty: Difficulty;
  /** As typed: slugs or labels. */
  tags: readonly string[];
  series?: string | undefined;
  mdx: boolean;
  /** Paths in messages and in the result are relative to this folder. */
  cwd?: string;
}

export type CreateGuideResult = { ok: true; file: string; notes: string[] } | { ok: false; problems: string[] };

/**
 * Writes the new guide, or refuses with every reason at once: a tag outside the vocabulary, a
 * slug another guide publishes (its file named), a file that exists already, or front matter the
 * guide check refuses. The file is opened with `wx`, so even a file that appears in between is
 * never overwritten.
 */
export async function createGuide(options: CreateGuideOptions): Promise<CreateGuideResult> {
  const cwd = options.cwd ?? process.cwd();
  const display = (abs: string) => shownPath(abs, cwd);
  const dir = path.resolve(options.root, options.guidesDir);
  const slug = slugify(options.title);
  const problems: string[] = [];

  let vocabulary: TagVocabulary = {};
  try {
    vocabulary = loadTagVocabulary(options.tagsFile, options.root);
  } catch (error) {
    problems.push(error instanceof Error ? error.message : String(error));
  }
  const tagsFileShown = display(path.resolve(options.root, options.tagsFile));
  const tags = resolveNewTags(options.tags, vocabulary, tagsFileShown);
  problems.push(...tags.problems);

  const guides = await readExistingGuides(dir, display);
  const fileName = newGuideFileName(options, slug);
  const target = path.join(dir, fileName);
  const taken = guideWithSlug(guides, slug);
  if (taken && taken.file === display(target)) {
    problems.push(`${taken.file}: exists already; a guide is never overwritten`);
  } else if (taken) {
    problems.push(
      `slug: expected a slug no other guide has, found "${slug}", the slug of ${taken.file}; choose another title (or give that guide a \`slug:\`)`,
    );
  }

  const notes: string[] = [];
  let series: NewGuideFields['series'];
  if (options.series !== undefined) {
    const next = nextSeriesPart(guides, options.series);
    series = { name: next.name, part: next.part };
    for (const d of next.declaredTotals) {
      notes.push(
        `${d.file}: declares total: ${d.total} for "${next.name}", which now has ${next.part} parts; update it or leave it out`,
      );
    }
  }

  const text = newGuideText({ ...options, tags: tags.slugs, series });
  // The guide check is the build's: anything it would refuse (such as more than 10 tags) is refused now.
  if (tags.problems.length === 0) {
    const checked = checkGuideSource(fileName, display(target), text);
    for (const d of checked.diagnostics) {
      if (d.severity === 'error') problems.push(`${d.message}`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };

  await mkdir(dir, { recursive: true });
  try {
    await writeFile(target, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      return { ok: false, problems: [`${display(target)}: exists already; a guide is never overwritten`] };
    throw error;
  }
  return { ok: true, file: display(target), notes };
}
