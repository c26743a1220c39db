import { describe, expect, it } from 'vitest';
import { dateFromPath, guideSlug, slugFromPath, slugify, tagSlug } from '~/lib/slug';

describe('slugs', () => {
  it('drops the Jekyll date prefix and the extension', () => {
    expect(slugFromPath('2024-03-01-carbon-aware-ci.md')).toBe('carbon-aware-ci');
    expect(slugFromPath('nested/folder/2024-03-01-x.mdx')).toBe('x');
    expect(slugFromPath('plain-name.md')).toBe('plain-name');
    expect(slugFromPath('2024-03-01.md')).toBe('2024-03-01');
  });
  it('reads the date from a Jekyll file name', () => {
    expect(dateFromPath('dir/2024-03-01-x.md')).toBe('2024-03-01');
    expect(dateFromPath('x.md')).toBeUndefined();
  });
  it('prefers a slug override', () => {
    expect(guideSlug('2024-03-01-x.md', { slug: 'My Custom Slug' })).toBe('my-custom-slug');
    expect(guideSlug('2024-03-01-x.md', { slug: '' })).toBe('x');
    expect(guideSlug('2024-03-01-x.md', { slug: 42 })).toBe('x');
  });
  it('makes tag slugs in lower case with hyphens', () => {
    expect(tagSlug('size:small')).toBe('size-small');
    expect(tagSlug('Carbon Aware')).toBe('carbon-aware');
    expect(tagSlug('  CI/CD ')).toBe('ci-cd');
    expect(tagSlug('Éco-conception')).toBe('eco-conception');
    expect(slugify('--a--b--')).toBe('a-b');
  });
  it('folds Latin diacritics as before: the slugs of existing guides and tags do not change', () => {
    expect(slugify('Tiếng Việt')).toBe('tieng-viet');
    expect(slugify('Ça coûte: ﬁne naïveté')).toBe('ca-coute-fine-naivete');
    expect(tagSlug('Énergie')).toBe(tagSlug('energie'));
  });
  it('drops every combining mark, so pointed Hebrew and vowelled Arabic stay one word', () => {
    expect(slugify('שָׁלוֹם')).toBe('שלום');
    expect(slugify('مَرْحَبًا بِكُم')).toBe('مرحبا-بكم');
  });
});
