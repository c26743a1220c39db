import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { co2 } from '@tgwf/co2';
import { afterEach, describe, expect, it } from 'vitest';
import { figureTextFromFiles } from '~/integrations/finish-pages/carbon-figure';
import { carbonPerView, figureText, formatGrams, ratingBands } from '~/lib/carbon';
import { GzipSizeCache, pagePathOf, SiteMeter } from '~/integrations/finish-pages/carbon-meter';
import { pageReferences } from '~/lib/page-resources';
import { parsedReferences } from '../e2e/support/html';
import { fillFigure, fillRange, hasFigure } from '~/lib/carbon-figure-markup';

/** How the English pages word the figure (src/i18n/en.yaml). */
const ENGLISH = figureTextFromFiles()('en');

const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;

describe('from bytes to grams', () => {
  it('uses the Sustainable Web Design model v4 of @tgwf/co2, with its rating', () => {
    const reference = new co2({ model: 'swd', version: 4, rating: true }).perVisit(123_456);
    expect(carbonPerView(123_456)).toEqual({
      grams: (reference as { total: number }).total,
      rating: (reference as { rating: string }).rating,
    });
    expect(carbonPerView(20_000).grams).toBeCloseTo(0.002964, 9);
  });

  it('shows two decimals, in milligrams below a gram', () => {
    expect(formatGrams(0.002964)).toBe('2.96 mg');
    expect(formatGrams(0.0004)).toBe('0.40 mg');
    expect(formatGrams(1.2345)).toBe('1.23 g');
    expect(figureText({ grams: 0.002964, rating: 'A+' }, ENGLISH)).toBe(
      'About 2.96 mg CO₂e per view (Sustainable Web Design rating A+).',
    );
    expect(figureText({ grams: 0.002964, rating: 'A+' }, figureTextFromFiles()('fr'))).toBe(
      'Environ 2,96 mg CO₂e par vue (note Sustainable Web Design A+).',
    );
  });

  it('finds the rating bands the model publishes (SWD v4: A+ up to 0.040 g … E up to 0.359 g)', () => {
    const bands = ratingBands();
    expect(bands.map((b) => b.rating)).toEqual(['A+', 'A', 'B', 'C', 'D', 'E', 'F']);
    const published = [0.04, 0.079, 0.145, 0.209, 0.278, 0.359];
    bands.slice(0, -1).forEach((band, i) => expect(band.upToGrams).toBe(published[i]));
    for (const band of bands.slice(0, -1)) {
      expect(carbonPerView(band.upToBytes ?? 0).rating).toBe(band.rating);
      expect(carbonPerView((band.upToBytes ?? 0) + 1).rating).not.toBe(band.rating);
    }
  });
});

