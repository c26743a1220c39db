import { describe, expect, it } from 'vitest';
import { mimeTypeOf, UNKNOWN_TYPE } from '~/lib/mime-types';

describe('mimeTypeOf', () => {
  it('names text files with their charset and binary files without', () => {
    expect(mimeTypeOf('/site/guides/x/index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeOf('_astro/entry.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('pagefind/pagefind-entry.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeOf('favicon.svg')).toBe('image/svg+xml');
    expect(mimeTypeOf('fonts/x.woff2')).toBe('font/woff2');
  });

  it('reads the extension case-insensitively, and only the last one', () => {
    expect(mimeTypeOf('IMG.JPG')).toBe('image/jpeg');
    expect(mimeTypeOf('archive.css.map')).toBe(UNKNOWN_TYPE);
  });

  it('sends anything else, Pagefind index chunks among them, as bytes', () => {
    expect(mimeTypeOf('pagefind/index/en_1.pf_index')).toBe('application/octet-stream');
    expect(mimeTypeOf('README')).toBe(UNKNOWN_TYPE);
    expect(mimeTypeOf('dir.d/file')).toBe(UNKNOWN_TYPE);
  });
});
