import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  gitDatesEnabled,
  guideGitDates,
  lastUpdated,
  parseGitLog,
  parseGitStatus,
  parseRevParse,
  readGitDate,
  withGitDate,
} from '~/lib/git-dates';
import { buildLibrary } from '~/lib/library';
import { bodyFacts } from '~/lib/markdown-text';
import { guideSchema } from '~/schemas/guide';
import { storeGitDates } from '~/integrations/git-dates/loader';
import { readGitDates } from '~/integrations/git-dates/read';
import { guideLastmod } from '~/integrations/git-dates/sitemap';

/** What `git log --format=%x00%cI --name-only --no-renames -z` prints: a merge with no files, names with spaces and accents. */
const LOG = [
  '\0',
  '2024-05-01T10:00:00+02:00\0',
  '\nsite/content/guides/b c é.md\0',
  '\0',
  '2024-04-20T00:00:00Z\0',
  // A merge commit: no file names.
  '\0',
  '2024-03-01T09:00:00Z\0',
  '\nsite/content/guides/a.md\0',
  'site/content/guides/b c é.md\0',
  'other/notes.md\0',
  // An older date listed later for a file already seen, and a newer one (a merged branch).
  '\0',
  '2024-06-01T00:00:00Z\0',
  '\nsite/content/guides/a.md\0',
].join('');

describe('parseGitLog', () => {
  it('gives each file the newest committer date among its commits', () => {
    expect(parseGitLog(LOG)).toEqual(
      new Map([
        ['site/content/guides/b c é.md', '2024-05-01T10:00:00+02:00'],
        ['site/content/guides/a.md', '2024-06-01T00:00:00Z'],
        ['other/notes.md', '2024-03-01T09:00:00Z'],
      ]),
    );
  });

  it('reads nothing from an empty history and skips a commit whose date it cannot read', () => {
    expect(parseGitLog('')).toEqual(new Map());
    expect(parseGitLog('\0not a date\0\na.md\0')).toEqual(new Map());
  });
});

describe('parseGitStatus and guideGitDates', () => {
  const status = ' M site/content/guides/a.md\0?? site/content/guides/new one.md\0';

  it('lists modified and untracked files', () => {
    expect(parseGitStatus(status)).toEqual(new Set(['site/content/guides/a.md', 'site/content/guides/new one.md']));
  });

  it('keeps committed, unmodified files below the working folder, by their path from it', () => {
    expect(guideGitDates(LOG, status, 'site/')).toEqual(
      new Map([['content/guides/b c é.md', '2024-05-01T10:00:00+02:00']]),
    );
  });

  it('reads the shallow flag and the prefix; a git that does not know the flag counts as shallow', () => {
    expect(parseRevParse('false\nsite/\n')).toEqual({ shallow: false, prefix: 'site/' });
    expect(parseRevParse('false\n\n')).toEqual({ shallow: false, prefix: '' });
    expect(parseRevParse('true\n\n').shallow).toBe(true);
    expect(parseRevParse('--is-shallow-repository\n\n').shallow).toBe(true);
  });

  it('is on unless GREENPATH_GIT_DATES=0', () => {
    expect(gitDatesEnabled({})).toBe(true);
    expect(gitDatesEnabled({ GREENPATH_GIT_DATES: '1' })).toBe(true);
    expect(gitDatesEnabled({ GREENPATH_GIT_DATES: '0' })).toBe(false);
  });
});

