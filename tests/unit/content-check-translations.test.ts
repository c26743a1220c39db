/**
 * The content check's translation rules on fixtures: a translation with no original, two
 * translations of one original, out-of-date translations by front-matter dates and by git dates
 * (in a repository made here, with known commit dates), and `check:content --translations` and
 * `--json` run for real.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AstroIntegrationLogger } from 'astro';
import { checkContent } from '../../content-tools/check';
import contentGuard from '~/integrations/content-guard';
import { loadSiteConfig } from '~/data/site-config';
import { siteFileLanguages } from '../../content-tools/guide-files';
import { formatLong } from '~/schemas/errors';
import { siteLanguages } from '~/lib/languages';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURE = 'tests/fixtures/translations';
const GUIDES = `${FIXTURE}/guides`;
const LANGUAGES = siteFileLanguages(ROOT, `${FIXTURE}/site.yaml`);

const translationRules = (lines: string[]) =>
  lines.filter((line) => /\s(translation-\w+|duplicate-slug|duplicate-title):/.test(line));

describe('the translation rules on the fixture, by front-matter dates', () => {
  it('reads the languages of the fixture site', () => {
    expect(LANGUAGES.map((language) => `${language.code}:${language.name}`)).toEqual([
      'en:English',
      'fr:Français',
      'es:Español',
    ]);
  });

  it('names a missing original, a second translation and an out-of-date one; a translation is no duplicate slug', async () => {
    // No git dates: the fixture's files are committed together, and the front matter decides.
    const report = await checkContent({ dir: GUIDES, cache: false, languages: LANGUAGES, gitDates: new Map() });
    expect(translationRules(report.diagnostics.map(formatLong))).toEqual([
      `${GUIDES}/es/delta.md:1:1 error translation-original: translation_of: expected an original named delta.md in ${GUIDES}/ (or translation_of naming its slug), found none; the nearest slug is "beta"`,
      `${GUIDES}/fr/2025-01-10-alpha.md:7:1 warning translation-outdated: translation: out of date: its original ${GUIDES}/2025-01-10-alpha.md changed on 2025-03-01, after this translation (2025-02-01), by their front-matter dates; bring it in line and set translated: to the day`,
      `${GUIDES}/fr/beta-encore.md:7:1 error translation-duplicate: translation: expected one translation of "beta" in fr, found two: ${GUIDES}/fr/2025-02-01-beta.md and ${GUIDES}/fr/beta-encore.md`,
      `${GUIDES}/fr/orphelin.md:7:1 error translation-original: translation_of: expected the slug of a guide in en, found "gamam", which no guide has; the nearest slug is "gamma"`,
    ]);
    const fr = report.translations.languages.find((language) => language.language.code === 'fr')!;
    expect(fr.current.map((pair) => pair.translation.id)).toEqual([`${GUIDES}/fr/2025-02-01-beta.md`]);
    expect(fr.outdated.map((pair) => [pair.translation.id, pair.original.id])).toEqual([
      [`${GUIDES}/fr/2025-01-10-alpha.md`, `${GUIDES}/2025-01-10-alpha.md`],
    ]);
    expect(fr.missing.map((guide) => guide.id)).toEqual([`${GUIDES}/gamma.md`]);
  });

  it('on a one-language site, the same folders are only folders: their slugs clash with the originals', async () => {
    const report = await checkContent({
      dir: GUIDES,
      cache: false,
      languages: siteLanguages({ language: 'en', languages: [] }),
      gitDates: new Map(),
    });
    expect(report.diagnostics.filter((d) => d.rule.startsWith('translation-'))).toEqual([]);
    expect(report.diagnostics.filter((d) => d.rule === 'duplicate-slug').map((d) => d.file)).toContain(
      `${GUIDES}/fr/2025-02-01-beta.md`,
    );
    expect(report.translations.languages).toEqual([]);
  });
});

describe('the build’s content guard', () => {
  it('checks translations against the languages of the site file the build uses', async () => {
    const lines: string[] = [];
    const log = (level: string) => (message: string) => lines.push(`${level} ${message}`);
    const logger = { info: log('info'), warn: log('warn'), error: log('error'), debug: () => {} };
    const saved = { GUIDES_DIR: process.env['GUIDES_DIR'], GREENPATH_GIT_DATES: process.env['GREENPATH_GIT_DATES'] };
    process.env['GUIDES_DIR'] = GUIDES;
    process.env['GREENPATH_GIT_DATES'] = '0';
    try {
      const guard = contentGuard({}, loadSiteConfig(`${FIXTURE}/site.yaml`));
      // `astro dev` reports errors and goes on; a build would stop on them.
      await guard.hooks['astro:config:setup']!({
        command: 'dev',
        logger: logger as unknown as AstroIntegrationLogger,
        updateConfig: () => ({}),
      } as unknown as Parameters<NonNullable<(typeof guard.hooks)['astro:config:setup']>>[0]);
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    const translationLines = lines.filter((line) => /translation/.test(line));
    expect(translationLines).toEqual([
      `warn ${GUIDES}/fr/2025-01-10-alpha.md:7 translation: out of date: its original ${GUIDES}/2025-01-10-alpha.md changed on 2025-03-01, after this translation (2025-02-01), by their front-matter dates; bring it in line and set translated: to the day`,
      expect.stringMatching(/^error .*es\/delta\.md:1 translation_of: expected an original named delta\.md/),
      expect.stringMatching(/^error .*fr\/beta-encore\.md:7 translation: expected one translation of "beta" in fr/),
      expect.stringMatching(
        /^error .*fr\/orphelin\.md:7 translation_of: expected the slug of a guide in en, found "gamam"/,
      ),
    ]);
    expect(lines.filter((line) => line.includes('duplicate-slug') || line.includes('slug no other guide'))).toEqual([]);
  });
});

// A repository with known commit dates, whose front matter says the opposite of git.
let repo: string;

function git(args: string[], committer?: string) {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...(committer ? { GIT_COMMITTER_DATE: committer, GIT_AUTHOR_DATE: committer } : {}),
    },
  });
}

function guide(rel: string, title: string, extra = '') {
  const file = path.join(repo, 'content/guides', rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `---\ntitle: ${title}\ndescription: ${title}, for the git test.\ndate: 2025-01-01\ndifficulty: beginner\ntags: [measurement]\n${extra}---\n\n${title} has a body.\n`,
  );
}

function commit(message: string, date: string) {
  git(['add', '-A']);
  git(['commit', '-qm', message], date);
}

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'greenpath-translations-'));
  git(['init', '-q', '-b', 'main']);
  guide('a.md', 'Original A');
  guide('b.md', 'Original B', 'updated: 2025-05-01\n');
  commit('originals', '2025-02-01T10:00:00Z');
  // Translations that their front matter calls up to date (a) and out of date (b).
  guide('fr/a.md', 'Traduction A', 'translated: 2025-06-01\n');
  guide('fr/b.md', 'Traduction B', 'translated: 2025-01-15\n');
  commit('translations', '2025-03-01T10:00:00Z');
  // The original of a changes after its translation was committed.
  guide('a.md', 'Original A, revised');
  commit('revise a', '2025-04-01T10:00:00Z');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('the translation rules by git dates', () => {
  it('decides by the last commits of both files, in one git pass, over the front matter', async () => {
    const previous = process.env['GREENPATH_GIT_DATES'];
    delete process.env['GREENPATH_GIT_DATES'];
    try {
      const report = await checkContent({
        root: repo,
        dir: 'content/guides',
        cache: false,
        languages: siteLanguages({ language: 'en', languages: [{ code: 'fr' }] }),
      });
      expect(report.diagnostics.filter((d) => d.rule.startsWith('translation-')).map(formatLong)).toEqual([
        'content/guides/fr/a.md:7:1 warning translation-outdated: translation: out of date: its original content/guides/a.md changed on 2025-04-01, after this translation (2025-03-01), by their last commits; bring it in line and commit it',
      ]);
      const [fr] = report.translations.languages;
      expect(fr!.current.map((pair) => [pair.translation.id, pair.dates.source])).toEqual([
        ['content/guides/fr/b.md', 'git'],
      ]);
    } finally {
      if (previous !== undefined) process.env['GREENPATH_GIT_DATES'] = previous;
    }
  });
});

function run(args: string[]): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'scripts/check-content.ts', GUIDES, ...args],
      {
        cwd: ROOT,
        stdio: 'pipe',
        // The fixture's site file; no git dates, so its front matter decides whatever git holds.
        env: { ...process.env, SITE_CONFIG: `${FIXTURE}/site.yaml`, GREENPATH_GIT_DATES: '0' },
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout }));
  });
}

// Each run starts tsx: seconds when the machine is idle, far more when builds share its cores.
const SPAWN_TIMEOUT = 90_000;

describe('npm run check:content -- --translations', () => {
  it(
    'prints, per language, the counts, the out-of-date translations with their dates and the missing guides',
    async () => {
      const { code, stdout } = await run(['--translations']);
      expect(code).toBe(1);
      const lines = stdout.slice(stdout.indexOf('Translations of')).trim().split('\n');
      expect(lines.pop()).toMatch(/^9 guides checked in .+: 3 errors and 1 warning in 4 files$/);
      expect(lines).toEqual([
        'Translations of 3 guides in English (en):',
        '',
        'Français (fr): 2 translated, 1 up to date, 1 out of date, 1 missing',
        '  Out of date:',
        `    ${GUIDES}/fr/2025-01-10-alpha.md (2025-02-01): original ${GUIDES}/2025-01-10-alpha.md changed on 2025-03-01 (front matter)`,
        '  Missing:',
        `    ${GUIDES}/gamma.md`,
        '',
        'Español (es): 1 translated, 1 up to date, 0 out of date, 2 missing',
        '  Missing:',
        `    ${GUIDES}/2025-01-10-alpha.md`,
        `    ${GUIDES}/gamma.md`,
        '',
      ]);
    },
    SPAWN_TIMEOUT,
  );

  it(
    'gives --json a translations section with the same table',
    async () => {
      const { stdout } = await run(['--json']);
      const json = JSON.parse(stdout) as { translations: unknown };
      expect(json.translations).toEqual({
        defaultLanguage: 'en',
        originals: 3,
        languages: [
          {
            code: 'fr',
            name: 'Français',
            translated: 2,
            upToDate: 1,
            outOfDate: 1,
            missing: 1,
            outdated: [
              {
                translation: `${GUIDES}/fr/2025-01-10-alpha.md`,
                original: `${GUIDES}/2025-01-10-alpha.md`,
                translationDate: '2025-02-01T00:00:00.000Z',
                originalDate: '2025-03-01T00:00:00.000Z',
                source: 'front matter',
              },
            ],
            current: [
              {
                translation: `${GUIDES}/fr/2025-02-01-beta.md`,
                original: `${GUIDES}/2025-02-01-beta.md`,
                translationDate: '2025-02-05T00:00:00.000Z',
                originalDate: '2025-02-01T00:00:00.000Z',
                source: 'front matter',
              },
            ],
            missingGuides: [`${GUIDES}/gamma.md`],
          },
          {
            code: 'es',
            name: 'Español',
            translated: 1,
            upToDate: 1,
            outOfDate: 0,
            missing: 2,
            outdated: [],
            current: [
              {
                translation: `${GUIDES}/es/2025-02-01-beta.md`,
                original: `${GUIDES}/2025-02-01-beta.md`,
                translationDate: '2025-02-03T00:00:00.000Z',
                originalDate: '2025-02-01T00:00:00.000Z',
                source: 'front matter',
              },
            ],
            missingGuides: [`${GUIDES}/2025-01-10-alpha.md`, `${GUIDES}/gamma.md`],
          },
        ],
      });
    },
    SPAWN_TIMEOUT,
  );
});
