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
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The parts of an Astro entry type the glob loader calls (astro/dist/content/loaders/glob.js). */
interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): Promise<{ data: Record<string, unknown> }>;
}

/**
 * Errors the content check reports in the build's own form (its `schema` and `yaml` rules): for
 * these the terminal already has the `file:line` message, so Astro's is left out. Named as in
 * Astro's error reference (checked with Astro 7.3.5).
 */
const REPORTED_BY_CHECK = new Set(['InvalidContentEntryDataError', 'MarkdownError']);

/**
 * In `astro dev`, lets a whole pass of the loader (the first sync, and any later full sync) finish
 * when some guides' front matter is refused, so the dev server starts with guides already broken:
 * the glob loader validates every file in one `Promise.all`, and a single refusal would fail the
 * sync and stop the server before the problem banner could show anything.
 *
 * During the pass, an entry whose front matter does not parse (YAML) or fails the schema is
 * stored for a moment with its raw data and, once the pass is over, given back the entry it had
 * in the content store before (its last valid version) or removed: its page is then the 404
 * page, with the banner, until the file is fixed and the loader reloads it. After the pass,
 * single-file reloads keep Astro's behaviour (a refused save keeps the old entry). Builds are
 * untouched: the content guard has already refused them.
 *
 * Wraps two things the glob loader calls: the context's `parseData` (public) and the
 * `entryTypes` map Astro 7.3.5 also puts in the context (not in LoaderContext's type), whose
 * `getEntryInfo` throws on bad YAML. Without that map, a YAML error still stops the start.
 */
export function loadPastRefusedEntries(loader: Loader): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      if (!context.watcher) return loader.load(context);
      let wholePass = true;
      /** Empty data standing in for front matter that would not parse, and why it would not. */
      const unparsed = new WeakMap<object, unknown>();
      const refused = new Map<string, { file: string; before: ReturnType<LoaderContext['store']['get']> }>();
      const root = fileURLToPath(context.config.root);
      const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
      const refuse = (id: string, file: string, error: unknown) => {
        if (!refused.has(id)) refused.set(id, { file: relative(file), before: context.store.get(id) });
        const name = error instanceof Error ? error.name : '';
        // Anything the content check does not report would otherwise go unexplained.
        if (!REPORTED_BY_CHECK.has(name)) context.logger.error(`${relative(file)}: ${String(error)}`);
      };

      const parseData: LoaderContext['parseData'] = async (props) => {
        if (!wholePass) return context.parseData(props);
        if (unparsed.has(props.data)) {
          refuse(props.id, props.filePath ?? props.id, unparsed.get(props.data));
          return props.data;
        }
        try {
          return await context.parseData(props);
        } catch (error) {
          refuse(props.id, props.filePath ?? props.id, error);
          return props.data;
        }
      };

      const given = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
      const entryTypes =
        given &&
        new Map(
          [...given].map(([extension, entryType]): [string, EntryType] => [
            extension,
            {
              ...entryType,
              getEntryInfo: async (params) => {
                if (!wholePass) return entryType.getEntryInfo(params);
                try {
                  return await entryType.getEntryInfo(params);
                } catch (error) {
                  // Empty front matter and body: the id comes from the file name, and parseData
                  // (above) refuses it without asking the schema.
                  const data = {};
                  unparsed.set(data, error);
                  return { data, body: '', rawData: '' };
                }
              },
            },
          ]),
        );

      try {
        await loader.load({ ...context, parseData, ...(entryTypes ? { entryTypes } : {}) });
      } finally {
        wholePass = false;
        for (const [id, { file, before }] of refused) {
          context.store.delete(id);
          if (before) context.store.set(before);
          context.logger.warn(
            before
              ? `${file}: not loaded; its page shows the last version whose front matter was valid`
              : `${file}: not loaded; it has no page until its front matter is valid`,
          );
        }
      }
    },
  };
}
