import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { loadPastRefusedEntries, withoutRawSchemaErrors } from '~/integrations/dev-problems/loader';
import { buildProblemList, changeReport } from '~/lib/dev-problems';
import type { Diagnostic } from '~/schemas/errors';

const expert: Diagnostic = {
  file: 'content/guides/2025-01-10-alpha.md',
  line: 5,
  column: 13,
  severity: 'error',
  rule: 'schema',
  field: 'difficulty',
  message: 'difficulty: expected one of beginner, intermediate, advanced, found the string "expert"',
};
const brokenLink: Diagnostic = {
  file: 'content/guides/beta.md',
  line: 12,
  column: 3,
  severity: 'error',
  rule: 'broken-link',
  message: 'link: expected a guide at /guides/gone/, found none',
};
const noDescription: Diagnostic = {
  file: 'content/guides/beta.md',
  line: 1,
  column: 1,
  severity: 'warning',
  rule: 'missing-description',
  field: 'description',
  message: 'description: missing',
};
const guides = [
  { displayPath: expert.file, slug: 'alpha' },
  { displayPath: brokenLink.file, slug: 'beta' },
];

describe('buildProblemList', () => {
  it('groups problems by file in the build form, with each guide page under the base path', () => {
    const list = buildProblemList([noDescription, brokenLink, expert], guides, '/docs', 7);
    expect(list).toEqual({
      version: 7,
      errors: 2,
      warnings: 1,
      files: [
        {
          file: expert.file,
          page: '/docs/guides/alpha/',
          stale: true,
          problems: [
            {
              severity: 'error',
              text: 'content/guides/2025-01-10-alpha.md:5 difficulty: expected one of beginner, intermediate, advanced, found the string "expert"',
            },
          ],
        },
        {
          file: brokenLink.file,
          page: '/docs/guides/beta/',
          stale: false,
          problems: [
            { severity: 'warning', text: 'content/guides/beta.md:1 description: missing' },
            {
              severity: 'error',
              text: 'content/guides/beta.md:12 link: expected a guide at /guides/gone/, found none',
            },
          ],
        },
      ],
    });
  });
  it('marks a page out of date only when the loader refuses its front matter', () => {
    const list = buildProblemList([brokenLink, { ...expert, severity: 'warning' }], guides, '/', 1);
    expect(list.files.map((f) => f.stale)).toEqual([false, false]);
  });
  it('is empty when nothing is wrong', () => {
    expect(buildProblemList([], guides, '/', 2)).toEqual({ version: 2, errors: 0, warnings: 0, files: [] });
  });
});

describe('changeReport', () => {
  it('prints a saved file’s problems as the build does, then that its page is out of date', () => {
    expect(changeReport([], [expert, noDescription], new Set([expert.file]))).toEqual([
      {
        level: 'error',
        text: 'content/guides/2025-01-10-alpha.md:5 difficulty: expected one of beginner, intermediate, advanced, found the string "expert"',
      },
      {
        level: 'warn',
        text: 'content/guides/2025-01-10-alpha.md: not reloaded; its page shows the last version whose front matter was valid',
      },
      // beta.md was not saved, but its problems are new.
      { level: 'warn', text: 'content/guides/beta.md:1 description: missing' },
    ]);
  });
  it('says when a file’s problems are gone, and stays quiet about files nobody touched', () => {
    expect(changeReport([expert, noDescription], [noDescription], new Set([expert.file]))).toEqual([
      { level: 'info', text: 'content/guides/2025-01-10-alpha.md: no problems left' },
    ]);
    expect(changeReport([noDescription], [noDescription], new Set(['content/guides/gamma.md']))).toEqual([]);
  });
  it('prints a saved file’s remaining problems again, even when they did not change', () => {
    expect(changeReport([noDescription], [noDescription], new Set([noDescription.file]))).toEqual([
      { level: 'warn', text: 'content/guides/beta.md:1 description: missing' },
    ]);
  });
});

describe('withoutRawSchemaErrors', () => {
  const raw =
    'Failed to reload alpha.md: **guides → alpha** data does not match collection schema.\n\n  **difficulty**: one of beginner, intermediate, advanced';
  const other = 'Failed to reload beta.md: YAMLException: bad indentation';
  const logging: Loader = {
    name: 'glob-like',
    load: async ({ logger }) => {
      logger.error(raw);
      logger.error(other);
    },
  };
  async function run(dev: boolean) {
    const errors: string[] = [];
    const logger = {
      label: 'glob-loader',
      error: (message: string) => errors.push(message),
      fork() {
        return { ...logger };
      },
    };
    const context = { logger, ...(dev ? { watcher: {} } : {}) } as unknown as LoaderContext;
    await withoutRawSchemaErrors(logging).load(context);
    return errors;
  }
  it('leaves Zod’s raw schema message out in dev, and lets every other message through', async () => {
    expect(await run(true)).toEqual([other]);
  });
  it('changes nothing in a build', async () => {
    expect(await run(false)).toEqual([raw, other]);
  });
});

