import { cardText, translatorFor } from '~/data/i18n';
import { describe, expect, it } from 'vitest';
import {
  CARD_CHUNK,
  chunkOf,
  decodeGuidesIndex,
  encodeCardChunks,
  encodeGuidesIndex,
  fingerprint,
  renderCard,
  type CardFacts,
} from '~/lib/guide-card';
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
  it('gives back exactly the facts it was given, each tag written once, descriptions from the chunks', () => {
    const index = encodeGuidesIndex([tricky, plain, other], 'v1');
    expect(index.tags).toEqual([
      ['ci-cd', 'CI | CD'],
      ['cafe-creme', 'Café, crème'],
    ]);
    expect(index.guides[1]?.[3]).toEqual([1]);
    expect(index.guides[2]?.[3]).toEqual([[1, 'café crème'], 0]);
    expect(index.cards).toBe('v1');
    // The index holds no description: the first filter downloads none.
    expect(JSON.stringify(index)).not.toContain('Line one');
    const decoded = decodeGuidesIndex(JSON.parse(JSON.stringify(index)));
    const [texts] = encodeCardChunks([tricky, plain, other]);
    expect(decoded.map((card, i) => ({ ...card, description: texts?.[i] }))).toEqual([tricky, plain, other]);
  });

  it('puts the card at position p in chunk chunkOf(p), CARD_CHUNK a chunk', () => {
    const cards = Array.from({ length: 2 * CARD_CHUNK + 1 }, (_, i) => ({ ...plain, description: `d${i}` }));
    const chunks = encodeCardChunks(cards);
    expect(chunks.map((chunk) => chunk.length)).toEqual([CARD_CHUNK, CARD_CHUNK, 1]);
    cards.forEach((card, p) => expect(chunks[chunkOf(p)]?.[p % CARD_CHUNK]).toBe(card.description));
  });

  it('is named by a fingerprint that changes with its content', () => {
    expect(fingerprint('a')).toBe(fingerprint('a'));
    expect(fingerprint('a')).not.toBe(fingerprint('b'));
    expect(fingerprint('a')).toMatch(/^[0-9a-z]+$/);
  });
});

describe('renderCard', () => {
  it('escapes text and links the guide, its level and its tags', () => {
    const html = renderCard(tricky, {
      headingLevel: 3,
      urls: siteUrls('/'),
      text: cardText(translatorFor('en')),
    });
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

  it('writes its words in the page’s language, from the text the page hands it', () => {
    const html = renderCard(tricky, {
      headingLevel: 3,
      urls: siteUrls('/'),
      text: cardText(translatorFor('fr')),
    });
    expect(html).toContain('aria-label="Niveau : Avancé. Tous les guides de niveau avancé">Avancé</a>');
    expect(html).toContain('<span>12 min de lecture</span>');
    expect(html).toContain('<span>Publié le <time datetime="2025-02-03">3 février 2025</time></span>');
    expect(html).toContain('aria-label="Thèmes de Pipes');
  });
});
