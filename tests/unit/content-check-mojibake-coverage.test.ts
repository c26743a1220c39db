import { describe, expect, it } from 'vitest';
import { CODE_PAGES } from '../../content-tools/check/codepages';
import { findMojibake, garble, repairMojibake } from '../../content-tools/check/mojibake';
import { repairGuideText } from '../../content-tools/check/repair';

/** Every assigned, non-private character of U+0080–U+FFFF, and the emoji blocks of plane 1. */
function everyCharacter(): string[] {
  const ranges: [number, number][] = [
    [0x80, 0xffff],
    [0x1f000, 0x1faff],
  ];
  const out: string[] = [];
  for (const [from, to] of ranges) {
    for (let cp = from; cp <= to; cp++) {
      const char = String.fromCodePoint(cp);
      if (!/[\p{Cc}\p{Cn}\p{Co}\p{Cs}]/u.test(char)) out.push(char);
    }
  }
  return out;
}

const label = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

describe('mojibake repair coverage', () => {
  it('repairs ε, δ and Σ in formulas, next to the ∈, ← and · it already repaired', () => {
    const line = 'For every ε > 0 there is δ with Σ x·y ∈ A ← B.';
    for (const page of CODE_PAGES) {
      const damaged = garble(line, page, 'control');
      expect(damaged).toContain('Î');
      expect(repairMojibake(damaged).text).toBe(line);
      expect(repairGuideText(damaged).text).toBe(line);
    }
    expect(repairMojibake('Îµ-Î´ and Î£x').text).toBe('ε-δ and Σx');
  });

  const characters = everyCharacter();

  it.each(CODE_PAGES)('restores every character garbled through %s on a line with other damage', (page) => {
    // 64 characters a line, each between spaces, keeps the loop to a second.
    const failures: string[] = [];
    for (let i = 0; i < characters.length; i += 64) {
      const group = characters.slice(i, i + 64);
      const line = `it’s ${group.join(' x ')} y`;
      if (repairMojibake(garble(line, page, 'control')).text === line) continue;
      failures.push(`the line from ${label(group[0] as string)}`);
      for (const char of group) {
        const one = `it’s ${char} y`;
        if (repairMojibake(garble(one, page, 'control')).text !== one) failures.push(label(char));
      }
    }
    expect(failures).toEqual([]);
  });

  it.each(CODE_PAGES)(
    'restores every character garbled alone through %s, or leaves it whole when it reads as real text',
    (page) => {
      const wrong: string[] = [];
      let leftAlone = 0;
      let total = 0;
      for (const char of characters) {
        const line = `x ${char} y`;
        const damaged = garble(line, page, 'control');
        if (damaged === line) continue;
        total++;
        const repaired = repairMojibake(damaged).text;
        if (repaired === line) continue;
        // Left alone only when the damaged form is also ordinary text (`è…”` in Italian, `É—`):
        // never half repaired, never repaired into something else.
        if (repaired === damaged) leftAlone++;
        else wrong.push(label(char));
      }
      expect(wrong).toEqual([]);
      // Measured: about 1% of characters garble into something a Western text could contain.
      expect(leftAlone / total).toBeLessThan(0.02);
    },
  );

  /** Real text whose letters a careless detector would read as damage. */
  const REAL = [
    // French
    'Île-de-France',
    'CAFÉ—bar',
    'l’été\u00a0» et «\u00a0déjà\u00a0»',
    'Œuvre, cœur, sœur',
    'naïve Noël, garçon',
    'ÉTÉ’S CLOSING',
    'voilà.',
    // Portuguese
    'Ângulo',
    'NÃO, SÃO PAULO',
    '“IRMÃ” e “É”',
    'ação, informações, pão',
    'Ó mar salgado',
    // Icelandic
    'Ðórður',
    'Þórður Ægir',
    'meðal sögð, Ísland',
    'ÐÓRÐUR—',
    // German
    'Fuß“ und „Straße“',
    '»Ärger« im Öl',
    '‚Maß‘',
    'GRÜẞE, Grüße',
    'ÄRGER—no',
    // Turkish (Windows-1254 letters)
    'İstanbul',
    'Ağaç, Çığ, dağ…”',
    'ŞİŞLİ’de',
    'ĞÜÇ—',
    'değil, eşik',
    // Spanish
    'Ñandú, año',
    '¿Qué?',
    'ÁNGEL—él',
    'él—dijo',
    // Italian, Swedish and others
    'Com’è…”',
    'È—vero',
    'SKÅ”',
    'Ö” och Å',
    'Ångström ½ÂÃ',
    'São Tomé™ and Café®',
  ];

  it(`leaves ${REAL.length} real words alone, alone and in a damaged file`, () => {
    expect(REAL.length).toBeGreaterThanOrEqual(30);
    for (const word of REAL) {
      expect(
        findMojibake(word).filter((f) => f.kind !== 'possible'),
        word,
      ).toEqual([]);
      expect(repairMojibake(word).text, word).toBe(word);
      const file = `Itâ€™s here.\n${word}\nAnd cafÃ©.`;
      expect(repairMojibake(file).text, word).toBe(`It’s here.\n${word}\nAnd café.`);
    }
  });

  it('restores U+FE0F after an emoji although its last byte was lost, with a note', () => {
    const text = 'I ❤️ it, ☀️ and 1️⃣ too.';
    for (const page of ['windows-1252', 'windows-1254'] as const) {
      const damaged = garble(text, page, 'drop');
      expect(damaged).toContain('ï¸ it');
      const { text: repaired } = repairMojibake(damaged);
      // ❤ (E2 9D A4) lost its middle byte too, and only a person can choose among its candidates.
      expect(repaired).toBe('I â¤\uFE0F it, ☀️ and 1️⃣ too.');
      const [heart] = findMojibake(repaired);
      expect(heart?.kind).toBe('lost-byte');
      expect(heart?.candidates?.[0]).toBe('❤');
      const notes = repairGuideText(damaged)
        .repairs.filter((r) => r.to === '\uFE0F')
        .map((r) => r.note);
      expect(notes).toHaveLength(3);
      expect(notes[0]).toMatch(/U\+FE0F, the emoji presentation selector, as it follows an emoji/);
    }
    // Not after an emoji: every candidate stays open.
    const [alone] = findMojibake(garble('x \uFE0F y', 'windows-1252', 'drop'));
    expect(alone?.kind).toBe('lost-byte');
    expect(alone?.candidates).toContain('\uFE0F');
  });
});
