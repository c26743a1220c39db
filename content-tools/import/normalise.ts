/**
 * Turns the front matter of a Jekyll, Docusaurus or Hugo guide into ours: fields renamed
 * (`--map from=to`, then the usual aliases such as `published_date` and `summary`), the title
 * taken from the first `# H1` when there is none, the date from the file name or the file, tags
 * made a list, `published: false` made `draft: true`, guide slugs in `related` and `series`
 * updated when a slug changed, and fields we do not have dropped by name. The result is checked
 * against the schema by the caller. Pure.
 */
import { isMap, isSeq, Document } from 'yaml';
import { DIFFICULTIES, type Difficulty } from '../../src/lib/difficulty';
import { isDraft, KNOWN_GUIDE_KEYS } from '../../src/schemas/guide';

export interface NormaliseContext {
  /** Renames to apply first, `from` → `to` (`--map`). */
  map: Readonly<Record<string, string>>;
  /** The text of the body's first `# H1`, when it has one. */
  firstHeading: string | undefined;
  /** `YYYY-MM-DD` from a Jekyll file name. */
  fileNameDate: string | undefined;
  /** The file's modification date, `YYYY-MM-DD`: the last resort for `date`. */
  fileDate: string | undefined;
  defaultDifficulty: Difficulty | undefined;
  defaultTags: readonly string[] | undefined;
  /** The new slug of a guide the source called `slug`, when it changed. */
  renamedSlug: (slug: string) => string | undefined;
}

export interface NormaliseResult {
  /** Our front matter, in our field order. */
  data: Record<string, unknown>;
  /** What was changed that an author should know about. */
  notes: string[];
  /** Required fields that could not be filled: the guide cannot be imported. */
  missing: string[];
}

/** Fields other tools write for what we call the same thing; used when ours is absent. */
const ALIASES: Record<string, string> = {
  published_date: 'date',
  pubDate: 'date',
  publishDate: 'date',
  summary: 'description',
  excerpt: 'description',
  lastmod: 'updated',
  last_modified_at: 'updated',
  updated_date: 'updated',
};

const ORDER = [
  'title',
  'date',
  'updated',
  'difficulty',
  'tags',
  'description',
  'estimated_time',
  'image',
  'image_alt',
  'image_credit',
  'image_credit_url',
  'series',
  'related',
  'draft',
];

/** A source date as front matter writes it: `2024-03-01` for a midnight date, else as given. */
function dateText(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof value === 'string' && value.trim()) return value.trim();
  return undefined;
}

/** Tags as a list of labels, from a list, a list of `{ label }`, or Jekyll's space-separated string. */
export function tagList(value: unknown): { tags: string[] | undefined; note?: string } {
  if (Array.isArray(value)) {
    const tags = value
      .map((tag) =>
        tag && typeof tag === 'object' && 'label' in tag ? String((tag as { label: unknown }).label) : String(tag),
      )
      .map((tag) => tag.trim())
      .filter(Boolean);
    return { tags };
  }
  if (typeof value === 'string' && value.trim()) {
    const tags = value
      .split(value.includes(',') ? ',' : /\s+/)
      .map((t) => t.trim())
      .filter(Boolean);
    return { tags, note: `tags: the string "${value}" became the list [${tags.join(', ')}]` };
  }
  return { tags: undefined };
}

