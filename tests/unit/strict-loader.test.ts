import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { startBuildReport } from '~/lib/build-report';
import { failOnRenderErrors, RenderError, reportCacheUse } from '~/data/strict-loader';

interface Entry {
  id: string;
  filePath?: string;
  rendered?: { html: string };
  deferredRender?: boolean;
}

/** The parts of a loader context the wrapper uses: a store, a logger and, in dev, a watcher. */
function fakeContext(entries: Entry[], dev = false) {
  const store = new Map(entries.map((e) => [e.id, e]));
  const errors: string[] = [];
  const logger = {
    label: 'glob-loader',
    error: (message: string) => errors.push(message),
    fork() {
      return { ...logger };
    },
  };
  const context = {
    store: {
      entries: () => [...store],
      set: (entry: Entry) => store.set(entry.id, entry),
      delete: (id: string) => store.delete(id),
    },
    logger,
    ...(dev ? { watcher: {} } : {}),
  } as unknown as LoaderContext;
  return { context, store, errors };
}

/** Behaves like Astro's glob loader when rendering `broken.md` throws: logs it and stores the entry without HTML. */
const globLike: Loader = {
  name: 'glob-like',
  load: async ({ store, logger }) => {
    store.set({ id: 'good', data: {}, filePath: 'guides/good.md', rendered: { html: '<p>ok</p>' } });
    store.set({ id: 'component', data: {}, filePath: 'guides/component.mdx', deferredRender: true });
    logger.error(
      'Error rendering broken.md: Failed to parse Markdown file "/site/guides/broken.md":\nMaximum call stack size exceeded',
    );
    store.set({ id: 'broken', data: {}, filePath: 'guides/broken.md' });
  },
};

describe('failOnRenderErrors', () => {
  it('fails the build naming the file and the cause, and drops the empty entry from the cache', async () => {
    const { context, store, errors } = fakeContext([]);
    const error = await failOnRenderErrors(globLike)
      .load(context)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as Error).message).toBe(
      [
        'guides/broken.md: could not be rendered: Maximum call stack size exceeded',
        'Build refused: 1 guide could not be rendered. Nothing was published: the previous output is as it was.',
      ].join('\n'),
    );
    // Astro prints a stack under "Stack trace:" when an error has one: a refusal is no crash.
    expect((error as Error).stack).toBe('');
    expect(store.has('broken')).toBe(false);
    expect(store.has('good')).toBe(true);
    // The list says what Astro's log line said; printed twice, it would read as two failures.
    expect(errors).toEqual([]);
  });

  it('holds back the stack trace the Markdown processor prints for a failed render, and only that', async () => {
    const printed: unknown[][] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void printed.push(args);
    try {
      const { context } = fakeContext([]);
      const processorLike: Loader = {
        name: 'processor-like',
        load: async (ctx) => {
          console.error(new RangeError('Failed to parse Markdown file "/site/guides/broken.md":\nMaximum call stack'));
          console.error('something else');
          await globLike.load(ctx);
        },
      };
      await failOnRenderErrors(processorLike)
        .load(context)
        .catch(() => undefined);
      console.error('after');
    } finally {
      console.error = original;
    }
    expect(printed).toEqual([['something else'], ['after']]);
  });

  it('fails on an entry that an earlier build cached without HTML, even when nothing fails now', async () => {
    const { context, store } = fakeContext([{ id: 'stale', filePath: 'guides/stale.md' }]);
    const unchanged: Loader = { name: 'unchanged', load: async () => {} };
    await expect(failOnRenderErrors(unchanged).load(context)).rejects.toThrow(
      'guides/stale.md: could not be rendered: it has no HTML (an earlier render failed)',
    );
    expect(store.has('stale')).toBe(false);
  });

  it('reports files that failed before reaching the store', async () => {
    const { context } = fakeContext([]);
    const unreadable: Loader = {
      name: 'unreadable',
      load: async ({ logger }) => logger.error('Error reading gone.md: ENOENT: no such file or directory'),
    };
    await expect(failOnRenderErrors(unreadable).load(context)).rejects.toThrow(
      'gone.md: ENOENT: no such file or directory',
    );
  });

  it('passes builds whose Markdown entries all have HTML (MDX renders later)', async () => {
    const { context } = fakeContext([]);
    const fine: Loader = {
      name: 'fine',
      load: async ({ store }) => {
        store.set({ id: 'a', data: {}, filePath: 'guides/a.md', rendered: { html: '' } });
        store.set({ id: 'b', data: {}, filePath: 'guides/b.mdx', deferredRender: true });
      },
    };
    await expect(failOnRenderErrors(fine).load(context)).resolves.toBeUndefined();
  });

  it('only logs in astro dev, so the dev server keeps running', async () => {
    const { context, errors } = fakeContext([], true);
    await expect(failOnRenderErrors(globLike).load(context)).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
  });
});

describe('reportCacheUse', () => {
  it('counts the guides a sync rendered again and those it kept from the content cache', async () => {
    const infos: string[] = [];
    const { context } = fakeContext([
      { id: 'same', filePath: 'guides/same.md', rendered: { html: '' } },
      { id: 'edited', filePath: 'guides/edited.md', rendered: { html: '' } },
    ]);
    (context.logger as unknown as { info: (m: string) => void }).info = (m) => infos.push(m);
    const editsOne: Loader = {
      name: 'edits-one',
      load: async ({ store }) => {
        store.set({ id: 'edited', data: {}, filePath: 'guides/edited.md', rendered: { html: '<p>new</p>' } });
      },
    };
    const report = startBuildReport();
    await reportCacheUse(editsOne).load(context);
    expect(infos).toEqual(['1 guide changed since the last build, 1 taken from the content cache']);
    // The same counts, for the bench, in the report the build clock writes to a file.
    expect(report.contentCache).toEqual({ entriesBefore: 2, changed: 1, reused: 1 });
  });

  it('says when there was no cache at all', async () => {
    const infos: string[] = [];
    const { context } = fakeContext([]);
    (context.logger as unknown as { info: (m: string) => void }).info = (m) => infos.push(m);
    const report = startBuildReport();
    await reportCacheUse(globLike).load(context);
    expect(infos).toEqual(['3 guides read and rendered (no content cache)']);
    expect(report.contentCache).toEqual({ entriesBefore: 0, changed: 3, reused: 0 });
  });
});
