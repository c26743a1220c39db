import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import TranslationNotice from '~/components/TranslationNotice.astro';
import { comparedDates } from '~/lib/translations';

const container = await AstroContainer.create();

describe('TranslationNotice', () => {
  it('is a note with a heading, linking to the original in its language, with both dates', async () => {
    const dates = comparedDates(
      { committed: new Date('2025-04-02T10:00:00Z'), edited: new Date('2025-01-01') },
      { committed: new Date('2025-03-01T10:00:00Z'), edited: new Date('2025-01-01') },
    );
    const html = await container.renderToString(TranslationNotice, {
      props: { original: { href: '/guides/page-weight/', title: 'Page <weight>', lang: 'en' }, dates },
    });
    expect(html).toMatch(
      /<aside class="translation-notice[^"]*" role="note" aria-labelledby="translation-notice-heading"/,
    );
    expect(html).toMatch(/<h2 id="translation-notice-heading"[^>]*>This translation may be out of date<\/h2>/);
    expect(html).toContain('The original of this guide changed after this translation:');
    expect(html).toMatch(/<a href="\/guides\/page-weight\/" hreflang="en"[^>]*>read the original/);
    expect(html).toMatch(/<cite lang="en"[^>]*>Page &lt;weight&gt;<\/cite>/);
    expect(html).toMatch(/Original changed\s*<time datetime="2025-04-02"[^>]*>2 April 2025<\/time>/);
    expect(html).toMatch(/translation dated\s*<time datetime="2025-03-01"[^>]*>1 March 2025<\/time>/);
    expect(html).not.toContain('<script');
  });
});
