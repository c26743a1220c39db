import { describe, expect, it } from 'vitest';
import { foldDiacritics } from '~/lib/fold';
import { foldText } from '~/lib/guide-filter';
import { slugify } from '~/lib/slug';

describe('foldDiacritics', () => {
  it('removes combining marks and keeps case', () => {
    expect(foldDiacritics('Café RÉSUMÉ')).toBe('Cafe RESUME');
    expect(foldDiacritics('ﬁ ²')).toBe('fi 2');
    expect(foldDiacritics('e\u0301\u1dc4x\u20d7')).toBe('ex');
  });

  it('is the fold behind both the slugs and the text filter', () => {
    const text = 'Naïve e\u1dc4co';
    expect(slugify(text)).toBe('naive-eco');
    expect(foldText(text)).toBe('naive eco');
  });
});
