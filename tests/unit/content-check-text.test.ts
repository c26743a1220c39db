import { describe, expect, it } from 'vitest';
import { parseGuideSource } from '../../content-tools/frontmatter';
import { decodeEntity, findDoubleEscapedEntities } from '../../content-tools/check/entities';
import { findInvisibleCharacters } from '../../content-tools/check/invisible';
import { repairGuideBytes, repairGuideText } from '../../content-tools/check/repair';
import { textDiagnostics } from '../../content-tools/check/text';
import { formatLong } from '~/schemas/errors';

function diagnose(source: string, codeRanges: [number, number][] = []) {
  const parsed = parseGuideSource(source);
  return textDiagnostics({
    displayPath: 'g.md',
    source,
    parsed,
    bodyStart: source.length - parsed.body.length,
    codeRanges,
  })
    .sort((a, b) => a.line - b.line || a.column - b.column)
    .map(formatLong);
}

const HEAD = '---\ntitle: T\ndate: 2025-01-01\ndifficulty: beginner\ntags: [cloud]\n---\n\n';

describe('character rules', () => {
  it('reports mojibake once per line with every pair, and a lost byte with its candidates', () => {
    expect(diagnose(`${HEAD}Itâ€™s a cafÃ© ðŸ˜Š.\nThumbs ðŸ‘ up.\n`)).toEqual([
      'g.md:8:3 error mojibake: UTF-8 text read as Windows-1252: "â€™" → "’", "Ã©" → "é", "ðŸ˜Š" → "😊"; `npm run fix:content` repairs it',
      'g.md:9:8 error mojibake: "ðŸ‘" is a character read as Windows-1252 that lost a byte; it could be 👍 (U+1F44D), 👏 (U+1F44F), 👐 (U+1F450), 🍑 (U+1F351), 🏑 (U+1F3D1), 🐑 (U+1F411), 👝 (U+1F45D), 👁 (U+1F441), 𝟑 (U+1D7D1), 🁑 (U+1F051), 🝑 (U+1F751): replace it by hand',
    ]);
  });

  it('reports invisible characters, with controls and bidi overrides as errors', () => {
    expect(diagnose(`${HEAD}a\u200Bb c\u0007d e\u202Ef g\uFFFDh 👩\u200D💻 ok\n`)).toEqual([
      'g.md:8:2 warning invisible-character: zero-width space U+200B; delete it, or write what it stands for',
      'g.md:8:6 error invisible-character: control character U+0007; delete it, or write what it stands for',
      'g.md:8:10 error invisible-character: right-to-left override U+202E; delete it, or write what it stands for',
      'g.md:8:14 error invisible-character: replacement character: the decoder that wrote this file lost a character here',
    ]);
  });

  it('reports entities escaped twice in prose but not in code, and every entity in front matter', () => {
    const source = `---\ntitle: Tools &amp; tips\ndate: 2025-01-01\ndifficulty: beginner\ntags: [cloud]\n---\n\nSalt &amp;amp; pepper, \`&amp;amp;\` in code.\n`;
    const body = parseGuideSource(source).body;
    const codeStart = body.indexOf('`');
    expect(diagnose(source, [[codeStart, codeStart + 11]])).toEqual([
      'g.md:2:1 error entity: title: front matter is not HTML, so readers see "&amp;" ("&") as written; write the characters themselves',
      'g.md:8:6 error entity: "&amp;amp;" was escaped twice, so readers see "&amp;"; `npm run fix:content` unescapes it once',
    ]);
  });

  it('knows which entities exist', () => {
    expect(decodeEntity('amp')).toBe('&');
    expect(decodeEntity('#8217')).toBe('’');
    expect(decodeEntity('#x1F60A')).toBe('😊');
    expect(decodeEntity('notanentity')).toBeUndefined();
    expect(findDoubleEscapedEntities('R&amp;D; &amp;bogus;', 0, 20, [])).toEqual([]);
  });

  it('leaves joiners inside emoji and scripts alone', () => {
    expect(findInvisibleCharacters('👩\u200D💻 and क्\u200Dष')).toEqual([]);
    expect(findInvisibleCharacters('\uFEFFstart')).toEqual([]);
  });
});

describe('certain repairs', () => {
  it('repairs mojibake and entities, and nothing else', () => {
    const source = `---\ntitle: Tools &amp; tips for the cafÃ©\ndate: 2025-01-01\ndifficulty: beginner\ntags: [cloud]\n---\n\nSalt &amp;amp; pepper â€” \`&amp;amp;\` stays. ðŸ‘ stays.\n`;
    const { text, repairs } = repairGuideText(source);
    expect(text).toBe(
      `---\ntitle: Tools & tips for the café\ndate: 2025-01-01\ndifficulty: beginner\ntags: [cloud]\n---\n\nSalt &amp; pepper — \`&amp;amp;\` stays. ðŸ‘ stays.\n`,
    );
    expect(repairs.map((r) => `${r.line}:${r.column} ${r.rule} ${r.from} → ${r.to}`)).toEqual([
      '2:36 mojibake Ã© → é',
      '8:23 mojibake â€” → —',
      '8:6 entity &amp;amp; → &amp;',
      '2:1 entity Tools &amp; tips for the café → Tools & tips for the café',
    ]);
  });

  it('keeps a front-matter entity whose character would change the YAML, and reports it', () => {
    const source = `---\ntitle: "Say &quot;hi&quot;"\ndate: 2025-01-01\ndifficulty: beginner\ntags: [cloud]\n---\n\nBody.\n`;
    expect(repairGuideText(source)).toEqual({ text: source, repairs: [] });
  });

  it('leaves a clean file untouched: no bytes to write', () => {
    const clean = Buffer.from(`${HEAD}Clean “text”, café, 😊.\n`, 'utf8');
    expect(repairGuideBytes(clean)).toEqual({ bytes: undefined, text: clean.toString('utf8'), repairs: [] });
  });
});
