/**
 * `npm run lighthouse [-- --dir dist --base /]`: audits the built site (run `npm run build`
 * first) with Lighthouse on mobile settings: the home page, /guides/, the longest guide and
 * /search/. Writes HTML and JSON reports to lighthouse-reports/, prints every score, and exits
 * non-zero when Accessibility, Best Practices or SEO is under 100 on any page, listing what lost
 * the points. The performance score is reported, not required (see `npm run bench`).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { normaliseBase } from '../src/lib/urls-base';
import { readCommandLine, UsageError } from './lib/cli';
import type { Category, LighthousePage } from './lib/lighthouse';

const ROOT = path.resolve(import.meta.dirname, '..');
const REQUIRED: readonly Category[] = ['accessibility', 'best-practices', 'seo'];

async function main(): Promise<void> {
  const { dir, base: baseOption } = readCommandLine(
    {
      name: 'lighthouse',
      synopsis: 'npm run lighthouse --',
      options: {
        dir: { type: 'string', value: 'DIR', help: 'the built site to audit', default: 'dist' },
        base: { type: 'string', value: 'PATH', help: 'the base path it was built for (default: BASE_PATH or /)' },
      },
    },
    ({ values }) => {
      const dir = values['dir'] as string;
      if (!existsSync(path.join(path.resolve(ROOT, dir), 'index.html')))
        throw new UsageError(
          `--dir: expected a built site (index.html) in ${dir}, found none; run \`npm run build\` first`,
        );
      return { dir, base: values['base'] as string | undefined };
    },
  );
  const siteDir = path.resolve(ROOT, dir);
  const base = normaliseBase(baseOption ?? process.env['BASE_PATH']);
  // Lighthouse is loaded only once the command line is known good: a wrong option or --help
  // answers at once, without reading its thousands of modules.
  const { longestGuide, runLighthouse } = await import('./lib/lighthouse');
  const pages: LighthousePage[] = [
    { name: 'home', path: '/' },
    { name: 'guides', path: '/guides/' },
    { name: 'long-guide', path: await longestGuide(siteDir) },
    { name: 'search', path: '/search/' },
  ];
  const reportDir = path.join(ROOT, 'lighthouse-reports');
  const summary = await runLighthouse({ siteDir, base, pages, reportDir });
  let failed = false;
  console.log(`Lighthouse ${summary.lighthouseVersion}, mobile settings, ${dir}/`);
  for (const page of pages) {
    const result = summary.pages[page.name];
    if (!result) continue;
    if (result.error) {
      failed = true;
      console.log(`  ${page.name.padEnd(10)} ${page.path}: ${result.error}`);
      continue;
    }
    const scores = Object.entries(result.scores)
      .map(([category, score]) => `${category} ${score}`)
      .join(', ');
    console.log(`  ${page.name.padEnd(10)} ${page.path}: ${scores}`);
    for (const category of REQUIRED) {
      if ((result.scores[category] ?? 0) >= 100) continue;
      failed = true;
      for (const audit of result.failures[category] ?? []) {
        console.log(`    ${category}: ${audit.id}: ${audit.title}`);
        for (const item of audit.items) console.log(`      ${item}`);
      }
    }
  }
  console.log(`Reports in ${path.relative(ROOT, reportDir)}/`);
  if (failed) {
    console.error('Accessibility, Best Practices and SEO must be 100 on every page.');
    process.exit(1);
  }
}

await main();
