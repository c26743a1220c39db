import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEV_PROBLEMS_EVENT, DEV_PROBLEMS_PATH } from '../../src/lib/dev-problems';
import { launchBrowser, newPage } from './support/browser';
import { ROOT, TEST_SITES } from './support/build';
import { startDevServer, type DevServer } from './support/dev-server';

// A copy of the fixture guides, so a test can break one while the server watches.
const GUIDES = path.join(TEST_SITES, 'dev-guides');
const GUIDES_DIR = path.relative(ROOT, GUIDES).split(path.sep).join('/');

let dev: DevServer;
let browser: Browser | undefined;

describe('npm run dev', () => {
  beforeAll(async () => {
    await cp(path.join(ROOT, 'tests/fixtures/site'), GUIDES, { recursive: true });
    dev = await startDevServer({ GUIDES_DIR });
  });
  afterAll(async () => {
    await browser?.close();
    await dev?.stop();
  });

  it('shows drafts, which builds never publish', async () => {
    const draft = await fetch(`${dev.url}guides/delta-draft/`);
    expect(draft.status).toBe(200);
    expect(await draft.text()).toContain('Delta draft');
    expect(await (await fetch(`${dev.url}guides/`)).text()).toContain('Delta draft');
  });
  it('renders a guide page', async () => {
    const page = await (await fetch(`${dev.url}guides/alpha-basics/`)).text();
    expect(page).toContain('<h1');
    expect(page).toContain('Alpha basics');
  });

  it('reports a guide broken while it runs in the terminal and on every page, until it is fixed', async () => {
    browser = await launchBrowser();
    const guide = await newPage(browser);
    const listing = await newPage(browser);
    await guide.page.goto(`${dev.url}guides/alpha-basics/`);
    await listing.page.goto(`${dev.url}guides/`);
    // The fixture has warnings only: no alert before the guide breaks.
    expect(await guide.page.getByRole('alert').count()).toBe(0);

    const file = path.join(GUIDES, '2025-01-10-alpha-basics.md');
    const original = await readFile(file, 'utf8');
    expect(original).toMatch(/^difficulty: beginner$/m);
    // What `npm run build` prints for this file, word for word.
    const message = `${GUIDES_DIR}/2025-01-10-alpha-basics.md:5 difficulty: expected one of beginner, intermediate, advanced, found the string "expert"`;
    try {
      await writeFile(file, original.replace(/^difficulty: beginner$/m, 'difficulty: expert'));

      for (const { page } of [guide, listing]) {
        const alert = page.getByRole('alert');
        await alert.waitFor({ timeout: 10_000 });
        expect(await alert.innerText()).toContain(message);
      }
      // The broken guide's page still shows the old version, and says so.
      expect(await guide.page.getByRole('alert').innerText()).toMatch(/This page is out of date/);
      expect(await listing.page.getByRole('alert').innerText()).not.toMatch(/This page is out of date/);
      // A page opened now shows the problem too, from the dev server's current list.
      const fresh = await newPage(browser);
      await fresh.page.goto(dev.url);
      await fresh.page.getByRole('alert').waitFor({ timeout: 10_000 });
      expect(await fresh.page.getByRole('alert').innerText()).toContain(message);

      await expect.poll(() => dev.output(), { timeout: 10_000 }).toContain(message);
      // Our message instead of Zod's raw issue, which names neither the line nor what was found.
      expect(dev.output()).not.toContain('**difficulty**');
    } finally {
      await writeFile(file, original);
    }

    for (const { page } of [guide, listing]) {
      await page.getByRole('alert').waitFor({ state: 'detached', timeout: 10_000 });
    }
    await expect
      .poll(() => dev.output(), { timeout: 10_000 })
      .toContain(`${GUIDES_DIR}/2025-01-10-alpha-basics.md: no problems left`);
    await expect.poll(() => guide.page.locator('h1').innerText(), { timeout: 10_000 }).toBe('Alpha basics');
    expect(guide.consoleErrors).toEqual([]);
  });

  it('adds nothing of the problem banner to a production build', async () => {
    const outDir = inject('fixtureSite');
    const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter(
      (entry) => entry.isFile() && /\.(html|js|css)$/.test(entry.name),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const entry of files) {
      const text = await readFile(path.join(entry.parentPath, entry.name), 'utf8');
      for (const marker of [DEV_PROBLEMS_PATH, DEV_PROBLEMS_EVENT, 'dev-problems']) {
        expect(text.includes(marker), `${entry.name} contains ${marker}`).toBe(false);
      }
    }
  });
});

