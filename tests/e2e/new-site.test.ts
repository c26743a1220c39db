/**
 * "Make it yours", as an adopter does it, on a copy of the repository's content/ (never on
 * content/ itself): `npm run new-site` empties the library, the site builds with zero guides and
 * its home page says so; `npm run new` writes a first guide, which the next build publishes. The
 * refusals are run through the real command lines: their exit codes and messages, and that the
 * files stay as they were.
 */
import { siteFileLanguages } from '../../content-tools/guide-files';
import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeViolations, launchBrowser, newPage, runAxe } from './support/browser';
import { buildSiteOrThrow, cleanEnv, ROOT } from './support/build';
import { serveStatic, type StaticServer } from './support/static-server';

const COPY = `.greenpath/test-guides/new-site-${process.env['GREENPATH_TEST_RUN'] ?? process.pid}`;
const GUIDES = `${COPY}/content/guides`;
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a script on the copy, from the project root, as `npm run` would. */
function run(script: 'new-guide' | 'new-site', args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, `scripts/${script}.ts`, '--root', COPY, ...args], {
      cwd: ROOT,
      env: cleanEnv(),
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const FIRST = ['Our first guide', '--difficulty', 'beginner', '--tags', 'getting-started', '--date', '2026-01-05'];
// The sample guides and their translations' folders (content/guides/fr/, …): all of them move.
const languageFolders = siteFileLanguages(ROOT)
  .filter((l) => !l.isDefault)
  .map((l) => l.code);
const samples = (await readdir(path.join(ROOT, 'content/guides')))
  .filter((f) => /\.mdx?$/.test(f) || languageFolders.includes(f))
  .sort();

let emptied: Run;
let written: Run;
let emptySite: string;
let firstSite: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  await rm(path.join(ROOT, COPY), { recursive: true, force: true });
  await mkdir(path.join(ROOT, COPY), { recursive: true });
  await cp(path.join(ROOT, 'content'), path.join(ROOT, COPY, 'content'), { recursive: true });
  emptied = await run('new-site', []);
  emptySite = await buildSiteOrThrow({ name: 'new-site-empty', guidesDir: GUIDES });
  written = await run('new-guide', FIRST);
  firstSite = await buildSiteOrThrow({ name: 'new-site-first', guidesDir: GUIDES });
  server = await serveStatic(emptySite);
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(path.join(ROOT, COPY), { recursive: true, force: true });
});

describe('npm run new-site', () => {
  it('moves every sample guide and the tag vocabulary into examples/, leaving an empty guides folder', async () => {
    expect(emptied.code, emptied.stderr).toBe(0);
    expect(samples.length).toBeGreaterThan(0);
    expect((await readdir(path.join(ROOT, COPY, 'examples/guides'))).sort()).toEqual(samples);
    expect(await readFile(path.join(ROOT, COPY, 'examples/tags.yaml'), 'utf8')).toBe(
      await readFile(path.join(ROOT, 'content/tags.yaml'), 'utf8'),
    );
    expect(emptied.stdout).toContain('npm run new -- "Your title" --difficulty beginner --tags getting-started');
  });

  it('leaves a site that builds with zero guides and whose home page says so, and how to write one', async () => {
    expect(existsSync(path.join(emptySite, 'guides/index.html'))).toBe(true);
    const { page, consoleErrors } = await newPage(browser);
    await page.goto(server.url);
    expect(await page.getByText('There are no guides here yet.').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Write the first guide' }).isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).toContain('npm run new -- "Your title"');
    expect(await page.getByRole('link', { name: 'Browse all guides' }).count()).toBe(0);
    const violations = await runAxe(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  it('refuses to run again, moving nothing, now that examples/ holds the samples', async () => {
    const again = await run('new-site', []);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      `new-site: ${COPY}/examples/guides: expected no folder or an empty one, found files`,
    );
    expect((await readdir(path.join(ROOT, COPY, 'examples/guides'))).sort()).toEqual(samples);
  });
});

describe('npm run new', () => {
  const target = `${GUIDES}/2026-01-05-our-first-guide.md`;

  it('prints only the path of the guide it wrote, and the next build publishes it', async () => {
    expect(written).toEqual({ code: 0, stdout: `${target}\n`, stderr: '' });
    const html = await readFile(path.join(firstSite, 'guides/our-first-guide/index.html'), 'utf8');
    expect(html).toContain('Our first guide');
    const home = await readFile(path.join(firstSite, 'index.html'), 'utf8');
    expect(home).not.toContain('There are no guides here yet.');
    expect(home).toContain('/guides/our-first-guide/');
  });

  it.each([
    [
      'the same guide again (it never overwrites)',
      FIRST,
      1,
      `new: ${target}: exists already; a guide is never overwritten`,
    ],
    [
      'a title whose slug another guide has',
      [...FIRST.slice(0, -1), '2026-02-01'],
      1,
      `new: slug: expected a slug no other guide has, found "our-first-guide", the slug of ${target};`,
    ],
    [
      'a tag outside the vocabulary',
      ['Second guide', '--difficulty', 'beginner', '--tags', 'getting-startd'],
      1,
      `new: --tags: expected a tag of ${COPY}/content/tags.yaml, found "getting-startd"; did you mean "getting-started"?`,
    ],
    [
      'a difficulty that does not exist',
      ['Second guide', '--difficulty', 'expert', '--tags', 'getting-started'],
      2,
      'new: --difficulty: expected one of beginner, intermediate, advanced, found "expert"',
    ],
  ])('refuses %s, and writes nothing', async (_, args, code, message) => {
    const before = await readFile(path.join(ROOT, target), 'utf8');
    const refused = await run('new-guide', args);
    expect(refused.code).toBe(code);
    expect(refused.stdout).toBe('');
    expect(refused.stderr.split('\n')[0]).toContain(message);
    expect(await readdir(path.join(ROOT, GUIDES))).toEqual(['.gitkeep', '2026-01-05-our-first-guide.md']);
    expect(await readFile(path.join(ROOT, target), 'utf8')).toBe(before);
  });
});
