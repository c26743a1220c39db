import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { withoutRawSchemaErrors } from '~/integrations/dev-problems/loader';
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
