import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { safeDecodeURIComponent } from '~/lib/decode-uri';
import { publicFileExists } from '~/data/public-files';

describe('safeDecodeURIComponent', () => {
  it('decodes valid percent-encoding', () => {
    expect(safeDecodeURIComponent('caf%C3%A9%20menu')).toBe('café menu');
    expect(safeDecodeURIComponent('plain')).toBe('plain');
  });

  it('keeps text that is not valid percent-encoding as written', () => {
    expect(safeDecodeURIComponent('100%.png')).toBe('100%.png');
    expect(safeDecodeURIComponent('%E2%82')).toBe('%E2%82');
  });
});

describe('publicFileExists', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('finds a file whose name has a % that is not an escape, instead of throwing URIError', () => {
    root = mkdtempSync(path.join(tmpdir(), 'greenpath-public-'));
    mkdirSync(path.join(root, 'public', 'images'), { recursive: true });
    writeFileSync(path.join(root, 'public', 'images', '100%.png'), '');
    expect(publicFileExists('/images/100%.png', root)).toBe(true);
    expect(publicFileExists('/images/50%.png', root)).toBe(false);
    expect(publicFileExists('/images/100%25.png', root)).toBe(true);
  });
});
