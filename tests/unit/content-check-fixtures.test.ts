/**
 * The content check on the import fixtures: collections modelled on real ones, with every flaw the
 * checker knows, and the damaged guides of the Jekyll one held to the script that made them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../content-tools/check';
import { findMojibake } from '../../content-tools/check/mojibake';
import { repairGuideBytes } from '../../content-tools/check/repair';
import { formatLong } from '~/schemas/errors';
import { damagedBytes, SOURCES, TARGETS } from '../fixtures/damage-sources/generate';
import { DAMAGES } from '../fixtures/damage-sources/manifest';

async function report(dir: string): Promise<string[]> {
  const result = await checkContent({ dir, cache: false });
  return result.diagnostics.map(formatLong).map((line) => line.slice(dir.length + 1));
}

describe('the damaged guides of the Jekyll fixture', () => {
  it.each(DAMAGES.map((d) => [d.target, d] as const))('%s is exactly what generate.ts writes', (_, damage) => {
    expect(readFileSync(path.join(TARGETS, damage.target)).equals(damagedBytes(damage))).toBe(true);
  });

  it.each(DAMAGES.filter((d) => d.reversible).map((d) => [d.target, d] as const))(
    '%s repairs back to its clean original, byte for byte',
    (_, damage) => {
      const repaired = repairGuideBytes(readFileSync(path.join(TARGETS, damage.target)));
      expect(
        repaired.bytes && Buffer.from(repaired.bytes).equals(readFileSync(path.join(SOURCES, damage.source))),
      ).toBe(true);
    },
  );

  it.each(DAMAGES.filter((d) => !d.reversible).map((d) => [d.target, d] as const))(
    '%s repairs what survived, and each lost character is among the candidates it lists',
    (_, damage) => {
      const original = readFileSync(path.join(SOURCES, damage.source), 'utf8');
      const repaired = repairGuideBytes(readFileSync(path.join(TARGETS, damage.target))).text;
      const lost = findMojibake(repaired).filter((f) => f.kind === 'lost-byte');
      expect(lost.length).toBeGreaterThan(0);
      // Putting back the one candidate the author meant restores the original exactly.
      let restored = '';
      let at = 0;
      let shift = 0;
      for (const finding of lost) {
        const meant = String.fromCodePoint(original.codePointAt(finding.start - shift) ?? 0);
        expect(finding.candidates).toContain(meant);
        restored += repaired.slice(at, finding.start) + meant;
        at = finding.end;
        shift += finding.end - finding.start - meant.length;
      }
      restored += repaired.slice(at);
      expect(restored).toBe(original);
    },
  );
});

describe('npm run check:content on the fixtures', () => {
  it('reports every flaw of the Jekyll collection, grouped by file, each with line, column, severity and rule', async () => {
    expect(await report('tests/fixtures/import-jekyll/_guides')).toEqual([
      '2024-03-01-green-hosting-basics.md:6:8 warning unknown-tag: tags[0]: "hosting" is not in content/tags.yaml; add it there, or choose a listed tag',
      '2024-03-01-green-hosting-basics.md:9:1 warning image-alt: image: the hero image has no image_alt; add one line saying what it shows',
      '2024-03-01-green-hosting-basics.md:9:1 warning missing-image: image: expected a file at public/assets/images/guides/solar-roof.svg, found none; the guide is published without its hero image',
      '2024-03-08-measuring-page-weight.md:29:1 error broken-link: /guides/Lazy_Loading_Images/ links to a guide that does not exist: no guide has the slug "Lazy_Loading_Images"; did you mean /guides/lazy-loading-images/?',
      '2024-03-15-cdn-caching.md:9:9 error yaml: YAML syntax: Nested mappings are not allowed in compact mappings',
      '2024-04-02-draft-idea.md:6:1 error schema: tags: expected a list of 1 to 10 tags, such as [cloud, carbon-aware], found the string "design energy"',
      '2024-04-10-Lazy_Loading_Images.md:1:1 warning missing-description: description: missing; the first paragraph stands in ("Images below the fold are often never seen. The lo…")',
      '2024-04-10-Lazy_Loading_Images.md:6:8 warning unknown-tag: tags[0]: "images" is not in content/tags.yaml; add it there, or choose a listed tag',
      '2024-05-01-energy-dashboards.md:8:11 error broken-link: related[0]: expected the slug of a guide, found "carbon-budgets-for-teams", which no guide has',
      '2024-05-01-energy-dashboards.md:20:3 error broken-link: /guides/carbon-budgets-for-teams/ links to a guide that does not exist: no guide has the slug "carbon-budgets-for-teams"',
      '2024-06-01-image-formats.md:6:8 warning unknown-tag: tags[0]: "images" is not in content/tags.yaml; add it there, or choose a listed tag',
      '2024-06-01-image-formats.md:8:1 warning image-alt: image: the hero image has no image_alt; add one line saying what it shows',
      '2024-06-01-image-formats.md:8:1 warning missing-image: image: expected a file at public/assets/images/guides/format-comparison.png, found none; the guide is published without its hero image',
      '2024-06-01-image-formats.md:14:1 error broken-image: /assets/images/guides/before-after.png: expected a file at public/assets/images/guides/before-after.png, found none',
      '2024-06-01-image-formats.md:14:1 warning image-alt: image /assets/images/guides/before-after.png has no alt text; describe it in ![…](/assets/images/guides/before-after.png)',
      '2024-06-10-tools-and-tips.md:3:1 error entity: title: front matter is not HTML, so readers see "&amp;" ("&") as written; write the characters themselves',
      '2024-06-10-tools-and-tips.md:8:1 warning reading-time: estimated_time: declares 25 min, but the 27 words read in about 1 min; write 1 or leave the field out',
      '2024-06-10-tools-and-tips.md:11:62 error entity: "&amp;amp;" was escaped twice, so readers see "&amp;"; `npm run fix:content` unescapes it once',
      '2024-06-20-no-difficulty.md:1:1 error schema: difficulty: expected one of beginner, intermediate, advanced, found nothing (the field is missing)',
      '2024-07-01-emoji-reactions.md:7:39 error mojibake: UTF-8 text read as Windows-1252: "ðŸ˜Š" → "😊", "ðŸŽ‰" → "🎉"; `npm run fix:content` repairs it',
      '2024-07-01-emoji-reactions.md:10:28 error mojibake: UTF-8 text read as Windows-1252: "ðŸ˜Š" → "😊", "ðŸŽ‰" → "🎉", "âœ¨" → "✨"; `npm run fix:content` repairs it',
      '2024-07-01-emoji-reactions.md:11:22 error mojibake: UTF-8 text read as Windows-1252 or Windows-1254: "â€™" → "’"; `npm run fix:content` repairs it',
      '2024-07-01-emoji-reactions.md:13:8 error mojibake: UTF-8 text read as Windows-1252, Windows-1254 or Latin-1: "Ã¨" → "è"; `npm run fix:content` repairs it',
      '2024-07-01-emoji-reactions.md:15:15 error mojibake: UTF-8 text read as Windows-1252 or Windows-1254: "â€™" → "’", "â€”" → "—", "â€™" → "’", "â€”" → "—"; `npm run fix:content` repairs it',
      '2024-07-01-emoji-reactions.md:16:60 error mojibake: UTF-8 text read as Windows-1252 or Windows-1254: "â€˜" → "‘", "â€™" → "’", "â€™" → "’"; `npm run fix:content` repairs it',
      '2024-07-02-turkish-notes.md:3:24 error mojibake: UTF-8 text read as Windows-1252, Windows-1254 or Latin-1: "Ä°" → "İ"; `npm run fix:content` repairs it',
      '2024-07-02-turkish-notes.md:7:37 error mojibake: UTF-8 text read as Windows-1254: "ÅŸ" → "ş", "Ã§" → "ç", "ğŸ˜Š" → "😊"; `npm run fix:content` repairs it',
      '2024-07-02-turkish-notes.md:10:15 error mojibake: UTF-8 text read as Windows-1252 or Windows-1254: "Ä°" → "İ", "Ã©" → "é", "Ä±" → "ı", "Ã¶" → "ö", "ÄŸ" → "ğ"; `npm run fix:content` repairs it',
      '2024-07-02-turkish-notes.md:11:47 error mojibake: UTF-8 text read as Windows-1252 or Windows-1254: "â€”" → "—"; `npm run fix:content` repairs it',
      '2024-07-02-turkish-notes.md:15:29 error mojibake: UTF-8 text read as Windows-1254: "Â«" → "«", "Ã¶" → "ö", "Ã§" → "ç", "Â»" → "»", "ğŸ˜Š" → "😊"; `npm run fix:content` repairs it',
      '2024-07-03-quotes-and-emoji.md:10:25 error mojibake: UTF-8 text read as Latin-1: "â\\u0080\\u009C" → "“", "â\\u0080\\u009D" → "”", "â\\u0080\\u0099" → "’", "â\\u0080\\u0094" → "—", "ð\\u009F\\u0091\\u008D" → "👍"; `npm run fix:content` repairs it',
      '2024-07-03-quotes-and-emoji.md:11:5 error mojibake: UTF-8 text read as Latin-1: "ð\\u009F\\u008C\\u008D" → "🌍"; `npm run fix:content` repairs it',
      '2024-07-04-thumbs-up.md:10:47 error mojibake: "ðŸ‘" is a character read as Windows-1252 that lost a byte; it could be 👍 (U+1F44D), 👏 (U+1F44F), 👐 (U+1F450), 🍑 (U+1F351), 🏑 (U+1F3D1), 🐑 (U+1F411), 👝 (U+1F45D), 👁 (U+1F441), 𝟑 (U+1D7D1), 🁑 (U+1F051), 🝑 (U+1F751): replace it by hand',
      '2024-07-04-thumbs-up.md:10:92 error mojibake: UTF-8 text read as Windows-1252 or Windows-1254: "â€œ" → "“"; `npm run fix:content` repairs it',
      '2024-07-04-thumbs-up.md:11:9 error mojibake: "â€" is a character read as Windows-1252 or Windows-1254 that lost a byte; it could be ” (U+201D), „ (U+201E), ‐ (U+2010), ⁀ (U+2040), ➀ (U+2780), ⍀ (U+2340), ⎀ (U+2380), ⏀ (U+23C0), ␀ (U+2400), ❀ (U+2740), U+2001 (invisible), U+200D (invisible), U+200E (invisible), U+200F (invisible): replace it by hand',
      '2024-07-04-thumbs-up.md:11:32 error mojibake: UTF-8 text read as Windows-1252: "ðŸ˜Š" → "😊"; `npm run fix:content` repairs it',
      '2024-07-05-reactions-tr.md:10:22 error mojibake: "ğŸ‘�" is a character read as Windows-1254 that lost a byte; it could be 👍 (U+1F44D), 👎 (U+1F44E), 👏 (U+1F44F), 👐 (U+1F450), 👝 (U+1F45D), 👞 (U+1F45E), 👁 (U+1F441): replace it by hand',
      '2024-07-05-reactions-tr.md:10:62 error mojibake: UTF-8 text read as Windows-1254: "ğŸ˜Š" → "😊"; `npm run fix:content` repairs it',
      '2024-07-05-reactions-tr.md:11:19 error mojibake: UTF-8 text read as Windows-1252 or Windows-1254: "â€œ" → "“", "Ã§" → "ç"; `npm run fix:content` repairs it',
      '2024-07-05-reactions-tr.md:11:30 error mojibake: "â€�" is a character read as Windows-1252 or Windows-1254 that lost a byte; it could be ” (U+201D), „ (U+201E), ‐ (U+2010), U+2001 (invisible), U+200D (invisible), U+200E (invisible), U+200F (invisible): replace it by hand',
      '2024-07-06-cafe-notes.md:3:12 error encoding: not valid UTF-8: byte 0xE9 at offset 29 and 9 more; it reads as Windows-1252, Windows-1254 or Latin-1 text (all the same here), which `npm run fix:content` converts to UTF-8',
    ]);
  }, 30_000);

  it('reports every flaw of the Docusaurus collection', async () => {
    expect(await report('tests/fixtures/import-docusaurus/docs')).toEqual([
      'getting-started/installation.md:1:1 error schema: date: expected a date such as 2024-05-01 (YAML date or ISO 8601), found nothing (the field is missing)',
      'getting-started/installation.md:1:1 error schema: difficulty: expected one of beginner, intermediate, advanced, found nothing (the field is missing)',
      'getting-started/installation.md:2:1 warning unknown-key: id: unknown field (it is ignored)',
      'getting-started/installation.md:4:1 warning unknown-key: sidebar_position: unknown field (it is ignored)',
      'getting-started/installation.md:6:8 warning unknown-tag: tags[0]: "persona:developer" is not in content/tags.yaml; add it there, or choose a listed tag',
      'getting-started/installation.md:6:27 warning unknown-tag: tags[1]: "setup" is not in content/tags.yaml; add it there, or choose a listed tag',
      'getting-started/installation.md:7:1 warning unknown-key: last_update: unknown field (it is ignored)',
      'getting-started/measuring-energy.md:1:1 error schema: date: expected a date such as 2024-05-01 (YAML date or ISO 8601), found nothing (the field is missing)',
      'getting-started/measuring-energy.md:1:1 error schema: difficulty: expected one of beginner, intermediate, advanced, found nothing (the field is missing)',
      'getting-started/measuring-energy.md:3:1 warning unknown-key: published_date: unknown field (it is ignored)',
      'getting-started/measuring-energy.md:4:1 warning unknown-key: skill: unknown field (it is ignored)',
      'getting-started/measuring-energy.md:6:5 warning unknown-tag: tags[0]: "persona:sre" is not in content/tags.yaml; add it there, or choose a listed tag',
      'guides/broken-jsx.mdx:13:1 error mdx: MDX does not compile: Unexpected closing tag `</span>`, expected corresponding closing tag for `<div>`',
      'guides/carbon-aware-jobs.md:1:1 error schema: date: expected a date such as 2024-05-01 (YAML date or ISO 8601), found nothing (the field is missing)',
      'guides/carbon-aware-jobs.md:1:1 error schema: difficulty: expected one of beginner, intermediate, advanced, found nothing (the field is missing)',
      'guides/carbon-aware-jobs.md:3:1 warning unknown-key: published_date: unknown field (it is ignored)',
      'guides/carbon-aware-jobs.md:4:8 warning unknown-tag: tags[0]: "persona:sre" is not in content/tags.yaml; add it there, or choose a listed tag',
      'guides/carbon-aware-jobs.md:11:1 error broken-image: /img/carbon-diagram.svg: expected a file at public/img/carbon-diagram.svg, found none',
      'guides/carbon-aware-jobs.md:15:1 error broken-link: ../getting-started/installation.md links to the source file getting-started/installation.md, which the site does not publish; link to /guides/installation/',
      'guides/carbon-aware-jobs.md:16:1 error broken-link: ../getting-started/measuring-energy.md#read-the-meter links to the source file getting-started/measuring-energy.md, which the site does not publish; link to /guides/measuring-energy/#read-the-meter',
      'guides/carbon-aware-jobs.md:17:12 error broken-link: ./intro.md links to the source file guides/intro.md, which the site does not publish; link to /guides/intro/',
      'guides/hugo-style-note.md:1:1 error schema: difficulty: expected one of beginner, intermediate, advanced, found nothing (the field is missing)',
      'guides/hugo-style-note.md:4:1 warning unknown-key: lastmod: unknown field (it is ignored)',
      'guides/hugo-style-note.md:6:1 warning unknown-key: summary: unknown field (it is ignored)',
      'guides/hugo-style-note.md:7:1 warning unknown-key: categories: unknown field (it is ignored)',
      'guides/hugo-style-note.md:8:17 warning unknown-tag: tags[1]: "persona:developer" is not in content/tags.yaml; add it there, or choose a listed tag',
      'guides/intro.md:1:1 error duplicate-slug: slug: expected a slug no other guide has, found "intro", also the slug of tests/fixtures/import-docusaurus/docs/intro.md',
      'guides/intro.md:1:1 error schema: difficulty: expected one of beginner, intermediate, advanced, found nothing (the field is missing)',
      'guides/intro.md:4:8 warning unknown-tag: tags[0]: "persona:developer" is not in content/tags.yaml; add it there, or choose a listed tag',
      'guides/intro.md:9:1 error broken-link: /docs/intro links to /docs/intro, and the site has no page there',
      'guides/tabs-example.mdx:9:1 error mdx: imports "@theme/Tabs", which does not resolve here; guides import components from src/components/mdx/ (~/components/mdx/…)',
      'guides/tabs-example.mdx:10:1 error mdx: imports "@theme/TabItem", which does not resolve here; guides import components from src/components/mdx/ (~/components/mdx/…)',
      'intro.md:1:1 error duplicate-slug: slug: expected a slug no other guide has, found "intro", also the slug of tests/fixtures/import-docusaurus/docs/guides/intro.md',
      'intro.md:1:1 warning heading-level: "# Welcome to the Green Software Handbook" is a second top-level heading beside the title; make it "## Welcome to the Green Software Handbook"',
      'intro.md:1:1 error schema: front matter: expected a --- block with title, date, difficulty and tags at the top of the file, found none',
      'intro.md:4:6 error broken-link: ./getting-started/installation.md links to the source file getting-started/installation.md, which the site does not publish; link to /guides/installation/',
      'intro.md:5:1 error broken-link: ./guides/carbon-aware-jobs.md links to the source file guides/carbon-aware-jobs.md, which the site does not publish; link to /guides/carbon-aware-jobs/',
    ]);
  }, 30_000);
});
