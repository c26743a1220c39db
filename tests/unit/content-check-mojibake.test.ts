import { describe, expect, it } from 'vitest';
import { CODE_PAGES, TABLES } from '../../content-tools/check/codepages';
import { findMojibake, garble, repairMojibake } from '../../content-tools/check/mojibake';

/** Clean text with what damage hits: quotes, dashes, accents, Turkish letters, CJK, Cyrillic, emoji. */
const CLEAN = [
  'It’s “quoted” — and naïve, café, São Paulo, Zürich.',
  'Türkçe: çığ, İstanbul, şeker; Polski: wąsko, źle; Ελληνικά; Привет мир; 中文和日本語.',
  'Emoji: 😊 ✅ 🌍 ⚡ and a flag 🇪🇺; maths: ½ ± ≤ → ∑; money: €5, £3, ¥7; © 2025 ™.',
].join('\n');

describe('mojibake', () => {
  it.each(CODE_PAGES)('repairs UTF-8 read as %s exactly, when every byte survived', (page) => {
    const damaged = garble(CLEAN, page, 'control');
    expect(damaged).not.toBe(CLEAN);
    expect(repairMojibake(damaged).text).toBe(CLEAN);
  });

  it('names the damage the issue describes: 😊 as ðŸ˜Š (Windows-1252) and ğŸ˜Š (Windows-1254)', () => {
    expect(garble('😊', 'windows-1252')).toBe('ðŸ˜Š');
    expect(garble('😊', 'windows-1254')).toBe('ğŸ˜Š');
    expect(findMojibake('Hi ðŸ˜Š')).toEqual([
      expect.objectContaining({ damaged: 'ðŸ˜Š', original: '😊', kind: 'repair', pages: ['windows-1252'] }),
    ]);
    expect(findMojibake('Hi ğŸ˜Š')).toEqual([
      expect.objectContaining({ damaged: 'ğŸ˜Š', original: '😊', kind: 'repair', pages: ['windows-1254'] }),
    ]);
  });

  it.each([
    ['windows-1252', 'drop'],
    ['windows-1252', 'replace'],
    ['windows-1254', 'drop'],
    ['windows-1254', 'replace'],
  ] as const)(
    'repairs what survived %s with undefined bytes %sped, and lists candidates for the rest',
    (page, mode) => {
      const text = 'Good 👍 and “done” and 😊.';
      const damaged = garble(text, page, mode);
      const { text: repaired } = repairMojibake(damaged);
      // 👍 is F0 9F 91 8D and ” is E2 80 9D: 0x8D and 0x9D are undefined in both pages.
      expect(repaired.startsWith('Good ')).toBe(true);
      expect(repaired).toContain('“done');
      expect(repaired.endsWith(' 😊.')).toBe(true);
      const lost = findMojibake(repaired).filter((f) => f.kind === 'lost-byte');
      expect(lost.map((f) => f.candidates?.includes('👍') || f.candidates?.includes('”'))).toEqual([true, true]);
      expect(repaired).not.toContain('👍');
    },
  );

  it('lists exactly the characters a lost byte can have been, most likely first, never guessing', () => {
    const [thumb] = findMojibake('ðŸ‘\uFFFD ok');
    expect(thumb?.kind).toBe('lost-byte');
    // 👍 is among the most used emoji; hands before the pouch; 👁 is shown as text by default.
    expect(thumb?.candidates).toEqual(['👍', '👏', '👐', '👝', '👁']);
    const [dropped] = findMojibake('â€ and â€™');
    expect(dropped?.damaged).toBe('â€');
    expect(dropped?.candidates).toContain('”');
    expect(repairMojibake('â€ and â€™').text).toBe('â€ and ’');
  });

  it('repairs text garbled twice, in two passes', () => {
    expect(garble(garble('café', 'windows-1252'), 'windows-1252')).toBe('cafÃƒÂ©');
    const result = repairMojibake(garble(garble('café naïve', 'windows-1252'), 'windows-1252'));
    expect(result.text).toBe('café naïve');
    expect(result.passes).toHaveLength(2);
  });

  it('leaves clean text in many languages alone', () => {
    const clean = [
      CLEAN,
      '« C’est été\u00a0» — l’été à Paris, «\u00a0déjà\u00a0».',
      'Grüße aus Köln: „Straße“, Fuß“ and ÄRGER—no.',
      'NÃO, SÃO PAULO, CAFÉ—and Ångström; ½ÂÃ.',
      'Tiếng Việt, ελληνικά, עברית, العربية, हिन्दी, 한국어.',
    ].join('\n');
    expect(findMojibake(clean).filter((f) => f.kind !== 'possible')).toEqual([]);
    expect(repairMojibake(clean).text).toBe(clean);
  });

  it('only suspects, never repairs, an isolated sequence in clean text', () => {
    expect(findMojibake('CAFÉ—and more')).toEqual([
      expect.objectContaining({ damaged: 'É—', kind: 'possible', original: 'ɗ' }),
    ]);
    expect(repairMojibake('CAFÉ—and more').text).toBe('CAFÉ—and more');
  });

  it('uses iconv-lite’s tables: the undefined bytes of each page', () => {
    expect(TABLES['windows-1252'].undefinedBytes).toEqual([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
    expect(TABLES['windows-1254'].undefinedBytes).toEqual([0x81, 0x8d, 0x8e, 0x8f, 0x90, 0x9d, 0x9e]);
    expect(TABLES.latin1.undefinedBytes).toEqual([]);
  });
});