describe('npm run dev with guides already broken when it starts', () => {
  const dir = path.join(TEST_SITES, 'dev-guides-broken');
  const dirName = path.relative(ROOT, dir).split(path.sep).join('/');
  // Names new to this run: the dev server's content store outlives it, and would show a guide it
  // had stored before as its last valid version instead of a missing page.
  const schemaSlug = `broken-at-start-${process.pid}`;
  const yamlSlug = `unparsed-at-start-${process.pid}`;
  const schemaFile = path.join(dir, `${schemaSlug}.md`);
  const yamlFile = path.join(dir, `${yamlSlug}.md`);
  const guide = (title: string, difficulty: string) =>
    `---\ntitle: ${title}\ndate: 2025-02-02\ndifficulty: ${difficulty}\ntags: [cloud]\ndescription: A guide broken before the dev server starts.\n---\n\nSome words about measuring clouds.\n`;
  // What `npm run build` prints for this file, word for word.
  const message = `${dirName}/${schemaSlug}.md:4 difficulty: expected one of beginner, intermediate, advanced, found the string "expert"`;
  let server: DevServer;
  let chromium: Browser;
  beforeAll(async () => {
    await cp(path.join(ROOT, 'tests/fixtures/site'), dir, { recursive: true });
    await writeFile(schemaFile, guide('Broken at start', 'expert'));
    await writeFile(yamlFile, guide('"Unclosed quote', 'beginner'));
    server = await startDevServer({ GUIDES_DIR: dirName });
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.stop();
  });

  it('starts, lists the problems on every page and in the terminal, and serves the guides once fixed', async () => {
    const home = await newPage(chromium);
    await home.page.goto(server.url);
    const alert = home.page.getByRole('alert');
    await alert.waitFor({ timeout: 10_000 });
    const listed = await alert.getByRole('listitem').allInnerTexts();
    expect(listed).toContain(`error: ${message}`);
    const yamlProblem = listed.find((text) => text.startsWith(`error: ${dirName}/${yamlSlug}.md:`));
    expect(yamlProblem).toMatch(/YAML syntax/);

    // The terminal has the build's messages, once each, and none of Astro's own.
    const output = server.output();
    expect(output.split(message).length - 1).toBe(1);
    expect(output).toContain(yamlProblem?.replace(/^error: /, ''));
    for (const raw of ['**difficulty**', 'InvalidContentEntryDataError', 'Stack trace'])
      expect(output).not.toContain(raw);

    // The refused guide has no page; the page that says so lists the problem.
    const missing = await newPage(chromium);
    const response = await missing.page.goto(`${server.url}guides/${schemaSlug}/`);
    expect(response?.status()).toBe(404);
    await missing.page.getByRole('alert').waitFor({ timeout: 10_000 });
    const missingText = await missing.page.getByRole('alert').innerText();
    expect(missingText).toContain(message);
    expect(missingText).toMatch(/This guide has no page yet/);

    await writeFile(schemaFile, guide('Broken at start', 'beginner'));
    await writeFile(yamlFile, guide('Parsed at last', 'beginner'));
    for (const { page } of [home, missing]) {
      await page.getByRole('alert').waitFor({ state: 'detached', timeout: 10_000 });
    }
    for (const [slug, title] of [
      [schemaSlug, 'Broken at start'],
      [yamlSlug, 'Parsed at last'],
    ]) {
      await expect
        .poll(async () => (await fetch(`${server.url}guides/${slug}/`)).status, { timeout: 10_000 })
        .toBe(200);
      const { page } = await newPage(chromium);
      await page.goto(`${server.url}guides/${slug}/`);
      expect(await page.locator('h1').innerText()).toBe(title);
    }
    expect(home.consoleErrors).toEqual([]);
  });
});
