/**
 * Makes render failures fatal in builds. Astro's glob loader catches an error thrown while it
 * renders a Markdown entry, logs it, and stores the entry without HTML: the build then says
 * "Complete!" and publishes an empty page, and since the entry's digest is stored, every later
 * build takes the empty entry from the content cache without trying again.
 *
 * `failOnRenderErrors(loader)` runs the loader, then checks that every Markdown entry in the store
 * has its HTML. In a build, entries without it are removed from the store (so the next build
 * renders them again) and the sync fails with one line per file and what went wrong. In `astro
 * dev` (which has a file watcher) the errors are logged and the server keeps running.
 */
import type { Loader, LoaderContext } from 'astro/loaders';

export class RenderError extends Error {
  constructor(lines: readonly string[]) {
    super(
      `${lines.length} guide${lines.length === 1 ? '' : 's'} could not be rendered; nothing was published:\n${lines.join('\n')}`,
    );
    this.name = 'RenderError';
    // The list is the message; a stack trace would only bury it.
    this.stack = this.message;
  }
}

/** Entries the loader renders itself (Markdown); MDX is compiled later, by Vite, and fails there. */
const RENDERED_HERE = /\.(md|markdown)$/i;
const LOGGED = /^Error (?:rendering|reading) (.+?): ([\s\S]*)$/;

/** The useful part of a render error: Astro wraps the cause in a "Failed to parse" line. */
function reason(message: string): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^Failed to parse Markdown file/.test(line));
  return lines.join(' ') || message.trim();
}

/**
 * Says how much of the content store a sync reused: Astro renders a guide again only when its
 * file changed, and otherwise keeps the stored entry object as it was. So after the loader runs,
 * an entry that is the very object it was before came from the content cache. Logged as, for
 * example, "1 guide changed since the last build, 999 taken from the content cache"
 * (`npm run bench` reads this line to check that a warm build reused the cache).
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
        const match = LOGGED.exec(message);
        if (match?.[1]) logged.set(match[1], reason(match[2] ?? ''));
        context.logger.error(message);
      };
      await loader.load({ ...context, logger });
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
