/**
 * The Content-Security-Policy and safe Markdown, against real builds:
 * - the fixture site, served with the headers of its own built `_headers` file (the policy as an
 *   HTTP header, as a host would send it), in Chromium: every page type loads without a single
 *   violation, and the theme, copy, code colours, the guide filter and search all work under it;
 * - tests/fixtures/unsafe/: hostile front matter and raw HTML, none of which may reach the output;
 * - guides the build must refuse: links with refused schemes, and input past the limits.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import type { Browser, BrowserContext } from 'playwright-core';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { htmlFiles } from '~/integrations/finish-pages';
import { THEME_BOOT_SCRIPT } from '~/lib/theme-boot';
import { parseHeadersFile } from '~/integrations/finish-pages/security-policy';
import { launchBrowser, newPage } from './support/browser';
import { buildSite, buildSiteOrThrow, TEST_SITES } from './support/build';
import { PAGE_TYPES } from './support/site';
import { serveStatic, type StaticServer } from './support/static-server';

const dir = inject('fixtureSite');
let headers: Record<string, string>;
let policy: string;
let server: StaticServer;
let browser: Browser;
let unsafeDir: string;

beforeAll(async () => {
  headers = parseHeadersFile(await readFile(path.join(dir, '_headers'), 'utf8')).get('/*') ?? {};
  policy = headers['Content-Security-Policy'] ?? '';
  server = await serveStatic(dir, { headers });
  browser = await launchBrowser();
  unsafeDir = await buildSiteOrThrow({ name: 'unsafe', guidesDir: 'tests/fixtures/unsafe' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Directive name → its sources. */
