import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bodyFactsJson, bodyKey, lookupFacts, readKnownFacts } from '~/lib/body-facts';
import { analyseBody } from '~/lib/content-check/analyse';
import { guideBody, parseGuideSource } from '~/lib/frontmatter';
import { buildLibrary } from '~/lib/library';
import { bodyFacts } from '~/lib/markdown-text';
import { guideSchema } from '~/schemas/guide';
import { generateGuides } from '../../scripts/lib/generate-guides';

describe('body keys', () => {
  it('ignore leading blank lines and trailing whitespace, and nothing else', () => {
    expect(bodyKey('\n\nSome *text*.\n')).toBe(bodyKey('Some *text*.'));
    expect(bodyKey('Some *text*.')).not.toBe(bodyKey('Some *text*!'));
    // Leading spaces on the first line can make an indented code block: they count.
    expect(bodyKey('    code')).not.toBe(bodyKey('code'));
  });
});

describe('reading a body back from its file', () => {
  // The collection keeps no bodies; src/lib/content.ts reads them with guideBody, and must key
  // them as the content check did.
  it('gives the body the content check parsed, for every form of front matter', () => {
    const sources = [
      ...generateGuides({ count: 40, seed: 5 }).map((g) => g.source),
      '---\r\ntitle: CRLF\r\n---\r\n\r\nBody.\r\n',
      '\uFEFF---\ntitle: BOM\n...\nBody after a YAML end marker.',
      'No front matter at all.',
      '---\ntitle: never closed\n',
    ];
    for (const source of sources) {
      expect(guideBody(source), source.slice(0, 40)).toBe(parseGuideSource(source).body);
      expect(bodyKey(guideBody(source))).toBe(bodyKey(parseGuideSource(source).body));
    }
  });
});

describe('handing the content check’s facts to the library', () => {
  const guides = generateGuides({ count: 12, seed: 3 }).map((g) => parseGuideSource(g.source));

  it('gives exactly the facts the library would compute itself', { timeout: 60_000 }, () => {
    for (const parsed of guides) {
      const analysis = analyseBody(parsed.body, { bodyLine: parsed.bodyLine, mdx: false, frontmatter: parsed.data });
      const expected = bodyFacts(parsed.body);
      expect({
        words: analysis.words,
        readingMinutes: analysis.readingMinutes,
        firstParagraph: analysis.firstParagraph,
      }).toEqual(expected);
    }
  });

  it('writes them to a file the library looks bodies up in, and misses edited bodies', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'facts-')), 'facts.json');
    writeFileSync(file, bodyFactsJson([{ body: 'One two three.', facts: bodyFacts('One two three.') }]));
    const lookup = lookupFacts(readKnownFacts(file));
    expect(lookup('\nOne two three.\n')).toEqual({ words: 3, readingMinutes: 1, firstParagraph: 'One two three.' });
    expect(lookup('One two three four.')).toBeUndefined();
    expect(readKnownFacts(path.join(path.dirname(file), 'missing.json'))).toEqual({});
  });

  it('is what buildLibrary uses when it knows a body, and parses otherwise', () => {
    const parsed = guides[0];
    if (!parsed) throw new Error('no guide');
    const data = guideSchema.parse(parsed.data);
    const input = { id: 'a', data, body: parsed.body, filePath: 'a.md' };
    const sentinel = { words: 4242, readingMinutes: 19, firstParagraph: 'From the check.' };
    const known = buildLibrary([input], {}, { knownFacts: () => sentinel }).guides[0];
    expect(known?.words).toBe(4242);
    const computed = buildLibrary([input]).guides[0];
    expect(computed?.words).toBe(bodyFacts(parsed.body).words);
  });
});
