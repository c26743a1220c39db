import { describe, expect, it } from 'vitest';
import { guideSchema, isDraft, KNOWN_GUIDE_KEYS } from '~/schemas/guide';

const valid = {
  title: 'A guide',
  date: '2025-03-01',
  difficulty: 'beginner',
  tags: ['cloud', 'carbon-aware'],
};

function parse(extra: Record<string, unknown>) {
  return guideSchema.safeParse({ ...valid, ...extra });
}
function errorsOf(extra: Record<string, unknown>) {
  const result = parse(extra);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('guide schema', () => {
  it('accepts the minimal guide and fills defaults', () => {
    const result = guideSchema.parse(valid);
    expect(result.date).toEqual(new Date('2025-03-01'));
    expect(result.related).toEqual([]);
    expect(result.draft).toBe(false);
    expect(result.estimated_time).toBeUndefined();
  });

  describe('title', () => {
    it('is required', () => expect(errorsOf({ title: undefined })).toEqual(['title: a non-empty title']));
    it('must not be blank', () => expect(errorsOf({ title: '   ' })).toEqual(['title: a non-empty title']));
    it('must be a string', () => expect(errorsOf({ title: 42 })).toEqual(['title: a non-empty title']));
  });

  describe('date and updated', () => {
    it('accepts YAML dates and ISO 8601 strings', () => {
      expect(parse({ date: new Date('2024-01-02') }).success).toBe(true);
      expect(parse({ date: '2024-01-02T10:30:00Z' }).success).toBe(true);
      expect(parse({ date: '2024-01-02 10:30' }).success).toBe(true);
    });
    it('refuses words and impossible dates', () => {
      expect(errorsOf({ date: 'yesterday' })).toEqual(['date: a date such as 2024-05-01 (YAML date or ISO 8601)']);
      expect(errorsOf({ date: '2024-13-45' })).toEqual(['date: a real calendar date']);
      expect(errorsOf({ date: undefined })).toHaveLength(1);
    });
    it('refuses an updated date before the date', () => {
      expect(errorsOf({ updated: '2025-02-01' })).toEqual(['updated: a date not before `date`']);
      expect(parse({ updated: '2025-03-01' }).success).toBe(true);
    });
  });

  describe('difficulty', () => {
    it.each(['beginner', 'intermediate', 'advanced'])('accepts %s', (level) => {
      expect(parse({ difficulty: level }).success).toBe(true);
    });
    it('refuses anything else, listing the allowed values', () => {
      expect(errorsOf({ difficulty: 'expert' })).toEqual(['difficulty: one of beginner, intermediate, advanced']);
      expect(errorsOf({ difficulty: 'Beginner' })).toHaveLength(1);
    });
  });

  describe('tags', () => {
    it('needs 1 to 10 non-empty tags', () => {
      expect(errorsOf({ tags: [] })).toEqual(['tags: a list of 1 to 10 tags, such as [cloud, carbon-aware]']);
      expect(errorsOf({ tags: Array.from({ length: 11 }, (_, i) => `t${i}`) })).toEqual(['tags: at most 10 tags']);
      expect(errorsOf({ tags: ['ok', ''] })).toEqual(['tags.1: a non-empty tag']);
    });
    it('refuses a string where a list belongs', () => {
      expect(errorsOf({ tags: 'cloud, carbon' })[0]).toBe(
        'tags: a list of 1 to 10 tags, such as [cloud, carbon-aware]',
      );
    });
    it('keeps labels and merges labels with one slug', () => {
      expect(guideSchema.parse({ ...valid, tags: ['Size:Small', 'size-small', 'Cloud'] }).tags).toEqual([
        'Size:Small',
        'Cloud',
      ]);
    });
  });

  describe('description', () => {
    it('is optional but not blank', () => {
      expect(parse({ description: undefined }).success).toBe(true);
      expect(errorsOf({ description: '' })).toEqual(['description: a non-empty description']);
    });
  });

  describe('estimated_time', () => {
    it.each([
      ['4 min read', 4],
      ['12 minutes', 12],
      ['3 mins', 3],
      [7, 7],
    ])('reads %j as %i minutes', (value, minutes) => {
      expect(guideSchema.parse({ ...valid, estimated_time: value }).estimated_time).toBe(minutes);
    });
    it('refuses other forms', () => {
      expect(errorsOf({ estimated_time: 'five minutes' })).toEqual([
        'estimated_time: a number of minutes or a string such as "8 min read"',
      ]);
      expect(errorsOf({ estimated_time: 0 })).toHaveLength(1);
      expect(errorsOf({ estimated_time: 2.5 })).toHaveLength(1);
    });
  });

  describe('layout', () => {
    it('accepts guide (the Jekyll habit)', () => expect(parse({ layout: 'guide' }).success).toBe(true));
    it('refuses other layouts, listing the allowed one', () => {
      expect(errorsOf({ layout: 'post' })).toEqual(['layout: guide (the only layout), or no layout field']);
    });
  });

  describe('image fields', () => {
    it('accept a path, alt, credit and credit URL', () => {
      const result = guideSchema.parse({
        ...valid,
        image: '/images/x.svg',
        image_alt: 'A chart',
        image_credit: 'Ann',
        image_credit_url: 'https://example.org/ann',
      });
      expect(result.image).toBe('/images/x.svg');
      expect(result.image_credit_url).toBe('https://example.org/ann');
    });
    it('refuse a remote image: pages never load from another origin', () => {
      expect(errorsOf({ image: 'https://cdn.example.org/x.png' })).toEqual([
        'image: an image path under public/ such as /images/guides/x.svg',
      ]);
      expect(errorsOf({ image: '//cdn.example.org/x.png' })).toHaveLength(1);
      expect(errorsOf({ image: 'images/x.png' })).toHaveLength(1);
    });
    it('refuse a credit URL that is not a URL, or one without a credit', () => {
      expect(errorsOf({ image_credit: 'Ann', image_credit_url: 'not a url' })).toEqual([
        'image_credit_url: an absolute http(s) URL',
      ]);
      expect(errorsOf({ image_credit_url: 'https://example.org' })).toEqual([
        'image_credit: an image_credit to go with image_credit_url',
      ]);
    });
  });

  describe('series', () => {
    it('accepts name and part, with optional total, previous and next', () => {
      expect(parse({ series: { name: 'Path', part: 1 } }).success).toBe(true);
      expect(parse({ series: { name: 'Path', part: 2, total: 3, previous: 'a', next: 'c' } }).success).toBe(true);
    });
    it('refuses part 0, a part past the total and unknown keys', () => {
      expect(errorsOf({ series: { name: 'Path', part: 0 } })).toEqual(['series.part: a whole number from 1']);
      expect(errorsOf({ series: { name: 'Path', part: 4, total: 3 } })).toEqual([
        'series.part: a part no greater than total',
      ]);
      expect(errorsOf({ series: { name: 'Path', part: 1, colour: 'red' } })).toHaveLength(1);
      expect(errorsOf({ series: 'Path' })).toHaveLength(1);
    });
  });

  describe('related', () => {
    it('is a list of slugs', () => {
      expect(guideSchema.parse({ ...valid, related: ['a', 'b'] }).related).toEqual(['a', 'b']);
      expect(errorsOf({ related: 'a' })).toEqual(['related: a list of guide slugs']);
    });
  });

  describe('draft and published', () => {
    it('treats published: false as a draft', () => {
      expect(guideSchema.parse({ ...valid, published: false }).draft).toBe(true);
      expect(guideSchema.parse({ ...valid, published: true }).draft).toBe(false);
      expect(guideSchema.parse({ ...valid, draft: true }).draft).toBe(true);
    });
    it('refuses non-booleans', () => expect(errorsOf({ draft: 'yes' })).toEqual(['draft: true or false']));
    it('gives one answer for raw front matter and for what the schema made of it', () => {
      for (const extra of [{}, { draft: true }, { published: false }, { published: true }, { draft: false }]) {
        const raw = { ...valid, ...extra };
        expect(isDraft(guideSchema.parse(raw)), JSON.stringify(extra)).toBe(isDraft(raw));
      }
      expect(isDraft({ draft: 'yes' })).toBe(false);
    });
  });

  describe('slug', () => {
    it('is an optional non-empty override', () => {
      expect(guideSchema.parse({ ...valid, slug: 'custom' }).slug).toBe('custom');
      expect(errorsOf({ slug: '' })).toEqual(['slug: a URL slug such as my-guide']);
    });
  });

  it('knows every field it validates', () => {
    expect([...KNOWN_GUIDE_KEYS].sort()).toEqual([
      'date',
      'description',
      'difficulty',
      'draft',
      'estimated_time',
      'image',
      'image_alt',
      'image_credit',
      'image_credit_url',
      'layout',
      'published',
      'related',
      'series',
      'slug',
      'tags',
      'title',
      'translated',
      'translation_of',
      'updated',
    ]);
  });
});
