/**
 * tsx scripts/pages-base.ts [--root DIR]
 * The BASE_PATH and SITE_URL of a GitHub Pages build (the rules are in ./lib/pages-base.ts), for
 * .github/workflows/deploy.yml. Reads GITHUB_REPOSITORY, GREENPATH_BASE and PAGES_BASE_URL from
 * the environment and public/CNAME and content/site.yaml under DIR; prints the two values and, in
 * GitHub Actions, writes them as the step's outputs `base_path` and `site_url`. Exits 1, naming
 * every bad input, when one is wrong: a guessed base would publish a site whose assets all 404.
 */
import { existsSync, readFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import path from 'node:path';
import { readCommandLine } from './lib/cli';
import { pagesSite, PagesInputError, siteConfigOf } from './lib/pages-base';

const { root } = readCommandLine(
  {
    name: 'pages-base',
    synopsis: 'tsx scripts/pages-base.ts',
    options: {
      root: { type: 'string', value: 'DIR', help: 'the project folder (public/, content/)', default: '.' },
    },
  },
  ({ values }) => ({ root: typeof values['root'] === 'string' ? values['root'] : '.' }),
);

const readIfThere = (file: string) => {
  const full = path.join(root, file);
  return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
};

try {
  const siteYaml = readIfThere('content/site.yaml');
  const site = pagesSite({
    repository: process.env['GITHUB_REPOSITORY'] ?? '',
    baseOverride: process.env['GREENPATH_BASE'],
    siteConfig: siteYaml === undefined ? undefined : siteConfigOf(siteYaml),
    cname: readIfThere('public/CNAME'),
    pagesUrl: process.env['PAGES_BASE_URL'],
  });
  console.log(`BASE_PATH=${site.basePath}\nSITE_URL=${site.siteUrl}\n(base from ${site.reason})`);
  const output = process.env['GITHUB_OUTPUT'];
  if (output) await appendFile(output, `base_path=${site.basePath}\nsite_url=${site.siteUrl}\n`);
} catch (error) {
  if (!(error instanceof PagesInputError)) throw error;
  console.error(`pages-base: cannot tell where the site is published:\n${error.message}`);
  process.exitCode = 1;
}
