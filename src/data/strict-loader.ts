/**
 * Makes render failures fatal in builds. Astro's glob loader catches an error thrown while it
 * renders a Markdown entry, logs it, and stores the entry without HTML: the build then says
 * "Complete!" and publishes an empty page, and since the entry's digest is stored, every later
 * build takes the empty entry from the content cache without trying again.
 *
 * `failOnRenderErrors(loader)` runs the loader, then checks that every Markdown entry in the store
 * has its HTML. In a build, entries without it are removed from the store (so the next build
 * renders them again) and the sync fails with one line per file and what went wrong, then one
 * "Build refused" line; Astro's own report of each failure (a log line, and a stack trace the
 * Markdown processor prints) is held back, since that list says the same. In `astro dev` (which
 * has a file watcher) the errors are logged as Astro logs them and the server keeps running.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { entryFailure, isMarkdownFailurePrefix, isMarkdownFailureReport } from '../astro-internals/log-wording';
import { counted, refusalSummary } from '../lib/build-refusal';
import { recordContentCacheUse } from '../lib/build-report';

export class RenderError extends Error {
  constructor(lines: readonly string[]) {
    super([...lines, refusalSummary(`${counted(lines.length, 'guide')} could not be rendered`)].join('\n'));
    this.name = 'RenderError';
    // Astro prints a thrown error's message, then its stack under "Stack trace:" when it has one
    // (astro/dist/core/messages/runtime.js, src/astro-internals/README.md). The list is the whole story: no stack.
    this.stack = '';
  }
}

/**
 * Runs `work` with `console.error` holding back the Markdown processor's own failure reports: it
 * passes the error, stack and all, to `console.error` before it rethrows.
 */
async function withoutProcessorReports<T>(work: () => Promise<T>): Promise<T> {
  const original = console.error;
  console.error = (...args: unknown[]) => {
    if (isMarkdownFailureReport(args)) return;
    original(...args);
  };
  try {
    return await work();
  } finally {
    console.error = original;
  }
}

/** Entries the loader renders itself (Markdown); MDX is compiled later, by Vite, and fails there. */
const RENDERED_HERE = /\.(md|markdown)$/i;

/** The useful part of a render error: Astro wraps the cause in a "Failed to parse" line. */
function reason(message: string): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !isMarkdownFailurePrefix(line));
  return lines.join(' ') || message.trim();
}

/**
 * Says how much of the content store a sync reused: Astro renders a guide again only when its
 * file changed, and otherwise keeps the stored entry object as it was. So after the loader runs,
 * an entry that is the very object it was before came from the content cache. Logged for the
 * reader as, for example, "1 guide changed since the last build, 999 taken from the content
 * cache", and recorded in the build report (../lib/build-report.ts), which is what `npm run bench`
 * reads to check that a warm build reused the cache.
 */
export function reportCacheUse(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      const before = new Map(context.store.entries());
      await loader.load(context);
      let reused = 0;
      let changed = 0;
      for (const [id, entry] of context.store.entries()) {
        if (before.get(id) === entry) reused += 1;
        else changed += 1;
      }
      recordContentCacheUse({ entriesBefore: before.size, changed, reused });
      const guides = (n: number) => `${n} guide${n === 1 ? '' : 's'}`;
      context.logger.info(
        before.size === 0
          ? `${guides(changed)} read and rendered (no content cache)`
          : `${guides(changed)} changed since the last build, ${reused} taken from the content cache`,
      );
    },
  };
}

export function failOnRenderErrors(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      const logged = new Map<string, string>();
      const logger = context.logger.fork(context.logger.label);
      logger.error = (message: string) => {
        const failure = entryFailure(message);
        if (failure) logged.set(failure.file, reason(failure.cause));
        // In a build, the list below reports the failures Astro logs.
        if (context.watcher || !failure) context.logger.error(message);
      };
      const load = () => loader.load({ ...context, logger });
      await (context.watcher ? load() : withoutProcessorReports(load));
      if (context.watcher) return;

      const lines: string[] = [];
      const explained = new Set<string>();
      for (const [id, entry] of context.store.entries()) {
        const filePath = entry.filePath;
        if (!filePath || !RENDERED_HERE.test(filePath) || entry.rendered || entry.deferredRender) continue;
        context.store.delete(id);
        // The loader logs paths relative to its base folder; the store keeps them relative to the project.
        const file = [...logged.keys()].find((f) => filePath === f || filePath.endsWith(`/${f}`));
        if (file) explained.add(file);
        lines.push(
          `${filePath}: could not be rendered: ${file ? logged.get(file) : 'it has no HTML (an earlier render failed)'}`,
        );
      }
      // Files that failed before they reached the store (unreadable, for example).
      for (const [file, cause] of logged) if (!explained.has(file)) lines.push(`${file}: ${cause}`);
      if (lines.length > 0) throw new RenderError(lines.sort());
    },
  };
}