export function normaliseFrontmatter(source: Record<string, unknown>, context: NormaliseContext): NormaliseResult {
  const notes: string[] = [];
  const missing: string[] = [];
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    const renamed = context.map[key];
    if (renamed) notes.push(`${key}: renamed to ${renamed}`);
    input[renamed ?? key] = value;
  }
  for (const [alias, field] of Object.entries(ALIASES)) {
    if (input[alias] === undefined) continue;
    if (input[field] === undefined) {
      input[field] = input[alias];
      notes.push(`${alias}: used as ${field}`);
    }
    delete input[alias];
  }
  // Docusaurus keeps the last update as { date, author }.
  const lastUpdate = input['last_update'];
  if (lastUpdate && typeof lastUpdate === 'object' && input['updated'] === undefined) {
    const date = (lastUpdate as Record<string, unknown>)['date'];
    if (date !== undefined) input['updated'] = date;
  }
  delete input['last_update'];

  const out: Record<string, unknown> = {};
  const title = typeof input['title'] === 'string' && input['title'].trim() ? input['title'] : context.firstHeading;
  if (title === undefined) missing.push('title (no title field and no # heading)');
  else if (input['title'] === undefined) notes.push(`title: taken from the first # heading, "${title}"`);
  out['title'] = title;

  let date = dateText(input['date']);
  let updated = dateText(input['updated']);
  if (!date && context.fileNameDate) date = context.fileNameDate;
  if (!date && updated) {
    // Docusaurus pages often carry only their last update: the best date there is.
    date = updated;
    updated = undefined;
    notes.push(`date: none written; the last update ${date} stands in`);
  }
  if (!date && context.fileDate) {
    date = context.fileDate;
    notes.push(`date: none written; the file's modification date ${date} stands in`);
  }
  if (!date) missing.push('date');
  out['date'] = date;
  if (updated && date && updated.slice(0, 10) < date.slice(0, 10)) {
    notes.push(`updated: ${updated} is before the date, so it was left out`);
    updated = undefined;
  }
  if (updated) out['updated'] = updated;

  const difficulty =
    typeof input['difficulty'] === 'string' ? input['difficulty'].trim().toLowerCase() : context.defaultDifficulty;
  if (difficulty === undefined) missing.push('difficulty (pass --difficulty to set one)');
  else if (input['difficulty'] === undefined) notes.push(`difficulty: set to ${difficulty} by --difficulty`);
  out['difficulty'] = DIFFICULTIES.includes(difficulty as Difficulty) ? difficulty : input['difficulty'];

  const { tags, note } = tagList(input['tags']);
  if (note) notes.push(note);
  if (tags?.length) out['tags'] = tags;
  else if (context.defaultTags?.length) {
    out['tags'] = [...context.defaultTags];
    notes.push(`tags: set to [${context.defaultTags.join(', ')}] by --tags`);
  } else missing.push('tags (pass --tags to set them)');

  for (const key of ['description', 'estimated_time', 'image', 'image_alt', 'image_credit', 'image_credit_url']) {
    if (input[key] !== undefined && input[key] !== null && input[key] !== '') out[key] = input[key];
  }

  const rename = (slug: unknown) => {
    if (typeof slug !== 'string') return slug;
    const renamed = context.renamedSlug(slug);
    if (renamed) notes.push(`"${slug}" is now "${renamed}" in related/series`);
    return renamed ?? slug;
  };
  const series = input['series'];
  if (series && typeof series === 'object' && !Array.isArray(series)) {
    const s = { ...(series as Record<string, unknown>) };
    for (const key of ['previous', 'next']) if (s[key] !== undefined) s[key] = rename(s[key]);
    out['series'] = s;
  } else if (series !== undefined) out['series'] = series;
  if (Array.isArray(input['related'])) out['related'] = input['related'].map(rename);
  else if (input['related'] !== undefined) out['related'] = input['related'];

  if (isDraft(input)) {
    out['draft'] = true;
    if (input['published'] === false) notes.push('published: false became draft: true');
  }

  const handled = new Set([...ORDER, 'published', 'layout', 'slug', 'id', ...Object.keys(ALIASES)]);
  const dropped = Object.keys(input).filter((key) => !handled.has(key));
  const unknown = dropped.filter((key) => !KNOWN_GUIDE_KEYS.includes(key));
  if (unknown.length) notes.push(`dropped fields Greenpath does not have: ${unknown.join(', ')}`);
  if (input['layout'] !== undefined && input['layout'] !== 'guide')
    notes.push(`layout: ${JSON.stringify(input['layout'])} dropped`);

  const ordered: Record<string, unknown> = {};
  for (const key of ORDER) if (out[key] !== undefined) ordered[key] = out[key];
  return { data: ordered, notes, missing };
}

/** Our front matter as YAML: fields in order, short lists in brackets, no line folding. */
export function frontmatterYaml(data: Record<string, unknown>): string {
  const doc = new Document(data);
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isSeq(pair.value)) pair.value.flow = true;
    }
  }
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