describe('lastUpdated', () => {
  const date = new Date('2024-03-01');

  it('prefers the updated field, then a commit on a later day than the date, then none', () => {
    const updated = new Date('2024-03-10');
    expect(lastUpdated({ date, updated }, '2024-05-01T00:00:00Z')).toBe(updated);
    expect(lastUpdated({ date, updated: undefined }, '2024-05-01T10:00:00+02:00')).toEqual(
      new Date('2024-05-01T08:00:00Z'),
    );
    expect(lastUpdated({ date, updated: undefined }, '2024-03-01T23:00:00Z')).toBeUndefined();
    expect(lastUpdated({ date, updated: undefined }, '2024-02-01T00:00:00Z')).toBeUndefined();
    expect(lastUpdated({ date, updated: undefined }, undefined)).toBeUndefined();
  });

  it('is what the library shows as Updated', () => {
    const data = guideSchema.parse({ title: 'A', date: '2024-03-01', difficulty: 'beginner', tags: ['x'] });
    const facts = bodyFacts('Words.');
    const [guide] = buildLibrary([
      { id: 'a', data, facts, filePath: 'content/guides/a.md', gitDate: '2024-04-02T08:00:00Z' },
    ]).guides;
    expect(guide?.updated).toEqual(new Date('2024-04-02T08:00:00Z'));
  });
});

describe('stored git dates', () => {
  it('round-trip through rendered metadata without touching the rest', () => {
    const rendered = { html: '<p>x</p>', metadata: { headings: [], frontmatter: { title: 'T' } } };
    const stored = withGitDate(rendered, '2024-01-01T00:00:00Z');
    expect(readGitDate(stored)).toBe('2024-01-01T00:00:00Z');
    expect(stored.metadata.frontmatter).toMatchObject({ title: 'T' });
    expect(readGitDate(withGitDate(stored, undefined))).toBeUndefined();
    expect(rendered.metadata.frontmatter).toEqual({ title: 'T' });
  });
});

// A repository with known commit dates: the project in site/, its guides in site/content/guides/.
let repo: string;
const GUIDES = 'content/guides';

function git(cwd: string, args: string[], date?: { author?: string; committer: string }) {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      ...(date ? { GIT_COMMITTER_DATE: date.committer, GIT_AUTHOR_DATE: date.author ?? date.committer } : {}),
    },
  });
}

