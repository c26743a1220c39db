/**
 * One parse per Markdown guide per build: the content check keeps each tree it parsed and the
 * render takes it (src/markdown/remark-reuse-parse.ts). Held here to the tree remark-parse and
 * remark-gfm give and to the same HTML, with the render's parser calls counted.
 */
import { listGuideFiles } from '../../content-tools/guide-files';
import { createMarkdownProcessor, parseFrontmatter } from '@astrojs/markdown-remark';
import type { Root } from 'mdast';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from '../../content-tools/check';
import { analyseBody } from '../../content-tools/check/analyse';
import { markdownOptions } from '~/markdown/options';
import { keepTreeForRender, releaseKeptTrees, takeKeptTree } from '~/markdown/remark-reuse-parse';
import { generateGuides } from '../../scripts/lib/generate-guides';

/** What Astro's Markdown entry type hands the renderer: the body, front matter blanked, trimmed. */
const astroBody = (source: string) => parseFrontmatter(source, { frontmatter: 'empty-with-spaces' }).content.trim();

let parses = 0;
/** Put before the reuse plugin, it sees only the parses the render does itself. */
function countParses(this: Processor) {
  const parse = this.parser;
  if (!parse) throw new Error('no parser to count');
  this.parser = (text, file) => {
    parses++;
    return parse(text, file);
  };
}

const options = markdownOptions({ base: '/' });
const processor = await createMarkdownProcessor({
  ...options,
  remarkPlugins: [countParses, ...(options.remarkPlugins ?? [])],
  syntaxHighlight: false,
});
const remark = unified().use(remarkParse).use(remarkGfm);

const FRONT = (title: string) =>
  `---\ntitle: "${title}"\ndate: 2025-01-05\ndifficulty: beginner\ntags: ["Cloud"]\ndescription: "An edge case."\n---\n`;
/** Bodies where the check's text and Astro's could part: leading and trailing space, CRLF, bare addresses. */
const EDGE_CASES: Record<string, string> = {
  '2025-01-01-leading.md': `${FRONT('Leading lines')}\n\n\n## First\n\nSee www.example.com, me@example.com and [a](/guides/).\n\n\`\`\`js\nconst a = 1;\n\`\`\`\n\n  `,
  '2025-01-02-crlf.md': `${FRONT('CRLF').replace(/\n/g, '\r\n')}\r\n## Heading\r\n\r\nSee [a](#heading) and www.example.org.\r\n`,
  '2025-01-03-indented.md': `${FRONT('Indented')}  Indented first line with [a](#x).\n\nMore.[^1]\n\n[^1]: A note.\n`,
  '2025-01-04-fence.md': `${FRONT('Unclosed fence')}\nIntro.\n\n\`\`\`\ncode\n\n\n`,
  // A .md guide's `export` line is prose on its page, counted and rendered as such.
  '2025-01-05-export.md': `${FRONT('Export line')}\nexport your data first.\n\n## Steps\n`,
};

let dir = '';
let guides: { file: string; body: string }[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'reuse-parse-'));
  const generated = generateGuides({ count: 24, seed: 12 });
  for (const guide of generated) await writeFile(path.join(dir, guide.fileName), guide.source);
  for (const [name, source] of Object.entries(EDGE_CASES)) await writeFile(path.join(dir, name), source);
  // Translations included: content/guides/fr/x.md becomes content-fr-x.md.
  for (const name of await listGuideFiles('content/guides')) {
    await writeFile(
      path.join(dir, `content-${name.replaceAll('/', '-')}`),
      await readFile(path.join('content/guides', name)),
    );
  }
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  guides = await Promise.all(
    names.map(async (name) => ({
      file: path.join(dir, name),
      body: astroBody(await readFile(path.join(dir, name), 'utf8')),
    })),
  );
});

afterAll(async () => {
  releaseKeptTrees();
  await rm(dir, { recursive: true, force: true });
});

beforeEach(() => {
  releaseKeptTrees();
  parses = 0;
});

describe('the trees the content check keeps for the render', () => {
  it('are the trees remark-parse and remark-gfm give, for every Markdown guide', async () => {
    await checkContent({ dir, cache: false, keepTreesForRender: true });
    for (const { file, body } of guides) expect(takeKeptTree(file, body), file).toEqual(remark.parse(body));
    expect(guides.length).toBeGreaterThan(30);
  }, 60_000);

  it('are kept only when the build asks, and the check reports the same either way', async () => {
    const plain = await checkContent({ dir, cache: false });
    expect(releaseKeptTrees()).toBe(0);
    const keeping = await checkContent({ dir, cache: false, keepTreesForRender: true });
    expect(releaseKeptTrees()).toBe(guides.length);
    expect(keeping.diagnostics).toEqual(plain.diagnostics);
  }, 60_000);

  it('are not used for another text of the same file, nor twice', () => {
    const tree: Root = { type: 'root', children: [] };
    keepTreeForRender('/guides/a.md', 'one', tree);
    expect(takeKeptTree('/guides/a.md', 'two')).toBeUndefined();
    keepTreeForRender('/guides/a.md', 'one', tree);
    expect(takeKeptTree('/guides/a.md', 'one')).toBe(tree);
    expect(takeKeptTree('/guides/a.md', 'one')).toBeUndefined();
  });
});

describe('the render of a build', () => {
  it('parses no guide the check kept, and writes the same HTML as its own parse', async () => {
    await checkContent({ dir, cache: false, keepTreesForRender: true });
    const render = (file: string, body: string) =>
      processor.render(body, { frontmatter: { title: 'T' }, fileURL: new URL(`file://${file}`) });
    const reused = [];
    for (const { file, body } of guides) reused.push(await render(file, body));
    expect(parses).toBe(0);

    parses = 0;
    for (const [i, { file, body }] of guides.entries()) {
      const own = await render(file, body);
      expect(reused[i]?.code, file).toBe(own.code);
      expect(reused[i]?.metadata, file).toEqual(own.metadata);
    }
    expect(parses).toBe(guides.length);
  }, 120_000);
});

describe('positions in the analysis of a Markdown guide', () => {
  it('are those of the file, though the parse starts at the trimmed text', () => {
    const body = '\n\n  See [a](b) and `code`.\n\n## Heading\n\n<img src="c.png">\n';
    const analysis = analyseBody(body, { bodyLine: 5, mdx: false, frontmatter: {} });
    const link = analysis.links.find((l) => l.kind === 'link');
    expect(link).toMatchObject({ line: 7, column: 7, url: 'b' });
    expect(body.slice(link?.urlStart, link?.urlEnd)).toBe('b');
    expect(analysis.headings[0]).toMatchObject({ line: 9, column: 1, slug: 'heading' });
    expect(analysis.links.find((l) => l.kind === 'html-image')).toMatchObject({ line: 11, column: 1, url: 'c.png' });
    expect(analysis.codeRanges.map(([start, end]) => body.slice(start, end))).toEqual(['`code`', '<img src="c.png">']);
  });

  it('are those of the body after an `import` line, which is code or prose on the page, never blanked', () => {
    const body = '```python\nimport os\n```\n\nexport the data, then read [the guide](/guides/a/).\n';
    const analysis = analyseBody(body, { bodyLine: 1, mdx: false, frontmatter: {} });
    const link = analysis.links[0];
    expect(body.slice(link?.urlStart, link?.urlEnd)).toBe('/guides/a/');
    expect(analysis.codeRanges.map(([start, end]) => body.slice(start, end))).toEqual(['```python\nimport os\n```']);
    expect(analysis.words).toBe(7);
  });
});
