/**
 * Astro's incremental builds (experimental.incrementalBuild, keys from src/data/page-keys.ts): a
 * second build copies the pages whose data and code did not change and renders the others. The
 * test edits one guide and checks that every page showing it was rendered again, and that a
 * page that does not show it was copied, byte for byte.
 */
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSiteOrThrow, buildSite, ROOT } from './support/build';

const scratch = path.join(ROOT, '.greenpath/test-guides/incremental');
const guidesDir = path.relative(ROOT, scratch);
const page = (dir: string, p: string) => readFile(path.join(dir, p), 'utf8');

const UNRELATED = `---
title: Epsilon stands apart
date: 2024-02-02
difficulty: advanced
tags: [water]
description: Shares no tag, series or link with the others.
---

Epsilon's own words.
`;

/** Alone in its tag; translated into French (content/site.yaml's languages) before the second build. */
const ZETA = `---
title: Zeta on its own
date: 2024-03-03
difficulty: beginner
tags: [wind]
description: Has its own tag, and a translation from the second build on.
---

Zeta's own words.
`;
const ZETA_FR = ZETA.replace('Zeta on its own', 'Zêta tout seul').replace("Zeta's own words.", 'Les mots de Zêta.');

let first: Record<string, string>;
let secondOutput = '';
let outDir = '';

beforeAll(async () => {
  await rm(scratch, { recursive: true, force: true });
  await cp(path.join(ROOT, 'tests/fixtures/site'), scratch, { recursive: true });
  await writeFile(path.join(scratch, 'epsilon-apart.md'), UNRELATED);
  await writeFile(path.join(scratch, 'zeta-alone.md'), ZETA);
  outDir = await buildSiteOrThrow({ name: 'incremental', guidesDir });
  first = {
    epsilon: await page(outDir, 'guides/epsilon-apart/index.html'),
    alpha: await page(outDir, 'guides/alpha-basics/index.html'),
  };
  const betaFile = path.join(scratch, '2025-03-05-beta-middle.md');
  const beta = await readFile(betaFile, 'utf8');
  await writeFile(
    betaFile,
    beta
      .replace('title: Beta in the middle', 'title: Beta renamed since')
      .replace('## Shifting work', 'A paragraph added on the second build.\n\n## Shifting work'),
  );
  await writeFile(path.join(scratch, 'fr/zeta-alone.md'), ZETA_FR);
  const second = await buildSite({ name: 'incremental', guidesDir });
  if (second.code !== 0) throw new Error(`Second build failed:\n${second.output}`);
  secondOutput = second.output;
}, 240_000);

afterAll(() => rm(scratch, { recursive: true, force: true }));

describe('an incremental build after one guide changed', () => {
  it('renders the changed guide again', async () => {
    const beta = await page(outDir, 'guides/beta-middle/index.html');
    expect(beta).toContain('Beta renamed since');
    expect(beta).toContain('A paragraph added on the second build.');
    expect(secondOutput).not.toMatch(/guides\/beta-middle\/index\.html[^\n]*\((cached|restored)\)/);
  });

  it('renders again every page that shows it: its series neighbour, listings and tag pages', async () => {
    const alpha = await page(outDir, 'guides/alpha-basics/index.html');
    expect(first.alpha).toContain('Beta in the middle');
    expect(alpha).toContain('Beta renamed since');
    expect(alpha).not.toContain('Beta in the middle');
    for (const listing of ['guides/index.html', 'tags/cloud/index.html', 'difficulty/intermediate/index.html']) {
      const html = await page(outDir, listing);
      expect(html, listing).toContain('Beta renamed since');
      expect(html, listing).not.toContain('Beta in the middle');
    }
  });

  it('renders again the pages of a guide just translated and of its tag, which now name their versions', async () => {
    const alternate = (html: string) =>
      /<link rel="alternate" hreflang="fr" href="[^"]*\/fr\/(?:guides|tags)\/[a-z-]+\/"/.test(html);
    const zeta = await page(outDir, 'guides/zeta-alone/index.html');
    expect(zeta).toContain('Français');
    expect(alternate(zeta)).toBe(true);
    expect(alternate(await page(outDir, 'tags/wind/index.html'))).toBe(true);
  });

  it('copies a page that does not show it from the previous build, byte for byte', async () => {
    expect(secondOutput).toMatch(/guides\/epsilon-apart\/index\.html[^\n]*\((cached|restored)\)/);
    expect(await page(outDir, 'guides/epsilon-apart/index.html')).toBe(first.epsilon);
  });
});