describe('loadPastRefusedEntries', () => {
  type Entry = { id: string; data: Record<string, unknown>; digest?: string };
  const named = (name: string, message: string) => Object.assign(new Error(message), { name });
  /** Front matter per file; `!` stands for YAML that does not parse. */
  const files: Record<string, string> = { 'ok.md': 'beginner', 'expert.md': 'expert', 'yaml.md': '!' };

  /** Like Astro's glob loader: one pass over every file, then single-file reloads. */
  let reload: (file: string) => Promise<void>;
  const globLike: Loader = {
    name: 'glob-like',
    load: async (context) => {
      const { entryTypes } = context as LoaderContext & {
        entryTypes: Map<string, { getEntryInfo(p: { contents: string; fileUrl: URL }): Promise<{ data: object }> }>;
      };
      const sync = async (file: string) => {
        const fileUrl = new URL(file, 'file:///site/guides/');
        const { data } = await entryTypes.get('.md')!.getEntryInfo({ contents: files[file]!, fileUrl });
        const id = file.replace(/\.md$/, '');
        const parsed = await context.parseData({
          id,
          data: data as Record<string, unknown>,
          filePath: fileUrl.pathname,
        });
        context.store.set({ id, data: parsed, digest: files[file]! });
      };
      await Promise.all(Object.keys(files).map(sync));
      reload = sync;
    },
  };
  const entryTypes = new Map([
    [
      '.md',
      {
        getEntryInfo: async ({ contents }: { contents: string }) => {
          if (contents === '!') throw named('MarkdownError', 'Missing closing "quote');
          return { data: { difficulty: contents } };
        },
      },
    ],
  ]);
  const parseData = async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
    if (data['difficulty'] === 'expert') throw named('InvalidContentEntryDataError', `${id} does not match`);
    if (data['difficulty'] === 'broken') throw new Error('the schema itself failed');
    return data;
  };

  function contextWith(stored: Entry[], dev = true) {
    const store = new Map(stored.map((entry) => [entry.id, entry]));
    const logged: string[] = [];
    const context = {
      store: {
        get: (id: string) => store.get(id),
        set: (entry: Entry) => store.set(entry.id, entry),
        delete: (id: string) => store.delete(id),
      },
      config: { root: new URL('file:///site/') },
      logger: {
        warn: (m: string) => logged.push(`warn ${m}`),
        error: (m: string) => logged.push(`error ${m}`),
      },
      parseData,
      entryTypes,
      ...(dev ? { watcher: {} } : {}),
    } as unknown as LoaderContext;
    return { context, store, logged };
  }

  it('in dev, finishes the pass without the refused guides and says they have no page', async () => {
    const { context, store, logged } = contextWith([]);
    await loadPastRefusedEntries(globLike).load(context);
    expect([...store.keys()]).toEqual(['ok']);
    expect(logged.sort()).toEqual([
      'warn guides/expert.md: not loaded; it has no page until its front matter is valid',
      'warn guides/yaml.md: not loaded; it has no page until its front matter is valid',
    ]);
  });
  it('gives a refused guide back the entry it had before', async () => {
    const before = { id: 'expert', data: { difficulty: 'advanced' }, digest: 'advanced' };
    const { context, store, logged } = contextWith([before]);
    await loadPastRefusedEntries(globLike).load(context);
    expect(store.get('expert')).toEqual(before);
    expect(logged).toContain(
      'warn guides/expert.md: not loaded; its page shows the last version whose front matter was valid',
    );
  });
  it('leaves later single-file reloads to Astro, which keeps the old entry', async () => {
    const { context, store } = contextWith([]);
    await loadPastRefusedEntries(globLike).load(context);
    await expect(reload('expert.md')).rejects.toThrow('expert does not match');
    await expect(reload('yaml.md')).rejects.toThrow('Missing closing');
    files['expert.md'] = 'advanced';
    try {
      await reload('expert.md');
    } finally {
      files['expert.md'] = 'expert';
    }
    expect(store.get('expert')?.data).toEqual({ difficulty: 'advanced' });
  });
  it('prints failures the content check does not report', async () => {
    files['odd.md'] = 'broken';
    try {
      const { context, store, logged } = contextWith([]);
      await loadPastRefusedEntries(globLike).load(context);
      expect(store.has('odd')).toBe(false);
      expect(logged).toContain('error guides/odd.md: Error: the schema itself failed');
    } finally {
      delete files['odd.md'];
    }
  });
  it('changes nothing in a build', async () => {
    const { context } = contextWith([], false);
    await expect(loadPastRefusedEntries(globLike).load(context)).rejects.toThrow();
  });
});
