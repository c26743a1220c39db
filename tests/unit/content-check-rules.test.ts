import { describe, expect, it } from 'vitest';
import { imageAltDiagnostics } from '../../content-tools/check/images';
import { readingTimeDiagnostics } from '../../content-tools/check/reading-time';
import { emptyBodyDiagnostics, headingLevelDiagnostics } from '../../content-tools/check/structure';
import { tagDiagnostics } from '../../content-tools/check/tags';
import { duplicateTitleDiagnostics } from '../../content-tools/check/titles';
import { formatLong } from '~/schemas/errors';
import { guideRecord, guideText } from './support/guide-record';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');

describe('reading time', () => {
  it('warns when estimated_time differs from the text by more than half', () => {
    const long = guideRecord('a.md', guideText('estimated_time: "12 min read"\n', `${words(440)}\n`));
    expect(readingTimeDiagnostics(long).map(formatLong)).toEqual([
      'guides/a.md:7:1 warning reading-time: estimated_time: declares 12 min, but the 440 words read in about 2 min; write 2 or leave the field out',
    ]);
  });
  it('accepts an estimate within half of the computed time, and no estimate at all', () => {
    expect(readingTimeDiagnostics(guideRecord('a.md', guideText('estimated_time: 3\n', `${words(440)}\n`)))).toEqual(
      [],
    );
    expect(readingTimeDiagnostics(guideRecord('a.md', guideText('', `${words(440)}\n`)))).toEqual([]);
  });
});

describe('images', () => {
  it('want alt text on body images and on the hero image', () => {
    const record = guideRecord(
      'a.mdx',
      guideText(
        'image: /images/x.svg\n',
        '![](/images/y.svg)\n\n![A chart](/images/z.svg)\n\n<img src="/images/w.svg" />\n',
      ),
    );
    expect(imageAltDiagnostics(record).map(formatLong)).toEqual([
      'guides/a.mdx:10:1 warning image-alt: image /images/y.svg has no alt text; describe it in ![…](/images/y.svg)',
      'guides/a.mdx:14:1 warning image-alt: <img src="/images/w.svg"> has no alt attribute; describe it, or write alt="" if it is decoration',
      'guides/a.mdx:7:1 warning image-alt: image: the hero image has no image_alt; add one line saying what it shows',
    ]);
  });
});

describe('duplicate titles', () => {
  it('warn on each guide, naming the others', () => {
    const a = guideRecord('a.md', guideText('', 'Text.\n', 'Green  Hosting'));
    const b = guideRecord('b.md', guideText('', 'Text.\n', 'green hosting'));
    const c = guideRecord('c.md', guideText('', 'Text.\n', 'Other'));
    expect(duplicateTitleDiagnostics([a, b, c]).map(formatLong)).toEqual([
      'guides/a.md:2:1 warning duplicate-title: title: "Green  Hosting" is also the title of guides/b.md',
      'guides/b.md:2:1 warning duplicate-title: title: "green hosting" is also the title of guides/a.md',
    ]);
  });
});

describe('tags', () => {
  const vocabulary = {
    cloud: { label: 'Cloud', description: 'd' },
    'carbon-aware': { label: 'Carbon-aware', description: 'd' },
  };
  const record = guideRecord(
    'a.md',
    guideText('', 'Text.\n').replace('tags: [cloud]', 'tags: [Cloud, carbon-awre, persona:developer]'),
  );
  it('warn with the nearest known tag', () => {
    expect(tagDiagnostics(record, vocabulary, 'content/tags.yaml').map(formatLong)).toEqual([
      'guides/a.md:5:15 warning unknown-tag: tags[1]: "carbon-awre" is not in content/tags.yaml; did you mean "carbon-aware"?',
      'guides/a.md:5:28 warning unknown-tag: tags[2]: "persona:developer" is not in content/tags.yaml; add it there, or choose a listed tag',
    ]);
  });
  it('are errors when strict', () => {
    expect(tagDiagnostics(record, vocabulary, 'content/tags.yaml', 'error').map((d) => d.severity)).toEqual([
      'error',
      'error',
    ]);
  });
});

describe('structure', () => {
  it('refuses an empty published guide, and lets a draft be empty', () => {
    expect(emptyBodyDiagnostics(guideRecord('a.md', guideText('', '\n<!-- todo -->\n'))).map(formatLong)).toEqual([
      'guides/a.md:8:1 error empty-body: the guide has no text: write its body, or mark it `draft: true` until it has one',
    ]);
    expect(emptyBodyDiagnostics(guideRecord('a.md', guideText('draft: true\n', '')))).toEqual([]);
    expect(emptyBodyDiagnostics(guideRecord('a.md', guideText('', '## Only a heading\n')))).toHaveLength(1);
    expect(emptyBodyDiagnostics(guideRecord('a.md', guideText('', '```sh\nls\n```\n')))).toEqual([]);
  });
  it('warns about skipped heading levels and a second H1', () => {
    const record = guideRecord(
      'a.md',
      guideText('', '# A guide\n\n## One\n\n#### Deep\n\n# Another top\n\n### Under h1\n'),
    );
    expect(headingLevelDiagnostics(record).map(formatLong)).toEqual([
      'guides/a.md:13:1 warning heading-level: "#### Deep" skips a level: it follows an h2; use ###',
      'guides/a.md:15:1 warning heading-level: "# Another top" is a second top-level heading beside the title; make it "## Another top"',
      'guides/a.md:17:1 warning heading-level: "### Under h1" skips a level: it follows an h1; use ##',
    ]);
  });
});
