/**
 * Runs Lighthouse (the pinned `lighthouse` package, default mobile settings: a mid-range phone
 * on a slow 4G connection, simulated) against a built site served on 127.0.0.1, in Debian's
 * Chromium at /usr/bin/chromium (CHROMIUM_PATH elsewhere), and writes an HTML and a JSON report
 * per page. Used by `npm run lighthouse`, `npm run bench` and tests/e2e/lighthouse.test.ts.
 * Node only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import lighthouse, { type Flags } from 'lighthouse';
import { CHROMIUM_PATH } from '../../tests/e2e/support/browser';
import { serveStatic } from '../../tests/e2e/support/static-server';

export type Category = 'performance' | 'accessibility' | 'best-practices' | 'seo';
export const CATEGORIES: readonly Category[] = ['performance', 'accessibility', 'best-practices', 'seo'];

export interface LighthousePage {
  /** A short name for the report file and the summary, such as `guide`. */
  name: string;
  /** The page's path under the site's base, such as `/guides/`. */
  path: string;
}

export interface LighthouseOptions {
  siteDir: string;
  /** The site's base path (default `/`). */
  base?: string;
  pages: readonly LighthousePage[];
  categories?: readonly Category[];
  /** Where the reports go; created when missing. */
  reportDir: string;
}

export interface AuditFailure {
  id: string;
  title: string;
  /** What Lighthouse found, item by item, when it lists any. */
  items: string[];
}

export interface PageResult {
  url: string;
  /** 0 to 100, by category. */
  scores: Partial<Record<Category, number>>;
  /** Audits that lost points, by category: what to fix when a score is under 100. */
  failures: Partial<Record<Category, AuditFailure[]>>;
  /** Console warnings Lighthouse raised for the run (for example, a page that did not load). */
  runWarnings: string[];
  /** Why Lighthouse could not audit the page at all (then there are no scores). */
  error?: string;
}

export interface LighthouseSummary {
  available: true;
  lighthouseVersion: string;
  /** Scores by page name, then by category. */
  scores: Record<string, Partial<Record<Category, number>>>;
  pages: Record<string, PageResult>;
  reports: string[];
}

/** The guide whose page is largest: the "long guide" of the audit. */
export async function longestGuide(siteDir: string): Promise<string> {
  const dir = path.join(siteDir, 'guides');
  let best = { slug: '', bytes: -1 };
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const page = path.join(dir, entry.name, 'index.html');
    if (!entry.isDirectory() || !existsSync(page)) continue;
    const { size } = await stat(page);
    if (size > best.bytes) best = { slug: entry.name, bytes: size };
  }
  if (!best.slug) throw new Error(`No guide pages under ${dir}`);
  return `/guides/${best.slug}/`;
}

/** Starts Chromium with a DevTools port and resolves once it is listening. */
async function startChromium(): Promise<{ port: number; process: ChildProcess; profile: string }> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'greenpath-lighthouse-'));
  const child = spawn(
    CHROMIUM_PATH,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start in 30 s:\n${seen}`)), 30_000);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`Cannot start Chromium at ${CHROMIUM_PATH}: ${error.message}`));
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
  });
  return { port, process: child, profile };
}

function describeItems(details: unknown): string[] {
  const items = (details as { items?: unknown[] } | undefined)?.items ?? [];
  return items.slice(0, 10).map((item) => {
    const node = (item as { node?: { snippet?: string; explanation?: string } }).node;
    if (node) return `${node.snippet ?? ''} ${node.explanation ?? ''}`.trim();
    return JSON.stringify(item).slice(0, 300);
  });
}

export async function runLighthouse(options: LighthouseOptions): Promise<LighthouseSummary> {
  const categories = options.categories ?? CATEGORIES;
  const server = await serveStatic(options.siteDir, options.base ? { base: options.base } : {});
  const chromium = await startChromium();
  await mkdir(options.reportDir, { recursive: true });
  const summary: LighthouseSummary = { available: true, lighthouseVersion: '', scores: {}, pages: {}, reports: [] };
  try {
    for (const page of options.pages) {
      const url = new URL(page.path.replace(/^\//, ''), server.url).href;
      const flags: Flags = {
        port: chromium.port,
        output: ['html', 'json'],
        logLevel: 'error',
        onlyCategories: [...categories],
      };
      const result = await lighthouse(url, flags);
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      const { lhr } = result;
      summary.lighthouseVersion = lhr.lighthouseVersion;
      if (lhr.runtimeError) {
        // One page that cannot be audited (a timeout on a very large page) should not hide the others.
        summary.scores[page.name] = {};
        summary.pages[page.name] = {
          url,
          scores: {},
          failures: {},
          runWarnings: lhr.runWarnings,
          error: `Lighthouse could not audit ${url}: ${lhr.runtimeError.message}`,
        };
        continue;
      }
      const [html, json] = result.report as string[];
      const base = path.join(options.reportDir, page.name);
      await writeFile(`${base}.report.html`, html ?? '');
      await writeFile(`${base}.report.json`, json ?? '');
      summary.reports.push(`${base}.report.html`, `${base}.report.json`);

      const scores: Partial<Record<Category, number>> = {};
      const failures: Partial<Record<Category, AuditFailure[]>> = {};
      for (const category of categories) {
        const result = lhr.categories[category];
        scores[category] = Math.round((result?.score ?? 0) * 100);
        failures[category] = (result?.auditRefs ?? [])
          .map((ref) => lhr.audits[ref.id])
          .filter(
            (audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative',
          )
          .map((audit) => ({ id: audit?.id ?? '', title: audit?.title ?? '', items: describeItems(audit?.details) }));
      }
      summary.scores[page.name] = scores;
      summary.pages[page.name] = { url, scores, failures, runWarnings: lhr.runWarnings };
    }
    return summary;
  } finally {
    chromium.process.kill('SIGKILL');
    await server.close();
    await rm(chromium.profile, { recursive: true, force: true }).catch(() => undefined);
  }
}
