/**
 * The guide front-matter schema: the single contract for what a guide is. `src/content.config.ts`
 * hands it to Astro, and the content checker and the unit tests import this very module.
 *
 * Every custom message is the *expected* half of an error; the formatter in `./errors.ts` adds
 * the file, the line, the field and what was actually found.
 */
import { z } from 'astro/zod';
import { DIFFICULTIES } from '../lib/difficulty';
import { tagSlug } from '../lib/slug';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const MINUTES = /^\s*(\d{1,4})\s*(?:min|mins|minute|minutes)(?:\s+read)?\s*$/i;

/** A calendar date: a YAML date, or a string in ISO 8601 form. */
const dateField = z
  .union([z.date(), z.string().regex(ISO_DATE, { error: 'a date such as 2024-05-01 (YAML date or ISO 8601)' })], {
    error: 'a date such as 2024-05-01 (YAML date or ISO 8601)',
  })
  .transform((value) => (value instanceof Date ? value : new Date(value)))
  .refine((date) => !Number.isNaN(date.getTime()), {
    error: 'a real calendar date',
  });

const nonEmpty = (what: string) => z.string({ error: what }).trim().min(1, { error: what });

/** A slug of another guide, as written in `related` and `series.previous/next`. */
const guideRef = nonEmpty('the slug of another guide');

export const seriesSchema = z
  .strictObject(
    {
      /** The learning path's display name; its URL slug is derived from it. */
      name: nonEmpty('the name of the learning path'),
      /** This guide's position in the path, starting at 1. */
      part: z.number({ error: 'a whole number from 1' }).int({ error: 'a whole number from 1' }).min(1, {
        error: 'a whole number from 1',
      }),
      /** How many parts the path has; computed from the library when left out. */
      total: z.number({ error: 'a whole number from 1' }).int().min(1).optional(),
      /** The slug of the part before this one; computed from `part` when left out. */
      previous: guideRef.optional(),
      /** The slug of the part after this one; computed from `part` when left out. */
      next: guideRef.optional(),
    },
    { error: 'an object with name, part and optionally total, previous, next' },
  )
  .refine((s) => s.total === undefined || s.part <= s.total, {
    error: 'a part no greater than total',
    path: ['part'],
  });

/** The fields on their own, before the cross-field rules. */
const guideFields = z.object({
  /** The guide's title, shown as its heading and in every list. */
  title: nonEmpty('a non-empty title'),
  /** When the guide was first published. */
  date: dateField,
  /** When the guide was last revised; not before `date`. Without it, its last commit's date stands in (src/lib/git-dates.ts). */
  updated: dateField.optional(),
  /** Who the guide is written for. */
  difficulty: z.enum(DIFFICULTIES, {
    error: `one of ${DIFFICULTIES.join(', ')}`,
  }),
  /** 1 to 10 tags; labels whose slugs are the same are one tag. */
  tags: z
    .array(nonEmpty('a non-empty tag'), {
      error: 'a list of 1 to 10 tags, such as [cloud, carbon-aware]',
    })
    .min(1, { error: 'a list of 1 to 10 tags, such as [cloud, carbon-aware]' })
    .max(10, { error: 'at most 10 tags' })
    .transform((labels) => {
      const seen = new Set<string>();
      return labels.filter((label) => {
        const slug = tagSlug(label);
        if (seen.has(slug)) return false;
        seen.add(slug);
        return true;
      });
    }),
  /** One or two sentences for cards, search results and meta tags; taken from the first paragraph when left out. */
  description: nonEmpty('a non-empty description').optional(),
  /** The author's reading-time estimate: "N min read" or a number of minutes. */
  estimated_time: z
    .union(
      [
        z.number().int().min(1).max(9999),
        z.string().regex(MINUTES, { error: 'a number of minutes or a string such as "8 min read"' }),
      ],
      {
        error: 'a number of minutes or a string such as "8 min read"',
      },
    )
    .transform((value) => (typeof value === 'number' ? value : Number(MINUTES.exec(value)?.[1])))
    .optional(),
  /** Accepted for Jekyll guides; `guide` is the only layout. */
  layout: z.enum(['guide'], { error: 'guide (the only layout), or no layout field' }).optional(),
  /**
   * A hero image: a path under public/, starting with a single /. Remote images are refused: the
   * site never makes a request to another origin (and its Content-Security-Policy would block it).
   */
  image: nonEmpty('an image path under public/ such as /images/guides/x.svg')
    .regex(/^\/(?!\/)/, { error: 'an image path under public/ such as /images/guides/x.svg' })
    .optional(),
  /** The hero image's text alternative. */
  image_alt: z.string({ error: 'a text alternative for the image' }).optional(),
  /** Who made the hero image. */
  image_credit: nonEmpty('the name of the image credit').optional(),
  /** Where the credit links. */
  image_credit_url: z.url({ error: 'an absolute http(s) URL' }).optional(),
  /** A named, ordered learning path this guide belongs to. */
  series: seriesSchema.optional(),
  /** Slugs of guides to show first under "Related guides". */
  related: z.array(guideRef, { error: 'a list of guide slugs' }).default([]),
  /** Drafts are built by `npm run dev` and never by `npm run build`. */
  draft: z.boolean({ error: 'true or false' }).default(false),
  /** Jekyll's switch: `published: false` means the same as `draft: true`. */
  published: z.boolean({ error: 'true or false' }).optional(),
  /** Overrides the slug taken from the file name. */
  slug: nonEmpty('a URL slug such as my-guide').optional(),
  /**
   * In a translation (a guide under `content/guides/<language code>/`): the original's slug, when
   * the file names differ. Without it, the original is the guide with the same file name.
   */
  translation_of: guideRef.optional(),
  /**
   * In a translation: the day it was last brought in line with the original. Used for the
   * translation status when git has no history for the files.
   */
  translated: dateField.optional(),
});

/**
 * The draft rule, the one place it is written: `draft: true`, or Jekyll's `published: false`.
 * Takes raw front matter (for a guide the schema refused) as well as the schema's output (where
 * `published` is already folded into `draft`).
 */
export function isDraft(data: { readonly draft?: unknown; readonly published?: unknown }): boolean {
  return data.draft === true || data.published === false;
}

export const guideSchema = guideFields
  .refine((g) => !g.updated || g.updated.getTime() >= g.date.getTime(), {
    error: 'a date not before `date`',
    path: ['updated'],
  })
  .refine((g) => !g.image_credit_url || g.image_credit, {
    error: 'an image_credit to go with image_credit_url',
    path: ['image_credit'],
  })
  .transform(({ published, ...guide }) => ({
    ...guide,
    draft: isDraft({ draft: guide.draft, published }),
  }));

/** What authors write. */
export type GuideFrontmatterInput = z.input<typeof guideSchema>;
/** What code reads once the schema has run. */
export type GuideFrontmatter = z.infer<typeof guideSchema>;

/** Every key the schema knows, for the "did you mean" warning on unknown keys. */
export const KNOWN_GUIDE_KEYS: readonly string[] = Object.keys(guideFields.shape);
