/**
 * Builds the library: every fact about every published guide, computed once. Pages, feeds,
 * facets and components read from the result and never re-derive. Pure: `src/data/guides.ts`
 * feeds it the Astro collection, the tests feed it fixtures.
 */
import type { GuideFrontmatter } from '../schemas/guide';
import type { TagVocabulary } from '../schemas/tags';
import { DIFFICULTIES, type Difficulty } from './difficulty';
import { lastUpdated } from './git-dates';
import type { BodyFacts } from './markdown-text';
import { slugify, tagSlug } from './slug';

export interface GuideInput {
  /** The collection id, which `content.config.ts` makes the slug (`<code>/<slug>` for a translation). */
  id: string;
  /** The slug in its language's URLs, when the id is not it (a translation's). */
  slug?: string | undefined;
  data: GuideFrontmatter;
  /** Words, reading time, first paragraph: stored with the collection entry (../data/body-facts.ts). */
  facts: BodyFacts;
  /** Path relative to the project root. */
  filePath: string;
  /** The committer date of the file's last commit, stored with the entry (./git-dates.ts). */
  gitDate?: string | undefined;
}

export interface TagRef {
  slug: string;
  label: string;
}

export interface SeriesRef {
  name: string;
  slug: string;
  part: number;
  total: number;
  previous: string | undefined;
  next: string | undefined;
}

export interface Guide {
  /** The collection id: the slug, or `<code>/<slug>` for a translation. */
  id: string;
  /** The language's code. */
  lang: string;
  /** In its language's URLs: `/guides/<slug>/`, `/fr/guides/<slug>/`. */
  slug: string;
  title: string;
  description: string;
  /** True when `description` was taken from the first paragraph. */
  descriptionFromBody: boolean;
  date: Date;
  /** The `updated` field, else the last commit's date when later than `date`, else none (./git-dates.ts). */
  updated: Date | undefined;
  difficulty: Difficulty;
  tags: TagRef[];
  words: number;
  /** Computed from the words: always present. */
  readingMinutes: number;
  /** What the page shows: the author's estimate when given, else the computed one. */
  displayMinutes: number;
  image: { src: string; alt: string; credit: string | undefined; creditUrl: string | undefined } | undefined;
  series: SeriesRef | undefined;
  /** Slugs: the author's `related` first, then guides that share the most tags. */
  related: string[];
  draft: boolean;
  filePath: string;
}

export interface TagSummary extends TagRef {
  description: string | undefined;
  count: number;
  /** The guides with this tag, newest first: what its page lists. */
  guides: Guide[];
  /** How many guides carry this tag at each difficulty. */
  byDifficulty: Record<Difficulty, number>;
}

export interface SeriesSummary {
  name: string;
  slug: string;
  /** Slugs in part order. */
  parts: string[];
  /** The guides themselves, in part order: what its page lists. */
  guides: Guide[];
}

export interface DifficultySummary {
  level: Difficulty;
  count: number;
  /** The guides at this level, newest first: what its page lists. */
  guides: Guide[];
}

export interface Library {
  /** Newest first, then by title. */
  guides: Guide[];
  bySlug: Map<string, Guide>;
  /** Most used first, then by label. */
  tags: TagSummary[];
  tagsBySlug: Map<string, TagSummary>;
  /** Every level, in order, with or without guides. */
  difficulties: DifficultySummary[];
  series: SeriesSummary[];
  seriesBySlug: Map<string, SeriesSummary>;
}

export const RELATED_COUNT = 4;

export function compareNewestFirst(a: Pick<Guide, 'date' | 'title'>, b: Pick<Guide, 'date' | 'title'>): number {
  return b.date.getTime() - a.date.getTime() || a.title.localeCompare(b.title, 'en');
}

/** Tag references for a guide: labels from the vocabulary when the slug is known, else the author's. */
export function resolveTags(labels: readonly string[], vocabulary: TagVocabulary): TagRef[] {
  return labels.map((label) => {
    const slug = tagSlug(label);
    return { slug, label: vocabulary[slug]?.label ?? label };
  });
}

/**
 * Related guides: the author's list (those that exist) first, then the others ranked by shared
 * tags, then same difficulty, then newest. At most `count`. Built once for a library: each guide
 * is compared only with the guides that share one of its tags (an index by tag), and only the best
 * few are kept rather than every candidate sorted, so the library is built in time close to linear
 * in its size (every guide against every other took minutes at 10,000 guides).
 */
export class RelatedIndex {
  private readonly position = new Map<string, number>();
  private readonly byTag = new Map<string, number[]>();
  /** Shared-tag counts, by position, for the guide being ranked; reset after each. */
  private readonly shared: Uint16Array;

  /** `guides` in the order ties are broken in: newest first (see compareNewestFirst). */
  constructor(private readonly guides: readonly Guide[]) {
    this.shared = new Uint16Array(guides.length);
    guides.forEach((guide, i) => {
      if (!this.position.has(guide.slug)) this.position.set(guide.slug, i);
      for (const tag of guide.tags) {
        const list = this.byTag.get(tag.slug);
        if (list) list.push(i);
        else this.byTag.set(tag.slug, [i]);
      }
    });
  }