function write(rel: string, text: string) {
  const file = path.join(repo, 'site', GUIDES, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const site = () => path.join(repo, 'site');

beforeAll(() => {
  repo = mkdtempSync(path.join(tmpdir(), 'greenpath-git-dates-'));
  git(repo, ['init', '-q', '-b', 'main']);
  write('a.md', 'a\n');
  write('b c é.md', 'b\n');
  write('old.md', 'old\n');
  write('nested/deep.md', 'deep\n');
  git(repo, ['add', '.']);
  git(repo, ['commit', '-qm', 'first'], { committer: '2024-01-10T09:00:00Z' });
  appendFileSync(path.join(site(), GUIDES, 'a.md'), 'more\n');
  renameSync(path.join(site(), GUIDES, 'old.md'), path.join(site(), GUIDES, 'renamed.md'));
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-qm', 'second'], { committer: '2024-03-05T12:00:00+02:00' });
  // A rebased commit: written long ago, committed later; the committer date counts.
  write('b c é.md', 'b, rewritten\n');
  write('dirty.md', 'dirty\n');
  git(repo, ['add', '-A']);
  git(repo, ['commit', '-qm', 'third'], { author: '2023-06-01T00:00:00Z', committer: '2024-05-01T08:30:00Z' });
  // Not committed: a modification and a new file.
  write('dirty.md', 'dirty, edited\n');
  write('new.md', 'new\n');
});

afterAll(() => rmSync(repo, { recursive: true, force: true }));

describe('readGitDates on a repository', () => {
  it('reads one pass of history: the last commit of each file, none for uncommitted changes', async () => {
    const { dates, skipped } = await readGitDates(GUIDES, { cwd: site(), env: process.env });
    expect(skipped).toBeUndefined();
    const guides = new Map([...dates].filter(([file]) => !file.endsWith('old.md')));
    expect(guides).toEqual(
      new Map([
        ['content/guides/a.md', '2024-03-05T12:00:00+02:00'],
        ['content/guides/b c é.md', '2024-05-01T08:30:00+00:00'],
        ['content/guides/nested/deep.md', '2024-01-10T09:00:00+00:00'],
        ['content/guides/renamed.md', '2024-03-05T12:00:00+02:00'],
      ]),
    );
  });

  it('gives none, quietly, in a shallow clone', async () => {
    const clone = path.join(repo, 'shallow');
    git(repo, ['clone', '-q', '--depth', '1', pathToFileURL(repo).href, clone]);
    const { dates, skipped } = await readGitDates(GUIDES, { cwd: path.join(clone, 'site'), env: process.env });
    expect(dates.size).toBe(0);
    expect(skipped).toMatch(/shallow/);
  });

  it('gives none when turned off, without git, or outside a repository', async () => {
    const off = await readGitDates(GUIDES, { cwd: site(), env: { ...process.env, GREENPATH_GIT_DATES: '0' } });
    expect(off).toEqual({ dates: new Map(), skipped: 'GREENPATH_GIT_DATES=0' });
    const noGit = await readGitDates(GUIDES, { cwd: site(), env: { ...process.env, PATH: '' } });
    expect(noGit).toEqual({ dates: new Map(), skipped: 'no git command' });
    const outside = mkdtempSync(path.join(tmpdir(), 'greenpath-no-repo-'));
    try {
      const none = await readGitDates(GUIDES, {
        cwd: outside,
        env: { ...process.env, GIT_CEILING_DIRECTORIES: tmpdir() },
      });
      expect(none.dates.size).toBe(0);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

type DataEntry = Parameters<LoaderContext['store']['set']>[0];

/** A store that behaves as Astro's does: same digest, no change; setting moves an entry last. */
function fakeStore(initial: DataEntry[]) {
  const map = new Map(initial.map((entry) => [entry.id, entry]));
  return {
    map,
    store: {
      entries: () => [...map.entries()],
      delete: (id: string) => map.delete(id),
      set: (entry: DataEntry) => {
        if (entry.digest && map.get(entry.id)?.digest === entry.digest) return false;
        map.set(entry.id, entry);
        return true;
      },
    },
  };
}

describe('storeGitDates', () => {
  const data = (date: string) => guideSchema.parse({ title: 'T', date, difficulty: 'beginner', tags: ['x'] });
  const entry = (id: string, file: string, gitDate?: string): DataEntry => ({
    id,
    data: data('2024-01-01'),
    filePath: `${GUIDES}/${file}`,
    digest: `digest-${id}`,
    rendered: withGitDate({ html: `<p>${id}</p>`, metadata: { frontmatter: {} } }, gitDate),
  });

  it('stores the current date with every entry, even one taken from the content cache, in the same order', async () => {
    // `b` was stored when its file was not committed yet; `a` has a date from an older commit.
    const { map, store } = fakeStore([
      entry('a', 'a.md', '2024-01-10T09:00:00Z'),
      entry('b', 'b c é.md'),
      entry('d', 'dirty.md', '2024-05-01T08:30:00Z'),
    ]);
    const loader = storeGitDates({ name: 'cached', load: async () => {} }, GUIDES);
    const context = {
      store,
      config: { root: pathToFileURL(`${site()}/`) },
      logger: { debug: () => {} },
    } as unknown as LoaderContext;
    await loader.load(context);
    expect([...map.keys()]).toEqual(['a', 'b', 'd']);
    expect([...map.values()].map((e) => readGitDate(e.rendered))).toEqual([
      '2024-03-05T12:00:00+02:00',
      '2024-05-01T08:30:00+00:00',
      undefined,
    ]);
    expect(map.get('a')?.digest).toBe('digest-a');

    // The sitemap gives each guide's URL its "Updated" date.
    const serialize = guideLastmod('/docs/');
    const lastmod = (url: string) => serialize<{ url: string; lastmod?: string }>({ url });
    expect(lastmod('https://example.org/docs/guides/b/').lastmod).toBe('2024-05-01T08:30:00.000Z');
    expect(lastmod('https://example.org/docs/guides/d/').lastmod).toBeUndefined();
    expect(lastmod('https://example.org/docs/tags/b/').lastmod).toBeUndefined();
  });
});
