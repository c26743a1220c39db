import { describe, expect, it } from 'vitest';
import { pageKey, textHash } from '~/data/page-keys';

describe('page keys for incremental builds', () => {
  const model = { guide: { title: 'A', date: new Date('2025-01-01'), tags: new Set(['x']) }, related: [] };

  it('are equal for equal pages', () => {
    const copy = { guide: { title: 'A', date: new Date('2025-01-01'), tags: new Set(['x']) }, related: [] };
    expect(pageKey(model, { html: '<p>a</p>', metadata: { headings: [] } })).toBe(
      pageKey(copy, { html: '<p>a</p>', metadata: { headings: [] } }),
    );
  });

  it('change with anything the page shows: its data, dates, sets, rendered HTML and headings', () => {
    const base = pageKey(model, { html: '<p>a</p>', metadata: { headings: [] } });
    const variants = [
      pageKey({ ...model, related: ['b'] }, { html: '<p>a</p>', metadata: { headings: [] } }),
      pageKey(
        { guide: { ...model.guide, date: new Date('2025-01-02') }, related: [] },
        { html: '<p>a</p>', metadata: { headings: [] } },
      ),
      pageKey(
        { guide: { ...model.guide, tags: new Set(['y']) }, related: [] },
        { html: '<p>a</p>', metadata: { headings: [] } },
      ),
      pageKey(model, { html: '<p>b</p>', metadata: { headings: [] } }),
      pageKey(model, { html: '<p>a</p>', metadata: { headings: [{ depth: 2, slug: 'h', text: 'H' }] } }),
      pageKey(model),
    ];
    for (const variant of variants) expect(variant).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('hash texts with their length', () => {
    expect(textHash('abc')).toMatch(/^[\w-]{16}:3$/);
    expect(textHash('abc')).not.toBe(textHash('abd'));
  });
});