  rank(guide: Guide, explicit: readonly string[], count = RELATED_COUNT): string[] {
    const chosen: string[] = [];
    for (const slug of explicit) {
      if (slug !== guide.slug && this.position.has(slug) && !chosen.includes(slug)) chosen.push(slug);
    }
    const wanted = count - chosen.length;
    if (wanted <= 0) return chosen.slice(0, count);

    const touched: number[] = [];
    for (const tag of new Set(guide.tags.map((t) => t.slug))) {
      for (const i of this.byTag.get(tag) ?? []) {
        if (this.shared[i] === 0) touched.push(i);
        this.shared[i] = (this.shared[i] ?? 0) + 1;
      }
    }
    // The best `wanted` candidates, best first: more shared tags, then same level, then position.
    const best: { i: number; shared: number; same: number }[] = [];
    const better = (a: (typeof best)[number], b: (typeof best)[number]) =>
      a.shared !== b.shared ? a.shared > b.shared : a.same !== b.same ? a.same > b.same : a.i < b.i;
    for (const i of touched) {
      const other = this.guides[i];
      const shared = this.shared[i] ?? 0;
      this.shared[i] = 0;
      if (!other || other.slug === guide.slug || chosen.includes(other.slug)) continue;
      const candidate = { i, shared, same: Number(other.difficulty === guide.difficulty) };
      const last = best[best.length - 1];
      if (best.length === wanted && last && !better(candidate, last)) continue;
      let at = best.length;
      while (at > 0 && better(candidate, best[at - 1] as (typeof best)[number])) at--;
      best.splice(at, 0, candidate);
      if (best.length > wanted) best.pop();
    }
    return [...chosen, ...best.map(({ i }) => this.guides[i]?.slug ?? '')];
  }
}

/** Related guides of one guide among `all` (sorted newest first); see RelatedIndex. */
export function rankRelated(
  guide: Guide,
  all: readonly Guide[],
  explicit: readonly string[],
  count = RELATED_COUNT,
): string[] {
  return new RelatedIndex(all).rank(guide, explicit, count);
}

/** Groups series members by the slug of their name and orders them by part. */
export function buildSeries(guides: readonly Guide[], inputs: ReadonlyMap<string, GuideInput>): SeriesSummary[] {
  const groups = new Map<string, { name: string; members: Guide[] }>();
  for (const guide of guides) {
    const series = inputs.get(guide.slug)?.data.series;
    if (!series) continue;
    const slug = slugify(series.name);
    const group = groups.get(slug) ?? { name: series.name, members: [] };
    group.members.push(guide);
    groups.set(slug, group);
  }
  const result: SeriesSummary[] = [];
  for (const [slug, { name, members }] of groups) {
    const partOf = (g: Guide) => inputs.get(g.slug)?.data.series?.part ?? 0;
    members.sort((a, b) => partOf(a) - partOf(b) || compareNewestFirst(a, b));
    const parts = members.map((g) => g.slug);
    members.forEach((g, index) => {
      const declared = inputs.get(g.slug)?.data.series;
      g.series = {
        name,
        slug,
        part: declared?.part ?? index + 1,
        total: declared?.total ?? members.length,
        previous: declared?.previous ?? parts[index - 1],
        next: declared?.next ?? parts[index + 1],
      };
    });
    result.push({ name, slug, parts, guides: members });
  }
  return result.sort((a, b) => a.name.localeCompare(b.name, 'en'));
}

export interface LibraryOptions {
  /** Whether a hero image exists; a missing one is left out rather than rendered broken. */
  imageExists?: (src: string) => boolean;
  /**
   * The language of every guide given: a library holds one language's guides, so listings,
   * facets, series and related guides never mix languages (src/data/guides.ts builds one each).
   */
  lang?: string;
}

export function buildLibrary(
  inputs: readonly GuideInput[],
  vocabulary: TagVocabulary = {},
  { imageExists = () => true, lang = 'en' }: LibraryOptions = {},
): Library {
  const inputBySlug = new Map(inputs.map((input) => [input.slug ?? input.id, input]));
  const guides: Guide[] = inputs.map((input) => {
    const { data, facts } = input;
    return {
      id: input.id,
      lang,
      slug: input.slug ?? input.id,
      title: data.title,
      description: data.description ?? facts.firstParagraph ?? '',
      descriptionFromBody: data.description === undefined,
      date: data.date,
      updated: lastUpdated(data, input.gitDate),
      difficulty: data.difficulty,
      tags: resolveTags(data.tags, vocabulary),
      words: facts.words,
      readingMinutes: facts.readingMinutes,
      displayMinutes: data.estimated_time ?? facts.readingMinutes,
      image:
        data.image && imageExists(data.image)
          ? { src: data.image, alt: data.image_alt ?? '', credit: data.image_credit, creditUrl: data.image_credit_url }
          : undefined,
      series: undefined,
      related: [],
      draft: data.draft,
      filePath: input.filePath,
    };
  });
  guides.sort(compareNewestFirst);
  const related = new RelatedIndex(guides);
  for (const guide of guides) {
    guide.related = related.rank(guide, inputBySlug.get(guide.slug)?.data.related ?? []);
  }
  const series = buildSeries(guides, inputBySlug);

  const tagMap = new Map<string, TagSummary>();
  for (const guide of guides) {
    for (const tag of guide.tags) {
      const summary =
        tagMap.get(tag.slug) ??
        ({
          ...tag,
          description: vocabulary[tag.slug]?.description,
          count: 0,
          guides: [],
          byDifficulty: { beginner: 0, intermediate: 0, advanced: 0 },
        } satisfies TagSummary);
      summary.count += 1;
      summary.guides.push(guide);
      summary.byDifficulty[guide.difficulty] += 1;
      tagMap.set(tag.slug, summary);
    }
  }
  const tags = [...tagMap.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en'));

  return {
    guides,
    bySlug: new Map(guides.map((g) => [g.slug, g])),
    tags,
    tagsBySlug: tagMap,
    difficulties: DIFFICULTIES.map((level) => {
      const atLevel = guides.filter((g) => g.difficulty === level);
      return { level, count: atLevel.length, guides: atLevel };
    }),
    series,
    seriesBySlug: new Map(series.map((s) => [s.slug, s])),
  };
}
