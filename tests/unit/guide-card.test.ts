import { describe, expect, it } from 'vitest';
import { decodeGuidesIndex, encodeGuidesIndex, fingerprint, renderCard, type CardFacts } from '~/lib/guide-card';
import { siteUrls } from '~/lib/urls';

const tricky: CardFacts = {
  slug: 'tricky',
  title: 'Pipes | and "quotes" & <tags>',
  description: 'Line one,\ttab & ampersand; [brackets] "quoted"',
  difficulty: 'advanced',
  tags: ['ci-cd', 'cafe-creme'],
  tagLabels: ['CI | CD', 'Café, crème'],
  minutes: 12,
  date: '2025-02-03',
};
const plain: CardFacts = { ...tricky, slug: 'plain', title: 'Plain', tags: ['cafe-creme'], tagLabels: ['Café, crème'] };
/** A tag outside the vocabulary keeps each guide's spelling. */
const other: CardFacts = {
  ...plain,
  slug: 'other',
  tags: ['cafe-creme', 'ci-cd'],
  tagLabels: ['café crème', 'CI | CD'],
};

describe('the guides index', () => {
  it('gives back exactly the facts it was given, each tag written once', () => {
    const index = encodeGuidesIndex([tricky, plain, other]);
    expect(index.tags).toEqual([
      ['ci-cd', 'CI | CD'],
      ['cafe-creme', 'Café, crème'],
    ]);
    expect(index.guides[1]?.[4]).toEqual([1]);
    expect(index.guides[2]?.[4]).toEqual([[1, 'café crème'], 0]);
    expect(decodeGuidesIndex(JSON.parse(JSON.stringify(index)))).toEqual([tricky, plain, other]);
  });

  it('is named by a fingerprint that changes with its content', () => {
    expect(fingerprint('a')).toBe(fingerprint('a'));
    expect(fingerprint('a')).not.toBe(fingerprint('b'));
    expect(fingerprint('a')).toMatch(/^[0-9a-z]+$/);
  });
});

describe('renderCard', () => {
  it('escapes text and links the guide, its level and its tags', () => {
    const html = renderCard(tricky, { headingLevel: 3, difficultyLabel: 'Advanced', urls: siteUrls('/') });
    expect(html).toContain('<article class="guide-card" data-guide-card data-slug="tricky">');
    expect(html).toContain(
      '<h3 class="title"><a href="/guides/tricky/">Pipes | and &quot;quotes&quot; &amp; &lt;tags&gt;</a></h3>',
    );
    expect(html).toContain(
      'href="/difficulty/advanced/" aria-label="Difficulty: Advanced. All advanced guides">Advanced</a>',
    );
    expect(html).toContain('<span>12 min read</span>');
    expect(html).toContain('<time datetime="2025-02-03">3 February 2025</time>');
    expect(html).toContain(
      '<li><a href="/tags/ci-cd/">CI | CD</a></li><li><a href="/tags/cafe-creme/">Café, crème</a></li>',
    );
    expect(html).toContain('aria-label="Tags of Pipes | and &quot;quotes&quot; &amp; &lt;tags&gt;"');
  });
});
