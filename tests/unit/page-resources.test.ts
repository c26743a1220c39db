import { describe, expect, it } from 'vitest';
import {
  cssReferences,
  pageReferences,
  pageResources,
  resourceKind,
  staticImports,
  type SiteFiles,
} from '~/lib/page-resources';

describe('what a page loads', () => {
  it('follows static imports only: code loaded with import() waits for use', () => {
    const source = `import{a as b}from"./chunk.js";import "./side.js";export*from'./re.js';const c=()=>import("./lazy.js");`;
    expect(staticImports(source)).toEqual(['./chunk.js', './side.js', './re.js']);
  });

  it('reads the page: stylesheets, icons, preloads, scripts run, images; not JSON-LD, disabled sheets or templates', () => {
    const html = `<link rel="stylesheet" href="/_astro/site.css"><link rel="modulepreload" href='/_astro/m.js'>
      <link rel="preload" as="font" href=/f.woff2 crossorigin><link rel="icon" href="/favicon.svg">
      <link rel="stylesheet alternate" href="/dark.css" disabled><link rel="canonical" href="/x/">
      <script type="application/ld+json">{"@type":"Article"}</script><script>theme()</script>
      <script type="module" src="/_astro/page.js"></script><img src="/hero.png" alt="">
      <template><script type="module" src="/_astro/on-use.js"></script></template>`;
    expect(pageReferences(html)).toEqual({
      urls: ['/_astro/site.css', '/_astro/m.js', '/f.woff2', '/favicon.svg', '/_astro/page.js', '/hero.png'],
      inlineScripts: ['theme()'],
    });
  });

  it('reads what a stylesheet loads: the sheets it imports, its fonts and backgrounds, no data: URLs', () => {
    const css = `@import url("./print.css");@import './screen.css';@font-face{font-family:X;src:url(/fonts/x.woff2) format("woff2"),url(data:font/woff2;base64,AA)}body{background:url('/bg.png')}`;
    expect(cssReferences(css)).toEqual(['./screen.css', './print.css', '/fonts/x.woff2', '/bg.png']);
  });

  it('sorts files into one set of kinds, by media type', () => {
    expect(['/a/', '/x.css', '/y.mjs', '/i.SVG', '/f.woff2', '/feed.xml'].map(resourceKind)).toEqual([
      'other',
      'css',
      'js',
      'images',
      'fonts',
      'other',
    ]);
    expect(resourceKind('/index.html')).toBe('html');
  });

  it('walks the site from the page: each file once, resolved against the file that names it', () => {
    const files: Record<string, string> = {
      '/docs/_astro/site.css': '@import "./more.css";body{background:url(../img/bg.png)}',
      '/docs/_astro/more.css': '@font-face{src:url(./f.woff2)}',
      '/docs/_astro/f.woff2': '',
      '/docs/img/bg.png': '',
      '/docs/_astro/page.js': 'import"./chunk.js";import("./lazy.js")',
      '/docs/_astro/chunk.js': 'import"./page.js";',
      '/docs/_astro/boot.js': '',
    };
    const site: SiteFiles = { has: (p) => p in files, text: (p) => files[p] ?? '' };
    const html = `<link rel="stylesheet" href="../../_astro/site.css"><script type="module" src="/docs/_astro/page.js"></script>
      <script type="module">import "/docs/_astro/boot.js";</script><img src="https://cdn.example/x.png"><img src="/docs/gone.png">
      <img src="data:image/png;base64,AA">`;
    expect(pageResources('/docs/guides/x/', pageReferences(html), site)).toEqual({
      files: [
        { path: '/docs/_astro/site.css', kind: 'css' },
        { path: '/docs/_astro/page.js', kind: 'js' },
        { path: '/docs/_astro/boot.js', kind: 'js' },
        { path: '/docs/_astro/more.css', kind: 'css' },
        { path: '/docs/img/bg.png', kind: 'images' },
        { path: '/docs/_astro/chunk.js', kind: 'js' },
        { path: '/docs/_astro/f.woff2', kind: 'fonts' },
      ],
      unresolved: ['/docs/gone.png', 'https://cdn.example/x.png'],
    });
  });
});
