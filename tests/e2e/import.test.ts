/**
 * Imports both fixture collections into one guides folder and builds the site from it with
 * GUIDES_DIR, as someone adopting Greenpath would: the first build refuses the broken links and
 * the garbled characters the import could not repair; once the author has picked the lost
 * characters from the listed candidates, the site builds (with broken links as warnings, the
 * collection's own problem) and its pages show the repaired text and the rewritten links.
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMojibake } from '../../content-tools/check/mojibake';
import { runImport } from '../../content-tools/import/run';
import { DAMAGES } from '../fixtures/damage-sources/manifest';
import { launchBrowser, newPage } from './support/browser';
import { buildSite, buildSiteOrThrow, outputLines, ROOT, TEST_SITES } from './support/build';
import { serveStatic, type StaticServer } from './support/static-server';

const GUIDES = `.greenpath/test-guides/import-e2e-${process.env['GREENPATH_TEST_RUN'] ?? process.pid}`;
let site: string;
let server: StaticServer;
let browser: Browser;
let refused: { code: number; output: string };

beforeAll(async () => {
  await rm(path.join(ROOT, GUIDES), { recursive: true, force: true });
  const jekyll = await runImport({ root: ROOT, sources: ['tests/fixtures/import-jekyll/_guides'], out: GUIDES });
  const docs = await runImport({
    root: ROOT,
    sources: ['tests/fixtures/import-docusaurus/docs'],
    out: GUIDES,
    difficulty: 'beginner',
    tags: ['handbook'],
    map: { skill: 'difficulty' },
  });
  expect(jekyll.files.filter((f) => f.status === 'imported')).toHaveLength(13);
  expect(docs.files.filter((f) => f.status === 'imported')).toHaveLength(6);

  refused = await buildSite({ name: 'import-refused', guidesDir: GUIDES });

  // The author picks each lost character from the candidates the report lists.
  const choices: Record<string, string> = { 'ðŸ‘': '👍', 'ğŸ‘\uFFFD': '👍', 'â€': '”', 'â€\uFFFD': '”' };
  for (const damage of DAMAGES.filter((d) => !d.reversible)) {
    const file = path.join(ROOT, GUIDES, damage.target);
    let text = await readFile(file, 'utf8');
    for (const finding of findMojibake(text).reverse()) {
      const meant = choices[finding.damaged];
      expect(finding.candidates).toContain(meant);
      text = text.slice(0, finding.start) + meant + text.slice(finding.end);
    }
    await writeFile(file, text);
  }
  site = await buildSiteOrThrow({ name: 'import', guidesDir: GUIDES, env: { GREENPATH_LINKS: 'warn' } });
  server = await serveStatic(site);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(path.join(ROOT, GUIDES), { recursive: true, force: true });
});

describe('a site built from imported guides', () => {
  it('is refused while links are broken and characters are garbled, and nothing is written', () => {
    expect(refused.code).not.toBe(0);
    // The refused build lists each problem through the content guard's logger.
    const lines = outputLines(refused.output)
      .map((line) => line.replace(/^\[(?:ERROR|WARN)\] \[greenpath:content-guard\] /, ''))
      .filter((line) => line.startsWith(GUIDES));
    expect(
      lines
        .filter((line) => line.includes('lost a byte'))
        .map((line) => line.slice(GUIDES.length + 1, line.indexOf(' '))),
    ).toEqual([
      '2024-07-04-thumbs-up.md:9',
      '2024-07-04-thumbs-up.md:10',
      '2024-07-05-reactions-tr.md:9',
      '2024-07-05-reactions-tr.md:10',
    ]);
    expect(lines).toContain(
      `${GUIDES}/2024-05-01-energy-dashboards.md:19 /guides/carbon-budgets-for-teams/ links to a guide that does not exist: no guide has the slug "carbon-budgets-for-teams"`,
    );
    expect(existsSync(path.join(TEST_SITES, 'import-refused'))).toBe(false);
  });

  it('builds with GUIDES_DIR once the author has chosen the lost characters, with a page per published guide', async () => {
    for (const slug of [
      'green-hosting-basics',
      'lazy-loading-images',
      'turkish-notes',
      'cafe-notes',
      'install',
      'guides-intro',
      'intro',
    ]) {
      expect(existsSync(path.join(site, 'guides', slug, 'index.html')), slug).toBe(true);
    }
    // Drafts (published: false in Jekyll, draft: true in Hugo) are not published.
    expect(existsSync(path.join(site, 'guides', 'draft-idea'))).toBe(false);
    expect(existsSync(path.join(site, 'guides', 'hugo-style-note'))).toBe(false);
  });

  it('shows the repaired text, not the mojibake', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/turkish-notes/`);
    const heading = await page.getByRole('heading', { level: 1 }).textContent();
    expect(heading?.trim()).toBe('Notes from the İstanbul meetup');
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).toContain('Kadıköy');
    expect(text).toContain('« ölçmeden karar verme »');
    expect(text).not.toMatch(/Ã|Ä|Å|ðŸ|ğŸ|â€/);
    await page.goto(`${server.url}guides/thumbs-up/`);
    expect(await page.locator('main').textContent()).toContain('gets a 👍 in the team channel');
    await context.close();
  });

  it('follows the links the import rewrote', async () => {
    const { page, context } = await newPage(browser);
    await page.goto(`${server.url}guides/measuring-page-weight/`);
    await page.getByRole('link', { name: 'lazy loading images' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}guides/lazy-loading-images/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Lazy loading images');
    await page.goto(`${server.url}guides/intro/`);
    await page.getByRole('link', { name: 'installing the meter' }).click();
    await expect.poll(() => page.url()).toBe(`${server.url}guides/install/`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Installing the energy meter');
    await context.close();
  });
});
