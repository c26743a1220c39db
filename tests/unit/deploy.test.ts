/**
 * The deploy recipes: the base path a GitHub Pages build gets (scripts/lib/pages-base.ts and its
 * command line), the workflow that uses it (.github/workflows/deploy.yml), and the nginx snippet
 * in README.md against public/_headers. tests/e2e/github-pages.test.ts builds and browses the result.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { HEADER_ONLY_DIRECTIVES, parseHeadersFile } from '~/integrations/finish-pages/security-policy';
import { nginxSnippetHeaders } from '../e2e/support/nginx-snippet';
import { type PagesInputs, pagesSite, PagesInputError, siteConfigOf } from '../../scripts/lib/pages-base';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('pagesSite: where a GitHub Pages build is published', () => {
  const cases: [string, PagesInputs, string, string][] = [
    ['a project repository', { repository: 'jane/greenpath' }, '/greenpath/', 'https://jane.github.io'],
    ['a user site', { repository: 'jane/jane.github.io' }, '/', 'https://jane.github.io'],
    [
      'a user site, the owner spelt with capitals (host names are lower case)',
      { repository: 'Jane-Doe/jane-doe.GitHub.io' },
      '/',
      'https://jane-doe.github.io',
    ],
    [
      'an organisation with a project named like another owner’s site',
      { repository: 'acme/jane.github.io' },
      '/jane.github.io/',
      'https://acme.github.io',
    ],
    [
      'a custom domain in public/CNAME',
      { repository: 'jane/greenpath', cname: 'Docs.Example.org\n' },
      '/',
      'https://docs.example.org',
    ],
    [
      'the Pages URL GitHub reports for a project site',
      { repository: 'jane/greenpath', pagesUrl: 'https://jane.github.io/greenpath' },
      '/greenpath/',
      'https://jane.github.io',
    ],
    [
      'a custom domain set in the Pages settings',
      { repository: 'jane/greenpath', pagesUrl: 'https://green.example.org' },
      '/',
      'https://green.example.org',
    ],
    [
      'base and url in content/site.yaml, over the CNAME and the Pages URL',
      {
        repository: 'jane/greenpath',
        siteConfig: { base: 'handbook', url: 'https://example.org/ignored/path' },
        cname: 'docs.example.org',
        pagesUrl: 'https://jane.github.io/greenpath',
      },
      '/handbook/',
      'https://example.org',
    ],
    [
      'the GREENPATH_BASE variable, over everything',
      { repository: 'jane/greenpath', baseOverride: '/', siteConfig: { base: '/handbook/' }, cname: 'x.example.org' },
      '/',
      'https://x.example.org',
    ],
    [
      'blank inputs, as unset variables arrive',
      { repository: 'jane/greenpath', baseOverride: '', cname: '  \n', pagesUrl: '', siteConfig: { base: ' ' } },
      '/greenpath/',
      'https://jane.github.io',
    ],
  ];
  it.each(cases)('%s', (_name, inputs, basePath, siteUrl) => {
    expect(pagesSite(inputs)).toMatchObject({ basePath, siteUrl });
  });

  it('names every bad input at once: source, expected and found', () => {
    const attempt = () =>
      pagesSite({
        repository: 'greenpath',
        baseOverride: '/a b/',
        siteConfig: { base: '../up/', url: 'example.org' },
        cname: 'https://docs.example.org/',
        pagesUrl: 'ftp://x',
      });
    expect(attempt).toThrow(PagesInputError);
    expect(() => attempt()).toThrow(
      [
        'GITHUB_REPOSITORY: expected owner/name, found "greenpath"',
        'GREENPATH_BASE: expected a path such as /docs/ or /, found "/a b/"',
        'content/site.yaml base: expected a path such as /docs/ or /, found "../up/"',
        'content/site.yaml url: expected an http(s) URL, found "example.org"',
        'Pages base_url: expected an http(s) URL, found "ftp://x"',
        'public/CNAME: expected a domain name such as docs.example.org, found "https://docs.example.org/"',
      ].join('\n'),
    );
  });

  it('reads base and url from content/site.yaml and ignores its other keys', () => {
    expect(siteConfigOf('title: Greenpath\nurl: https://example.org\nbase: /docs/\n')).toEqual({
      url: 'https://example.org',
      base: '/docs/',
    });
    expect(siteConfigOf('title: Greenpath\n')).toEqual({});
    expect(siteConfigOf('')).toEqual({});
    expect(() => siteConfigOf('base: 3\nurl: [a]\n')).toThrow(
      'content/site.yaml base: expected a string, found 3\ncontent/site.yaml url: expected a string, found ["a"]',
    );
    expect(() => siteConfigOf('base: [\n')).toThrow(/^content\/site\.yaml: expected YAML, found an error: /);
  });
});

function runScript(root: string, env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/pages-base.ts', '--root', root],
      // Only what the workflow gives it: nothing from this shell's own GitHub variables.
      { cwd: ROOT, env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: 'pipe' },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('scripts/pages-base.ts', () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes base_path and site_url as step outputs, reading public/CNAME and content/site.yaml', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pages-base-'));
    const output = path.join(dir, 'github-output');
    await writeFile(output, 'earlier=step\n');
    const project = await runScript(dir, { GITHUB_REPOSITORY: 'jane/greenpath', GITHUB_OUTPUT: output });
    expect(project).toMatchObject({ code: 0, stderr: '' });
    expect(await readFile(output, 'utf8')).toBe(
      'earlier=step\nbase_path=/greenpath/\nsite_url=https://jane.github.io\n',
    );

    await mkdir(path.join(dir, 'public'));
    await writeFile(path.join(dir, 'public/CNAME'), 'docs.example.org\n');
    await writeFile(output, '');
    const custom = await runScript(dir, { GITHUB_REPOSITORY: 'jane/greenpath', GITHUB_OUTPUT: output });
    expect(custom.code).toBe(0);
    expect(await readFile(output, 'utf8')).toBe('base_path=/\nsite_url=https://docs.example.org\n');

    await mkdir(path.join(dir, 'content'));
    await writeFile(path.join(dir, 'content/site.yaml'), 'base: /handbook/\n');
    const configured = await runScript(dir, { GITHUB_REPOSITORY: 'jane/greenpath' });
    expect(configured.stdout).toContain('BASE_PATH=/handbook/\nSITE_URL=https://docs.example.org\n');
  });

  it('fails, naming the input, rather than guess', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'pages-base-'));
    const result = await runScript(dir, { GITHUB_REPOSITORY: 'jane/greenpath', GREENPATH_BASE: 'a b' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('GREENPATH_BASE: expected a path such as /docs/ or /, found "a b"');
  });
});

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push: { branches: string[] }; workflow_dispatch: unknown };
  permissions: Record<string, string>;
  concurrency: { group: string };
  jobs: Record<string, { needs?: string; steps: Step[]; environment?: { name: string } }>;
}

describe('.github/workflows/deploy.yml', () => {
  const workflow = parse(readFileSync(path.join(ROOT, '.github/workflows/deploy.yml'), 'utf8')) as Workflow;
  const build = workflow.jobs['build']?.steps ?? [];
  const action = (name: string) => build.find((s) => s.uses?.split('@')[0] === name);
  const indexOf = (step: Step | undefined) => (step ? build.indexOf(step) : -1);

  it('runs on pushes to main and by hand, with the Pages permissions, one at a time', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
    expect(workflow.concurrency.group).toBe('pages');
    expect(workflow.jobs['deploy']?.needs).toBe('build');
    expect(workflow.jobs['deploy']?.environment?.name).toBe('github-pages');
    expect(workflow.jobs['deploy']?.steps.some((s) => s.uses?.startsWith('actions/deploy-pages@'))).toBe(true);
  });

  it('builds on the Node major the project pins, from the lockfile', () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const pinned = /(\d+)\./.exec(pkg.devDependencies['node'] ?? '')?.[1];
    expect(String(action('actions/setup-node')?.with?.['node-version'])).toBe(pinned);
    expect(build.some((s) => s.run === 'npm ci')).toBe(true);
  });

  it('gives the build the base and URL the script computes, under the names astro.config.ts reads', () => {
    const site = build.find((s) => s.run?.includes('scripts/pages-base.ts'));
    expect(site?.id).toBe('site');
    expect(existsSync(path.join(ROOT, 'scripts/pages-base.ts'))).toBe(true);
    // The script reads the Pages URL, which configure-pages gives only once it has run.
    expect(site?.env?.['PAGES_BASE_URL']).toBe('${{ steps.pages.outputs.base_url }}');
    expect(action('actions/configure-pages')?.id).toBe('pages');
    expect(indexOf(action('actions/configure-pages'))).toBeLessThan(indexOf(site));

    const script = readFileSync(path.join(ROOT, 'scripts/pages-base.ts'), 'utf8');
    for (const name of Object.keys(site?.env ?? {})) expect(script).toContain(`process.env['${name}']`);

    const npmBuild = build.find((s) => s.run === 'npm run build');
    expect(npmBuild?.env).toEqual({
      BASE_PATH: '${{ steps.site.outputs.base_path }}',
      SITE_URL: '${{ steps.site.outputs.site_url }}',
    });
    const config = readFileSync(path.join(ROOT, 'astro.config.ts'), 'utf8');
    for (const name of Object.keys(npmBuild?.env ?? {})) expect(config).toContain(`process.env['${name}']`);
    expect(indexOf(site)).toBeLessThan(indexOf(npmBuild));
  });

  it('checks out the whole history, so guides show their last commit’s date (a shallow clone gives none)', () => {
    // actions/checkout fetches one commit unless told otherwise; src/integrations/git-dates/read.ts
    // then gives every guide no git date at all.
    expect(action('actions/checkout')?.with?.['fetch-depth']).toBe(0);
  });

  it('uploads the folder the build writes', () => {
    const config = readFileSync(path.join(ROOT, 'astro.config.ts'), 'utf8');
    const outDir = /process\.env\['OUT_DIR'\] \|\| '([^']+)'/.exec(config)?.[1];
    expect(path.normalize(outDir ?? '')).toBe(
      path.normalize(String(action('actions/upload-pages-artifact')?.with?.['path'])),
    );
  });
});

describe('the nginx snippet in README.md', () => {
  it('sends exactly the headers of public/_headers, and the policy directive a <meta> cannot carry', () => {
    const headers = nginxSnippetHeaders();
    const rules = parseHeadersFile(readFileSync(path.join(ROOT, 'public/_headers'), 'utf8'));
    // One block for the whole site: nginx sets these once, for every response.
    expect([...rules.keys()]).toEqual(['/*']);
    const { 'Content-Security-Policy': csp, ...others } = headers;
    expect(others).toEqual(rules.get('/*'));
    expect(csp).toBe(HEADER_ONLY_DIRECTIVES.join('; '));
  });
});
