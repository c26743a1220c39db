/**
 * In `astro dev`, when a saved guide's front matter fails the schema, Astro's glob loader keeps
 * the old entry and logs Zod's raw issues (`**difficulty**: one of beginner, …`), without the
 * line or what was found. `withoutRawSchemaErrors(loader)` leaves that message out: the
 * greenpath:dev-problems integration (./index.ts) checks the same front matter against the same
 * schema and prints each problem as the build does, then that the page is out of date. Every
 * other message passes through, and builds are untouched (the content guard stops them first).
 *
 * Depends on the glob loader's wording (src/astro-internals/log-wording.ts). Were it to change,
 * Astro's message shows again.
 */
import type { Loader, LoaderContext } from 'astro/loaders';
import { isSchemaReloadFailure } from '../../astro-internals/log-wording';

export function withoutRawSchemaErrors(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      // Only a dev server has a watcher, and only it reloads single files.
      if (!context.watcher) return loader.load(context);
      const logger = context.logger.fork(context.logger.label);
      logger.error = (message: string) => {
        if (!isSchemaReloadFailure(message)) context.logger.error(message);
      };
      await loader.load({ ...context, logger });
    },
  };
}