describe('measuring a built page', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function site(files: Record<string, string | Buffer>): string {
    root = mkdtempSync(path.join(tmpdir(), 'greenpath-carbon-'));
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), content);
    }
    return root;
  }

  const css = '@font-face{font-family:x;src:url(./font.woff2)}body{background:url("/docs/img/bg.svg")}';
  const entry = 'import"./chunk.js";const later=()=>import("./search.js");';
  const page = (extra = '') =>
    '<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/docs/_astro/style.css">' +
    '<link rel="icon" href="/docs/favicon.svg"><script type="module" src="/docs/_astro/entry.js"></script></head>' +
    '<body><img src="/docs/img/hero.png" alt=""><img src="https://cdn.example/x.png" alt="">' +
    `<template><script type="module" src="/docs/_astro/on-use.js"></script></template>${extra}` +
    '<footer><span data-carbon-figure>placeholder</span></footer></body></html>';

  const files = () => ({
    'guides/x/index.html': page(),
    '_astro/style.css': css,
    '_astro/font.woff2': Buffer.alloc(3000, 7),
    '_astro/entry.js': entry,
    '_astro/chunk.js': 'export const a = 1;'.repeat(20),
    '_astro/search.js': 'x'.repeat(5000),
    '_astro/on-use.js': 'y'.repeat(5000),
    'favicon.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'img/hero.png': Buffer.alloc(2000, 1),
    'img/bg.svg': '<svg/>',
  });

  it('counts the page and what it loads as it is viewed, each file once, gzipped', () => {
    const f = files();
    const meter = new SiteMeter(site(f), '/docs/');
    const result = meter.measure('/docs/guides/x/', f['guides/x/index.html']);
    expect(result.resources).toEqual([
      '/docs/_astro/chunk.js',
      '/docs/_astro/entry.js',
      '/docs/_astro/font.woff2',
      '/docs/_astro/style.css',
      '/docs/favicon.svg',
      '/docs/img/bg.svg',
      '/docs/img/hero.png',
    ]);
    expect(result.unresolved).toEqual(['https://cdn.example/x.png']);
    expect(result.bytes).toEqual({
      html: gz(f['guides/x/index.html']),
      css: gz(f['_astro/style.css']),
      js: gz(f['_astro/entry.js']) + gz(f['_astro/chunk.js']),
      images: gz(f['favicon.svg']) + gz(f['img/hero.png']) + gz(f['img/bg.svg']),
      fonts: gz(f['_astro/font.woff2']),
      other: 0,
      total: expect.any(Number),
    });
    const { total, ...kinds } = result.bytes;
    expect(total).toBe(Object.values(kinds).reduce((a, b) => a + b, 0));
    expect(result.requests).toBe(8);
    expect(result).toMatchObject(carbonPerView(total));
  });

  it('gives a heavier page a higher figure', () => {
    const f = files();
    // Incompressible, like a real PNG: 150 kB of hash output.
    const noise = Buffer.concat(
      Array.from({ length: 4700 }, (_, i) => createHash('sha256').update(String(i)).digest()),
    );
    const dir = site({ ...f, 'img/chart.png': noise });
    const meter = new SiteMeter(dir, '/docs/');
    const light = meter.measure('/docs/guides/x/', f['guides/x/index.html']);
    const withImage = meter.measure('/docs/guides/x/', page('<img src="/docs/img/chart.png" alt="A chart">'));
    const withText = meter.measure('/docs/guides/x/', page(`<p>${'More words on the page. '.repeat(2000)}</p>`));
    expect(withImage.bytes.images).toBeGreaterThan(light.bytes.images + 100_000);
    expect(withImage.grams).toBeGreaterThan(light.grams);
    expect(figureText(withImage, ENGLISH)).not.toBe(figureText(light, ENGLISH));
    expect(withText.bytes.html).toBeGreaterThan(light.bytes.html);
    expect(withText.grams).toBeGreaterThan(light.grams);
  });

  it("measures in the thread pool as it does in line, and reuses the last build's sizes by text", async () => {
    const f = files();
    const html = f['guides/x/index.html'];
    const inline = new SiteMeter(site(f), '/docs/').measure('/docs/guides/x/', html);
    const fresh = new GzipSizeCache();
    expect(await new SiteMeter(site(f), '/docs/', fresh).measureAsync('/docs/guides/x/', html)).toEqual(inline);
    expect(fresh.reused).toBe(0);
    // Reloaded as the next build would: the size is taken, not computed (a planted size shows it).
    const saved = JSON.parse(fresh.toJson()) as { version: string; sizes: Record<string, number> };
    expect(Object.values(saved.sizes)).toEqual([inline.bytes.html]);
    const planted = JSON.stringify({ ...saved, sizes: { [GzipSizeCache.key(html)]: 7 } });
    const next = GzipSizeCache.fromJson(planted);
    const reused = await new SiteMeter(site(f), '/docs/', next).measureAsync('/docs/guides/x/', html);
    expect(reused.bytes.html).toBe(7);
    expect(next.reused).toBe(1);
    // Another text, or sizes from another zlib or level, are measured again.
    expect(
      GzipSizeCache.fromJson(JSON.stringify({ ...saved, version: 'zlib 0 level 9' })).get(GzipSizeCache.key(html)),
    ).toBeUndefined();
    expect(GzipSizeCache.fromJson('not json').size).toBe(0);
    expect((await new SiteMeter(site(f), '/docs/', next).measureAsync('/docs/guides/x/', `${html} `)).bytes.html).toBe(
      gz(`${html} `),
    );
  });

  it('names pages by their URL path under the base', () => {
    expect(pagePathOf(path.join('guides', 'x', 'index.html'), '/docs/')).toBe('/docs/guides/x/');
    expect(pagePathOf('index.html', '/')).toBe('/');
    expect(pagePathOf('404.html', '/')).toBe('/404.html');
  });
});

describe('reading what a page loads', () => {
  it('finds what a full parser finds, and nothing inside comments, templates or scripts', () => {
    const html = [
      '<!DOCTYPE html><html><head><meta charset="utf-8">',
      '<link rel="stylesheet" href="/a.css"><LINK REL="icon" HREF="/icon.svg"><link rel="canonical" href="/page/">',
      '<link rel="modulepreload" href="/m.js"><link rel="alternate" href="/rss.xml">',
      '<script type="module">const s = "<img src=/not-an-image.png>"; document.write(`<script src=/x.js></scr` + `ipt>`);</script>',
      '<script type="application/ld+json">{"image":"\\u003cimg src=/ld.png>"}</script>',
      '<script type="module" src="/entry.js?v=1&amp;w=2"></script></head><body>',
      '<!-- <img src="/commented.png"> -->',
      '<template><img src="/in-template.png"><script src="/on-use.js"></script></template>',
      '<img alt="a > b" src="/gt.png"><img src=\'/single.png\' alt=""><img src=/bare.png>',
      '<p>Text with &lt;img src="/escaped.png"&gt; in it.</p><video src="/clip.webm"></video>',
      '<pre><code>&lt;script src="/code.js"&gt;&lt;/script&gt;</code></pre>',
      '</body></html>',
    ].join('');
    expect(pageReferences(html)).toEqual(parsedReferences(html));
    expect(pageReferences(html)).toEqual({
      urls: ['/a.css', '/icon.svg', '/m.js', '/entry.js?v=1&w=2', '/gt.png', '/single.png', '/bare.png', '/clip.webm'],
      inlineScripts: ['const s = "<img src=/not-an-image.png>"; document.write(`<script src=/x.js></scr` + `ipt>`);'],
    });
  });
});

describe('the markers in pages', () => {
  it('fills the figure and the range, escaped, whatever attributes Astro adds', () => {
    const html = '<p><span data-carbon-figure data-astro-cid-x>wait</span> <span data-carbon-range>wait</span></p>';
    expect(hasFigure(html)).toBe(true);
    expect(fillFigure(html, 'About 1 < 2 mg')).toContain(
      '<span data-carbon-figure data-astro-cid-x>About 1 &lt; 2 mg</span>',
    );
    expect(fillRange(html, 'from a to b')).toContain('<span data-carbon-range>from a to b</span>');
    expect(hasFigure('<p>no marker</p>')).toBe(false);
    expect(readFileSync(new URL('../../src/components/CarbonFigure.astro', import.meta.url), 'utf8')).toContain(
      '<span data-carbon-figure>',
    );
  });
});
