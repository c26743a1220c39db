/**
 * Stores each guide's git date (src/lib/git-dates.ts) with its collection entry, beside its body
 * facts, so it reaches the library (src/data/guides.ts), the page and its cache key
 * (src/data/page-keys.ts) as content data, like everything else about a guide.
 *
 * Git is read once per sync, in parallel with the loader. A guide's date can change while its
 * file does not (a commit of an edit built before it was committed, a rebase), and Astro then
 * keeps the stored entry as it was; so after the loader runs, every entry whose stored date is not
 * the current one is stored again with it (the same digest, so the next sync still takes it from
 * the content cache). Each guide's "Updated" date is also recorded for the sitemap (./sitemap.ts).
 * Node only.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { lastUpdated, readGitDate, withGitDate } from '../../lib/git-dates';
import { readGitDates } from './read';
import { recordLastUpdated } from './sitemap';

/** What the schema made of a guide's dates (src/schemas/guide.ts). */
function guideDates(data: Record<string, unknown>): { date: Date; updated: Date | undefined } | undefined {
  const { date, updated } = data;
  if (!(date instanceof Date)) return undefined;
  return { date, updated: updated instanceof Date ? updated : undefined };
}

export function storeGitDates(loader: Loader, dir: string): Loader {
  return {
    ...loader,
    load: async (context: LoaderContext) => {
      const reading = readGitDates(dir, { cwd: fileURLToPath(context.config.root) });
      await loader.load(context);
      const { dates, skipped } = await reading;
      if (skipped) context.logger.debug(`guides have no git dates: ${skipped}`);
      const bySlug = new Map<string, Date>();
      const entries = context.store.entries();
      const dateOf = (filePath: string | undefined) => (filePath === undefined ? undefined : dates.get(filePath));
      // An entry without rendered content failed to render; the strict loader deals with it.
      const stale = entries.some(
        ([, entry]) => entry.rendered && readGitDate(entry.rendered) !== dateOf(entry.filePath),
      );
      for (const [id, entry] of entries) {
        const date = dateOf(entry.filePath);
        // Stored again even when unchanged, so the collection keeps its order: setting an entry
        // moves it last, and the order of a collection is the order pages and feeds start from.
        if (stale && entry.rendered) {
          context.store.delete(id);
          context.store.set({ ...entry, rendered: withGitDate(entry.rendered, date) });
        }
        const guide = guideDates(entry.data);
        const updated = guide && lastUpdated(guide, date);
        if (updated) bySlug.set(id, updated);
      }
      recordLastUpdated(bySlug);
    },
  };
}
