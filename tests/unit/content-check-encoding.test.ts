import { describe, expect, it } from 'vitest';
import { decodeGuideBytes, describeInvalidUtf8, encodingDiagnostics } from '../../content-tools/check/encoding';
import { repairGuideBytes } from '../../content-tools/check/repair';

const latin1 = (text: string) => Buffer.from(text, 'latin1');

describe('reading guide bytes', () => {
  it('reads UTF-8 as it is, byte-order mark included', () => {
    expect(decodeGuideBytes(Buffer.from('\uFEFF---\ntitle: é\n', 'utf8'))).toEqual({
      text: '\uFEFF---\ntitle: é\n',
      encoding: 'utf-8',
    });
  });

  it('names the first bad byte of a Latin-1 file with its offset, line and column, and how it reads', () => {
    const bytes = latin1('---\ntitle: Caf\u00e9 cr\u00e8me\n---\n\nNa\u00efve.\n');
    const decoded = decodeGuideBytes(bytes);
    expect(decoded.text).toBe('---\ntitle: Café crème\n---\n\nNaïve.\n');
    expect(decoded.invalid).toEqual({
      offset: 14,
      byte: 0xe9,
      line: 2,
      column: 11,
      count: 3,
      pages: ['windows-1252', 'windows-1254', 'latin1'],
      certain: true,
    });
    expect(encodingDiagnostics('x.md', bytes, decoded)).toEqual([
      {
        file: 'x.md',
        line: 2,
        column: 11,
        severity: 'error',
        rule: 'encoding',
        message:
          'not valid UTF-8: byte 0xE9 at offset 14 and 2 more; it reads as Windows-1252, Windows-1254 or Latin-1 text (all the same here), which `npm run fix:content` converts to UTF-8',
      },
    ]);
  });

  it('refuses to choose when the pages disagree, and says which byte decides', () => {
    // 0xF0 is ð in Windows-1252 and Latin-1 but ğ in Windows-1254.
    const bytes = latin1('Caf\u00e9 and \u00f0\n');
    const decoded = decodeGuideBytes(bytes);
    expect(decoded.invalid?.certain).toBe(false);
    expect(describeInvalidUtf8(decoded.invalid!, bytes, 'npm run fix:content')).toBe(
      'not valid UTF-8: byte 0xE9 at offset 3 and 1 more; byte 9 reads as Windows-1252 ("ð") or Windows-1254 ("ğ") or Latin-1 ("ð"), so it is not converted: choose one with `npm run fix:content -- --encoding windows-1252|windows-1254|latin1`',
    );
    expect(repairGuideBytes(bytes).refused).toContain('reads differently');
    expect(new TextDecoder().decode(repairGuideBytes(bytes, { encoding: 'windows-1254' }).bytes)).toBe('Café and ğ\n');
  });

  it('rules out Latin-1 when a byte would be a C1 control, and reads a Windows-1252 file', () => {
    const bytes = Buffer.from([0x49, 0x74, 0x92, 0x73, 0x20, 0x93, 0x6f, 0x6b, 0x94, 0x0a]);
    const decoded = decodeGuideBytes(bytes);
    expect(decoded.text).toBe('It’s “ok”\n');
    expect(decoded.invalid?.pages).toEqual(['windows-1252', 'windows-1254']);
    expect(decoded.invalid?.certain).toBe(true);
  });

  it('converts UTF-16 files named by their byte-order mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: é\n', 'utf16le')]);
    const result = repairGuideBytes(bytes);
    expect(new TextDecoder().decode(result.bytes)).toBe('---\ntitle: é\n');
    expect(result.repairs[0]).toMatchObject({ rule: 'encoding', from: 'UTF-16LE', to: 'UTF-8' });
  });
});