function directives(text: string): Map<string, string[]> {
  return new Map(
    text
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

/** A context whose pages record every CSP violation, from the event browsers fire for each. */
async function watchedContext(options: Parameters<Browser['newContext']>[0] = {}) {
  const { context, page, consoleErrors } = await newPage(browser, options);
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      w.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ${event.sample}`);
    });
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations ?? []);
  return { context, page, consoleErrors, violations };
}

const close = (context: BrowserContext) => context.close();

describe('the policy', () => {
  it('is strict: hashes for scripts and styles, nothing inline, nothing from another origin', () => {
    const d = directives(policy);
    const script = d.get('script-src') ?? [];
    expect(script.slice(0, 2)).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(script.slice(2).length).toBeGreaterThan(0);
    for (const source of script.slice(2)) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
    const style = d.get('style-src') ?? [];
    expect(style[0]).toBe("'self'");
    for (const source of style.slice(1)) expect(source).toMatch(/^'sha256-/);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('form-action')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|https?:|\*/);
  });

  it('allows the inline theme script by its hash', () => {
    const hash = createHash('sha256').update(THEME_BOOT_SCRIPT).digest('base64');
    expect(directives(policy).get('script-src')).toContain(`'sha256-${hash}'`);
  });

  it('is in every page, first in <head>, and the header is that policy plus frame-ancestors', async () => {
    const files = await htmlFiles(dir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const html = await readFile(path.join(dir, file), 'utf8');
      const meta = /<head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="([^"]+)">/.exec(
        html,
      );
      expect(meta, file).not.toBeNull();
      const fromPage = directives(meta?.[1] ?? '');
      fromPage.set('frame-ancestors', ["'none'"]);
      expect(fromPage, file).toEqual(directives(policy));
    }
  });

  it('comes with the other security headers', () => {
    expect(headers).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
    expect(headers['Permissions-Policy']).toContain('camera=()');
  });

  it('leaves no style attribute in any page (Shiki colours are classes)', async () => {
    for (const file of await htmlFiles(dir)) {
      expect(await readFile(path.join(dir, file), 'utf8'), file).not.toMatch(/\sstyle=/);
    }
  });
});

/** Each page type, and the pages with scripts or a status of their own. */
const PAGES = {
  ...PAGE_TYPES,
  search: 'search/',
  carbon: 'about/carbon/',
  notFound: 'no/such/page/',
} as const;

describe('under the policy, sent as an HTTP header', () => {
  it('the server really sends it', async () => {
    const response = await fetch(server.url);
    expect(response.headers.get('content-security-policy')).toBe(policy);
  });

  it.each(Object.entries(PAGES))('%s (/%s) loads with no violation', async (_name, pagePath) => {
    const { context, page, consoleErrors, violations } = await watchedContext();
    await page.goto(server.url + pagePath, { waitUntil: 'networkidle' });
    expect(await violations()).toEqual([]);
    expect(consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
    await close(context);
  });

  // (eval cannot be tried from here: Chromium exempts DevTools evaluation from the policy. The
  // policy's text, above, has no 'unsafe-eval'.)
  it('blocks what it should: inline scripts, style attributes, other origins', async () => {
    const { context, page, violations } = await watchedContext();
    await page.goto(server.url + PAGES.guide);
    const outcome = await page.evaluate(async () => {
      const results: Record<string, boolean> = {};
      const w = window as unknown as { injected?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.injected = true';
      document.head.append(script);
      results['inlineScriptRan'] = w.injected === true;
      document.body.setAttribute('style', 'outline: 5px solid red');
      results['styleApplied'] = getComputedStyle(document.body).outlineWidth === '5px';
      await fetch('https://example.org/').then(
        () => (results['fetchedElsewhere'] = true),
        () => (results['fetchedElsewhere'] = false),
      );
      return results;
    });
    expect(outcome).toEqual({ inlineScriptRan: false, styleApplied: false, fetchedElsewhere: false });
    const seen = (await violations()).map((v) => v.split(' ')[0]);
    expect(seen).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-attr', 'connect-src']));
    await close(context);
  });

  it('the theme script runs before first paint and the theme control works', async () => {
    const { context, page, violations } = await watchedContext({ colorScheme: 'light' });
    await context.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.body) return;
        observer.disconnect();
        (window as unknown as { themeAtBody: string }).themeAtBody =
          document.documentElement.dataset['theme'] ?? 'auto';
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url + PAGES.guide);
    const select = page.getByLabel('Theme');
    await expect.poll(() => select.isEnabled()).toBe(true);
    await select.selectOption('dark');
    await page.reload();
    expect(await page.evaluate(() => (window as unknown as { themeAtBody: string }).themeAtBody)).toBe('dark');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      'rgb(16, 22, 19)',
    );
    expect(await violations()).toEqual([]);
    await close(context);
  });

  it('copy copies, and highlighted code keeps its colours in both themes', async () => {
    const { context, page, violations } = await watchedContext({ colorScheme: 'light' });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
    await page.goto(server.url + PAGES.guide);
    await page.getByRole('button', { name: 'Copy Python code' }).click();
    await page.waitForFunction(() => document.querySelector('.copy-button')?.textContent === 'Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('print("hello from alpha")');
    // `print` is a builtin: #005cc5 in github-light, #6cb6ff in github-dark-dimmed.
    const colour = () =>
      page.evaluate(() => {
        const token = [...document.querySelectorAll('.astro-code span span')].find((s) => s.textContent === 'print');
        return token ? getComputedStyle(token).color : 'missing';
      });
    expect(await colour()).toBe('rgb(0, 92, 197)');
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await colour()).toBe('rgb(108, 182, 255)');
    expect(await violations()).toEqual([]);
    await close(context);
  });

  it('the guide filter works', async () => {
    const { context, page, violations } = await watchedContext();
    await page.goto(server.url + PAGES.guides);
    const cards = page.locator('[data-guide-card]:visible');
    await expect.poll(() => cards.count()).toBe(3);
    const beginner = page.getByRole('checkbox', { name: /Beginner/ });
    await expect.poll(() => beginner.isEnabled()).toBe(true);
    await beginner.check({ force: true });
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.locator('h2').allTextContents()).toEqual(['Alpha basics']);
    expect(await violations()).toEqual([]);
    await close(context);
  });

  it('search loads its index and WebAssembly and finds a guide', async () => {
    const { context, page, violations } = await watchedContext();
    await page.goto(`${server.url}${PAGES.search}`);
    const input = page.getByLabel(/^Search \d+ guides/);
    await expect.poll(() => input.isEnabled()).toBe(true);
    await input.fill('zebra');
    const titles = page.locator('[data-search-results] [data-title]');
    await expect.poll(() => titles.allTextContents(), { timeout: 10_000 }).toContain('Alpha basics');
    expect(await violations()).toEqual([]);
    await close(context);
  });
});

/** The executable scripts of a page, as a browser's parser sees them. */
function scriptsOf(tree: Root): { src?: string; type: string; text: string }[] {
  const scripts: { src?: string; type: string; text: string }[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'script') return;
    const src = node.properties['src'];
    scripts.push({
      ...(typeof src === 'string' ? { src } : {}),
      type: String(node.properties['type'] ?? ''),
      text: toString(node),
    });
  });
  return scripts;
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formAction', 'poster', 'cite', 'data', 'xLinkHref', 'srcSet'];

describe('hostile Markdown and front matter (tests/fixtures/unsafe/)', () => {
  it('no page holds a script the policy does not allow, an on* handler or a javascript: or data: URL', async () => {
    const files = await htmlFiles(unsafeDir);
    expect(files).toContain('guides/raw-html/index.html');
    for (const file of files) {
      const html = await readFile(path.join(unsafeDir, file), 'utf8');
      const tree = fromHtml(html);
      const pagePolicy = /content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
      const allowed = directives(pagePolicy).get('script-src') ?? [];
      for (const script of scriptsOf(tree)) {
        if (script.type === 'application/ld+json') continue;
        if (script.src) {
          expect(script.src, file).toMatch(/^\/_astro\/[\w.-]+\.js$/);
          continue;
        }
        const hash = `'sha256-${createHash('sha256').update(script.text).digest('base64')}'`;
        expect(allowed, `${file}: ${script.text.slice(0, 60)}`).toContain(hash);
        expect(script.text).not.toContain('alert');
      }
      visit(tree, 'element', (node: Element) => {
        for (const [key, value] of Object.entries(node.properties)) {
          expect(/^on/i.test(key), `${file}: <${node.tagName} ${key}>`).toBe(false);
          if (URL_ATTRIBUTES.includes(key) && typeof value === 'string') {
            expect(value, `${file}: <${node.tagName} ${key}>`).not.toMatch(/^\s*(?:javascript|data|vbscript):/i);
          }
        }
        expect(['iframe', 'object', 'embed', 'style'], `${file}: <${node.tagName}>`).not.toContain(node.tagName);
      });
    }
  });

  it('drops the raw HTML of a .md guide but keeps its Markdown, code samples as text', async () => {
    const html = await readFile(path.join(unsafeDir, 'guides/raw-html/index.html'), 'utf8');
    const prose = toString(fromHtml(html));
    expect(prose).toContain('Before the HTML.');
    expect(prose).toContain('After the HTML.');
    expect(prose).not.toContain('boxed text');
    expect(prose).toContain('<script>alert("in code, shown as text")</script>');
    expect(html).toContain('<a href="https://example.org/" rel="noopener noreferrer">external link</a>');
    expect(html).toContain('<a href="/guides/">internal one</a>');
  });

  it('strips handlers, refused URLs and <script> from JSX in an .mdx guide', async () => {
    const html = await readFile(path.join(unsafeDir, 'guides/component-attributes/index.html'), 'utf8');
    expect(html).toContain('<a>a JSX link</a>');
    expect(html).toMatch(/<img src="\/images\/fixtures\/diagram.svg" alt="A diagram"\/?>/);
    expect(html).toContain('<a href="https://example.org/docs" rel="noopener noreferrer">ordinary link</a>');
  });

  it('shows a hostile title as text everywhere: title, headings, meta, JSON-LD, listings, RSS', async () => {
    const title = '</title><script>alert("title")</script> & "quotes" </script>';
    const description = '</script><script>alert("description")</script><!-- and --> ]]> in the description';
    const guide = await readFile(path.join(unsafeDir, 'guides/hostile-title/index.html'), 'utf8');
    const tree = fromHtml(guide);
    const texts = (tag: string) => {
      const found: string[] = [];
      visit(tree, 'element', (node: Element) => {
        if (node.tagName === tag) found.push(toString(node));
      });
      return found;
    };
    expect(texts('title')).toEqual([`${title} · Greenpath`]);
    expect(texts('h1')).toEqual([title]);
    const jsonLd = scriptsOf(tree).find((s) => s.type === 'application/ld+json');
    expect(JSON.parse(jsonLd?.text ?? '{}')).toMatchObject({ name: title, headline: title, description });
    const metas: Record<string, string> = {};
    visit(tree, 'element', (node: Element) => {
      const key = node.properties['property'] ?? node.properties['name'];
      if (node.tagName === 'meta' && typeof key === 'string') metas[key] = String(node.properties['content']);
    });
    expect(metas['og:title']).toBe(title);
    expect(metas['description']).toBe(description);
    expect(metas['og:image:alt']).toBe('"><img src=x onerror=alert("alt")>');

    for (const listing of ['index.html', 'guides/index.html', 'tags/cloud/index.html']) {
      const text = toString(fromHtml(await readFile(path.join(unsafeDir, listing), 'utf8')));
      expect(text, listing).toContain(title);
    }

    const rss = await readFile(path.join(unsafeDir, 'rss.xml'), 'utf8');
    const { page, context } = await newPage(browser);
    const items = await page.evaluate((xml) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.querySelector('parsererror')) return 'unparseable';
      return [...doc.querySelectorAll('item')].map((item) => ({
        title: item.querySelector('title')?.textContent,
        description: item.querySelector('description')?.textContent,
      }));
    }, rss);
    await context.close();
    expect(items).toContainEqual({ title, description });
  });

  it('in Chromium, the hostile guide runs none of its front matter', async () => {
    const unsafeServer = await serveStatic(unsafeDir);
    const { context, page } = await newPage(browser);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    for (const pagePath of ['guides/hostile-title/', 'guides/raw-html/', 'guides/component-attributes/', 'guides/']) {
      await page.goto(unsafeServer.url + pagePath, { waitUntil: 'networkidle' });
      await page.mouse.move(10, 10);
      await page.mouse.move(300, 400);
    }
    expect(dialogs).toEqual([]);
    await page.goto(`${unsafeServer.url}guides/hostile-title/`);
    expect(await page.title()).toBe('</title><script>alert("title")</script> & "quotes" </script> · Greenpath');
    await context.close();
    await unsafeServer.close();
  });
});

describe('what the build refuses', () => {
  it('links with refused schemes stop the build, each named with file and line', async () => {
    const result = await buildSite({ name: 'unsafe-links', guidesDir: 'tests/fixtures/unsafe-links' });
    expect(result.code).not.toBe(0);
    const file = 'tests/fixtures/unsafe-links/2025-05-01-refused-links.md';
    for (const expected of [
      `${file}:9 link: expected an http(s), mailto:, tel: or relative URL, found "javascript:alert(1)" (javascript: URLs are refused)`,
      `${file}:11 image: expected an http(s), mailto:, tel: or relative URL, found "data:image/png;base64,iVBORw0KGgo=" (data: URLs are refused)`,
      `${file}:13 link: expected an http(s), mailto:, tel: or relative URL, found "javascript:alert(2)" (javascript: URLs are refused)`,
      `${file}:17 link definition: expected an http(s), mailto:, tel: or relative URL, found "JAVASCRIPT:alert(3)" (javascript: URLs are refused)`,
    ]) {
      expect(result.output).toContain(expected);
    }
    expect(result.output).toContain('Build refused: 4 content errors in 1 file.');
  });

  it('a 3,000-level nested list is refused in seconds, before Astro syncs or parses anything', async () => {
    const guides = path.join(TEST_SITES, 'limits-guides');
    await mkdir(guides, { recursive: true });
    const front = (title: string) =>
      `---\ntitle: ${title}\ndate: 2025-01-01\ndifficulty: beginner\ntags: [cloud]\ndescription: Too deep.\n---\n\n`;
    await writeFile(path.join(guides, 'bullets.md'), `${front('Bullets')}${'- '.repeat(3000)}deep\n`);
    await writeFile(
      path.join(guides, 'indented.md'),
      front('Indented') + Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n'),
    );
    await writeFile(path.join(guides, 'long-line.md'), `${front('Long')}${'word '.repeat(2100)}\n`);
    const started = Date.now();
    const result = await buildSite({ name: 'limits', guidesDir: path.relative(process.cwd(), guides) });
    const seconds = (Date.now() - started) / 1000;
    expect(result.code).not.toBe(0);
    const rel = path.relative(process.cwd(), guides).split(path.sep).join('/');
    expect(result.output).toContain(
      `${rel}/bullets.md:9 nesting: expected lists and blockquotes at most 20 levels deep, found 21 levels on this line`,
    );
    expect(result.output).toContain(
      `${rel}/indented.md:29 nesting: expected lists and blockquotes at most 20 levels deep, found 21 levels on this line`,
    );
    expect(result.output).toContain(
      `${rel}/long-line.md:9 line length: expected lines of at most 10,000 characters, found one of 10,500`,
    );
    expect(result.output).not.toMatch(/Syncing content|Complete!/);
    expect(seconds).toBeLessThan(30);
  });
});
